package io.mes4j.mockserver.internal.store;

import static io.mes4j.mockserver.Fixtures.*;

import io.mes4j.core.code.SpaceState;
import io.mes4j.core.identity.Finess;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.internal.catalogue.CatalogueService;
import io.mes4j.mockserver.internal.catalogue.Finality;
import io.mes4j.mockserver.internal.catalogue.ServiceStatus;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.ConsentCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The one place that builds the default state from the identities of {@link Fixtures}. */
public final class DefaultFixtures {
  private DefaultFixtures() {}

  /** The catalogue's fixture services (CAT-1), all of editor "Éditeur Démo". */
  public static void loadServices(Catalogue catalogue) {
    service(
        catalogue,
        Fixtures.Ids.AGENDA_APP,
        "Agenda Démo",
        ServiceStatus.EN_LIGNE,
        "https://agenda.example/callback",
        Finality.AGENDA_READ,
        Finality.AGENDA_WRITE);
    service(
        catalogue,
        Fixtures.Ids.MEASURES_APP,
        "Mesures Démo",
        ServiceStatus.EN_LIGNE,
        "https://mesures.example/callback",
        Finality.MEASUREMENTS_READ,
        Finality.MEASUREMENTS_WRITE,
        Finality.DOCUMENTS_READ,
        Finality.DOCUMENTS_WRITE);
    service(
        catalogue,
        Fixtures.Ids.OFFLINE_APP,
        "Hors Ligne Démo",
        ServiceStatus.HORS_LIGNE,
        "https://offline.example/callback",
        Finality.AGENDA_READ);
    service(
        catalogue,
        Fixtures.Ids.SUSPENDED_APP,
        "Suspendu Démo",
        ServiceStatus.SUSPENDUE,
        "https://suspended.example/callback",
        Finality.AGENDA_READ);
    service(
        catalogue,
        Fixtures.Ids.DELISTED_APP,
        "Déréférencé Démo",
        ServiceStatus.DEREFERENCEE,
        "https://delisted.example/callback",
        Finality.AGENDA_READ);
  }

  private static void service(
      Catalogue catalogue,
      String id,
      String name,
      ServiceStatus status,
      String redirectUri,
      Finality... finalities) {
    catalogue.put(
        new CatalogueService(
            id, name, "Éditeur Démo", status, Set.of(finalities), List.of(redirectUri)));
  }

  /**
   * Loads the default state into {@code store}; the fixtures' consents take their ids from {@code
   * ids} and are dated {@code at}.
   */
  public static void load(Store store, IdGenerator ids, Instant at) {
    Directory directory = store.directory();
    directory.add(establishment(HOSPITAL, "Hôpital de démonstration"));
    directory.add(establishment(SAMU, "SAMU 13"));

    professional(directory, DOCTOR_TREATING, "Dr Alice Martin", "10", HOSPITAL);
    professional(directory, DOCTOR, "Dr Bruno Lefèvre", "10", HOSPITAL);
    professional(directory, DOCTOR_UNAUTHORISED, "Dr Claire Moreau", "10", HOSPITAL);
    professional(directory, PHARMACIST, "Denis Girard", "21", HOSPITAL);
    professional(directory, DENTIST, "Dr Emma Roux", "40", HOSPITAL);
    professional(directory, MIDWIFE, "Fanny Blanc", "50", HOSPITAL);
    professional(directory, NURSE, "Gilles Bonnet", "60", HOSPITAL);
    professional(directory, PHYSIOTHERAPIST, "Hugo Fontaine", "70", HOSPITAL);
    professional(directory, PODIATRIST, "Inès Chevalier", "80", HOSPITAL);
    professional(directory, SPEECH_THERAPIST, "Julie Perrin", "91", HOSPITAL);
    directory.add(
        new Directory.Professional(
            REGULATION_DOCTOR.value(),
            "Dr Karim Benali",
            "10",
            Set.of(Actor.ROLE_REGULATION),
            SAMU.value()));
    professional(directory, BLOCKED_DOCTOR, "Dr Luc Garnier", "10", HOSPITAL);
    professional(directory, SAME_RIGHTS_DOCTOR, "Dr Marc Henry", "10", HOSPITAL);

    PatientRecord adult =
        patient(ADULT, "Dupont", "Jean", "M", LocalDate.of(1980, 1, 15), SpaceState.ACTIVE);
    // The fixtures' relations are consents the holder made, so that listing shows them.
    holderConsent(store, ids, at, adult, ConsentCategory.MEDECIN_TRAITANT, DOCTOR_TREATING);
    for (ProfessionalId id :
        List.of(
            DOCTOR,
            PHARMACIST,
            DENTIST,
            MIDWIFE,
            NURSE,
            PHYSIOTHERAPIST,
            PODIATRIST,
            SPEECH_THERAPIST,
            BLOCKED_DOCTOR)) {
      holderConsent(store, ids, at, adult, ConsentCategory.AUTHORISATION, id);
    }
    holderConsent(store, ids, at, adult, ConsentCategory.BLOCK, BLOCKED_DOCTOR);
    holderConsent(store, ids, at, adult, ConsentCategory.SAME_RIGHTS, SAME_RIGHTS_DOCTOR);
    store.add(adult);

    store.add(
        patient(PARENT, "Durand", "Marie", "F", LocalDate.of(1985, 3, 10), SpaceState.ACTIVE));
    PatientRecord minor =
        patient(MINOR, "Durand", "Lucas", "M", LocalDate.of(2015, 6, 20), SpaceState.ACTIVE);
    minor.representatives().add(PARENT.value());
    // ES-6: attached to PARENT, the other parent's agreement recorded.
    minor
        .attachments()
        .put(PARENT.value(), new Attachment(PARENT.value(), Attachment.Status.ATTACHED, at));
    store.add(minor);

    PatientRecord pending =
        patient(PENDING, "Petit", "Nina", "F", LocalDate.of(1990, 5, 13), SpaceState.PENDING);
    // ES-2: announced at the clock's start, so that the 42-day window runs from there.
    pending.announcedAt(at);
    store.add(pending);
    store.add(
        patient(OPPOSED, "Lambert", "Olivier", "M", LocalDate.of(1975, 2, 9), SpaceState.OPPOSED));
    PatientRecord closed =
        patient(CLOSED, "Faure", "Pauline", "F", LocalDate.of(1960, 7, 31), SpaceState.CLOSED);
    // ES-5: closed at the clock's start, so that the 10-year archive runs from there.
    closed.closedAt(at);
    store.add(closed);
    store.add(
        patient(DELETED, "Mercier", "Quentin", "M", LocalDate.of(1955, 8, 4), SpaceState.DELETED));
  }

  private static void holderConsent(
      Store store,
      IdGenerator ids,
      Instant at,
      PatientRecord holder,
      ConsentCategory category,
      ProfessionalId professional) {
    ConsentBook.record(
        store,
        holder,
        new ConsentRecord(
            ids.next("cons-"),
            category,
            professional.value(),
            Boolean.TRUE.equals(category.fixedPermit()),
            true,
            at,
            holder.ins().system().uri(),
            holder.ins().value(),
            1,
            at));
  }

  private static PatientRecord patient(
      Ins ins, String family, String given, String sex, LocalDate birth, SpaceState state) {
    return new PatientRecord(ins, family, given, sex, birth, state);
  }

  private static void professional(
      Directory directory, ProfessionalId id, String name, String profession, Finess finess) {
    directory.add(
        new Directory.Professional(id.value(), name, profession, Set.of(), finess.value()));
  }

  private static Directory.Establishment establishment(Finess finess, String name) {
    return new Directory.Establishment(finess.value(), finess.idNatStruct(), name);
  }
}
