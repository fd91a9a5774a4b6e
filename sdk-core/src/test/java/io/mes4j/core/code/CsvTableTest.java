package io.mes4j.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTableTest {

  @Test
  void parse_whenFieldsAreQuoted_keepsCommasQuotesAndLineBreaks() {
    // GIVEN a table with quoted fields, CRLF line ends and a byte-order mark
    String text =
        "\uFEFFcode,label\r\n"
            + "a,\"one, two\"\r\n"
            + "b,\"say \"\"hi\"\"\"\r\n"
            + "c,\"two\nlines\"\r\n"
            + "d,\r\n";

    // WHEN parsed
    List<Map<String, String>> rows = CsvTable.parse(text, "test").rows();

    // THEN each field is the intended text
    assertThat(rows)
        .extracting(row -> row.get("label"))
        .containsExactly("one, two", "say \"hi\"", "two\nlines", "");
    assertThat(rows).extracting(row -> row.get("code")).containsExactly("a", "b", "c", "d");
  }

  @Test
  void parse_whenARowHasTheWrongFieldCount_fails() {
    // GIVEN a row with a missing field WHEN parsed THEN the table is refused, naming the line
    assertThatThrownBy(() -> CsvTable.parse("a,b\n1\n", "test"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void parse_whenAQuoteIsNotClosed_fails() {
    // GIVEN an unterminated quoted field WHEN parsed THEN the table is refused
    assertThatThrownBy(() -> CsvTable.parse("a,b\n1,\"open\n", "test"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unterminated");
  }
}
