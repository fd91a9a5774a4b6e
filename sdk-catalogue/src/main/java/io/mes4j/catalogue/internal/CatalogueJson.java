package io.mes4j.catalogue.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.catalogue.CatalogueService;
import io.mes4j.catalogue.Finality;
import io.mes4j.catalogue.Pairing;
import io.mes4j.catalogue.ServiceStatus;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.error.MesClientException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.InsSystem;
import io.mes4j.core.identity.ServiceId;
import io.mes4j.core.internal.JsonCodec;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the catalogue's JSON (services, not FHIR) and the pairing {@code Consent}s
 * (docs/wire-contract.md, "Catalogue and pairing"). Jackson stays in here.
 */
public final class CatalogueJson {
  /** The extension flagging a pairing to approve again (ES-6). */
  public static final String REAPPROVAL_REQUIRED =
      "https://mes4j.io/fhir/StructureDefinition/reapproval-required";

  private static final String RFC3986 = "urn:ietf:rfc:3986";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private CatalogueJson() {}

  /** Parses a JSON answer. */
  public static JsonNode read(byte[] body) {
    return JsonCodec.readTree(body);
  }

  /** A service of the catalogue listing. */
  public static CatalogueService service(JsonNode s) {
    List<Finality> finalities = new ArrayList<>();
    for (JsonNode f : s.path("finalities")) {
      String code = text(f, "code");
      finalities.add(
          Finality.of(
              code,
              f.path("display").asText(code),
              strings(f.path("data")),
              strings(f.path("actions"))));
    }
    List<URI> redirects = new ArrayList<>();
    for (JsonNode r : s.path("redirectUris")) {
      try {
        redirects.add(URI.create(r.asText()));
      } catch (IllegalArgumentException e) {
        throw new MesClientException("the catalogue lists an invalid redirect URI");
      }
    }
    try {
      return new CatalogueService(
          ServiceId.of(text(s, "id")),
          text(s, "name"),
          s.path("editor").asText(""),
          ServiceStatus.fromCode(text(s, "status")),
          finalities,
          redirects);
    } catch (InvalidValueException e) {
      throw new MesClientException("the catalogue lists an invalid service: " + e.getMessage());
    }
  }

  /** The services of a listing {@code {"services": [...]}}. */
  public static List<CatalogueService> services(JsonNode listing) {
    List<CatalogueService> services = new ArrayList<>();
    for (JsonNode s : listing.path("services")) {
      services.add(service(s));
    }
    return List.copyOf(services);
  }

  /** A pairing {@code Consent}. */
  public static Pairing pairing(JsonNode consent) {
    try {
      JsonNode patient = consent.path("patient").path("identifier");
      Ins ins =
          Ins.of(text(patient, "value"), InsSystem.fromUri(patient.path("system").asText("")));
      JsonNode actor = consent.path("provision").path("actor").path(0).path("reference");
      ServiceId service = ServiceId.of(text(actor.path("identifier"), "value"));
      List<Finality> finalities = new ArrayList<>();
      for (JsonNode p : consent.path("provision").path("provision")) {
        for (JsonNode code : p.path("code")) {
          for (JsonNode coding : code.path("coding")) {
            if (Finality.SYSTEM.equals(coding.path("system").asText())) {
              finalities.add(Finality.of(coding.path("code").asText()));
            }
          }
        }
      }
      boolean reapproval = false;
      for (JsonNode ext : consent.path("extension")) {
        if (REAPPROVAL_REQUIRED.equals(ext.path("url").asText())) {
          reapproval = ext.path("valueBoolean").asBoolean(false);
        }
      }
      String when =
          consent.path("dateTime").isTextual()
              ? consent.path("dateTime").asText()
              : consent.path("meta").path("lastUpdated").asText();
      return new Pairing(
          text(consent, "id"),
          service,
          ins,
          finalities,
          "active".equals(consent.path("status").asText()),
          reapproval,
          Instant.parse(when));
    } catch (InvalidValueException | DateTimeParseException e) {
      throw new MesClientException("the server answered an invalid pairing Consent");
    }
  }

  /** The {@code Parameters} of {@code $withdraw-finality}. */
  public static byte[] withdrawFinality(Finality finality) {
    ObjectNode p = F.objectNode().put("resourceType", "Parameters");
    p.putArray("parameter").addObject().put("name", "finality").put("valueCode", finality.code());
    return JsonCodec.write(p);
  }

  /** Empty {@code Parameters}. */
  public static byte[] emptyParameters() {
    return JsonCodec.write(F.objectNode().put("resourceType", "Parameters"));
  }

  /** The service identifier system of a Consent actor. */
  public static String serviceSystem() {
    return RFC3986;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new MesClientException("the server's answer lacks " + field);
    }
    return v.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(n.asText());
    }
    return out;
  }
}
