package io.mes4j.dossier;

import static io.mes4j.dossier.DocumentTestKit.all;
import static io.mes4j.dossier.DocumentTestKit.documents;
import static io.mes4j.dossier.DocumentTestKit.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.MesClient;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.LabelNotAllowedException;
import io.mes4j.core.error.PayloadTooLargeException;
import io.mes4j.core.error.UnsupportedMediaTypeException;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.EmittedFhir;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DOC-1: the holder (or representative) uploads PDF, TXT, RTF, JPEG, TIFF, 5 MB at most. */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class HolderUploadTest {
  private static final int FIVE_MB = 5 * 1024 * 1024;

  private static EmittedFhir emitted;

  @BeforeAll
  static void recordWhatTheServerEmits(MockServer server) {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyResourceTheServerEmitted_isValidFhirR4() {
    emitted.assertAllValid();
  }

  private static DocumentDeposit upload(byte[] content, String mimeType, String uniqueId) {
    return DocumentDeposit.builder()
        .patient(Fixtures.ADULT)
        .type(DocumentType.MEDICAL_CERTIFICATE)
        .title("Mon certificat")
        .content(content, mimeType)
        .uniqueId(uniqueId)
        .build();
  }

  // DOC-1
  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/pdf",
        "text/plain",
        "application/rtf",
        "text/rtf",
        "image/jpeg",
        "image/tiff"
      })
  void upload_byTheHolderOfAnAllowedType_isStoredWithThePatientAsAuthor(
      String mimeType, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry stored =
        documents(holder).deposit(upload("contenu".getBytes(), mimeType, "urn:oid:1.2.3.80.1"));

    assertThat(stored.author().kind()).isEqualTo(AuthorKind.PATIENT);
    assertThat(stored.author().id()).isEqualTo(Fixtures.ADULT.value());
    assertThat(stored.mimeType()).isEqualTo(mimeType);
    assertThat(ids(holder, DocumentSearch.forPatient(Fixtures.ADULT).build()))
        .containsExactly(stored.id());
    try (DocumentContent content = documents(holder).retrieve(stored)) {
      assertThat(content.readAllBytes()).isEqualTo("contenu".getBytes());
    }
  }

  // DOC-1
  @ParameterizedTest
  @ValueSource(strings = {"image/png", "application/zip", "text/html", "application/dicom"})
  void upload_byTheHolderOfAnotherType_throwsUnsupportedMediaTypeAndStoresNothing(
      String mimeType, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    assertThatThrownBy(
            () ->
                documents(holder)
                    .deposit(upload("contenu".getBytes(), mimeType, "urn:oid:1.2.3.81.1")))
        .isInstanceOfSatisfying(
            UnsupportedMediaTypeException.class, e -> assertThat(e.statusCode()).isEqualTo(415));
    assertThat(ids(holder, all(Fixtures.ADULT))).isEmpty();
  }

  // DOC-1: 5 MB is accepted, a byte more is not
  @Test
  void upload_byTheHolder_isAcceptedUpTo5MbAndRefusedAbove(
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    byte[] exactly = new byte[FIVE_MB];
    Arrays.fill(exactly, (byte) 'a');
    byte[] over = Arrays.copyOf(exactly, FIVE_MB + 1);
    over[FIVE_MB] = 'b';

    assertThatThrownBy(
            () -> documents(holder).deposit(upload(over, "text/plain", "urn:oid:1.2.3.82.1")))
        .isInstanceOfSatisfying(
            PayloadTooLargeException.class, e -> assertThat(e.statusCode()).isEqualTo(413));
    assertThat(ids(holder, all(Fixtures.ADULT))).isEmpty();

    DocumentEntry stored =
        documents(holder).deposit(upload(exactly, "text/plain", "urn:oid:1.2.3.82.2"));
    assertThat(stored.size()).isEqualTo(FIVE_MB);
  }

  // DOC-1, DOC-8: a holder may not set the professionals' invisibility labels
  @Test
  void upload_byTheHolderWithAnInvisibilityLabel_throwsLabelNotAllowed(
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    assertThatThrownBy(
            () ->
                documents(holder)
                    .deposit(
                        DocumentTestKit.labReport(
                            Fixtures.ADULT,
                            "urn:oid:1.2.3.83.1",
                            ConfidentialityLabel.INVISIBLE_PATIENT)))
        .isInstanceOf(LabelNotAllowedException.class);
    assertThat(ids(holder, all(Fixtures.ADULT))).isEmpty();
  }

  // DOC-1, CON-5: the holder may mask their own upload at deposit
  @Test
  void upload_byTheHolderMasked_isHiddenFromAnAuthorisedDoctor(
      @Identity(Fixtures.Ids.ADULT) MesClient holder,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor) {
    DocumentEntry stored =
        documents(holder)
            .deposit(
                DocumentTestKit.labReport(
                    Fixtures.ADULT, "urn:oid:1.2.3.84.1", ConfidentialityLabel.MASQUE_PS));

    assertThat(stored.isMasked()).isTrue();
    assertThat(ids(doctor, DocumentSearch.forPatient(Fixtures.ADULT).build())).isEmpty();
  }

  // DOC-1: a representative uploads into the minor's dossier
  @Test
  void upload_byTheRepresentativeIntoTheMinorsDossier_isStored(
      @Identity(Fixtures.Ids.PARENT) MesClient parent,
      @Identity(Fixtures.Ids.MINOR) MesClient minor) {
    DocumentEntry stored =
        documents(parent).deposit(DocumentTestKit.labReport(Fixtures.MINOR, "urn:oid:1.2.3.85.1"));

    assertThat(stored.author().id()).isEqualTo(Fixtures.PARENT.value());
    assertThat(ids(minor, DocumentSearch.forPatient(Fixtures.MINOR).build()))
        .containsExactly(stored.id());
  }
}
