package io.mes4j.mockserver.internal;

/**
 * The stable causes of a refusal, as the wire contract's error table lists them: the code in the
 * {@value #SYSTEM} system, the HTTP status and the FHIR issue type of the {@code OperationOutcome}.
 */
public enum Cause {
  INVALID_REQUEST("invalid-request", 400, "invalid"),
  INVALID_INS("invalid-ins", 400, "value"),
  UNKNOWN_CODE("unknown-code", 400, "code-invalid"),
  REASON_REQUIRED("reason-required", 400, "required"),
  INVALID_TOKEN("invalid-token", 401, "login"),
  NOT_AUTHORISED("not-authorised", 403, "forbidden"),
  BLOCKED("blocked", 403, "forbidden"),
  EMERGENCY_DENIED("emergency-denied", 403, "forbidden"),
  PROFESSION_NOT_ALLOWED("profession-not-allowed", 403, "forbidden"),
  ROLE_REQUIRED("role-required", 403, "forbidden"),
  NOT_AUTHOR("not-author", 403, "forbidden"),
  FORBIDDEN("forbidden", 403, "forbidden"),
  DEPOSIT_OPPOSED("deposit-opposed", 403, "forbidden"),
  HOLDER_ONLY("holder-only", 403, "forbidden"),
  LABEL_NOT_ALLOWED("label-not-allowed", 403, "forbidden"),
  IMMUTABLE_FIELD("immutable-field", 400, "business-rule"),
  ESPACE_PENDING("espace-pending", 409, "business-rule"),
  ESPACE_OPPOSED("espace-opposed", 409, "business-rule"),
  ESPACE_CLOSED("espace-closed", 409, "business-rule"),
  ESPACE_DELETED("espace-deleted", 409, "business-rule"),
  NOT_FOUND("not-found", 404, "not-found"),
  DUPLICATE_CONFLICT("duplicate-conflict", 409, "duplicate"),
  CONFLICT("conflict", 409, "conflict"),
  /** MSG-1: a holder cannot start a conversation; they reply inside one. */
  HOLDER_CANNOT_START("holder-cannot-start", 403, "forbidden"),
  /** MSG-2: the conversation was closed; no message may be added. */
  CONVERSATION_CLOSED("conversation-closed", 409, "business-rule"),
  /**
   * ES-1, ES-3, ES-6: a lifecycle transition the current state does not allow (the message names
   * the state and the transition).
   */
  TRANSITION_NOT_ALLOWED("transition-not-allowed", 409, "business-rule"),
  /** CAT-2: the token's grant was revoked or its pairing withdrawn (RFC 7009, RFC 6750). */
  TOKEN_REVOKED("token-revoked", 401, "login"),
  /** RFC 9449: a DPoP proof is missing, malformed, replayed or does not match the request. */
  INVALID_DPOP_PROOF("invalid-dpop-proof", 401, "login"),
  /** CAT-2, CAT-3: the action needs a finality the holder did not consent to (or withdrew). */
  FINALITY_NOT_CONSENTED("finality-not-consented", 403, "forbidden"),
  /** CAT-1: the service is SUSPENDUE or DEREFERENCEE: no pairing, no token, no call. */
  SERVICE_SUSPENDED("service-suspended", 403, "forbidden"),
  /** CAT-1: the service is HORS_LIGNE: it cannot be newly paired. */
  SERVICE_UNAVAILABLE("service-unavailable", 403, "forbidden"),
  /** ES-6: the holder turned 18; the pairing must be approved again by the holder. */
  REAPPROVAL_REQUIRED("reapproval-required", 403, "forbidden"),
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "not-supported"),
  NOT_ACCEPTABLE("not-acceptable", 406, "not-supported"),
  TOO_LARGE("too-large", 413, "too-long"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "not-supported"),
  RATE_LIMITED("rate-limited", 429, "throttled"),
  INTERNAL("internal-error", 500, "exception"),
  NOT_IMPLEMENTED("not-implemented", 501, "not-supported"),
  UNAVAILABLE("unavailable", 503, "transient");

  /** The code system of the causes. */
  public static final String SYSTEM = "https://mes4j.io/fhir/CodeSystem/error-cause";

  private final String code;
  private final int status;
  private final String issueType;

  Cause(String code, int status, String issueType) {
    this.code = code;
    this.status = status;
    this.issueType = issueType;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  /** The FHIR {@code issue-type} code of the {@code OperationOutcome}. */
  public String issueType() {
    return issueType;
  }
}
