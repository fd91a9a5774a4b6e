package io.mes4j.dossier;

import io.mes4j.core.error.InvalidValueException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A code from a terminology (a FHIR {@code Coding}): its system URI, its code and an optional
 * display, e.g. a CIM-10 diagnosis, an ATC or CIS medicine, a vaccine code.
 *
 * <pre>{@code
 * ClinicalCode asthma = ClinicalCode.of("http://hl7.org/fhir/sid/icd-10", "J45");
 * }</pre>
 *
 * @param system the code system, an absolute URI ({@code http(s)://…} or {@code urn:…})
 * @param code the code, 1 to 100 characters without spaces
 * @param display a human-readable name, or null
 */
public record ClinicalCode(String system, String code, @Nullable String display) {
  private static final Pattern URI = Pattern.compile("^(https?://|urn:)\\S+$");
  private static final Pattern CODE = Pattern.compile("^\\S{1,100}$");

  /**
   * @throws InvalidValueException if the system is not an absolute URI or the code is malformed
   */
  public ClinicalCode {
    if (system == null || !URI.matcher(system).matches()) {
      throw new InvalidValueException("a code system must be an absolute URI (http(s):// or urn:)");
    }
    if (code == null || !CODE.matcher(code).matches()) {
      throw new InvalidValueException("a code must be 1 to 100 characters without spaces");
    }
    if (display != null) {
      ProfileTexts.check(display, "a code's display");
    }
  }

  /** A code without display. */
  public static ClinicalCode of(String system, String code) {
    return new ClinicalCode(system, code, null);
  }

  /** A code with its display. */
  public static ClinicalCode of(String system, String code, String display) {
    return new ClinicalCode(system, code, display);
  }

  /** The display, if any. */
  public Optional<String> displayName() {
    return Optional.ofNullable(display);
  }

  /** Only the system: a code may reveal a diagnosis. */
  @Override
  public String toString() {
    return "ClinicalCode[" + system + "]";
  }
}
