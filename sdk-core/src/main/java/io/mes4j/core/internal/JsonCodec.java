package io.mes4j.core.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mes4j.core.error.MesClientException;
import java.io.IOException;

/**
 * The one Jackson {@link ObjectMapper} mes4j uses, configured once: unknown properties ignored
 * (servers add fields), nulls not written, big decimals kept exact. Never exposed in a public
 * signature.
 */
public final class JsonCodec {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .build();

  private JsonCodec() {}

  /** The shared mapper; thread-safe, do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses JSON bytes.
   *
   * @throws MesClientException if the bytes are not JSON (the message never quotes them)
   */
  public static JsonNode readTree(byte[] json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null) {
        throw new MesClientException("empty JSON document");
      }
      return node;
    } catch (IOException e) {
      throw new MesClientException("malformed JSON in the answer", null);
    }
  }

  /**
   * Writes a value as JSON bytes.
   *
   * @throws MesClientException if the value cannot be written
   */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new MesClientException("cannot write JSON: " + e.getOriginalMessage(), null);
    }
  }
}
