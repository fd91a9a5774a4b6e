package io.mes4j.mockserver.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * Validates JSON resources with the HAPI FHIR R4 validator. One validator, built lazily and reused.
 * Only ERROR and FATAL messages count: the project's own code systems ({@code
 * https://mes4j.io/...}) and the French ones are unknown to it and give warnings.
 */
public final class FhirValidation {
  private static FhirValidator validator;

  private FhirValidation() {}

  private static synchronized FhirValidator validator() {
    if (validator == null) {
      FhirContext context = FhirContext.forR4Cached();
      ValidationSupportChain chain =
          new ValidationSupportChain(
              new DefaultProfileValidationSupport(context),
              new InMemoryTerminologyServerValidationSupport(context),
              new CommonCodeSystemsTerminologyService(context));
      FhirInstanceValidator module = new FhirInstanceValidator(chain);
      module.setAnyExtensionsAllowed(true);
      module.setErrorForUnknownProfiles(false);
      validator = context.newValidator().registerValidatorModule(module);
    }
    return validator;
  }

  /** The ERROR and FATAL messages for {@code json}, as "location: message"; empty if valid. */
  public static List<String> errors(String json) {
    return validator().validateWithResult(json).getMessages().stream()
        .filter(
            m ->
                m.getSeverity() == ResultSeverityEnum.ERROR
                    || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(FhirValidation::describe)
        .toList();
  }

  private static String describe(SingleValidationMessage message) {
    return message.getLocationString() + ": " + message.getMessage();
  }
}
