package io.mes4j.mockserver.internal.console;

import io.mes4j.mockserver.internal.store.PatientRecord;
import io.mes4j.mockserver.internal.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opaque key of a patient's console page: an HMAC of the INS under a secret drawn when the
 * server starts, so that the INS never appears in a URL (request lines are logged by HTTP stacks),
 * yet a page's address stays the same for the server's life, across resets.
 */
final class PatientKeys {
  private static final int HEX_LENGTH = 20;
  private static final int CACHE_BOUND = 200_000;

  private final SecretKeySpec secret;
  private final Map<String, String> byIns = new ConcurrentHashMap<>();

  PatientKeys() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    this.secret = new SecretKeySpec(bytes, "HmacSHA256");
  }

  /** The key of the patient with this INS value. */
  String key(String insValue) {
    if (byIns.size() > CACHE_BOUND) {
      byIns.clear();
    }
    return byIns.computeIfAbsent(insValue, this::hmac);
  }

  /** The patient whose key this is, if the store holds one. */
  Optional<PatientRecord> find(Store store, String key) {
    if (key.length() != HEX_LENGTH
        || !key.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return Optional.empty();
    }
    for (PatientRecord record : store.all()) {
      if (key(record.ins().value()).equals(key)) {
        return Optional.of(record);
      }
    }
    return Optional.empty();
  }

  private String hmac(String insValue) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      byte[] digest = mac.doFinal(insValue.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HEX_LENGTH);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
