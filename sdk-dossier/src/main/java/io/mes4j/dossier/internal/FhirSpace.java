package io.mes4j.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.code.SpaceState;
import io.mes4j.core.error.MesClientException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.InsSystem;
import io.mes4j.dossier.AttachmentStatus;
import io.mes4j.dossier.Invitation;
import io.mes4j.dossier.InvitationStatus;
import io.mes4j.dossier.SpaceStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes the {@code Parameters} of the space's operations and reads the {@code Patient} of the
 * status search and the {@code Parameters} answered (docs/wire-contract.md, "Space lifecycle").
 * Jackson trees stay inside this package.
 */
public final class FhirSpace {
  /** The base of the space's extensions on {@code Patient}. */
  public static final String EXT = "https://mes4j.io/fhir/StructureDefinition/";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private FhirSpace() {}

  /** A {@code Parameters} body being built; {@link #bytes()} is what is sent. */
  public static final class Body {
    private final ObjectNode parameters = F.objectNode();

    public Body() {
      parameters.put("resourceType", "Parameters");
      parameters.putArray("parameter");
    }

    /** Adds {@code name} as a {@code valueIdentifier} holding an INS. */
    public Body identifier(String name, Ins ins) {
      ObjectNode identifier = param(parameters, name).putObject("valueIdentifier");
      identifier.put("system", ins.system().uri()).put("value", ins.value());
      return this;
    }

    public Body bool(String name, boolean value) {
      param(parameters, name).put("valueBoolean", value);
      return this;
    }

    public Body string(String name, String value) {
      param(parameters, name).put("valueString", value);
      return this;
    }

    public byte[] bytes() {
      return FhirPages.write(parameters);
    }

    @Override
    public String toString() {
      return "Parameters[redacted]";
    }
  }

  private static ObjectNode param(ObjectNode parameters, String name) {
    return ((ArrayNode) parameters.get("parameter")).addObject().put("name", name);
  }

  /** The status in a TD0.2 searchset; empty when the INS has no space at all. */
  public static @Nullable SpaceStatus status(byte[] body) {
    JsonNode bundle = FhirPages.read(body);
    JsonNode entries = bundle.path("entry");
    if (!entries.isArray() || entries.isEmpty()) {
      return null;
    }
    JsonNode patient = entries.get(0).path("resource");
    String state = null;
    boolean authorised = false;
    boolean medecinTraitant = false;
    Instant windowEnd = null;
    Instant closed = null;
    for (JsonNode extension : patient.path("extension")) {
      String url = extension.path("url").asText("");
      switch (url.startsWith(EXT) ? url.substring(EXT.length()) : "") {
        case "space-state" -> state = extension.path("valueCode").asText(null);
        case "space-caller-authorised" ->
            authorised = extension.path("valueBoolean").asBoolean(false);
        case "space-caller-medecin-traitant" ->
            medecinTraitant = extension.path("valueBoolean").asBoolean(false);
        case "space-opposition-window-end" -> windowEnd = instant(extension.path("valueDateTime"));
        case "space-closed" -> closed = instant(extension.path("valueDateTime"));
        default -> {
          // other extensions: ignored
        }
      }
    }
    return new SpaceStatus(spaceState(state), authorised, medecinTraitant, windowEnd, closed);
  }

  /** The {@code state} of a transition's answer. */
  public static SpaceState state(byte[] body) {
    JsonNode parameters = FhirPages.read(body);
    return spaceState(value(parameters, "state").path("valueCode").asText(null));
  }

  /** The {@code attachment} of an attachment's answer. */
  public static AttachmentStatus attachment(byte[] body) {
    JsonNode parameters = FhirPages.read(body);
    String code = value(parameters, "attachment").path("valueCode").asText("");
    try {
      return AttachmentStatus.valueOf(code);
    } catch (IllegalArgumentException e) {
      throw unreadable("attachment status " + code);
    }
  }

  /** Every {@code invitation} of an answer, in order. */
  public static List<Invitation> invitations(byte[] body) {
    JsonNode parameters = FhirPages.read(body);
    List<Invitation> invitations = new ArrayList<>();
    for (JsonNode parameter : parameters.path("parameter")) {
      if (!"invitation".equals(parameter.path("name").asText())) {
        continue;
      }
      String id = null;
      Ins minor = null;
      Ins invitee = null;
      InvitationStatus status = null;
      Instant sent = null;
      Instant expires = null;
      for (JsonNode part : parameter.path("part")) {
        switch (part.path("name").asText("")) {
          case "id" -> id = part.path("valueString").asText(null);
          case "minor" -> minor = ins(part.path("valueIdentifier"));
          case "invitee" -> invitee = ins(part.path("valueIdentifier"));
          case "status" -> {
            try {
              status = InvitationStatus.valueOf(part.path("valueCode").asText(""));
            } catch (IllegalArgumentException e) {
              throw unreadable("invitation status");
            }
          }
          case "sent" -> sent = instant(part.path("valueDateTime"));
          case "expires" -> expires = instant(part.path("valueDateTime"));
          default -> {
            // unknown parts: ignored
          }
        }
      }
      if (id == null
          || minor == null
          || invitee == null
          || status == null
          || sent == null
          || expires == null) {
        throw unreadable("an incomplete invitation");
      }
      invitations.add(new Invitation(id, minor, invitee, status, sent, expires));
    }
    return invitations;
  }

  private static JsonNode value(JsonNode parameters, String name) {
    for (JsonNode parameter : parameters.path("parameter")) {
      if (name.equals(parameter.path("name").asText())) {
        return parameter;
      }
    }
    throw unreadable("no parameter " + name);
  }

  private static SpaceState spaceState(@Nullable String code) {
    if (code == null) {
      throw unreadable("no space state");
    }
    try {
      return SpaceState.valueOf(code);
    } catch (IllegalArgumentException e) {
      throw unreadable("space state " + code);
    }
  }

  private static Ins ins(JsonNode identifier) {
    try {
      return Ins.of(
          identifier.path("value").asText(""),
          InsSystem.fromUri(identifier.path("system").asText("")));
    } catch (RuntimeException e) {
      throw unreadable("an INS");
    }
  }

  private static @Nullable Instant instant(JsonNode value) {
    if (!value.isTextual()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.asText()).toInstant();
    } catch (RuntimeException e) {
      throw unreadable("a dateTime");
    }
  }

  private static MesClientException unreadable(String what) {
    return new MesClientException("The server's answer is not readable: " + what);
  }
}
