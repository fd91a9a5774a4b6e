package io.mes4j.core.auth;

import io.mes4j.core.AccessMode;
import java.util.Objects;

/**
 * What a call needs a token for: the access mode it is made in (the mode travels in the token).
 *
 * @param accessMode the access mode of the call
 */
public record TokenRequest(AccessMode accessMode) {

  /** Checks the access mode is present. */
  public TokenRequest {
    Objects.requireNonNull(accessMode, "accessMode");
  }
}
