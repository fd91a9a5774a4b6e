package io.mes4j.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.core.error.AuthenticationException;
import io.mes4j.core.error.BlockedException;
import io.mes4j.core.error.ConflictException;
import io.mes4j.core.error.ConversationClosedException;
import io.mes4j.core.error.DepositOpposedException;
import io.mes4j.core.error.DpopProofException;
import io.mes4j.core.error.DuplicateConflictException;
import io.mes4j.core.error.EmergencyAccessDeniedException;
import io.mes4j.core.error.ErrorCause;
import io.mes4j.core.error.FinalityNotConsentedException;
import io.mes4j.core.error.ForbiddenException;
import io.mes4j.core.error.HolderCannotStartException;
import io.mes4j.core.error.HolderOnlyException;
import io.mes4j.core.error.InvalidRequestException;
import io.mes4j.core.error.LabelNotAllowedException;
import io.mes4j.core.error.MesServiceException;
import io.mes4j.core.error.MethodNotAllowedException;
import io.mes4j.core.error.NotAcceptableException;
import io.mes4j.core.error.NotAuthorException;
import io.mes4j.core.error.NotAuthorisedException;
import io.mes4j.core.error.NotImplementedException;
import io.mes4j.core.error.OAuthException;
import io.mes4j.core.error.PayloadTooLargeException;
import io.mes4j.core.error.ProfessionNotAllowedException;
import io.mes4j.core.error.RateLimitedException;
import io.mes4j.core.error.ReapprovalRequiredException;
import io.mes4j.core.error.ReasonRequiredException;
import io.mes4j.core.error.ResourceNotFoundException;
import io.mes4j.core.error.RoleRequiredException;
import io.mes4j.core.error.ServiceOfflineException;
import io.mes4j.core.error.ServiceSuspendedException;
import io.mes4j.core.error.ServiceUnavailableException;
import io.mes4j.core.error.SpaceNotActiveException;
import io.mes4j.core.error.TokenRevokedException;
import io.mes4j.core.error.TransitionNotAllowedException;
import io.mes4j.core.error.UnsupportedMediaTypeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns an answer outside {@code 2xx} into the typed {@link MesServiceException} of its cause.
 *
 * <p>The cause is the first {@code issue[0].details.coding} in {@link ErrorCause#SYSTEM}; without
 * one (no body, not an {@code OperationOutcome}, another system) it is inferred from the status.
 */
public final class ErrorDecoder {
  private static final int MAX_TEXT = 300;

  private ErrorDecoder() {}

  /** What the body of a refusal says. */
  record Outcome(@Nullable String causeCode, @Nullable String text) {}

  /**
   * The exception for an answer.
   *
   * @param method the HTTP method, for the message
   * @param pathTemplate the path template, for the message (never the actual path)
   */
  public static MesServiceException decode(
      String method,
      String pathTemplate,
      int status,
      Map<String, List<String>> headers,
      byte[] body,
      @Nullable String requestId,
      int attempts) {
    Outcome outcome = readOutcome(body);
    String raw = outcome.causeCode();
    if (raw == null && status < 500) {
      OAuthException oauth =
          readOAuthError(method, pathTemplate, status, body, requestId, attempts);
      if (oauth != null) {
        return oauth;
      }
    }
    ErrorCause cause = raw != null ? ErrorCause.fromCode(raw) : fromStatus(status);
    if (raw == null
        && status == 401
        && Headers.all(headers, "WWW-Authenticate").stream()
            .anyMatch(v -> v.contains("invalid_dpop_proof"))) {
      cause = ErrorCause.INVALID_DPOP_PROOF; // RFC 9449 §7.1, a DPoP challenge without a body
    }
    String causeCode = raw != null ? raw : cause.code();
    StringBuilder message =
        new StringBuilder()
            .append(method)
            .append(' ')
            .append(pathTemplate)
            .append(" answered ")
            .append(status)
            .append(' ')
            .append(causeCode);
    if (outcome.text() != null) {
      message.append(": ").append(outcome.text());
    }
    message
        .append(" (request id ")
        .append(requestId == null ? "-" : requestId)
        .append(", attempts ")
        .append(attempts)
        .append(')');
    String msg = message.toString();
    Duration retryAfter =
        Headers.first(headers, "Retry-After")
            .flatMap(v -> RetryAfter.parse(v, Instant.now()))
            .orElse(null);
    return switch (cause) {
      case INVALID_REQUEST, INVALID_INS, UNKNOWN_CODE, IMMUTABLE_FIELD ->
          new InvalidRequestException(msg, status, requestId, cause, causeCode, attempts);
      case REASON_REQUIRED ->
          new ReasonRequiredException(msg, status, requestId, cause, causeCode, attempts);
      case INVALID_TOKEN ->
          new AuthenticationException(msg, status, requestId, cause, causeCode, attempts);
      case TOKEN_REVOKED ->
          new TokenRevokedException(msg, status, requestId, cause, causeCode, attempts);
      case INVALID_DPOP_PROOF ->
          new DpopProofException(msg, status, requestId, cause, causeCode, attempts);
      case FINALITY_NOT_CONSENTED ->
          new FinalityNotConsentedException(msg, status, requestId, cause, causeCode, attempts);
      case SERVICE_SUSPENDED ->
          new ServiceSuspendedException(msg, status, requestId, cause, causeCode, attempts);
      case SERVICE_UNAVAILABLE ->
          new ServiceOfflineException(msg, status, requestId, cause, causeCode, attempts);
      case REAPPROVAL_REQUIRED ->
          new ReapprovalRequiredException(msg, status, requestId, cause, causeCode, attempts);
      case NOT_AUTHORISED ->
          new NotAuthorisedException(msg, status, requestId, cause, causeCode, attempts);
      case BLOCKED -> new BlockedException(msg, status, requestId, cause, causeCode, attempts);
      case EMERGENCY_DENIED ->
          new EmergencyAccessDeniedException(msg, status, requestId, cause, causeCode, attempts);
      case PROFESSION_NOT_ALLOWED ->
          new ProfessionNotAllowedException(msg, status, requestId, cause, causeCode, attempts);
      case ROLE_REQUIRED ->
          new RoleRequiredException(msg, status, requestId, cause, causeCode, attempts);
      case NOT_AUTHOR -> new NotAuthorException(msg, status, requestId, cause, causeCode, attempts);
      case HOLDER_ONLY ->
          new HolderOnlyException(msg, status, requestId, cause, causeCode, attempts);
      case LABEL_NOT_ALLOWED ->
          new LabelNotAllowedException(msg, status, requestId, cause, causeCode, attempts);
      case FORBIDDEN -> new ForbiddenException(msg, status, requestId, cause, causeCode, attempts);
      case DEPOSIT_OPPOSED ->
          new DepositOpposedException(msg, status, requestId, cause, causeCode, attempts);
      case ESPACE_PENDING, ESPACE_OPPOSED, ESPACE_CLOSED, ESPACE_DELETED ->
          new SpaceNotActiveException(msg, status, requestId, cause, causeCode, attempts);
      case NOT_FOUND ->
          new ResourceNotFoundException(msg, status, requestId, cause, causeCode, attempts);
      case DUPLICATE_CONFLICT ->
          new DuplicateConflictException(msg, status, requestId, cause, causeCode, attempts);
      case CONFLICT -> new ConflictException(msg, status, requestId, cause, causeCode, attempts);
      case HOLDER_CANNOT_START ->
          new HolderCannotStartException(msg, status, requestId, cause, causeCode, attempts);
      case CONVERSATION_CLOSED ->
          new ConversationClosedException(msg, status, requestId, cause, causeCode, attempts);
      case TRANSITION_NOT_ALLOWED ->
          new TransitionNotAllowedException(msg, status, requestId, cause, causeCode, attempts);
      case METHOD_NOT_ALLOWED ->
          new MethodNotAllowedException(msg, status, requestId, cause, causeCode, attempts);
      case NOT_ACCEPTABLE ->
          new NotAcceptableException(msg, status, requestId, cause, causeCode, attempts);
      case TOO_LARGE ->
          new PayloadTooLargeException(msg, status, requestId, cause, causeCode, attempts);
      case UNSUPPORTED_MEDIA_TYPE ->
          new UnsupportedMediaTypeException(msg, status, requestId, cause, causeCode, attempts);
      case RATE_LIMITED ->
          new RateLimitedException(msg, status, requestId, cause, causeCode, attempts, retryAfter);
      case NOT_IMPLEMENTED ->
          new NotImplementedException(msg, status, requestId, cause, causeCode, attempts);
      case UNAVAILABLE ->
          new ServiceUnavailableException(
              msg, status, requestId, cause, causeCode, attempts, retryAfter);
      case UNKNOWN -> new MesServiceException(msg, status, requestId, cause, causeCode, attempts);
    };
  }

  /** The cause a bare status implies; {@link ErrorCause#UNKNOWN} when it implies none. */
  static ErrorCause fromStatus(int status) {
    return switch (status) {
      case 400 -> ErrorCause.INVALID_REQUEST;
      case 401 -> ErrorCause.INVALID_TOKEN;
      case 403 -> ErrorCause.FORBIDDEN;
      case 404 -> ErrorCause.NOT_FOUND;
      case 405 -> ErrorCause.METHOD_NOT_ALLOWED;
      case 406 -> ErrorCause.NOT_ACCEPTABLE;
      case 413 -> ErrorCause.TOO_LARGE;
      case 415 -> ErrorCause.UNSUPPORTED_MEDIA_TYPE;
      case 429 -> ErrorCause.RATE_LIMITED;
      case 501 -> ErrorCause.NOT_IMPLEMENTED;
      case 503 -> ErrorCause.UNAVAILABLE;
      default -> ErrorCause.UNKNOWN;
    };
  }

  /**
   * The {@link OAuthException} of an RFC 6749 error body ({@code {"error", "error_description"}},
   * §5.2), or {@code null} when the body is not one.
   */
  public static @Nullable OAuthException readOAuthError(
      String method,
      String pathTemplate,
      int status,
      byte[] body,
      @Nullable String requestId,
      int attempts) {
    if (body.length == 0) {
      return null;
    }
    JsonNode root;
    try {
      root = JsonCodec.mapper().readTree(body);
    } catch (Exception e) {
      return null;
    }
    if (root == null || !root.path("error").isTextual() || root.has("resourceType")) {
      return null;
    }
    String error = root.path("error").asText().strip();
    if (error.isEmpty() || !error.matches("[\\x20-\\x7E&&[^\"\\\\]]{1,64}")) {
      return null;
    }
    String description = null;
    if (root.path("error_description").isTextual()
        && !root.path("error_description").asText().isBlank()) {
      description = root.path("error_description").asText().strip();
      if (description.length() > MAX_TEXT) {
        description = description.substring(0, MAX_TEXT) + "…";
      }
    }
    String msg =
        method
            + " "
            + pathTemplate
            + " answered "
            + status
            + " "
            + error
            + (description == null ? "" : ": " + description)
            + " (request id "
            + (requestId == null ? "-" : requestId)
            + ", attempts "
            + attempts
            + ")";
    return new OAuthException(msg, status, requestId, error, description, attempts);
  }

  static Outcome readOutcome(byte[] body) {
    if (body.length == 0) {
      return new Outcome(null, null);
    }
    JsonNode root;
    try {
      root = JsonCodec.mapper().readTree(body);
    } catch (Exception e) {
      return new Outcome(null, null);
    }
    if (root == null || !"OperationOutcome".equals(root.path("resourceType").asText())) {
      return new Outcome(null, null);
    }
    JsonNode issue = root.path("issue").path(0);
    String code = null;
    for (JsonNode coding : issue.path("details").path("coding")) {
      if (ErrorCause.SYSTEM.equals(coding.path("system").asText())
          && coding.path("code").isTextual()
          && !coding.path("code").asText().isBlank()) {
        code = coding.path("code").asText().trim();
        break;
      }
    }
    String text = null;
    JsonNode t = issue.path("details").path("text");
    if (!t.isTextual()) {
      t = issue.path("diagnostics");
    }
    if (t.isTextual() && !t.asText().isBlank()) {
      text = t.asText().strip();
      if (text.length() > MAX_TEXT) {
        text = text.substring(0, MAX_TEXT) + "…";
      }
    }
    return new Outcome(code, text);
  }
}
