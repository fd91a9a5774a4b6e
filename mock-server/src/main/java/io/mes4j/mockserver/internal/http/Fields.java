package io.mes4j.mockserver.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Typed access to fields of a JSON tree: a missing required field or a wrong type is a 400 naming
 * the field's path, never a 500.
 */
public final class Fields {
  private Fields() {}

  public static @Nullable JsonNode optional(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    return node == null || node.isNull() ? null : node;
  }

  public static ObjectNode object(JsonNode parent, String name, String path) {
    JsonNode node = optional(parent, name);
    if (node == null) {
      throw HttpError.badRequest("Missing field " + path);
    }
    if (!node.isObject()) {
      throw HttpError.badRequest("Field " + path + " must be an object");
    }
    return (ObjectNode) node;
  }

  public static @Nullable ObjectNode optionalObject(JsonNode parent, String name, String path) {
    JsonNode node = optional(parent, name);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      throw HttpError.badRequest("Field " + path + " must be an object");
    }
    return (ObjectNode) node;
  }

  public static ArrayNode array(JsonNode parent, String name, String path) {
    ArrayNode node = optionalArray(parent, name, path);
    if (node == null || node.isEmpty()) {
      throw HttpError.badRequest("Missing field " + path + " (a non-empty array)");
    }
    return node;
  }

  public static @Nullable ArrayNode optionalArray(JsonNode parent, String name, String path) {
    JsonNode node = optional(parent, name);
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      throw HttpError.badRequest("Field " + path + " must be an array");
    }
    return (ArrayNode) node;
  }

  public static ObjectNode element(ArrayNode array, int index, String path) {
    JsonNode node = array.get(index);
    if (node == null || !node.isObject()) {
      throw HttpError.badRequest("Field " + path + "[" + index + "] must be an object");
    }
    return (ObjectNode) node;
  }

  public static String text(JsonNode parent, String name, String path) {
    String value = optionalText(parent, name, path);
    if (value == null || value.isBlank()) {
      throw HttpError.badRequest("Missing field " + path);
    }
    return value;
  }

  public static @Nullable String optionalText(JsonNode parent, String name, String path) {
    JsonNode node = optional(parent, name);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      throw HttpError.badRequest("Field " + path + " must be a string");
    }
    return node.textValue();
  }

  public static @Nullable Long optionalLong(JsonNode parent, String name, String path) {
    JsonNode node = optional(parent, name);
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw HttpError.badRequest("Field " + path + " must be an integer");
    }
    return node.longValue();
  }

  public static @Nullable Boolean optionalBoolean(JsonNode parent, String name, String path) {
    JsonNode node = optional(parent, name);
    if (node == null) {
      return null;
    }
    if (!node.isBoolean()) {
      throw HttpError.badRequest("Field " + path + " must be a boolean");
    }
    return node.booleanValue();
  }

  /** A FHIR instant or dateTime (a date alone means its start, UTC). */
  public static Instant dateTime(String value, String path) {
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw HttpError.badRequest(
          "Field " + path + " must be a FHIR dateTime such as 2026-11-28T10:00:00Z");
    }
  }
}
