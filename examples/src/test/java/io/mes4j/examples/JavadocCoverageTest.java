package io.mes4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SDK's public API is documented: every public type and member of sdk-core, sdk-dossier,
 * sdk-messaging, sdk-agenda, sdk-catalogue and mock-server has a Javadoc comment (their
 * compilation's doclint checks that the comments are well-formed). Run from {@code examples/},
 * which depends on every one of them; the check itself is tried on small sources first.
 */
class JavadocCoverageTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sdk-core",
        "sdk-dossier",
        "sdk-messaging",
        "sdk-agenda",
        "sdk-catalogue",
        "mock-server"
      })
  void everyPublicTypeAndMember_ofTheModule_hasAJavadocComment(String module) {
    Path sources = Path.of("..", module, "src", "main", "java");
    assertThat(sources).isDirectory();

    assertThat(JavadocCoverage.missing(sources)).isEmpty();
  }

  private static void write(Path root, String relative, String source) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
  }

  @Test
  void missing_listsUndocumentedPublicElements_only(@TempDir Path root) throws IOException {
    // GIVEN a public API with documented and undocumented elements, and private ones
    write(
        root,
        "p/Api.java",
        """
        package p;

        /** Documented. */
        public class Api {
          public static final int NAKED_FIELD = 1;

          /** Documented. */
          public static final int FIELD = 2;

          public Api() {}

          public int naked() { return 1; }

          /** Documented. */
          public int documented() { return 2; }

          protected void nakedProtected() {}

          @Override
          public String toString() { return ""; }

          void packagePrivate() {}

          private void hidden() {}

          public enum Kind {
            /** Documented. */
            A,
            B
          }

          private static class Hidden {
            public void inside() {}
          }
        }
        """);
    write(root, "p/Naked.java", "package p;\npublic interface Naked {\n  void call();\n}\n");

    // WHEN the coverage is checked
    var missing = JavadocCoverage.missing(root);

    // THEN exactly the undocumented public and protected elements are listed
    assertThat(missing)
        .extracting(line -> line.substring(line.indexOf(' ') + 1))
        .containsExactlyInAnyOrder(
            "NAKED_FIELD", "<init>", "naked", "nakedProtected", "Kind", "B", "Naked", "call");
  }

  @Test
  void missing_skipsInternalPackages(@TempDir Path root) throws IOException {
    // GIVEN an undocumented public class in an internal package, beside an undocumented API one
    write(root, "p/internal/Impl.java", "package p.internal;\npublic class Impl {}\n");
    write(root, "p/Api.java", "package p;\npublic class Api {}\n");

    // WHEN the coverage is checked / THEN only the API class is listed
    assertThat(JavadocCoverage.missing(root)).singleElement().asString().endsWith(" Api");
  }

  @Test
  void missing_ofAnInternalOnlyTree_isEmpty(@TempDir Path root) throws IOException {
    // GIVEN only an undocumented public class in an internal package
    write(root, "p/internal/Impl.java", "package p.internal;\npublic class Impl {}\n");

    // WHEN the coverage is checked / THEN nothing is listed
    assertThat(JavadocCoverage.missing(root)).isEmpty();
  }
}
