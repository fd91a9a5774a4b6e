package io.mes4j.dossier;

import io.mes4j.core.code.SpaceState;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.internal.ApiExecutor;
import io.mes4j.core.internal.ApiRequest;
import io.mes4j.core.internal.SearchForm;
import io.mes4j.dossier.internal.FhirSpace;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The life of a patient's space (ES-1 to ES-6): its status for a professional (PDSM4DMP TD0.2), the
 * holder's transitions, and a minor's representatives.
 *
 * <pre>{@code
 * // A professional checks the space before depositing (ES-4).
 * SpaceStatus status = Dossier.of(doctor).space().status(ins).orElseThrow();
 * if (status.state() == SpaceState.ACTIVE && status.callerAuthorised()) { ... }
 *
 * // The holder.
 * SpaceLifecycle space = Dossier.of(holder).space();
 * space.activate(ins);                 // PENDING -> ACTIVE before the 42-day window ends (ES-2)
 * space.close(ins, false);             // ACTIVE -> CLOSED, data archived 10 years (ES-5)
 * space.reopen(ins);                   // CLOSED -> ACTIVE, the archived data are back (ES-1)
 *
 * // A parent attaches their child's profile, then invites the other parent (ES-6).
 * SpaceLifecycle parent = Dossier.of(parentClient).space();
 * parent.attachMinor(child);                        // WAITING
 * parent.recordOtherParentAgreement(child);         // ATTACHED
 * Invitation sent = parent.inviteRepresentative(child, otherParent);
 * Dossier.of(otherParentClient).space().acceptInvitation(sent.id());
 * }</pre>
 *
 * <p>The states: {@code PENDING} (announced, the opposition window open) → {@code ACTIVE} (early by
 * the holder, or on its own after 42 days) or {@code OPPOSED} (only while {@code PENDING}, ES-3);
 * {@code ACTIVE} → {@code CLOSED} (with or without deletion) → {@code ACTIVE} (reopened) or {@code
 * DELETED} (deletion asked, or after 10 years of archive: purged for good, ES-5). A transition the
 * state does not allow is a {@link io.mes4j.core.error.TransitionNotAllowedException}; a
 * professional asking the holder's transitions a {@link io.mes4j.core.error.HolderOnlyException}.
 * The minors' operations need an {@code ACTIVE} space ({@link
 * io.mes4j.core.error.SpaceNotActiveException}, ES-4). At the minor's 18th birthday the
 * representatives lose access (ES-6).
 */
public final class SpaceLifecycle {
  private static final String BASE = "/fhir/Patient";

  private final ApiExecutor executor;

  SpaceLifecycle(ApiExecutor executor) {
    this.executor = executor;
  }

  /**
   * The space's status for an INS (TD0.2): its state, whether the caller may read it, whether the
   * caller is the médecin traitant. Empty when the INS has no space at all. Readable in every state
   * by professionals and establishments, and by the holder (or a minor's representative).
   *
   * @throws io.mes4j.core.error.ForbiddenException a patient asking about someone else's space
   */
  public Optional<SpaceStatus> status(Ins patient) {
    Objects.requireNonNull(patient, "patient");
    // POST _search: the INS in the body, never in a URL.
    ApiRequest request =
        new SearchForm("Patient")
            .add("identifier", patient.system().uri() + "|" + patient.value())
            .request();
    return Optional.ofNullable(FhirSpace.status(executor.execute(request).body()));
  }

  /**
   * Activates a {@code PENDING} space now, without waiting for the end of the 42-day window (ES-2).
   *
   * @return the new state, {@code ACTIVE}
   * @throws io.mes4j.core.error.TransitionNotAllowedException the space is not {@code PENDING}
   */
  public SpaceState activate(Ins patient) {
    return transition("$activate", patient, null);
  }

  /**
   * Opposes the creation of a {@code PENDING} space (ES-3); possible only inside the 42-day window.
   *
   * @return the new state, {@code OPPOSED}
   * @throws io.mes4j.core.error.TransitionNotAllowedException the space is no longer {@code
   *     PENDING}: the holder closes it instead
   */
  public SpaceState oppose(Ins patient) {
    return transition("$oppose", patient, null);
  }

  /**
   * Closes an {@code ACTIVE} space (ES-5). Without deletion its data are archived 10 years and come
   * back if it is reopened; with deletion they are purged now, for good ({@code DELETED}).
   *
   * @return the new state: {@code CLOSED}, or {@code DELETED} if {@code deleteData}
   * @throws io.mes4j.core.error.TransitionNotAllowedException the space is not {@code ACTIVE}
   */
  public SpaceState close(Ins patient, boolean deleteData) {
    return transition("$close", patient, deleteData);
  }

  /**
   * Reopens a {@code CLOSED} space: the archived data are back (ES-1).
   *
   * @return the new state, {@code ACTIVE}
   * @throws io.mes4j.core.error.TransitionNotAllowedException the space is not {@code CLOSED} (a
   *     {@code DELETED} space never comes back)
   */
  public SpaceState reopen(Ins patient) {
    return transition("$reopen", patient, null);
  }

  /**
   * Asks for the deletion of a {@code CLOSED} space's data: purged now, for good (ES-5).
   *
   * @return the new state, {@code DELETED}
   * @throws io.mes4j.core.error.TransitionNotAllowedException the space is not {@code CLOSED}
   */
  public SpaceState requestDeletion(Ins patient) {
    return transition("$delete", patient, null);
  }

  // ES-6: minors

  /**
   * Asks, as the calling parent, to attach a minor's profile to their account (ES-6). The
   * attachment stays {@link AttachmentStatus#WAITING}, without access, until the other parent's
   * agreement is recorded ({@link #recordOtherParentAgreement}).
   *
   * @throws io.mes4j.core.error.TransitionNotAllowedException the holder is of age, or the profile
   *     is already attached to someone else (a second representative is invited)
   */
  public AttachmentStatus attachMinor(Ins minor) {
    return FhirSpace.attachment(operation("$attach-minor", identifier("minor", minor)));
  }

  /**
   * Records the other parent's agreement: the caller's attachment becomes {@link
   * AttachmentStatus#ATTACHED} and they act on the minor's profile (ES-6).
   *
   * @throws io.mes4j.core.error.TransitionNotAllowedException the caller asked no attachment
   */
  public AttachmentStatus recordOtherParentAgreement(Ins minor) {
    return FhirSpace.attachment(operation("$record-agreement", identifier("minor", minor)));
  }

  /**
   * Invites a second legal representative, as a representative of the minor (ES-6). The invitee is
   * notified; the invitation expires after 30 days (or at the minor's 18th birthday). Inviting
   * someone with an invitation still pending returns that invitation.
   *
   * @throws io.mes4j.core.error.ForbiddenException the caller is not a representative of the minor
   */
  public Invitation inviteRepresentative(Ins minor, Ins invitee) {
    Objects.requireNonNull(invitee, "invitee");
    FhirSpace.Body parameters = identifier("minor", minor).identifier("invitee", invitee);
    return FhirSpace.invitations(operation("$invite-representative", parameters)).get(0);
  }

  /**
   * Accepts an invitation sent to the caller: they become a legal representative of the minor.
   *
   * @throws io.mes4j.core.error.TransitionNotAllowedException the invitation is no longer pending
   *     (accepted, refused or expired)
   * @throws io.mes4j.core.error.ResourceNotFoundException no such invitation for the caller
   */
  public Invitation acceptInvitation(String invitationId) {
    return answer("$accept-invitation", invitationId);
  }

  /**
   * Refuses an invitation sent to the caller.
   *
   * @throws io.mes4j.core.error.TransitionNotAllowedException the invitation is no longer pending
   * @throws io.mes4j.core.error.ResourceNotFoundException no such invitation for the caller
   */
  public Invitation refuseInvitation(String invitationId) {
    return answer("$refuse-invitation", invitationId);
  }

  /**
   * The invitations of a minor's profile, oldest first, as one of its representatives sees them.
   *
   * @throws io.mes4j.core.error.ForbiddenException the caller is not a representative of the minor
   */
  public List<Invitation> invitations(Ins minor) {
    return FhirSpace.invitations(operation("$invitations", identifier("minor", minor)));
  }

  // The wire

  private Invitation answer(String operation, String invitationId) {
    Objects.requireNonNull(invitationId, "invitationId");
    FhirSpace.Body parameters = new FhirSpace.Body().string("invitation", invitationId);
    return FhirSpace.invitations(operation(operation, parameters)).get(0);
  }

  private SpaceState transition(String operation, Ins patient, @Nullable Boolean deleteData) {
    FhirSpace.Body parameters = identifier("patient", patient);
    if (deleteData != null) {
      parameters.bool("deleteData", deleteData);
    }
    return FhirSpace.state(operation(operation, parameters));
  }

  private static FhirSpace.Body identifier(String name, Ins ins) {
    Objects.requireNonNull(ins, name);
    return new FhirSpace.Body().identifier(name, ins);
  }

  private byte[] operation(String operation, FhirSpace.Body body) {
    String path = BASE + "/" + operation;
    return executor
        .execute(
            ApiRequest.builder("POST", path)
                .path(path)
                .body(body.bytes(), ApiRequest.FHIR_JSON)
                .withNewIdempotencyKey()
                .build())
        .body();
  }
}
