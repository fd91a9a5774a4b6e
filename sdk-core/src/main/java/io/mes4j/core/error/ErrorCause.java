package io.mes4j.core.error;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The stable cause of a refusal, as the server states it in {@code issue[0].details.coding} of an
 * {@code OperationOutcome} in the {@value #SYSTEM} code system.
 *
 * <p>The codes are those of the error table of the wire contract. A code mes4j does not know maps
 * to {@link #UNKNOWN}; the raw code stays available through {@link
 * MesServiceException#causeCode()}.
 */
public enum ErrorCause {
  /** Malformed JSON, wrong type, missing field, bad parameter (400). */
  INVALID_REQUEST("invalid-request"),
  /** Malformed INS or wrong key (400). */
  INVALID_INS("invalid-ins"),
  /** A code absent from its table (400). */
  UNKNOWN_CODE("unknown-code"),
  /** Bris de glace without a reason (400). */
  REASON_REQUIRED("reason-required"),
  /** Missing, malformed, expired or badly signed token (401). */
  INVALID_TOKEN("invalid-token"),
  /** Professional without authorisation, normal mode (403). */
  NOT_AUTHORISED("not-authorised"),
  /** Professional blocked by the holder (403). */
  BLOCKED("blocked"),
  /** The holder's settings deny emergency access (403). */
  EMERGENCY_DENIED("emergency-denied"),
  /** The habilitation matrix denies the profession (403). */
  PROFESSION_NOT_ALLOWED("profession-not-allowed"),
  /** {@code centre_15} without the regulation role (403). */
  ROLE_REQUIRED("role-required"),
  /** Only the author (or its organisation) may do this (403). */
  NOT_AUTHOR("not-author"),
  /** The actor may never do this (403). */
  FORBIDDEN("forbidden"),
  /** The holder opposed this professional's deposits (403). */
  DEPOSIT_OPPOSED("deposit-opposed"),
  /**
   * Only the holder (or a minor's representative) may do this, e.g. block or change settings (403).
   */
  HOLDER_ONLY("holder-only"),
  /** This actor may not set or lift this visibility label (DOC-6, DOC-8) (403). */
  LABEL_NOT_ALLOWED("label-not-allowed"),
  /** A change to a field that never changes after deposit (DOC-8) (400). */
  IMMUTABLE_FIELD("immutable-field"),
  /** The space is pending (409). */
  ESPACE_PENDING("espace-pending"),
  /** The holder opposed the space (409). */
  ESPACE_OPPOSED("espace-opposed"),
  /** The space is closed (409). */
  ESPACE_CLOSED("espace-closed"),
  /** The space is deleted (409). */
  ESPACE_DELETED("espace-deleted"),
  /** Unknown, or hidden from the caller (404). */
  NOT_FOUND("not-found"),
  /** Same unique id, different content (409). */
  DUPLICATE_CONFLICT("duplicate-conflict"),
  /**
   * The resource's state does not allow the change, e.g. an appointment no longer booked (AG-1) or
   * a pairing already withdrawn (CAT-3) (409).
   */
  CONFLICT("conflict"),
  /** A holder tried to start a conversation; only professionals and establishments do (403). */
  HOLDER_CANNOT_START("holder-cannot-start"),
  /** The conversation was closed by the professional; no message may be added (409). */
  CONVERSATION_CLOSED("conversation-closed"),
  /**
   * A lifecycle transition the current state does not allow, e.g. opposing after the window or
   * reopening a deleted space (ES-1, ES-3, ES-6) (409).
   */
  TRANSITION_NOT_ALLOWED("transition-not-allowed"),
  /** HTTP method not allowed (405). */
  METHOD_NOT_ALLOWED("method-not-allowed"),
  /** No acceptable representation (406). */
  NOT_ACCEPTABLE("not-acceptable"),
  /** Body or content over the limit (413). */
  TOO_LARGE("too-large"),
  /** Content type refused (415). */
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type"),
  /** Too many requests (429). */
  RATE_LIMITED("rate-limited"),
  /** Not implemented by the server (501). */
  NOT_IMPLEMENTED("not-implemented"),
  /** The server is unavailable (503). */
  UNAVAILABLE("unavailable"),
  /** The service's token belongs to a revoked grant or a withdrawn pairing (CAT-2, CAT-3) (401). */
  TOKEN_REVOKED("token-revoked"),
  /**
   * The DPoP proof of a bound token is missing, invalid, replayed or for another request (RFC 9449)
   * (401).
   */
  INVALID_DPOP_PROOF("invalid-dpop-proof"),
  /** The finality the action needs is not consented in the pairing (CAT-2, CAT-3) (403). */
  FINALITY_NOT_CONSENTED("finality-not-consented"),
  /** The catalogue service is suspended or delisted (CAT-1) (403). */
  SERVICE_SUSPENDED("service-suspended"),
  /** The catalogue service is offline: it cannot be newly paired (CAT-1) (403). */
  SERVICE_UNAVAILABLE("service-unavailable"),
  /** The holder came of age: the pairing must be approved again (ES-6) (403). */
  REAPPROVAL_REQUIRED("reapproval-required"),
  /** A cause mes4j does not know, or no cause at all. */
  UNKNOWN("unknown");

  /** The code system of the causes. */
  public static final String SYSTEM = "https://mes4j.io/fhir/CodeSystem/error-cause";

  private static final Map<String, ErrorCause> BY_CODE =
      Stream.of(values())
          .collect(Collectors.toUnmodifiableMap(ErrorCause::code, Function.identity()));

  private final String code;

  ErrorCause(String code) {
    this.code = code;
  }

  /** The code on the wire, e.g. {@code not-authorised}. */
  public String code() {
    return code;
  }

  /**
   * The cause of a wire code; {@link #UNKNOWN} for {@code null}, blank or any code not in the
   * table.
   */
  public static ErrorCause fromCode(@org.jspecify.annotations.Nullable String code) {
    if (code == null) {
      return UNKNOWN;
    }
    return BY_CODE.getOrDefault(code.trim().toLowerCase(Locale.ROOT), UNKNOWN);
  }
}
