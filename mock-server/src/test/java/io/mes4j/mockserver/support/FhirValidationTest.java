package io.mes4j.mockserver.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The validator behind EmittedResourcesValidationTest does catch invalid resources. */
class FhirValidationTest {
  @Test
  void errors_ofAnInvalidResource_areReported() {
    String invalid =
        "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"dreadful\",\"code\":\"bogus\"}]}";
    assertThat(FhirValidation.errors(invalid)).isNotEmpty();
  }

  @Test
  void errors_ofADocumentReferenceWithoutStatus_areReported() {
    String invalid =
        "{\"resourceType\":\"DocumentReference\",\"content\":[{\"attachment\":{\"contentType\":\"application/pdf\"}}]}";
    assertThat(FhirValidation.errors(invalid)).anyMatch(e -> e.contains("status"));
  }

  @Test
  void errors_ofAValidOperationOutcome_areNone() {
    String valid =
        "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"forbidden\"}]}";
    assertThat(FhirValidation.errors(valid)).isEmpty();
  }
}
