package io.mes4j.mockserver.internal.policy;

import io.mes4j.core.AccessMode;
import org.jspecify.annotations.Nullable;

/**
 * The access mode a token carries. Unlike {@link AccessMode}, a bris de glace may come without a
 * reason: the rule (DOC-7) refuses it when the dossier is read, with {@code reason-required}.
 */
public record Mode(AccessMode.Kind kind, @Nullable String reason) {
  public static final Mode NORMAL = new Mode(AccessMode.Kind.NORMAL, null);

  public static Mode of(AccessMode mode) {
    return new Mode(mode.kind(), mode.reason().orElse(null));
  }

  public boolean isEmergency() {
    return kind != AccessMode.Kind.NORMAL;
  }

  /** The kind whose code is {@code code}, or null. */
  public static AccessMode.@Nullable Kind kindOf(String code) {
    for (AccessMode.Kind kind : AccessMode.Kind.values()) {
      if (kind.code().equals(code)) {
        return kind;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "Mode[" + kind.code() + (reason == null ? "" : ", reason=<redacted>") + "]";
  }
}
