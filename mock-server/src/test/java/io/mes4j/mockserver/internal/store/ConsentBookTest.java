package io.mes4j.mockserver.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.core.code.SpaceState;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.InsSystem;
import io.mes4j.mockserver.internal.policy.ConsentCategory;
import io.mes4j.mockserver.internal.policy.HolderSettings;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The policy's fast views stay in step with the active consents (CON-1 to CON-5, DOC-1). */
class ConsentBookTest {
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final String PRO = "810000000025";
  private static final String OTHER = "810000000017";

  private final Store store = new Store();
  private final IdGenerator ids = new IdGenerator(7);
  private final PatientRecord patient =
      new PatientRecord(
          Ins.of("180017511234516", InsSystem.TEST_NIR),
          "Dupont",
          "Jean",
          "M",
          LocalDate.of(1980, 1, 15),
          SpaceState.ACTIVE);

  private ConsentRecord record(ConsentCategory category, String professional, boolean permit) {
    ConsentRecord consent =
        new ConsentRecord(
            ids.next("cons-"),
            category,
            professional,
            permit,
            true,
            T0,
            InsSystem.TEST_NIR.uri(),
            patient.ins().value(),
            1,
            T0);
    ConsentBook.record(store, patient, consent);
    return consent;
  }

  // CON-1, CON-2, CON-3, DOC-1
  @Test
  void professionalConsents_enterAndLeaveTheirSet() {
    ConsentRecord authorisation = record(ConsentCategory.AUTHORISATION, PRO, true);
    ConsentRecord block = record(ConsentCategory.BLOCK, PRO, false);
    ConsentRecord same = record(ConsentCategory.SAME_RIGHTS, PRO, true);
    ConsentRecord opposition = record(ConsentCategory.DEPOSIT_OPPOSITION, PRO, false);
    assertThat(patient.authorised()).containsExactly(PRO);
    assertThat(patient.blocked()).containsExactly(PRO);
    assertThat(patient.sameRights()).containsExactly(PRO);
    assertThat(patient.depositOpposed()).containsExactly(PRO);
    assertThat(store.consentPatient(block.id())).contains(patient.ins().value());

    for (ConsentRecord consent : new ConsentRecord[] {authorisation, block, same, opposition}) {
      ConsentRecord inactive = ConsentBook.deactivate(patient, consent, T1);
      assertThat(inactive.active()).isFalse();
      assertThat(inactive.version()).isEqualTo(2);
      assertThat(patient.consent(consent.id())).isEqualTo(inactive);
    }
    assertThat(patient.authorised()).isEmpty();
    assertThat(patient.blocked()).isEmpty();
    assertThat(patient.sameRights()).isEmpty();
    assertThat(patient.depositOpposed()).isEmpty();
    assertThat(patient.consents()).hasSize(4);
  }

  // CON-3: one médecin traitant; designating another makes the previous designation inactive
  @Test
  void medecinTraitant_isASingleton() {
    ConsentRecord first = record(ConsentCategory.MEDECIN_TRAITANT, PRO, true);
    record(ConsentCategory.MEDECIN_TRAITANT, OTHER, true);

    assertThat(patient.medecinTraitant()).isEqualTo(OTHER);
    assertThat(patient.consent(first.id()).active()).isFalse();
    // revoking the old designation does not touch the new one
    ConsentBook.deactivate(patient, patient.consent(first.id()), T1);
    assertThat(patient.medecinTraitant()).isEqualTo(OTHER);
  }

  // CON-4, CON-5: settings replace each other; revoked, a setting is back to its default
  @Test
  void settings_followTheActiveConsentAndFallBackToTheirDefault() {
    record(ConsentCategory.BTG, null, false);
    ConsentRecord masked = record(ConsentCategory.MASKED, null, true);
    record(ConsentCategory.DEFAULT_MASKING, null, true);
    assertThat(patient.settings()).isEqualTo(new HolderSettings(true, false, true, true));

    ConsentBook.deactivate(patient, masked, T1);
    assertThat(patient.settings()).isEqualTo(new HolderSettings(true, false, false, true));
    record(ConsentCategory.BTG, null, true);
    assertThat(patient.settings().btg()).isTrue();
    assertThat(ConsentBook.active(patient, ConsentCategory.BTG, null).permit()).isTrue();
  }
}
