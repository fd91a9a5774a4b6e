package io.mes4j.mockserver;

import io.mes4j.core.identity.Finess;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.InsSystem;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.core.identity.ServiceId;

/**
 * The identities of the default fixtures ({@link FixtureSet#DEFAULT}), all valid (INS keys, RPPS
 * Luhn digits, FINESS). Patients use the test NIR system ({@code urn:oid:1.2.250.1.213.1.4.10}).
 *
 * <table>
 *   <caption>Patients</caption>
 *   <tr><th>constant</th><th>who</th><th>space</th></tr>
 *   <tr><td>{@link #ADULT}</td><td>Jean Dupont, M, 1980-01-15; médecin traitant {@link
 *       #DOCTOR_TREATING}</td><td>ACTIVE</td></tr>
 *   <tr><td>{@link #PARENT}</td><td>Marie Durand, F, 1985-03-10, legal representative of {@link
 *       #MINOR}</td><td>ACTIVE</td></tr>
 *   <tr><td>{@link #MINOR}</td><td>Lucas Durand, M, 2015-06-20, attached to {@link #PARENT}
 *       </td><td>ACTIVE</td></tr>
 *   <tr><td>{@link #PENDING}, {@link #OPPOSED}, {@link #CLOSED}, {@link #DELETED}</td><td>one
 *       space in each other state</td><td>as named</td></tr>
 * </table>
 *
 * <p>Catalogue services (CAT-1, editor "Éditeur Démo", public OAuth clients whose client_id is the
 * service id): {@link #AGENDA_APP}, {@link #MEASURES_APP}, {@link #OFFLINE_APP}, {@link
 * #SUSPENDED_APP}, {@link #DELISTED_APP}.
 *
 * <p>Professionals (idNat_PS, profession): all authorised on {@link #ADULT} unless said, all
 * attached to {@link #HOSPITAL} except {@link #REGULATION_DOCTOR} ({@link #SAMU}). {@link
 * #BLOCKED_DOCTOR} is authorised but blocked by {@link #ADULT}; {@link #SAME_RIGHTS_DOCTOR} has the
 * same rights as the médecin traitant on {@link #ADULT}.
 */
public final class Fixtures {
  /** Jean Dupont, ACTIVE space, médecin traitant {@link #DOCTOR_TREATING}. */
  public static final Ins ADULT = Ins.of(Ids.ADULT, InsSystem.TEST_NIR);

  /** Marie Durand, ACTIVE space, legal representative of {@link #MINOR}. */
  public static final Ins PARENT = Ins.of(Ids.PARENT, InsSystem.TEST_NIR);

  /** Lucas Durand (born 2015), ACTIVE space attached to {@link #PARENT}, agreement recorded. */
  public static final Ins MINOR = Ins.of(Ids.MINOR, InsSystem.TEST_NIR);

  /** A space still in its opposition window (PENDING). */
  public static final Ins PENDING = Ins.of(Ids.PENDING, InsSystem.TEST_NIR);

  /** A space its holder opposed (OPPOSED). */
  public static final Ins OPPOSED = Ins.of(Ids.OPPOSED, InsSystem.TEST_NIR);

  /** A closed space (CLOSED). */
  public static final Ins CLOSED = Ins.of(Ids.CLOSED, InsSystem.TEST_NIR);

  /** A deleted space (DELETED). */
  public static final Ins DELETED = Ins.of(Ids.DELETED, InsSystem.TEST_NIR);

  /** Dr Alice Martin, médecin (10), médecin traitant of {@link #ADULT}. */
  public static final ProfessionalId DOCTOR_TREATING = ProfessionalId.of(Ids.DOCTOR_TREATING);

  /** Médecin (10), authorised on {@link #ADULT}. */
  public static final ProfessionalId DOCTOR = ProfessionalId.of(Ids.DOCTOR);

  /** Médecin (10), not authorised on any dossier. */
  public static final ProfessionalId DOCTOR_UNAUTHORISED =
      ProfessionalId.of(Ids.DOCTOR_UNAUTHORISED);

  /** Pharmacien (21), authorised on {@link #ADULT}. */
  public static final ProfessionalId PHARMACIST = ProfessionalId.of(Ids.PHARMACIST);

  /** Chirurgien-dentiste (40), authorised on {@link #ADULT}. */
  public static final ProfessionalId DENTIST = ProfessionalId.of(Ids.DENTIST);

  /** Sage-femme (50), authorised on {@link #ADULT}. */
  public static final ProfessionalId MIDWIFE = ProfessionalId.of(Ids.MIDWIFE);

  /** Infirmier (60), authorised on {@link #ADULT}. */
  public static final ProfessionalId NURSE = ProfessionalId.of(Ids.NURSE);

  /** Masseur-kinésithérapeute (70), authorised on {@link #ADULT}. */
  public static final ProfessionalId PHYSIOTHERAPIST = ProfessionalId.of(Ids.PHYSIOTHERAPIST);

  /** Pédicure-podologue (80), authorised on {@link #ADULT}. */
  public static final ProfessionalId PODIATRIST = ProfessionalId.of(Ids.PODIATRIST);

  /** Orthophoniste (91, "any other" column of the matrix), authorised on {@link #ADULT}. */
  public static final ProfessionalId SPEECH_THERAPIST = ProfessionalId.of(Ids.SPEECH_THERAPIST);

  /** Médecin (10) with the regulation role, SAMU centre 15 ({@link #SAMU}). */
  public static final ProfessionalId REGULATION_DOCTOR = ProfessionalId.of(Ids.REGULATION_DOCTOR);

  /** Médecin (10), authorised on {@link #ADULT} but blocked by its holder. */
  public static final ProfessionalId BLOCKED_DOCTOR = ProfessionalId.of(Ids.BLOCKED_DOCTOR);

  /**
   * Dr Marc Henry (10, médecin): given the same rights as the médecin traitant by {@link #ADULT}
   * (CON-3), not otherwise authorised.
   */
  public static final ProfessionalId SAME_RIGHTS_DOCTOR = ProfessionalId.of(Ids.SAME_RIGHTS_DOCTOR);

  /** Hôpital de démonstration (FINESS 750000010, idNat_Struct 1750000010). */
  public static final Finess HOSPITAL = Finess.of("750000010");

  /** SAMU 13 (FINESS 130000029). */
  public static final Finess SAMU = Finess.of("130000029");

  /**
   * "Agenda Démo", an agenda application of the catalogue (OID {@code 2.999.1.1}, in the ITU-T arc
   * for examples): {@code EN_LIGNE}, finalities {@code AGENDA_READ} and {@code AGENDA_WRITE},
   * redirect URI {@code https://agenda.example/callback}. Paired through {@code /oauth2/authorize}
   * (CAT-2); {@link MockControl#serviceToken} also makes tokens with given finalities and patient.
   */
  public static final ServiceId AGENDA_APP = ServiceId.of(Ids.AGENDA_APP);

  /**
   * "Mesures Démo" ({@code 2.999.1.2}): {@code EN_LIGNE}, finalities {@code MEASUREMENTS_READ},
   * {@code MEASUREMENTS_WRITE}, {@code DOCUMENTS_READ}, {@code DOCUMENTS_WRITE}, redirect URI
   * {@code https://mesures.example/callback}.
   */
  public static final ServiceId MEASURES_APP = ServiceId.of(Ids.MEASURES_APP);

  /**
   * "Hors Ligne Démo" ({@code 2.999.1.3}): {@code HORS_LIGNE} (no new pairing), {@code
   * AGENDA_READ}, redirect URI {@code https://offline.example/callback}.
   */
  public static final ServiceId OFFLINE_APP = ServiceId.of(Ids.OFFLINE_APP);

  /**
   * "Suspendu Démo" ({@code 2.999.1.4}): {@code SUSPENDUE} (every call refused), {@code
   * AGENDA_READ}, redirect URI {@code https://suspended.example/callback}.
   */
  public static final ServiceId SUSPENDED_APP = ServiceId.of(Ids.SUSPENDED_APP);

  /**
   * "Déréférencé Démo" ({@code 2.999.1.5}): {@code DEREFERENCEE} (every call refused), {@code
   * AGENDA_READ}, redirect URI {@code https://delisted.example/callback}.
   */
  public static final ServiceId DELISTED_APP = ServiceId.of(Ids.DELISTED_APP);

  /**
   * The same identities as strings, for annotations such as {@code @Identity(Fixtures.Ids.DOCTOR)}:
   * INS values and idNat_PS.
   */
  public static final class Ids {
    /** {@link Fixtures#ADULT}. */
    public static final String ADULT = "180017511234516";

    /** {@link Fixtures#PARENT}. */
    public static final String PARENT = "285036912345656";

    /** {@link Fixtures#MINOR}. */
    public static final String MINOR = "115067511300106";

    /** {@link Fixtures#PENDING}. */
    public static final String PENDING = "290051305512342";

    /** {@link Fixtures#OPPOSED}. */
    public static final String OPPOSED = "175029201234505";

    /** {@link Fixtures#CLOSED}. */
    public static final String CLOSED = "260073155511138";

    /** {@link Fixtures#DELETED}. */
    public static final String DELETED = "155084433322248";

    /** {@link Fixtures#DOCTOR_TREATING}. */
    public static final String DOCTOR_TREATING = "810000000017";

    /** {@link Fixtures#DOCTOR}. */
    public static final String DOCTOR = "810000000025";

    /** {@link Fixtures#DOCTOR_UNAUTHORISED}. */
    public static final String DOCTOR_UNAUTHORISED = "810000000033";

    /** {@link Fixtures#PHARMACIST}. */
    public static final String PHARMACIST = "810000000041";

    /** {@link Fixtures#DENTIST}. */
    public static final String DENTIST = "810000000058";

    /** {@link Fixtures#MIDWIFE}. */
    public static final String MIDWIFE = "810000000066";

    /** {@link Fixtures#NURSE}. */
    public static final String NURSE = "810000000074";

    /** {@link Fixtures#PHYSIOTHERAPIST}. */
    public static final String PHYSIOTHERAPIST = "810000000082";

    /** {@link Fixtures#PODIATRIST}. */
    public static final String PODIATRIST = "810000000090";

    /** {@link Fixtures#SPEECH_THERAPIST}. */
    public static final String SPEECH_THERAPIST = "810000000108";

    /** {@link Fixtures#REGULATION_DOCTOR}. */
    public static final String REGULATION_DOCTOR = "810000000116";

    /** {@link Fixtures#BLOCKED_DOCTOR}. */
    public static final String BLOCKED_DOCTOR = "810000000124";

    /** {@link Fixtures#SAME_RIGHTS_DOCTOR}. */
    public static final String SAME_RIGHTS_DOCTOR = "810000000132";

    /** {@link Fixtures#AGENDA_APP}, as a token subject. */
    public static final String AGENDA_APP = "urn:oid:2.999.1.1";

    /** {@link Fixtures#MEASURES_APP}, as a token subject and OAuth client_id. */
    public static final String MEASURES_APP = "urn:oid:2.999.1.2";

    /** {@link Fixtures#OFFLINE_APP}, as a token subject and OAuth client_id. */
    public static final String OFFLINE_APP = "urn:oid:2.999.1.3";

    /** {@link Fixtures#SUSPENDED_APP}, as a token subject and OAuth client_id. */
    public static final String SUSPENDED_APP = "urn:oid:2.999.1.4";

    /** {@link Fixtures#DELISTED_APP}, as a token subject and OAuth client_id. */
    public static final String DELISTED_APP = "urn:oid:2.999.1.5";

    private Ids() {}
  }

  private Fixtures() {}
}
