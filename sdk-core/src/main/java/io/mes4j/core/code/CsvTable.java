package io.mes4j.core.code;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A code table read from a CSV resource beside this class: UTF-8, a header line, comma-separated
 * fields, fields optionally in double quotes (a doubled quote inside stands for one, and a quoted
 * field may hold commas and line breaks).
 */
final class CsvTable {
  private final List<String> header;
  private final List<List<String>> rows;

  private CsvTable(List<String> header, List<List<String>> rows) {
    this.header = header;
    this.rows = rows;
  }

  /** Reads the resource {@code name} next to this class; a missing or malformed one is a bug. */
  static CsvTable load(String name) {
    try (InputStream in =
        Objects.requireNonNull(
            CsvTable.class.getResourceAsStream(name), "missing code table resource " + name)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read code table " + name, e);
    }
  }

  /** Parses {@code text}; {@code name} only labels error messages. */
  static CsvTable parse(String text, String name) {
    List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
    if (records.isEmpty()) {
      throw new IllegalStateException("code table " + name + " has no header");
    }
    List<String> header = records.get(0);
    List<List<String>> rows = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> row = records.get(r);
      if (row.size() != header.size()) {
        throw new IllegalStateException(
            "code table "
                + name
                + " line "
                + (r + 1)
                + " has "
                + row.size()
                + " fields, expected "
                + header.size());
      }
      rows.add(List.copyOf(row));
    }
    return new CsvTable(List.copyOf(header), List.copyOf(rows));
  }

  private static List<List<String>> records(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
        fieldStarted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
          record.add(field.toString());
          records.add(record);
        }
        record = new ArrayList<>();
        field.setLength(0);
        fieldStarted = false;
      } else {
        field.append(c);
        fieldStarted = true;
      }
      i++;
    }
    if (quoted) {
      throw new IllegalStateException("unterminated quoted field in code table");
    }
    if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }

  /** The rows as maps from column name to value, in file order. */
  List<Map<String, String>> rows() {
    List<Map<String, String>> out = new ArrayList<>(rows.size());
    for (List<String> row : rows) {
      Map<String, String> map = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        map.put(header.get(c), row.get(c));
      }
      out.add(map);
    }
    return out;
  }

  /** The value of {@code column} in {@code row}; an absent column is a bug in the table. */
  static String get(Map<String, String> row, String column) {
    String value = row.get(column);
    if (value == null) {
      throw new IllegalStateException("code table has no column " + column);
    }
    return value;
  }
}
