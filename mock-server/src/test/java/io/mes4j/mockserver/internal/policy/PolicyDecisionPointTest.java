package io.mes4j.mockserver.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.core.AccessMode;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentGroup;
import io.mes4j.core.code.SpaceState;
import io.mes4j.mockserver.internal.Cause;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class PolicyDecisionPointTest {
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final PolicyDecisionPoint PDP =
      new PolicyDecisionPoint(HabilitationMatrix.defaults());
  private static final Actor NURSE =
      new Actor(Actor.Kind.PROFESSIONAL, "810000000074", "s", "60", Set.of(), "n");
  private static final Actor DENTIST =
      new Actor(Actor.Kind.PROFESSIONAL, "810000000058", "s", "40", Set.of(), "d");
  private static final Actor REGULATOR =
      new Actor(
          Actor.Kind.PROFESSIONAL, "810000000116", "s", "10", Set.of(Actor.ROLE_REGULATION), "r");
  private static final Actor HOLDER =
      new Actor(Actor.Kind.PATIENT, "180017511234516", "s", null, Set.of(), "h");

  private static SpaceContext authorised() {
    return new SpaceContext(SpaceState.ACTIVE, false, false, false, true, false, false, false);
  }

  private static SpaceContext stranger() {
    return new SpaceContext(SpaceState.ACTIVE, false, false, false, false, false, false, false);
  }

  private static Target.Document doc(DocumentGroup group, ConfidentialityLabel... labels) {
    return new Target.Document(group, Set.of(labels), "810000000017");
  }

  private static Cause read(
      Actor actor, Target target, SpaceContext space, HolderSettings settings, Mode mode) {
    Decision decision = PDP.decide(actor, Action.READ_DOCUMENT, target, space, settings, mode, NOW);
    return decision.permitted() ? null : decision.denyCause();
  }

  // DOC-7, habilitations.md
  @Test
  void matrix_letsANurseReadAdvanceDirectivesButNotGenetics() {
    assertThat(
            read(
                NURSE,
                doc(DocumentGroup.ADVANCE_DIRECTIVE),
                authorised(),
                HolderSettings.DEFAULTS,
                Mode.NORMAL))
        .isNull();
    assertThat(
            read(
                NURSE,
                doc(DocumentGroup.GENETICS),
                authorised(),
                HolderSettings.DEFAULTS,
                Mode.NORMAL))
        .isEqualTo(Cause.PROFESSION_NOT_ALLOWED);
  }

  // DOC-6, CON-4: masked documents in an emergency only if MASKED permits
  @Test
  void masked_inBrisDeGlace_followsTheMaskedSetting() {
    Mode btg = Mode.of(AccessMode.breakGlass("coma"));
    Target masked = doc(DocumentGroup.CLINICAL, ConfidentialityLabel.MASQUE_PS);
    assertThat(read(NURSE, masked, stranger(), HolderSettings.DEFAULTS, btg))
        .isEqualTo(Cause.NOT_FOUND);
    assertThat(read(NURSE, masked, stranger(), new HolderSettings(true, true, true, false), btg))
        .isNull();
  }

  // CON-4
  @Test
  void brisDeGlace_whenBtgDenied_isEmergencyDenied() {
    Mode btg = Mode.of(AccessMode.breakGlass("coma"));
    assertThat(
            read(
                NURSE,
                Target.SPACE,
                stranger(),
                new HolderSettings(true, false, false, false),
                btg))
        .isEqualTo(Cause.EMERGENCY_DENIED);
  }

  // CON-4, CON-2 (centre 15 governed by ETREAT alone)
  @Test
  void centre15_followsEtreatAndIgnoresBlocking() {
    SpaceContext blocked =
        new SpaceContext(SpaceState.ACTIVE, false, false, false, false, true, false, false);
    Mode c15 = Mode.of(AccessMode.centre15());
    assertThat(read(REGULATOR, Target.SPACE, blocked, HolderSettings.DEFAULTS, c15)).isNull();
    assertThat(
            read(
                REGULATOR,
                Target.SPACE,
                blocked,
                new HolderSettings(false, true, false, false),
                c15))
        .isEqualTo(Cause.EMERGENCY_DENIED);
  }

  // CON-3: same rights see masked documents and are not limited by the matrix
  @Test
  void sameRights_seeMaskedDocumentsOfAnyGroup() {
    SpaceContext sameRights =
        new SpaceContext(SpaceState.ACTIVE, false, false, false, false, false, true, false);
    assertThat(
            read(
                DENTIST,
                doc(DocumentGroup.PSYCHIATRY, ConfidentialityLabel.MASQUE_PS),
                sameRights,
                HolderSettings.DEFAULTS,
                Mode.NORMAL))
        .isNull();
  }

  // DOC-1: feeding opposition
  @Test
  void deposit_byAnOpposedProfessional_isDepositOpposed() {
    SpaceContext opposed =
        new SpaceContext(SpaceState.ACTIVE, false, false, false, false, false, false, true);
    Decision decision =
        PDP.decide(
            NURSE,
            Action.DEPOSIT_DOCUMENT,
            new Target.Deposit("application/pdf", 10, Set.of()),
            opposed,
            HolderSettings.DEFAULTS,
            Mode.NORMAL,
            NOW);
    assertThat(decision.denyCause()).isEqualTo(Cause.DEPOSIT_OPPOSED);
  }

  // DOC-7: the holder never sees INVISIBLE_PATIENT
  @Test
  void holder_doesNotSeeInvisiblePatient() {
    SpaceContext holder =
        new SpaceContext(SpaceState.ACTIVE, true, false, false, false, false, false, false);
    assertThat(
            read(
                HOLDER,
                doc(DocumentGroup.CLINICAL, ConfidentialityLabel.INVISIBLE_PATIENT),
                holder,
                HolderSettings.DEFAULTS,
                Mode.NORMAL))
        .isEqualTo(Cause.NOT_FOUND);
    assertThat(
            read(
                HOLDER,
                doc(DocumentGroup.CLINICAL, ConfidentialityLabel.MASQUE_PS),
                holder,
                HolderSettings.DEFAULTS,
                Mode.NORMAL))
        .isNull();
  }

  @Test
  void matrix_fromAFile_replacesTheDefault() throws Exception {
    String csv =
        "group,10,*\n"
            + String.join(
                "\n",
                java.util.Arrays.stream(DocumentGroup.values())
                    .map(g -> g.name() + ",Y,Y")
                    .toList());
    HabilitationMatrix matrix =
        HabilitationMatrix.parse(
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test");
    assertThat(matrix.allows("40", DocumentGroup.PSYCHIATRY)).isTrue();
  }

  @Test
  void matrix_withAMissingGroup_isRefusedNamingTheLine() {
    String csv = "group,10,*\nCLINICAL,Y,Y\n";
    Assertions.assertThatThrownBy(
            () ->
                HabilitationMatrix.parse(
                    new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "m.csv"))
        .hasMessageContaining("m.csv")
        .hasMessageContaining("missing rows");
  }
}
