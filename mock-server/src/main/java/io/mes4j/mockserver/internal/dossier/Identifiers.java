package io.mes4j.mockserver.internal.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.InsSystem;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.http.Fields;
import io.mes4j.mockserver.internal.http.HttpError;
import org.jspecify.annotations.Nullable;

/** Reads patient identifiers (ID-1) from token parameters and FHIR identifiers. */
final class Identifiers {
  private Identifiers() {}

  /** {@code <system>|<INS>} (the system one of the four INS systems) or a bare INS (NIR). */
  static Ins fromToken(@Nullable String token, String parameter) {
    if (token == null || token.isBlank()) {
      throw HttpError.badRequest("Parameter " + parameter + " is required (<system>|<INS>)");
    }
    int bar = token.indexOf('|');
    String system = bar < 0 ? null : token.substring(0, bar);
    String value = bar < 0 ? token : token.substring(bar + 1);
    return ins(system, value);
  }

  /** {@code {"identifier": {"system", "value"}}} of a FHIR Reference. */
  static Ins fromReference(JsonNode reference, String path) {
    JsonNode identifier = Fields.object(reference, "identifier", path + ".identifier");
    return ins(
        Fields.text(identifier, "system", path + ".identifier.system"),
        Fields.text(identifier, "value", path + ".identifier.value"));
  }

  static Ins ins(@Nullable String system, String value) {
    InsSystem insSystem;
    try {
      insSystem = system == null || system.isEmpty() ? InsSystem.NIR : InsSystem.fromUri(system);
    } catch (InvalidValueException e) {
      throw new HttpError(
          Cause.INVALID_INS,
          "The INS identifier system must be one of the NIR, NIA, test NIR or demo NIR OIDs");
    }
    try {
      return Ins.of(value, insSystem);
    } catch (InvalidValueException e) {
      throw new HttpError(Cause.INVALID_INS, e.getMessage());
    }
  }
}
