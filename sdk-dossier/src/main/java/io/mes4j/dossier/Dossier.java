package io.mes4j.dossier;

import io.mes4j.core.MesClient;
import io.mes4j.core.internal.ApiExecutor;
import io.mes4j.core.internal.CoreAccess;

/**
 * The dossier médical (DMP) of Mon espace santé: documents, access management and activity history,
 * with the consent, masking and audit rules the server enforces (DOC, CON, AU).
 *
 * <p>Obtained from a shared {@link MesClient}; it holds no state of its own and is as thread-safe
 * and cheap as the client it wraps.
 *
 * <pre>{@code
 * MesClient mes = MesClient.builder()
 *     .baseUrl("https://mes.example")
 *     .credentials(tokenProvider)
 *     .build();
 * Dossier dossier = Dossier.of(mes);
 * DocumentEntry stored = dossier.documents().deposit(deposit);
 * }</pre>
 */
public final class Dossier {
  private final Documents documents;
  private final ActivityHistory history;
  private final MedicalProfile profile;
  private final AccessManagement access;
  private final SpaceLifecycle space;

  private Dossier(ApiExecutor executor) {
    this.documents = new Documents(executor);
    this.history = new ActivityHistory(executor);
    this.profile = new MedicalProfile(executor);
    this.access = new AccessManagement(executor);
    this.space = new SpaceLifecycle(executor);
  }

  /** The dossier API over this client (and its access mode). */
  public static Dossier of(MesClient client) {
    return new Dossier(CoreAccess.executor(client));
  }

  /** Documents: deposit, search, retrieve (DOC). */
  public Documents documents() {
    return documents;
  }

  /**
   * Access management: authorisations, blocking, médecin traitant and same rights, feeding
   * oppositions, emergency settings and default masking (CON-1 to CON-5, DOC-1).
   */
  public AccessManagement access() {
    return access;
  }

  /**
   * The medical profile: history, allergies, treatments, vaccinations, measurements, family
   * history, organ donation wish (PRO-1, PRO-2).
   */
  public MedicalProfile profile() {
    return profile;
  }

  /**
   * The space's lifecycle: its status for an INS (PDSM4DMP TD0.2), the holder's activation,
   * opposition, closure and reopening, and a minor's representatives (ES-1 to ES-6).
   */
  public SpaceLifecycle space() {
    return space;
  }

  /** The activity history (AU-1, AU-2). */
  public ActivityHistory history() {
    return history;
  }
}
