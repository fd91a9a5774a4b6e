package io.mes4j.core.auth;

import io.mes4j.core.AccessMode;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a call needs a token for: the access mode it is made in (the mode travels in the token) and,
 * when the client uses DPoP, the key the token should be bound to.
 *
 * @param accessMode the access mode of the call
 * @param dpopKey the client's DPoP key, or {@code null} when the client sends bearer tokens
 */
public record TokenRequest(AccessMode accessMode, @Nullable DpopKey dpopKey) {

  /** Checks the access mode is present. */
  public TokenRequest {
    Objects.requireNonNull(accessMode, "accessMode");
  }

  /** A request for a bearer token in {@code accessMode}. */
  public TokenRequest(AccessMode accessMode) {
    this(accessMode, null);
  }

  /** The key to bind the token to, when the client uses DPoP. */
  public Optional<DpopKey> dpop() {
    return Optional.ofNullable(dpopKey);
  }
}
