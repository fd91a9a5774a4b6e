package io.mes4j.mockserver.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The server's one JSON mapper, and helpers to read request bodies into trees. */
public final class Json {
  /** Base64 of a 20 MB document is about 27 million characters: above Jackson's default. */
  private static final int MAX_STRING_LENGTH = 64 * 1024 * 1024;

  public static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxStringLength(MAX_STRING_LENGTH)
                          .maxNestingDepth(100)
                          .build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Json() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Parses a request body; malformed JSON is a 400 whose message carries no content. */
  public static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw HttpError.badRequest("The request body is empty; a JSON document is expected");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw HttpError.badRequest("The request body is empty; a JSON document is expected");
      }
      return node;
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      throw HttpError.badRequest(
          "The request body is not valid JSON"
              + (location == null
                  ? ""
                  : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
    } catch (IOException e) {
      throw HttpError.badRequest("The request body could not be read as JSON");
    }
  }

  /** Parses a body that must be a JSON object. */
  public static ObjectNode parseObject(byte[] body) {
    JsonNode node = parse(body);
    if (!node.isObject()) {
      throw HttpError.badRequest("The request body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
