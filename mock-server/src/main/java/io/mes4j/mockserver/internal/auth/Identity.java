package io.mes4j.mockserver.internal.auth;

import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Finess;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.store.Directory;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The identity a token is issued for: the subject and what the server knows of it (the
 * professional's profession and roles come from the directory).
 */
public record Identity(
    Actor.Kind kind,
    String subject,
    @Nullable String profession,
    Set<String> roles,
    Set<String> finalities,
    @Nullable String pairedPatient,
    @Nullable String pairing,
    @Nullable String grant) {
  public Identity {
    roles = Set.copyOf(roles);
    finalities = Set.copyOf(finalities);
  }

  /** An identity without pairing claims. */
  public Identity(Actor.Kind kind, String subject, @Nullable String profession, Set<String> roles) {
    this(kind, subject, profession, roles, Set.of(), null, null, null);
  }

  /**
   * A service's identity from a pairing (CAT-2): its finalities, the patient, the pairing's Consent
   * id ({@code mes_pairing}) and the grant ({@code mes_grant}) the token belongs to.
   */
  public static Identity service(
      String serviceId, Set<String> finalities, String patient, String pairing, String grant) {
    return new Identity(
        Actor.Kind.SERVICE, serviceId, null, Set.of(), finalities, patient, pairing, grant);
  }

  /**
   * This service identity with the finalities of its pairing and the patient (INS value) it is
   * paired with, as {@code /_mock/tokens} gives them until the catalogue's pairing exists (CAT-2).
   */
  public Identity paired(Set<String> finalities, @Nullable String patient) {
    if (kind != Actor.Kind.SERVICE) {
      throw new IllegalArgumentException("finalities and patient apply to a service subject only");
    }
    return new Identity(kind, subject, profession, roles, finalities, patient, null, null);
  }

  /**
   * Resolves a subject: an INS (patient), an idNat_PS (professional, from the directory unless a
   * profession is given), {@code 1} + FINESS (establishment) or {@code urn:oid:…} (service).
   *
   * @throws IllegalArgumentException with a message fit for the caller if the subject is unusable
   */
  public static Identity resolve(
      String subject,
      Directory directory,
      @Nullable String profession,
      @Nullable Set<String> roles) {
    if (subject.length() == 15 && Ins.isValid(subject)) {
      return new Identity(Actor.Kind.PATIENT, subject, null, Set.of());
    }
    if (subject.length() == 12 && subject.charAt(0) == '8') {
      try {
        ProfessionalId.of(subject);
      } catch (InvalidValueException e) {
        throw new IllegalArgumentException("subject is not a valid idNat_PS: " + e.getMessage());
      }
      var known = directory.professional(subject);
      String resolvedProfession =
          profession != null
              ? profession
              : known.map(Directory.Professional::profession).orElse(null);
      if (resolvedProfession == null) {
        throw new IllegalArgumentException(
            "unknown professional: give a profession for a professional outside the fixtures");
      }
      Set<String> resolvedRoles =
          roles != null ? roles : known.map(Directory.Professional::roles).orElse(Set.of());
      return new Identity(Actor.Kind.PROFESSIONAL, subject, resolvedProfession, resolvedRoles);
    }
    if (subject.length() == 10 && subject.charAt(0) == '1') {
      try {
        Finess.of(subject.substring(1));
      } catch (InvalidValueException e) {
        throw new IllegalArgumentException(
            "subject is not a valid idNat_Struct: " + e.getMessage());
      }
      return new Identity(Actor.Kind.ESTABLISHMENT, subject, null, Set.of());
    }
    if (subject.startsWith("urn:oid:") && subject.length() > 8) {
      return new Identity(Actor.Kind.SERVICE, subject, null, Set.of());
    }
    throw new IllegalArgumentException(
        "subject must be an INS, an idNat_PS, an idNat_Struct or urn:oid:<service OID>");
  }

  @Override
  public String toString() {
    return "Identity[" + kind + ", subject=<redacted>]";
  }
}
