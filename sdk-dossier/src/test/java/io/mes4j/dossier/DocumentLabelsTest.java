package io.mes4j.dossier;

import static io.mes4j.dossier.DocumentTestKit.all;
import static io.mes4j.dossier.DocumentTestKit.client;
import static io.mes4j.dossier.DocumentTestKit.documents;
import static io.mes4j.dossier.DocumentTestKit.ids;
import static io.mes4j.dossier.DocumentTestKit.jsonPatch;
import static io.mes4j.dossier.DocumentTestKit.labReport;
import static io.mes4j.dossier.DocumentTestKit.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.AccessMode;
import io.mes4j.core.MesClient;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.error.ErrorCause;
import io.mes4j.core.error.InvalidRequestException;
import io.mes4j.core.error.LabelNotAllowedException;
import io.mes4j.core.error.MesServiceException;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.EmittedFhir;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DOC-6 and DOC-8: who sets and lifts which visibility label, and what nothing else changes. */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class DocumentLabelsTest {
  private static EmittedFhir emitted;

  @BeforeAll
  static void recordWhatTheServerEmits(MockServer server) {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyResourceTheServerEmitted_isValidFhirR4() {
    emitted.assertAllValid();
  }

  private static DocumentSearch byDefault(Ins patient) {
    return DocumentSearch.forPatient(patient).build();
  }

  // DOC-6, DOC-8: MASQUE_PS by the holder
  @Test
  void mask_byTheHolder_hidesFromAnAuthorisedDoctorButNotFromTheTreatingDoctorNorTheAuthor(
      @Identity(Fixtures.Ids.NURSE) MesClient author,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient treating,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // GIVEN two documents, both visible to the authorised doctor
    DocumentEntry other =
        documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.50.1"));
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.50.2"));
    assertThat(total(doctor, byDefault(Fixtures.ADULT))).isEqualTo(2);

    // WHEN the holder masks one
    DocumentEntry masked = documents(holder).mask(doc.id());

    // THEN it is absent for the doctor, from items and total alike; the others still see it
    assertThat(masked.isMasked()).isTrue();
    assertThat(ids(doctor, byDefault(Fixtures.ADULT))).containsExactly(other.id());
    assertThat(total(doctor, byDefault(Fixtures.ADULT))).isEqualTo(1);
    for (MesClient privileged : List.of(treating, author, holder)) {
      assertThat(ids(privileged, byDefault(Fixtures.ADULT))).containsExactly(doc.id(), other.id());
    }

    // WHEN unmasked THEN the doctor sees it again
    assertThat(documents(holder).unmask(doc.id()).isMasked()).isFalse();
    assertThat(total(doctor, byDefault(Fixtures.ADULT))).isEqualTo(2);
  }

  // DOC-8: a professional may not mask (the holder's label)
  @Test
  void mask_byAProfessional_throwsLabelNotAllowedAndChangesNothing(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.51.1"));
    DocumentEntry before = documents(holder).get(doc.id());

    assertThatThrownBy(() -> documents(author).mask(doc.id()))
        .isInstanceOfSatisfying(
            LabelNotAllowedException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.errorCause()).isEqualTo(ErrorCause.LABEL_NOT_ALLOWED);
            });

    assertThat(documents(holder).get(doc.id())).isEqualTo(before);
  }

  // DOC-8 (choice): a professional depositing with MASQUE_PS is refused, nothing stored
  @Test
  void deposit_byAProfessionalWithMasquePs_throwsLabelNotAllowedAndStoresNothing(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    assertThatThrownBy(
            () ->
                documents(author)
                    .deposit(
                        labReport(
                            Fixtures.ADULT, "urn:oid:1.2.3.52.1", ConfidentialityLabel.MASQUE_PS)))
        .isInstanceOf(LabelNotAllowedException.class);
    assertThat(ids(holder, all(Fixtures.ADULT))).isEmpty();
  }

  // DOC-6, DOC-8: INVISIBLE_PATIENT by the author, lifted by the author
  @Test
  void invisibleToPatient_setByTheAuthor_hidesFromTheHolderUntilTheAuthorLiftsIt(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.53.1"));
    int noticesBefore = server.control().outbox().size();

    DocumentEntry hidden = documents(author).setInvisibleToPatient(doc.id());
    assertThat(hidden.labels()).containsExactly(ConfidentialityLabel.INVISIBLE_PATIENT);
    assertThat(ids(holder, all(Fixtures.ADULT))).isEmpty();
    assertThat(ids(author, byDefault(Fixtures.ADULT))).containsExactly(doc.id());

    DocumentEntry lifted = documents(author).liftInvisibleToPatient(doc.id());
    assertThat(lifted.labels()).isEmpty();
    assertThat(ids(holder, byDefault(Fixtures.ADULT))).containsExactly(doc.id());
    // AU-3: the holder hears of the document now visible to them
    assertThat(server.control().outbox()).hasSize(noticesBefore + 1);
  }

  // DOC-6, DOC-7: INVISIBLE_REPRESENTANTS_LEGAUX on a minor's document
  @Test
  void invisibleToRepresentatives_onAMinorsDocument_hidesFromTheParentNotFromAProfessional(
      @Identity(Fixtures.Ids.DOCTOR) MesClient author,
      @Identity(Fixtures.Ids.PARENT) MesClient parent,
      @Identity(Fixtures.Ids.MINOR) MesClient minor,
      @Identity(Fixtures.Ids.REGULATION_DOCTOR) MesClient regulation) {
    // GIVEN one document hidden from representatives at deposit, one set so afterwards
    DocumentEntry atDeposit =
        documents(author)
            .deposit(
                labReport(
                    Fixtures.MINOR,
                    "urn:oid:1.2.3.54.1",
                    ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX));
    DocumentEntry later =
        documents(author).deposit(labReport(Fixtures.MINOR, "urn:oid:1.2.3.54.2"));
    assertThat(ids(parent, byDefault(Fixtures.MINOR))).containsExactly(later.id());
    documents(author).setInvisibleToRepresentatives(later.id());

    // THEN the parent sees neither; the minor and a professional (centre 15) see both
    assertThat(ids(parent, byDefault(Fixtures.MINOR))).isEmpty();
    assertThat(total(parent, byDefault(Fixtures.MINOR))).isZero();
    assertThat(ids(minor, byDefault(Fixtures.MINOR))).containsExactly(later.id(), atDeposit.id());
    assertThat(ids(regulation.withAccessMode(AccessMode.centre15()), byDefault(Fixtures.MINOR)))
        .containsExactly(later.id(), atDeposit.id());
  }

  // DOC-6: INVISIBLE_REPRESENTANTS_LEGAUX exists only on a minor's dossier (400)
  @Test
  void invisibleToRepresentatives_onAnAdult_throwsInvalidRequestAndChangesNothing(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    assertThatThrownBy(
            () ->
                documents(author)
                    .deposit(
                        labReport(
                            Fixtures.ADULT,
                            "urn:oid:1.2.3.55.1",
                            ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThat(ids(holder, all(Fixtures.ADULT))).isEmpty();

    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.55.2"));
    DocumentEntry before = documents(holder).get(doc.id());
    assertThatThrownBy(() -> documents(author).setInvisibleToRepresentatives(doc.id()))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(documents(holder).get(doc.id())).isEqualTo(before);
  }

  // DOC-6: N is alone or absent; N with another label is an impossible combination (400)
  @Test
  void patch_withNAndAnotherLabel_isInvalidRequestAndChangesNothing(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.56.1"));
    DocumentEntry before = documents(holder).get(doc.id());

    DocumentTestKit.Raw answer =
        jsonPatch(
            server,
            Fixtures.Ids.ADULT,
            doc.id(),
            "[{\"op\":\"add\",\"path\":\"/securityLabel/-\",\"value\":{\"coding\":[{\"system\":"
                + "\"https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/"
                + "TRE-A07-StatutVisibiliteDocument\",\"code\":\"MASQUE_PS\"}]}}]");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.cause()).isEqualTo("invalid-request");
    assertThat(documents(holder).get(doc.id())).isEqualTo(before);
  }

  // DOC-8: only status, labels and the archive flag change after deposit
  @ParameterizedTest
  @ValueSource(
      strings = {
        "[{\"op\":\"replace\",\"path\":\"/content/0/attachment/title\",\"value\":\"Autre\"}]",
        "[{\"op\":\"replace\",\"path\":\"/type/coding/0/code\",\"value\":\"11488-4\"}]",
        "[{\"op\":\"remove\",\"path\":\"/author\"}]",
        "[{\"op\":\"add\",\"path\":\"/description\",\"value\":\"x\"}]",
        "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"entered-in-error\"},"
            + "{\"op\":\"replace\",\"path\":\"/date\",\"value\":\"2020-01-01T00:00:00Z\"}]",
        "[{\"op\":\"add\",\"path\":\"/extension/-\",\"value\":{\"url\":\"https://x\","
            + "\"valueBoolean\":true}}]",
        "[{\"op\":\"replace\",\"path\":\"\",\"value\":{\"resourceType\":\"DocumentReference\"}}]"
      })
  void patch_onAForbiddenPath_isImmutableFieldAndChangesNothing(
      String patch,
      MockServer server,
      @Identity(Fixtures.Ids.ADULT) MesClient holder,
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author) {
    // GIVEN a document, as the holder reads it
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.57.1"));
    DocumentEntry before = documents(holder).get(doc.id());

    // WHEN its author patches a field other than status, labels or the archive flag
    DocumentTestKit.Raw answer = jsonPatch(server, Fixtures.Ids.DOCTOR_TREATING, doc.id(), patch);

    // THEN 400 immutable-field, and nothing changed
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.cause()).isEqualTo("immutable-field");
    assertThat(documents(holder).get(doc.id())).isEqualTo(before);
  }

  // DOC-8, section 11: a malformed JSON Patch is a 400, nothing changed
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"entered-in-error\"}",
        "[{\"op\":\"frobnicate\",\"path\":\"/status\"}]",
        "[{\"op\":\"replace\",\"path\":\"status\",\"value\":\"entered-in-error\"}]",
        "[{\"op\":\"replace\",\"path\":\"/nothing/here\",\"value\":1}]",
        "[{\"op\":\"replace\",\"path\":\"/securityLabel/7\",\"value\":{}}]",
        "[{\"op\":\"replace\",\"path\":\"/status\"}]",
        "[{\"op\":\"test\",\"path\":\"/status\",\"value\":\"superseded\"},"
            + "{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"entered-in-error\"}]",
        "[{\"op\":\"replace\",\"path\":\"/a~2b\",\"value\":1}]",
        "[{\"op\":\"move\",\"from\":\"/content\",\"path\":\"/content/0\"}]",
        "[{\"op\":\"remove\",\"path\":\"/extension/0\"}]",
        "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"superseded\"}]",
        "[not json",
        ""
      })
  void patch_malformed_isInvalidRequestAndChangesNothing(
      String patch,
      MockServer server,
      @Identity(Fixtures.Ids.ADULT) MesClient holder,
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author) {
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.58.1"));
    DocumentEntry before = documents(holder).get(doc.id());

    DocumentTestKit.Raw answer = jsonPatch(server, Fixtures.Ids.DOCTOR_TREATING, doc.id(), patch);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.cause()).isEqualTo("invalid-request");
    assertThat(documents(holder).get(doc.id())).isEqualTo(before);
  }

  // DOC-8, section 11: a PATCH of another content type is a 415
  @Test
  void patch_ofAnotherContentType_isUnsupportedMediaType(
      MockServer server,
      @Identity(Fixtures.Ids.ADULT) MesClient holder,
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author) {
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.59.1"));

    DocumentTestKit.Raw answer =
        DocumentTestKit.patch(
            server,
            Fixtures.Ids.DOCTOR_TREATING,
            doc.id(),
            "application/fhir+json",
            "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"entered-in-error\"}]");

    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.cause()).isEqualTo("unsupported-media-type");
    assertThat(documents(holder).get(doc.id()).status()).isEqualTo(DocumentStatus.CURRENT);
  }

  // DOC-6: a caller who may not see a document learns nothing of it from a patch's test
  @Test
  void patch_byAProfessionalWhoMayNotSeeTheDocument_isNotFoundWhateverItTests(
      MockServer server,
      @Identity(Fixtures.Ids.NURSE) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.60.1"));
    documents(holder).mask(doc.id());

    for (String title : List.of("Compte rendu", "Autre chose")) {
      DocumentTestKit.Raw answer =
          jsonPatch(
              server,
              Fixtures.Ids.DOCTOR,
              doc.id(),
              "[{\"op\":\"test\",\"path\":\"/content/0/attachment/title\",\"value\":\""
                  + title
                  + "\"}]");
      assertThat(answer.status()).isEqualTo(404);
    }
  }

  /** Who acts in the decision table. */
  enum Who {
    HOLDER,
    AUTHOR,
    TREATING_DOCTOR,
    OTHER_PROFESSIONAL,
    REPRESENTATIVE,
    MINOR_HOLDER
  }

  static Stream<Arguments> doc8Table() {
    ConfidentialityLabel masque = ConfidentialityLabel.MASQUE_PS;
    ConfidentialityLabel patient = ConfidentialityLabel.INVISIBLE_PATIENT;
    ConfidentialityLabel representants = ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX;
    List<Arguments> rows = new ArrayList<>();
    // an adult's dossier (author: DOCTOR; médecin traitant: DOCTOR_TREATING; other: NURSE)
    rows.add(Arguments.of(false, Who.HOLDER, masque, true, "permit"));
    rows.add(Arguments.of(false, Who.HOLDER, masque, false, "permit"));
    rows.add(Arguments.of(false, Who.AUTHOR, masque, true, "label-not-allowed"));
    rows.add(Arguments.of(false, Who.AUTHOR, masque, false, "label-not-allowed"));
    rows.add(Arguments.of(false, Who.TREATING_DOCTOR, masque, true, "label-not-allowed"));
    rows.add(Arguments.of(false, Who.TREATING_DOCTOR, masque, false, "label-not-allowed"));
    rows.add(Arguments.of(false, Who.OTHER_PROFESSIONAL, masque, true, "label-not-allowed"));
    // DOC-6: masked, the document is hidden from the other professional, who cannot learn of it
    rows.add(Arguments.of(false, Who.OTHER_PROFESSIONAL, masque, false, "not-found"));
    rows.add(Arguments.of(false, Who.AUTHOR, patient, true, "permit"));
    rows.add(Arguments.of(false, Who.AUTHOR, patient, false, "permit"));
    rows.add(Arguments.of(false, Who.HOLDER, patient, true, "label-not-allowed"));
    // DOC-6: invisible to the holder, the document is hidden from them
    rows.add(Arguments.of(false, Who.HOLDER, patient, false, "not-found"));
    rows.add(Arguments.of(false, Who.TREATING_DOCTOR, patient, true, "label-not-allowed"));
    rows.add(Arguments.of(false, Who.TREATING_DOCTOR, patient, false, "label-not-allowed"));
    rows.add(Arguments.of(false, Who.OTHER_PROFESSIONAL, patient, true, "label-not-allowed"));
    rows.add(Arguments.of(false, Who.OTHER_PROFESSIONAL, patient, false, "label-not-allowed"));
    rows.add(Arguments.of(false, Who.AUTHOR, representants, true, "invalid-request"));
    rows.add(Arguments.of(false, Who.HOLDER, representants, true, "invalid-request"));
    rows.add(Arguments.of(false, Who.TREATING_DOCTOR, representants, true, "invalid-request"));
    // a minor's dossier (author: DOCTOR, not authorised there; NURSE neither)
    rows.add(Arguments.of(true, Who.AUTHOR, representants, true, "permit"));
    rows.add(Arguments.of(true, Who.AUTHOR, representants, false, "permit"));
    rows.add(Arguments.of(true, Who.REPRESENTATIVE, representants, true, "label-not-allowed"));
    rows.add(Arguments.of(true, Who.REPRESENTATIVE, representants, false, "not-found"));
    rows.add(Arguments.of(true, Who.MINOR_HOLDER, representants, true, "label-not-allowed"));
    rows.add(Arguments.of(true, Who.MINOR_HOLDER, representants, false, "label-not-allowed"));
    rows.add(Arguments.of(true, Who.OTHER_PROFESSIONAL, representants, true, "not-authorised"));
    rows.add(Arguments.of(true, Who.REPRESENTATIVE, masque, true, "permit"));
    rows.add(Arguments.of(true, Who.REPRESENTATIVE, masque, false, "permit"));
    rows.add(Arguments.of(true, Who.MINOR_HOLDER, masque, true, "permit"));
    rows.add(Arguments.of(true, Who.MINOR_HOLDER, masque, false, "permit"));
    rows.add(Arguments.of(true, Who.AUTHOR, masque, true, "label-not-allowed"));
    rows.add(Arguments.of(true, Who.AUTHOR, patient, true, "permit"));
    rows.add(Arguments.of(true, Who.AUTHOR, patient, false, "permit"));
    rows.add(Arguments.of(true, Who.REPRESENTATIVE, patient, true, "label-not-allowed"));
    rows.add(Arguments.of(true, Who.REPRESENTATIVE, patient, false, "not-found"));
    rows.add(Arguments.of(true, Who.MINOR_HOLDER, patient, false, "not-found"));
    return rows.stream();
  }

  // DOC-8: actor × label × set or lift → permitted, or the refusal's cause
  @ParameterizedTest(name = "minor={0}, {1} {3} {2} -> {4}")
  @MethodSource("doc8Table")
  void labelChange_followsTheDoc8Table(
      boolean minorDossier,
      Who who,
      ConfidentialityLabel label,
      boolean set,
      String expected,
      MockServer server) {
    Ins patient = minorDossier ? Fixtures.MINOR : Fixtures.ADULT;
    try (MesClient author = client(server, Fixtures.Ids.DOCTOR);
        MesClient holder = client(server, patient.value());
        MesClient regulation = client(server, Fixtures.Ids.REGULATION_DOCTOR);
        MesClient actor = client(server, subject(who, minorDossier))) {
      // GIVEN a document by the author, carrying the label already when it is to be lifted
      ConfidentialityLabel[] atDeposit =
          !set && label != ConfidentialityLabel.MASQUE_PS
              ? new ConfidentialityLabel[] {label}
              : new ConfidentialityLabel[0];
      DocumentEntry doc =
          documents(author).deposit(labReport(patient, "urn:oid:1.2.3.61.1", atDeposit));
      if (!set && label == ConfidentialityLabel.MASQUE_PS) {
        documents(holder).mask(doc.id());
      }
      // Who can see it to check it: on the adult's dossier its (authorised) author; on the minor's,
      // the minor if it is masked, else a centre 15 doctor.
      MesClient observer =
          !minorDossier
              ? author
              : !set && label == ConfidentialityLabel.MASQUE_PS
                  ? holder
                  : regulation.withAccessMode(AccessMode.centre15());
      DocumentEntry before = documents(observer).get(doc.id());

      // WHEN the actor sets or lifts the label
      Documents documents = documents(actor);
      java.util.function.Supplier<DocumentEntry> change =
          () ->
              switch (label) {
                case MASQUE_PS -> set ? documents.mask(doc.id()) : documents.unmask(doc.id());
                case INVISIBLE_PATIENT ->
                    set
                        ? documents.setInvisibleToPatient(doc.id())
                        : documents.liftInvisibleToPatient(doc.id());
                case INVISIBLE_REPRESENTANTS_LEGAUX ->
                    set
                        ? documents.setInvisibleToRepresentatives(doc.id())
                        : documents.liftInvisibleToRepresentatives(doc.id());
                default -> throw new IllegalArgumentException(label.name());
              };

      // THEN permitted, with the label set or lifted; or refused with its cause, nothing changed
      if (expected.equals("permit")) {
        DocumentEntry after = change.get();
        assertThat(after.labels().contains(label)).isEqualTo(set);
        assertThat(after.labels())
            .containsAll(before.labels().stream().filter(l -> l != label).collect(toSet()));
      } else {
        assertThatThrownBy(change::get)
            .isInstanceOfSatisfying(
                MesServiceException.class, e -> assertThat(e.causeCode()).isEqualTo(expected));
        assertThat(documents(observer).get(doc.id())).isEqualTo(before);
      }
    }
  }

  private static java.util.stream.Collector<ConfidentialityLabel, ?, Set<ConfidentialityLabel>>
      toSet() {
    return java.util.stream.Collectors.toSet();
  }

  private static String subject(Who who, boolean minorDossier) {
    return switch (who) {
      case HOLDER -> Fixtures.Ids.ADULT;
      case AUTHOR -> Fixtures.Ids.DOCTOR;
      case TREATING_DOCTOR -> Fixtures.Ids.DOCTOR_TREATING;
      case OTHER_PROFESSIONAL -> Fixtures.Ids.NURSE;
      case REPRESENTATIVE -> Fixtures.Ids.PARENT;
      case MINOR_HOLDER -> Fixtures.Ids.MINOR;
    };
  }
}
