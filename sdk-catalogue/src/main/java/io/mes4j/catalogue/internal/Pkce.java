package io.mes4j.catalogue.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** PKCE (RFC 7636) with S256, and the random {@code state} of an authorisation. */
public final class Pkce {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  private Pkce() {}

  /** A new verifier: 32 random bytes, base64url (43 characters, RFC 7636 §4.1). */
  public static String newVerifier() {
    return random(32);
  }

  /** A new {@code state}: 24 random bytes, base64url. */
  public static String newState() {
    return random(24);
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return B64URL.encodeToString(b);
  }

  /**
   * The S256 challenge of a verifier: base64url(SHA-256(ASCII(verifier))) (RFC 7636 §4.2).
   *
   * @throws IllegalArgumentException if the verifier is not 43 to 128 unreserved characters
   */
  public static String challenge(String verifier) {
    if (!VERIFIER.matcher(verifier).matches()) {
      throw new IllegalArgumentException("a PKCE verifier is 43 to 128 unreserved characters");
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return B64URL.encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}
