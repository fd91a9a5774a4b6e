package io.mes4j.messaging;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One side of a conversation: the holder (or a minor's representative), a professional or an
 * establishment, by national identifier. {@link #toString()} hides a patient's INS and every name.
 */
public final class Participant {
  /** What kind of actor a participant is. */
  public enum Kind {
    /** A holder or a minor's legal representative (identified by INS). */
    PATIENT,
    /** A health professional (idNat_PS). */
    PROFESSIONAL,
    /** An establishment (idNat_Struct). */
    ESTABLISHMENT,
    /** An identifier mes4j does not know. */
    OTHER
  }

  private final Kind kind;
  private final String id;
  private final @Nullable String displayName;

  private Participant(Kind kind, String id, @Nullable String displayName) {
    this.kind = kind;
    this.id = id;
    this.displayName = displayName;
  }

  /** A participant; for this module's wire mapping. */
  static Participant of(Kind kind, String id, @Nullable String displayName) {
    return new Participant(
        Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(id, "id"), displayName);
  }

  /** What kind of actor this is. */
  public Kind kind() {
    return kind;
  }

  /** The identifier value: INS, idNat_PS or idNat_Struct. */
  public String id() {
    return id;
  }

  /** The name the server shows for it (for the holder, their messaging address), if any. */
  public Optional<String> displayName() {
    return Optional.ofNullable(displayName);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Participant that && kind == that.kind && id.equals(that.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, id);
  }

  @Override
  public String toString() {
    return "Participant[" + kind + ", " + (kind == Kind.PATIENT ? "<redacted>" : id) + "]";
  }
}
