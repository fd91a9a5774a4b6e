package io.mes4j.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.mes4j.core.internal.ApiExecutor;
import java.util.List;
import org.apache.hc.core5.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Checks that the rules catch what they are meant to catch, on small fixtures. */
class ArchitectureRulesTest {

  /** Leaks Jackson through a return type. */
  public static class LeaksJackson {
    public JsonNode tree() {
      return null;
    }
  }

  /** Leaks HttpClient through a type argument of a parameter. */
  public static class LeaksHttpClientInAGeneric {
    public void accept(List<HttpResponse> responses) {}
  }

  /** Leaks an internal type through a field. */
  public static class LeaksInternal {
    public ApiExecutor executor;
  }

  /** Uses Jackson privately only: allowed. */
  public static class HidesJackson {
    private JsonNode tree;

    public String text() {
      return String.valueOf(tree);
    }
  }

  @Test
  void noTransportTypesRule_reportsReturnTypesAndTypeArguments() {
    // GIVEN public classes leaking Jackson and HttpClient types
    JavaClasses classes =
        new ClassFileImporter().importClasses(LeaksJackson.class, LeaksHttpClientInAGeneric.class);

    // WHEN the rule is evaluated
    EvaluationResult result = ArchitectureRules.NO_TRANSPORT_TYPES_IN_PUBLIC_API.evaluate(classes);

    // THEN both leaks are reported
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(d -> assertThat(d).contains("JsonNode"))
        .anySatisfy(d -> assertThat(d).contains("HttpResponse"));
  }

  @Test
  void noTransportTypesRule_acceptsPrivateUse() {
    // GIVEN a public class using Jackson privately
    JavaClasses classes = new ClassFileImporter().importClasses(HidesJackson.class);

    // WHEN the rule is evaluated
    // THEN nothing is reported
    assertThat(ArchitectureRules.NO_TRANSPORT_TYPES_IN_PUBLIC_API.evaluate(classes).hasViolation())
        .isFalse();
  }

  @Test
  void noInternalTypesRule_reportsAPublicFieldOfAnInternalType() {
    // GIVEN a public class with a public field of an internal type
    JavaClasses classes = new ClassFileImporter().importClasses(LeaksInternal.class);

    // WHEN the rule is evaluated
    // THEN it is reported
    assertThat(ArchitectureRules.NO_INTERNAL_TYPES_IN_PUBLIC_API.evaluate(classes).hasViolation())
        .isTrue();
  }
}
