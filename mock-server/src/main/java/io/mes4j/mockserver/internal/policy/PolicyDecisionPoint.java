package io.mes4j.mockserver.internal.policy;

import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.SpaceState;
import io.mes4j.mockserver.internal.Cause;
import java.time.Instant;
import java.util.Set;

/**
 * The server's one policy decision point: every endpoint asks it before acting, with the actor, the
 * action, its target, the dossier's state and the caller's relation to it, the holder's settings,
 * the access mode and the clock. It reads nothing else and changes nothing.
 *
 * <p>Reads are decided in two steps: the dossier as a whole ({@link Target#SPACE}: state,
 * authorisation, blocking, emergency settings) and then each document ({@link Target.Document}:
 * labels, habilitation matrix). A document hidden by its labels is {@code not-found}, so that a
 * caller cannot learn it exists (DOC-6).
 */
public final class PolicyDecisionPoint {
  /** Holder uploads (DOC-1): 5 MB. */
  public static final long HOLDER_CONTENT_LIMIT = 5L * 1024 * 1024;

  /** Professionals' content (choice): 20 MB. */
  public static final long PROFESSIONAL_CONTENT_LIMIT = 20L * 1024 * 1024;

  /** MIME types a holder may upload (DOC-1). */
  public static final Set<String> HOLDER_CONTENT_TYPES =
      Set.of(
          "application/pdf",
          "text/plain",
          "application/rtf",
          "text/rtf",
          "image/jpeg",
          "image/tiff");

  private final HabilitationMatrix matrix;

  public PolicyDecisionPoint(HabilitationMatrix matrix) {
    this.matrix = matrix;
  }

  public Decision decide(
      Actor actor,
      Action action,
      Target target,
      SpaceContext space,
      HolderSettings settings,
      Mode mode,
      Instant now) {
    // ES-4: only an ACTIVE space accepts deposits and reads; the refusal names the state.
    if (space.state() != SpaceState.ACTIVE) {
      return stateRefusal(space.state());
    }
    return switch (action) {
      case DEPOSIT_DOCUMENT -> deposit(actor, (Target.Deposit) target, space);
      case SEARCH_DOCUMENTS, READ_DOCUMENT -> read(actor, target, space, settings, mode);
      case READ_TRACES -> traces(actor, target, space);
    };
  }

  // DOC-1
  private Decision deposit(Actor actor, Target.Deposit deposit, SpaceContext space) {
    switch (actor.kind()) {
      case PATIENT -> {
        if (!space.holder() && !space.representative()) {
          return Decision.deny(
              Cause.FORBIDDEN, "A patient may deposit only into their own dossier");
        }
        if (!HOLDER_CONTENT_TYPES.contains(deposit.contentType())) {
          return Decision.deny(
              Cause.UNSUPPORTED_MEDIA_TYPE,
              "A holder may upload only PDF, TXT, RTF, JPEG or TIFF documents");
        }
        if (deposit.size() > HOLDER_CONTENT_LIMIT) {
          return Decision.deny(Cause.TOO_LARGE, "A holder's upload is limited to 5 MB");
        }
        if (deposit.labels().contains(ConfidentialityLabel.INVISIBLE_PATIENT)
            || deposit.labels().contains(ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX)) {
          return Decision.deny(
              Cause.FORBIDDEN, "Only a professional may set the invisibility labels (DOC-8)");
        }
        return Decision.PERMIT;
      }
      case PROFESSIONAL, ESTABLISHMENT -> {
        if (space.depositOpposed()) {
          return Decision.deny(
              Cause.DEPOSIT_OPPOSED, "The holder opposed this professional's deposits");
        }
        if (deposit.size() > PROFESSIONAL_CONTENT_LIMIT) {
          return Decision.deny(Cause.TOO_LARGE, "A document is limited to 20 MB");
        }
        return Decision.PERMIT;
      }
      default -> {
        return Decision.deny(Cause.FORBIDDEN, "This actor may not deposit documents");
      }
    }
  }

  // DOC-7
  private Decision read(
      Actor actor, Target target, SpaceContext space, HolderSettings settings, Mode mode) {
    switch (actor.kind()) {
      case PATIENT -> {
        if (!space.holder() && !space.representative()) {
          return Decision.deny(Cause.FORBIDDEN, "A patient may read only their own dossier");
        }
        if (target instanceof Target.Document document) {
          Set<ConfidentialityLabel> labels = document.labels();
          if (labels.contains(ConfidentialityLabel.INVISIBLE_PATIENT)) {
            return hidden();
          }
          if (!space.holder()
              && labels.contains(ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX)) {
            return hidden();
          }
        }
        return Decision.PERMIT;
      }
      case PROFESSIONAL -> {
        Decision access = professionalAccess(actor, space, settings, mode);
        if (!access.permitted() || !(target instanceof Target.Document document)) {
          return access;
        }
        boolean author = document.authorId().equals(actor.id());
        boolean privileged = author || space.medecinTraitant() || space.sameRights();
        // DOC-6: masked to professionals, unless privileged; in an emergency, MASKED decides.
        if (document.labels().contains(ConfidentialityLabel.MASQUE_PS)
            && !privileged
            && !(mode.isEmergency() && settings.maskedInEmergency())) {
          return hidden();
        }
        // habilitations.md: the author, the médecin traitant and same rights are not limited.
        if (!privileged && !matrix.allows(actor.profession(), document.group())) {
          return Decision.deny(
              Cause.PROFESSION_NOT_ALLOWED,
              "The habilitation matrix does not let this profession read this type of document");
        }
        return Decision.PERMIT;
      }
      default -> {
        return Decision.deny(Cause.FORBIDDEN, "This actor may not read the dossier");
      }
    }
  }

  private static Decision professionalAccess(
      Actor actor, SpaceContext space, HolderSettings settings, Mode mode) {
    return switch (mode.kind()) {
      case NORMAL -> {
        if (space.blocked()) {
          yield Decision.deny(Cause.BLOCKED, "The holder blocked this professional");
        }
        if (!space.authorised() && !space.medecinTraitant() && !space.sameRights()) {
          yield Decision.deny(
              Cause.NOT_AUTHORISED, "The professional is not authorised on this dossier");
        }
        yield Decision.PERMIT;
      }
      case BRIS_DE_GLACE -> {
        // CON-2 (choice): blocked in every mode, bris de glace included.
        if (space.blocked()) {
          yield Decision.deny(Cause.BLOCKED, "The holder blocked this professional");
        }
        String reason = mode.reason();
        if (reason == null || reason.isBlank()) {
          yield Decision.deny(Cause.REASON_REQUIRED, "Bris de glace requires a reason");
        }
        if (!settings.btg()) {
          yield Decision.deny(
              Cause.EMERGENCY_DENIED, "The holder's BTG setting denies bris de glace access");
        }
        yield Decision.PERMIT;
      }
      case CENTRE_15 -> {
        if (!actor.hasRole(Actor.ROLE_REGULATION)) {
          yield Decision.deny(Cause.ROLE_REQUIRED, "Centre 15 access requires the regulation role");
        }
        // CON-2 (choice): centre 15 is governed by ETREAT alone.
        if (!settings.etreat()) {
          yield Decision.deny(
              Cause.EMERGENCY_DENIED, "The holder's ETREAT setting denies centre 15 access");
        }
        yield Decision.PERMIT;
      }
    };
  }

  // AU-2
  private static Decision traces(Actor actor, Target target, SpaceContext space) {
    switch (actor.kind()) {
      case PATIENT -> {
        if (!space.holder() && !space.representative()) {
          return Decision.deny(
              Cause.FORBIDDEN, "A patient may read only their own activity history");
        }
        return Decision.PERMIT;
      }
      case PROFESSIONAL, ESTABLISHMENT -> {
        if (target instanceof Target.Trace trace
            && !space.medecinTraitant()
            && !actor.id().equals(trace.agentId())) {
          return hidden();
        }
        return Decision.PERMIT;
      }
      default -> {
        return Decision.deny(Cause.FORBIDDEN, "This actor may not read the activity history");
      }
    }
  }

  private static Decision hidden() {
    return Decision.deny(Cause.NOT_FOUND, "Not found");
  }

  private static Decision stateRefusal(SpaceState state) {
    Cause cause =
        switch (state) {
          case PENDING -> Cause.ESPACE_PENDING;
          case OPPOSED -> Cause.ESPACE_OPPOSED;
          case CLOSED -> Cause.ESPACE_CLOSED;
          case DELETED -> Cause.ESPACE_DELETED;
          case ACTIVE -> throw new IllegalStateException("ACTIVE is not a refusal");
        };
    return Decision.deny(cause, "The space is " + state.name() + ", not ACTIVE");
  }
}
