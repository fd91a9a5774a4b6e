package io.mes4j.mockserver.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.core.code.SpaceState;
import io.mes4j.mockserver.internal.Cause;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The consent rules of the policy decision point (CON-1 to CON-5, DOC-1, ES-4). */
class ConsentPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final PolicyDecisionPoint PDP =
      new PolicyDecisionPoint(HabilitationMatrix.defaults());
  private static final String SELF = "810000000033";
  private static final String OTHER = "810000000025";
  private static final Actor PROFESSIONAL =
      new Actor(Actor.Kind.PROFESSIONAL, SELF, "s", "10", Set.of(), "p");
  private static final Actor PATIENT =
      new Actor(Actor.Kind.PATIENT, "180017511234516", "s", null, Set.of(), "h");
  private static final Actor ESTABLISHMENT =
      new Actor(Actor.Kind.ESTABLISHMENT, "1750000010", "s", null, Set.of(), "e");

  private static SpaceContext space(
      SpaceState state, boolean holder, boolean representative, boolean blocked) {
    return new SpaceContext(state, holder, representative, false, false, blocked, false, false);
  }

  private static final SpaceContext HOLDER = space(SpaceState.ACTIVE, true, false, false);
  private static final SpaceContext REPRESENTATIVE = space(SpaceState.ACTIVE, false, true, false);
  private static final SpaceContext FOREIGN_PATIENT = space(SpaceState.ACTIVE, false, false, false);
  private static final SpaceContext PRO = space(SpaceState.ACTIVE, false, false, false);
  private static final SpaceContext BLOCKED_PRO = space(SpaceState.ACTIVE, false, false, true);

  private static @Nullable Cause decide(
      Actor actor, Action action, Target target, SpaceContext space) {
    Decision decision =
        PDP.decide(actor, action, target, space, HolderSettings.DEFAULTS, Mode.NORMAL, NOW);
    return decision.permitted() ? null : decision.denyCause();
  }

  private static Target consent(ConsentCategory category, @Nullable String professional) {
    return new Target.Consent(category, professional);
  }

  private static Action createAction(ConsentCategory category) {
    return category == ConsentCategory.AUTHORISATION
        ? Action.DECLARE_AUTHORISATION
        : Action.MANAGE_CONSENT;
  }

  private static @Nullable String actorOf(ConsentCategory category) {
    return category.aboutProfessional() ? OTHER : null;
  }

  // CON-1 to CON-5, DOC-1: the holder and a minor's representative manage every consent
  @ParameterizedTest
  @EnumSource(ConsentCategory.class)
  void holderAndRepresentative_mayCreateRevokeAndReadEveryCategory(ConsentCategory category) {
    for (SpaceContext space : new SpaceContext[] {HOLDER, REPRESENTATIVE}) {
      Target target = consent(category, actorOf(category));
      assertThat(decide(PATIENT, createAction(category), target, space)).isNull();
      assertThat(decide(PATIENT, Action.REVOKE_CONSENT, target, space)).isNull();
      assertThat(decide(PATIENT, Action.READ_CONSENT, target, space)).isNull();
      assertThat(
              decide(PATIENT, Action.SEARCH_CONSENTS, new Target.Consents(Set.of(category)), space))
          .isNull();
    }
  }

  // CON-1 to CON-5: another patient may touch nothing
  @ParameterizedTest
  @EnumSource(ConsentCategory.class)
  void anotherPatient_isForbidden(ConsentCategory category) {
    assertThat(
            decide(
                PATIENT,
                createAction(category),
                consent(category, actorOf(category)),
                FOREIGN_PATIENT))
        .isEqualTo(Cause.FORBIDDEN);
  }

  // CON-2 to CON-5, DOC-1: a professional may not manage what only the holder manages
  @ParameterizedTest
  @EnumSource(
      value = ConsentCategory.class,
      names = "AUTHORISATION",
      mode = EnumSource.Mode.EXCLUDE)
  void professional_isRefusedHolderOnly_forEveryCategoryButAuthorisation(ConsentCategory category) {
    String about = category.aboutProfessional() ? SELF : null;
    assertThat(decide(PROFESSIONAL, Action.MANAGE_CONSENT, consent(category, about), PRO))
        .isEqualTo(Cause.HOLDER_ONLY);
    assertThat(
            decide(
                PROFESSIONAL, Action.SEARCH_CONSENTS, new Target.Consents(Set.of(category)), PRO))
        .isEqualTo(Cause.HOLDER_ONLY);
    assertThat(decide(PROFESSIONAL, Action.READ_CONSENT, consent(category, about), PRO))
        .isEqualTo(Cause.NOT_FOUND);
  }

  // CON-1: a professional declares, sees and withdraws only their own authorisation
  @Test
  void professional_declaresSeesAndWithdrawsOnlyTheirOwnAuthorisation() {
    Target own = consent(ConsentCategory.AUTHORISATION, SELF);
    Target other = consent(ConsentCategory.AUTHORISATION, OTHER);
    assertThat(decide(PROFESSIONAL, Action.DECLARE_AUTHORISATION, own, PRO)).isNull();
    assertThat(decide(PROFESSIONAL, Action.DECLARE_AUTHORISATION, other, PRO))
        .isEqualTo(Cause.HOLDER_ONLY);
    assertThat(decide(PROFESSIONAL, Action.READ_CONSENT, own, PRO)).isNull();
    assertThat(decide(PROFESSIONAL, Action.READ_CONSENT, other, PRO)).isEqualTo(Cause.NOT_FOUND);
    assertThat(decide(PROFESSIONAL, Action.REVOKE_CONSENT, own, PRO)).isNull();
    assertThat(decide(PROFESSIONAL, Action.REVOKE_CONSENT, other, PRO))
        .isEqualTo(Cause.HOLDER_ONLY);
    assertThat(
            decide(
                PROFESSIONAL,
                Action.SEARCH_CONSENTS,
                new Target.Consents(EnumSet.noneOf(ConsentCategory.class)),
                PRO))
        .isNull();
  }

  // CON-2 (choice): a blocked professional cannot declare their way back in
  @Test
  void blockedProfessional_declaringConsent_isBlocked() {
    assertThat(
            decide(
                PROFESSIONAL,
                Action.DECLARE_AUTHORISATION,
                consent(ConsentCategory.AUTHORISATION, SELF),
                BLOCKED_PRO))
        .isEqualTo(Cause.BLOCKED);
  }

  // CON-1 to CON-5: establishments and services do not manage consents
  @Test
  void establishment_isForbidden() {
    assertThat(
            decide(
                ESTABLISHMENT,
                Action.DECLARE_AUTHORISATION,
                consent(ConsentCategory.AUTHORISATION, SELF),
                PRO))
        .isEqualTo(Cause.FORBIDDEN);
  }

  // ES-4: the state comes first
  @ParameterizedTest
  @EnumSource(value = SpaceState.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
  void notActiveSpace_refusesEvenTheHolder(SpaceState state) {
    assertThat(
            decide(
                PATIENT,
                Action.MANAGE_CONSENT,
                consent(ConsentCategory.BTG, null),
                space(state, true, false, false)))
        .isEqualTo(Cause.valueOf("ESPACE_" + state.name()));
  }
}
