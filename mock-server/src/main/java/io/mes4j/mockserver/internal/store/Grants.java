package io.mes4j.mockserver.internal.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The OAuth side of the pairings (CAT-2): authorization codes (single use, short-lived), grants
 * (what a code was exchanged for: the pairing, the finalities granted, the DPoP key bound) and
 * their refresh tokens (rotated: each is spent once). Codes and refresh tokens are kept only as
 * SHA-256 hashes. Thread-safe.
 */
public final class Grants {
  private static final int PURGE_THRESHOLD = 1_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * What an authorization code is bound to: the client, the redirect URI, the PKCE challenge
   * (S256), the pairing (its Consent id), the patient (INS value) and the finalities consented.
   */
  public record Code(
      String clientId,
      String redirectUri,
      String challenge,
      String pairingId,
      String patient,
      Set<String> finalities,
      Instant expiresAt) {
    public Code {
      finalities = Set.copyOf(finalities);
    }

    @Override
    public String toString() {
      return "Code[" + clientId + ", pairing=" + pairingId + "]";
    }
  }

  /** A grant: every token made from one code, and from its refreshes. */
  public record Grant(
      String id,
      String clientId,
      String pairingId,
      String patient,
      Set<String> finalities,
      @Nullable String jkt,
      boolean revoked) {
    public Grant {
      finalities = Set.copyOf(finalities);
    }

    Grant revoke() {
      return new Grant(id, clientId, pairingId, patient, finalities, jkt, true);
    }

    @Override
    public String toString() {
      return "Grant[" + id + ", " + clientId + (revoked ? ", revoked]" : "]");
    }
  }

  /** What presenting a code found. */
  public sealed interface Redemption {
    /** No such code (never issued, or expired and purged). */
    record Unknown() implements Redemption {}

    /** The code was already exchanged: the grant made from it is now revoked. */
    record Reused() implements Redemption {}

    /** A usable code, not yet spent: spend it with {@link #spend}. */
    record Found(String hash, Code code) implements Redemption {}
  }

  /** What presenting a refresh token found. */
  public sealed interface Refresh {
    /** No such refresh token. */
    record Unknown() implements Refresh {}

    /** The refresh token was already used: its whole grant is now revoked. */
    record Spent() implements Refresh {}

    /** The current refresh token of {@code grant}. */
    record Current(String hash, Grant grant) implements Refresh {}
  }

  private static final class CodeEntry {
    final Code code;
    boolean used;
    @Nullable String grantId;

    CodeEntry(Code code) {
      this.code = code;
    }
  }

  private record RefreshEntry(String grantId, boolean spent) {}

  private final Map<String, CodeEntry> codes = new HashMap<>();
  private final Map<String, Grant> grants = new HashMap<>();
  private final Map<String, RefreshEntry> refreshTokens = new HashMap<>();

  /** Stores a new code and answers it (the only time it exists in clear). */
  public synchronized String issueCode(Code code, Instant now) {
    if (codes.size() > PURGE_THRESHOLD) {
      codes.values().removeIf(e -> e.code.expiresAt().isBefore(now) && e.grantId == null);
    }
    String raw = random();
    codes.put(hash(raw), new CodeEntry(code));
    return raw;
  }

  /** Looks a code up; a code used before revokes what it was exchanged for (RFC 6749 §4.1.2). */
  public synchronized Redemption redeem(String raw) {
    String hash = hash(raw);
    CodeEntry entry = codes.get(hash);
    if (entry == null) {
      return new Redemption.Unknown();
    }
    if (entry.used) {
      if (entry.grantId != null) {
        revoke(entry.grantId);
      }
      return new Redemption.Reused();
    }
    return new Redemption.Found(hash, entry.code);
  }

  /**
   * Spends a found code and makes its grant; false if it was spent meanwhile (then its grant is
   * revoked, as for {@link Redemption.Reused}).
   */
  public synchronized @Nullable Grant spend(
      String hash, String grantId, Set<String> finalities, @Nullable String jkt) {
    CodeEntry entry = codes.get(hash);
    if (entry == null) {
      return null;
    }
    if (entry.used) {
      if (entry.grantId != null) {
        revoke(entry.grantId);
      }
      return null;
    }
    entry.used = true;
    entry.grantId = grantId;
    Code code = entry.code;
    Grant grant =
        new Grant(
            grantId, code.clientId(), code.pairingId(), code.patient(), finalities, jkt, false);
    grants.put(grantId, grant);
    return grant;
  }

  /** A new refresh token for the grant (the only time it exists in clear). */
  public synchronized String issueRefresh(String grantId) {
    String raw = random();
    refreshTokens.put(hash(raw), new RefreshEntry(grantId, false));
    return raw;
  }

  /** Looks a refresh token up; a spent one revokes its whole grant. */
  public synchronized Refresh refresh(String raw) {
    String hash = hash(raw);
    RefreshEntry entry = refreshTokens.get(hash);
    if (entry == null) {
      return new Refresh.Unknown();
    }
    if (entry.spent()) {
      revoke(entry.grantId());
      return new Refresh.Spent();
    }
    Grant grant = grants.get(entry.grantId());
    if (grant == null) {
      return new Refresh.Unknown();
    }
    return new Refresh.Current(hash, grant);
  }

  /** Spends a current refresh token (rotation). */
  public synchronized void spendRefresh(String hash) {
    RefreshEntry entry = refreshTokens.get(hash);
    if (entry != null) {
      refreshTokens.put(hash, new RefreshEntry(entry.grantId(), true));
    }
  }

  /** The grant a refresh token belongs to, spent or not. */
  public synchronized Optional<String> grantOfRefresh(String raw) {
    RefreshEntry entry = refreshTokens.get(hash(raw));
    return entry == null ? Optional.empty() : Optional.of(entry.grantId());
  }

  public synchronized Optional<Grant> grant(String id) {
    return Optional.ofNullable(grants.get(id));
  }

  /** Revokes a grant: every token made from it is refused from the next call. */
  public synchronized void revoke(String grantId) {
    grants.computeIfPresent(grantId, (k, g) -> g.revoke());
  }

  /** Revokes every grant of a pairing. */
  public synchronized void revokePairing(String pairingId) {
    grants.replaceAll((k, g) -> g.pairingId().equals(pairingId) ? g.revoke() : g);
  }

  /** SHA-256, base64url without padding: how codes and refresh tokens are kept. */
  public static String hash(String raw) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
