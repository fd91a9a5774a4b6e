package io.mes4j.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.AccessMode;
import io.mes4j.core.MesClient;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.code.SpaceState;
import io.mes4j.core.error.BlockedException;
import io.mes4j.core.error.HolderOnlyException;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.error.NotAuthorisedException;
import io.mes4j.core.error.ReasonRequiredException;
import io.mes4j.core.error.ResourceNotFoundException;
import io.mes4j.core.error.SpaceNotActiveException;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.EmittedFhir;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The medical profile end to end through the SDK against the reference server: the holder keeps it
 * (PRO-1), professionals read it as they read documents and add vaccinations and measurements
 * (PRO-2), every change is traced (AU-1), bad input changes nothing.
 */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class MedicalProfileTest {
  private static final Instant MORNING = Instant.parse("2026-11-28T08:00:00Z");
  private static EmittedFhir emitted;

  @BeforeAll
  static void recordWhatTheServerEmits(MockServer server) {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyResourceTheServerEmitted_isValidFhirR4() {
    emitted.assertAllValid();
  }

  private static Allergy penicillin() {
    return Allergy.builder()
        .substance("Pénicilline")
        .code(ClinicalCode.of("http://snomed.info/sct", "764146007", "Penicillin"))
        .category(Allergy.Category.MEDICATION)
        .criticality(Allergy.Criticality.HIGH)
        .reaction("Urticaire")
        .build();
  }

  private static Vaccination flu() {
    return Vaccination.builder()
        .vaccine("Grippe saisonnière")
        .date(LocalDate.of(2026, 10, 15))
        .lotNumber("AB1234")
        .build();
  }

  @Test
  void holder_writesAndReadsEachKindOfItem(@Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // PRO-1
    // GIVEN the holder's profile
    MedicalProfile profile = Dossier.of(holder).profile();
    Ins me = Fixtures.ADULT;

    // WHEN the holder records one item of each kind
    profile.addHistory(
        me,
        HistoryEntry.builder()
            .kind(HistoryKind.MEDICAL)
            .description("Asthme")
            .code(ClinicalCode.of("http://hl7.org/fhir/sid/icd-10", "J45"))
            .onset(LocalDate.of(1990, 3, 1))
            .build());
    profile.addHistory(
        me,
        HistoryEntry.builder()
            .kind(HistoryKind.SURGICAL)
            .description("Appendicectomie")
            .onset(LocalDate.of(1995, 4, 2))
            .build());
    ProfileEntry<Allergy> allergy = profile.addAllergy(me, penicillin());
    profile.addTreatment(
        me,
        Treatment.builder()
            .medication("Lévothyrox 50 µg")
            .dosage("1 comprimé le matin")
            .start(LocalDate.of(2024, 1, 10))
            .build());
    profile.addVaccination(me, flu());
    profile.addMeasurement(me, Measurement.weight(72.5, MORNING));
    profile.addMeasurement(me, Measurement.height(178, MORNING));
    profile.addMeasurement(me, Measurement.bloodPressure(125, 80, MORNING));
    profile.addMeasurement(
        me, Measurement.builder(MeasurementKind.GLUCOSE).value(5.4, "mmol/L").at(MORNING).build());
    profile.addMeasurement(
        me, Measurement.builder(MeasurementKind.GLUCOSE).value(97, "mg/dL").at(MORNING).build());
    profile.addFamilyHistory(
        me,
        FamilyHistoryEntry.builder()
            .relation(FamilyRelation.MOTHER)
            .condition("Diabète de type 2")
            .code(ClinicalCode.of("http://hl7.org/fhir/sid/icd-10", "E11"))
            .build());
    profile.setOrganDonationWish(me, OrganDonationWish.WILLING);

    // THEN each reads back as it was written, recorded by the holder
    assertThat(allergy.recordedBy().kind()).isEqualTo(AuthorKind.PATIENT);
    assertThat(allergy.recordedAt()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
    List<ProfileEntry<HistoryEntry>> history = profile.history(me);
    assertThat(history)
        .extracting(e -> e.value().kind(), e -> e.value().description(), e -> e.value().ongoing())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(HistoryKind.SURGICAL, "Appendicectomie", false),
            org.assertj.core.groups.Tuple.tuple(HistoryKind.MEDICAL, "Asthme", true));
    assertThat(history.get(1).value().code())
        .hasValue(ClinicalCode.of("http://hl7.org/fhir/sid/icd-10", "J45"));
    assertThat(history.get(0).value().onset()).hasValue(LocalDate.of(1995, 4, 2));

    Allergy readAllergy = profile.allergies(me).get(0).value();
    assertThat(readAllergy.substance()).isEqualTo("Pénicilline");
    assertThat(readAllergy.category()).hasValue(Allergy.Category.MEDICATION);
    assertThat(readAllergy.criticality()).hasValue(Allergy.Criticality.HIGH);
    assertThat(readAllergy.reactions()).containsExactly("Urticaire");

    Treatment treatment = profile.treatments(me).get(0).value();
    assertThat(treatment.medication()).isEqualTo("Lévothyrox 50 µg");
    assertThat(treatment.dosage()).hasValue("1 comprimé le matin");
    assertThat(treatment.current()).isTrue();

    Vaccination vaccination = profile.vaccinations(me).get(0).value();
    assertThat(vaccination.vaccine()).isEqualTo("Grippe saisonnière");
    assertThat(vaccination.date()).isEqualTo(LocalDate.of(2026, 10, 15));
    assertThat(vaccination.lotNumber()).hasValue("AB1234");

    List<Measurement> measurements =
        profile.measurements(me).stream().map(ProfileEntry::value).toList();
    assertThat(measurements)
        .extracting(Measurement::kind, Measurement::unit, Measurement::loinc)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MeasurementKind.GLUCOSE, "mg/dL", "2339-0"),
            org.assertj.core.groups.Tuple.tuple(MeasurementKind.GLUCOSE, "mmol/L", "15074-8"),
            org.assertj.core.groups.Tuple.tuple(
                MeasurementKind.BLOOD_PRESSURE, "mm[Hg]", "85354-9"),
            org.assertj.core.groups.Tuple.tuple(MeasurementKind.HEIGHT, "cm", "8302-2"),
            org.assertj.core.groups.Tuple.tuple(MeasurementKind.WEIGHT, "kg", "29463-7"));
    assertThat(measurements.get(2).systolic()).hasValue(125);
    assertThat(measurements.get(2).diastolic()).hasValue(80);
    assertThat(measurements.get(4).value()).hasValue(72.5);
    assertThat(measurements.get(4).at()).isEqualTo(MORNING);
    assertThat(profile.measurements(me, MeasurementKind.WEIGHT)).hasSize(1);

    FamilyHistoryEntry family = profile.familyHistory(me).get(0).value();
    assertThat(family.relation()).isEqualTo(FamilyRelation.MOTHER);
    assertThat(family.condition()).isEqualTo("Diabète de type 2");
    assertThat(profile.organDonationWish(me)).isEqualTo(OrganDonationWish.WILLING);
  }

  @Test
  void organDonationWish_isUnspecifiedUntilSet_thenTheLatestPositionWins(
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // PRO-1
    MedicalProfile profile = Dossier.of(holder).profile();
    // GIVEN no position recorded
    assertThat(profile.organDonationWish(Fixtures.ADULT)).isEqualTo(OrganDonationWish.UNSPECIFIED);
    // WHEN the holder says yes, then no
    profile.setOrganDonationWish(Fixtures.ADULT, OrganDonationWish.WILLING);
    profile.setOrganDonationWish(Fixtures.ADULT, OrganDonationWish.REFUSING);
    // THEN the latest position is the one read, and it is not a measurement
    assertThat(profile.organDonationWish(Fixtures.ADULT)).isEqualTo(OrganDonationWish.REFUSING);
    assertThat(profile.measurements(Fixtures.ADULT)).isEmpty();
  }

  @Test
  void authorisedDoctor_readsTheProfile(
      @Identity(Fixtures.Ids.ADULT) MesClient holder,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor) {
    // PRO-2, DOC-7: an authorised professional reads in normal mode
    // GIVEN an allergy recorded by the holder
    Dossier.of(holder).profile().addAllergy(Fixtures.ADULT, penicillin());
    // WHEN an authorised doctor reads the allergies
    List<ProfileEntry<Allergy>> seen = Dossier.of(doctor).profile().allergies(Fixtures.ADULT);
    // THEN the doctor sees it
    assertThat(seen).extracting(e -> e.value().substance()).containsExactly("Pénicilline");
  }

  @Test
  void unauthorisedDoctor_throwsNotAuthorised(
      @Identity(Fixtures.Ids.DOCTOR_UNAUTHORISED) MesClient stranger) {
    // PRO-2, CON-1: normal mode needs an authorisation
    assertThatThrownBy(() -> Dossier.of(stranger).profile().allergies(Fixtures.ADULT))
        .isInstanceOfSatisfying(
            NotAuthorisedException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
  }

  @Test
  void blockedDoctor_throwsBlocked(@Identity(Fixtures.Ids.BLOCKED_DOCTOR) MesClient blocked) {
    // PRO-2, CON-2: blocked, whatever the authorisation
    assertThatThrownBy(() -> Dossier.of(blocked).profile().vaccinations(Fixtures.ADULT))
        .isInstanceOf(BlockedException.class);
  }

  @Test
  void nurse_addsAVaccinationAndAMeasurement_butNotAnAllergy(
      @Identity(Fixtures.Ids.NURSE) MesClient nurse,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // PRO-2: professionals add vaccinations and measurements only
    MedicalProfile asNurse = Dossier.of(nurse).profile();
    // WHEN the nurse adds a vaccination and a blood pressure
    ProfileEntry<Vaccination> vaccination = asNurse.addVaccination(Fixtures.ADULT, flu());
    ProfileEntry<Measurement> pressure =
        asNurse.addMeasurement(Fixtures.ADULT, Measurement.bloodPressure(130, 85, MORNING));
    // THEN both are recorded by the nurse, and the holder sees them
    assertThat(vaccination.recordedBy())
        .isEqualTo(new Author(AuthorKind.PROFESSIONAL, Fixtures.Ids.NURSE));
    assertThat(pressure.recordedBy().id()).isEqualTo(Fixtures.Ids.NURSE);
    MedicalProfile asHolder = Dossier.of(holder).profile();
    assertThat(asHolder.vaccinations(Fixtures.ADULT))
        .extracting(ProfileEntry::id)
        .containsExactly(vaccination.id());
    assertThat(asHolder.measurements(Fixtures.ADULT))
        .extracting(ProfileEntry::id)
        .containsExactly(pressure.id());

    // WHEN the nurse tries to add an allergy, THEN it is refused and nothing is stored
    assertThatThrownBy(() -> asNurse.addAllergy(Fixtures.ADULT, penicillin()))
        .isInstanceOfSatisfying(
            HolderOnlyException.class, e -> assertThat(e.causeCode()).isEqualTo("holder-only"));
    assertThat(asHolder.allergies(Fixtures.ADULT)).isEmpty();
    // ... and so is removing the holder's items
    assertThatThrownBy(() -> asNurse.remove(vaccination)).isInstanceOf(HolderOnlyException.class);
    assertThat(asHolder.vaccinations(Fixtures.ADULT)).hasSize(1);
  }

  @Test
  void brisDeGlace_withAReason_reads_andTheHolderIsNotified(
      MockServer server,
      @Identity(Fixtures.Ids.ADULT) MesClient holder,
      @Identity(Fixtures.Ids.DOCTOR_UNAUTHORISED) MesClient stranger) {
    // PRO-2, DOC-7, AU-3: bris de glace needs no authorisation, but a reason
    // GIVEN a vaccination in the profile
    Dossier.of(holder).profile().addVaccination(Fixtures.ADULT, flu());
    // WHEN an unauthorised doctor reads in bris de glace with a reason
    MesClient emergency = stranger.withAccessMode(AccessMode.breakGlass("Patient inconscient"));
    List<ProfileEntry<Vaccination>> seen =
        Dossier.of(emergency).profile().vaccinations(Fixtures.ADULT);
    // THEN the doctor reads it, and the holder is told
    assertThat(seen).hasSize(1);
    assertThat(server.control().outbox())
        .extracting(Notification::kind)
        .contains(Notification.Kind.EMERGENCY_ACCESS);
  }

  @Test
  void brisDeGlace_withoutAReason_throwsReasonRequired(MockServer server) {
    // PRO-2, DOC-7: the reason is mandatory (a token without one, as another client could send)
    String token = server.control().tokenBreakGlassWithoutReason(Fixtures.DOCTOR_UNAUTHORISED);
    try (MesClient client =
        MesClient.builder()
            .baseUrl(server.baseUrl())
            .credentials(TokenProvider.staticToken(token))
            .build()) {
      assertThatThrownBy(() -> Dossier.of(client).profile().allergies(Fixtures.ADULT))
          .isInstanceOf(ReasonRequiredException.class);
    }
  }

  @Test
  void centre15_regulationDoctor_readsTheProfile(
      @Identity(Fixtures.Ids.REGULATION_DOCTOR) MesClient samu) {
    // PRO-2, DOC-7: centre 15 reads under the holder's ETREAT setting (permit by default)
    MesClient regulation = samu.withAccessMode(AccessMode.centre15());
    assertThat(Dossier.of(regulation).profile().history(Fixtures.ADULT)).isEmpty();
  }

  @Test
  void representative_keepsTheMinorsProfile(
      @Identity(Fixtures.Ids.PARENT) MesClient parent,
      @Identity(Fixtures.Ids.MINOR) MesClient minor) {
    // PRO-1, PRO-2, ES-6: a minor's representative reads and writes everything
    MedicalProfile profile = Dossier.of(parent).profile();
    ProfileEntry<Allergy> added = profile.addAllergy(Fixtures.MINOR, penicillin());
    assertThat(added.recordedBy().id()).isEqualTo(Fixtures.Ids.PARENT);
    assertThat(Dossier.of(minor).profile().allergies(Fixtures.MINOR)).hasSize(1);
  }

  @Test
  void holder_removesAnItem_itLeavesTheReadsButNotTheHistory(
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // PRO-1, AU-1
    MedicalProfile profile = Dossier.of(holder).profile();
    // GIVEN an allergy
    ProfileEntry<Allergy> allergy = profile.addAllergy(Fixtures.ADULT, penicillin());
    // WHEN the holder removes it
    profile.remove(allergy);
    // THEN it is no longer read, and the removal is traced
    assertThat(profile.allergies(Fixtures.ADULT)).isEmpty();
    assertThat(actions(holder)).contains("PROFILE_REMOVE");
  }

  @Test
  void everyChange_appearsInTheHoldersActivityHistory(
      @Identity(Fixtures.Ids.ADULT) MesClient holder,
      @Identity(Fixtures.Ids.NURSE) MesClient nurse) {
    // AU-1
    // GIVEN changes by the holder and by a nurse, one refused
    Dossier.of(holder).profile().addAllergy(Fixtures.ADULT, penicillin());
    Dossier.of(nurse).profile().addMeasurement(Fixtures.ADULT, Measurement.weight(70, MORNING));
    assertThatThrownBy(() -> Dossier.of(nurse).profile().addAllergy(Fixtures.ADULT, penicillin()))
        .isInstanceOf(HolderOnlyException.class);
    Dossier.of(nurse).profile().measurements(Fixtures.ADULT);

    // WHEN the holder reads the activity history
    List<Trace> traces =
        Dossier.of(holder).history().list(HistoryQuery.forPatient(Fixtures.ADULT).build()).items();

    // THEN each change, the refusal and the read are there, newest first
    assertThat(traces)
        .filteredOn(t -> t.action().startsWith("PROFILE_"))
        .extracting(Trace::action, Trace::actorId, Trace::refusalCause)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PROFILE_READ", Fixtures.Ids.NURSE, null),
            org.assertj.core.groups.Tuple.tuple("PROFILE_WRITE", Fixtures.Ids.NURSE, "holder-only"),
            org.assertj.core.groups.Tuple.tuple("PROFILE_WRITE", Fixtures.Ids.NURSE, null),
            org.assertj.core.groups.Tuple.tuple("PROFILE_WRITE", Fixtures.Ids.ADULT, null));
  }

  @Test
  void badValues_areRefusedBeforeAnythingIsSent(@Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // PRO-1, section 11: a negative weight, an unknown unit, an impossible pressure
    assertThatThrownBy(() -> Measurement.weight(-3, MORNING))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("above 0");
    assertThatThrownBy(
            () -> Measurement.builder(MeasurementKind.WEIGHT).value(160, "lb").at(MORNING).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("unit lb is not accepted for WEIGHT");
    assertThatThrownBy(() -> Measurement.bloodPressure(80, 120, MORNING))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Allergy.builder().build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("substance");
    assertThatThrownBy(() -> Vaccination.builder().vaccine("BCG").build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("date");
    assertThat(Dossier.of(holder).profile().measurements(Fixtures.ADULT)).isEmpty();
  }

  @Test
  void badInput_overRawHttp_isA4xx_andChangesNothing(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) throws IOException {
    // PRO-1, section 11: malformed JSON, negative weight, unknown unit, unknown code
    String token = server.control().token(Fixtures.Ids.ADULT);
    String subject =
        "\"subject\":{\"identifier\":{\"system\":\"urn:oid:1.2.250.1.213.1.4.10\",\"value\":\""
            + Fixtures.Ids.ADULT
            + "\"}}";
    String weight =
        "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":"
            + "[{\"system\":\"http://loinc.org\",\"code\":\"29463-7\"}]},"
            + subject
            + ",\"effectiveDateTime\":\"2026-11-28T08:00:00Z\",\"valueQuantity\":"
            + "{\"value\":%s,\"unit\":\"%s\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"%s\"}}";

    assertThat(post(server, token, "Observation", "{\"resourceType\":\"Observation\","))
        .isEqualTo(new Answer(400, "invalid-request"));
    assertThat(post(server, token, "Observation", weight.formatted("-3", "kg", "kg")))
        .isEqualTo(new Answer(400, "invalid-request"));
    assertThat(post(server, token, "Observation", weight.formatted("160", "lb", "[lb_av]")))
        .isEqualTo(new Answer(400, "unknown-code"));
    assertThat(
            post(
                server,
                token,
                "Observation",
                weight.formatted("70", "kg", "kg").replace("29463-7", "9999-9")))
        .isEqualTo(new Answer(400, "unknown-code"));
    assertThat(post(server, token, "AllergyIntolerance", weight.formatted("70", "kg", "kg")))
        .isEqualTo(new Answer(400, "invalid-request"));
    // the well-formed one goes through, so the refusals above were about their input
    assertThat(post(server, token, "Observation", weight.formatted("70.2", "kg", "kg")).status())
        .isEqualTo(201);

    assertThat(Dossier.of(holder).profile().measurements(Fixtures.ADULT))
        .extracting(e -> e.value().value().orElseThrow())
        .containsExactly(70.2);
  }

  @Test
  void remove_ofAnUnknownItem_throwsNotFound_andChangesNothing(
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // PRO-1, section 11
    MedicalProfile profile = Dossier.of(holder).profile();
    ProfileEntry<Allergy> kept = profile.addAllergy(Fixtures.ADULT, penicillin());
    ProfileEntry<Allergy> unknown =
        new ProfileEntry<>("alg-unknown", penicillin(), MORNING, kept.recordedBy());
    assertThatThrownBy(() -> profile.remove(unknown)).isInstanceOf(ResourceNotFoundException.class);
    // an id of another type is not found either
    ProfileEntry<Vaccination> wrongType =
        new ProfileEntry<>(kept.id(), flu(), MORNING, kept.recordedBy());
    assertThatThrownBy(() -> profile.remove(wrongType))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(profile.allergies(Fixtures.ADULT))
        .extracting(ProfileEntry::id)
        .containsExactly(kept.id());
  }

  @Test
  void closedSpace_throwsSpaceNotActive(
      @Identity(Fixtures.Ids.ADULT) MesClient holder,
      @Identity(Fixtures.Ids.CLOSED) MesClient closedHolder) {
    // ES-4, PRO-2
    MedicalProfile profile = Dossier.of(closedHolder).profile();
    assertThatThrownBy(() -> profile.allergies(Fixtures.CLOSED))
        .isInstanceOfSatisfying(
            SpaceNotActiveException.class, e -> assertThat(e.state()).isEqualTo(SpaceState.CLOSED));
    assertThatThrownBy(() -> profile.addAllergy(Fixtures.CLOSED, penicillin()))
        .isInstanceOf(SpaceNotActiveException.class);
  }

  @Test
  void manyMeasurements_areReadAcrossPages(@Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // PRO-1: a page holds at most 100 items; the SDK follows the next links
    MedicalProfile profile = Dossier.of(holder).profile();
    for (int i = 0; i < 105; i++) {
      profile.addMeasurement(Fixtures.ADULT, Measurement.weight(60 + i / 10.0, MORNING));
    }
    List<ProfileEntry<Measurement>> all = profile.measurements(Fixtures.ADULT);
    assertThat(all).hasSize(105);
    assertThat(all.get(0).value().value()).hasValue(70.4);
    assertThat(all).extracting(ProfileEntry::id).doesNotHaveDuplicates();
  }

  private static List<String> actions(MesClient holder) {
    return Dossier.of(holder)
        .history()
        .list(HistoryQuery.forPatient(Fixtures.ADULT).build())
        .items()
        .stream()
        .map(Trace::action)
        .toList();
  }

  private record Answer(int status, String cause) {}

  /** A raw POST (java.base only: this test module reads no HTTP client module). */
  private static Answer post(MockServer server, String token, String type, String body)
      throws IOException {
    HttpURLConnection connection =
        (HttpURLConnection) URI.create(server.baseUrl() + "/fhir/" + type).toURL().openConnection();
    try {
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty("Authorization", "Bearer " + token);
      connection.setRequestProperty("Content-Type", "application/fhir+json");
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body.getBytes(StandardCharsets.UTF_8));
      }
      int status = connection.getResponseCode();
      String text;
      try (InputStream in =
          status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      int at = text.indexOf("error-cause\",\"code\":\"");
      String cause = at < 0 ? "" : text.substring(at + 21, text.indexOf('"', at + 21));
      return new Answer(status, cause);
    } finally {
      connection.disconnect();
    }
  }
}
