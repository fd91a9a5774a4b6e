package io.mes4j.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.error.ContentIntegrityException;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DocumentContentTest {
  private static String sha1(byte[] bytes) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(bytes));
  }

  @Test
  void readAllBytes_whenContentMatchesItsHash_returnsIt() throws Exception {
    byte[] bytes = "bilan".getBytes();
    try (DocumentContent content =
        DocumentContent.checked(
            "application/pdf", new ByteArrayInputStream(bytes), sha1(bytes), () -> {})) {
      assertThat(content.readAllBytes()).isEqualTo(bytes);
    }
  }

  @Test
  void readAllBytes_whenContentDiffersFromItsHash_throwsContentIntegrity() throws Exception {
    // DOC-2: the hash of the metadata guards the content
    byte[] bytes = "bilan".getBytes();
    try (DocumentContent content =
        DocumentContent.checked(
            "application/pdf",
            new ByteArrayInputStream("tampered".getBytes()),
            sha1(bytes),
            () -> {})) {
      assertThatThrownBy(content::readAllBytes).isInstanceOf(ContentIntegrityException.class);
    }
  }

  @Test
  void close_releasesTheConnection() {
    AtomicBoolean released = new AtomicBoolean();
    DocumentContent content =
        DocumentContent.checked(
            "text/plain", new ByteArrayInputStream(new byte[0]), null, () -> released.set(true));

    content.close();

    assertThat(released).isTrue();
  }
}
