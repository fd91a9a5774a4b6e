package io.mes4j.dossier;

import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.internal.ApiExecutor;
import io.mes4j.dossier.internal.FhirProfile;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A patient's medical profile (PRO-1): medical and surgical history, allergies, treatments,
 * vaccinations, measurements, family history and the organ donation wish.
 *
 * <pre>{@code
 * MedicalProfile profile = Dossier.of(mes).profile();
 * profile.addAllergy(ins, Allergy.builder().substance("Pénicilline").build());
 * profile.addMeasurement(ins, Measurement.weight(72.5, Instant.now()));
 * for (ProfileEntry<Allergy> a : profile.allergies(ins)) {
 *   System.out.println(a.value().substance() + " recorded by " + a.recordedBy().kind());
 * }
 * profile.setOrganDonationWish(ins, OrganDonationWish.WILLING);
 * }</pre>
 *
 * <p>Who may do what (PRO-2):
 *
 * <ul>
 *   <li>the holder, and a minor's legal representative, read and write everything and alone
 *       {@linkplain #remove remove} items;
 *   <li>professionals read the profile under the same rules as documents (DOC-7): the space {@code
 *       ACTIVE}, in normal mode authorised and not blocked ({@code NotAuthorisedException}, {@code
 *       BlockedException}), in bris de glace with the holder's {@code BTG} setting and a reason
 *       ({@code ReasonRequiredException}, {@code EmergencyAccessDeniedException}), in centre 15
 *       with the {@code ETREAT} setting;
 *   <li>professionals add vaccinations and measurements only, as they deposit documents (DOC-1: no
 *       authorisation needed, unless the holder opposed their deposits); any other write is refused
 *       with {@code HolderOnlyException} (cause {@code holder-only}).
 * </ul>
 *
 * <p>Every read and change is traced in the activity history (AU-1: {@code PROFILE_READ}, {@code
 * PROFILE_WRITE}, {@code PROFILE_REMOVE}). A space that is not {@code ACTIVE} is refused with
 * {@code SpaceNotActiveException} (ES-4).
 *
 * <p><b>Advance directives</b> (directives anticipées) are a document, not a profile item: deposit
 * them with {@link Documents#deposit} and the document type LOINC {@code 75320-2}.
 *
 * <p>Reads return every item still in the profile, newest recorded first; removed items stay on the
 * server ({@code entered-in-error}) for history but are no longer returned.
 */
public final class MedicalProfile {
  private static final int ALL = Integer.MAX_VALUE;

  private final ApiExecutor executor;

  MedicalProfile(ApiExecutor executor) {
    this.executor = executor;
  }

  /** The medical and surgical history. */
  public List<ProfileEntry<HistoryEntry>> history(Ins patient) {
    return FhirProfile.search(
        executor, "Condition", patient(patient), null, ALL, FhirProfile::readCondition);
  }

  /** Adds a history entry (holder or representative only). */
  public ProfileEntry<HistoryEntry> addHistory(Ins patient, HistoryEntry entry) {
    return FhirProfile.create(
        executor,
        FhirProfile.condition(patient(patient), required(entry)),
        FhirProfile::readCondition);
  }

  /** The allergies and intolerances. */
  public List<ProfileEntry<Allergy>> allergies(Ins patient) {
    return FhirProfile.search(
        executor, "AllergyIntolerance", patient(patient), null, ALL, FhirProfile::readAllergy);
  }

  /** Adds an allergy (holder or representative only). */
  public ProfileEntry<Allergy> addAllergy(Ins patient, Allergy allergy) {
    return FhirProfile.create(
        executor,
        FhirProfile.allergy(patient(patient), required(allergy)),
        FhirProfile::readAllergy);
  }

  /** The treatments, current and ended. */
  public List<ProfileEntry<Treatment>> treatments(Ins patient) {
    return FhirProfile.search(
        executor, "MedicationStatement", patient(patient), null, ALL, FhirProfile::readTreatment);
  }

  /** Adds a treatment (holder or representative only). */
  public ProfileEntry<Treatment> addTreatment(Ins patient, Treatment treatment) {
    return FhirProfile.create(
        executor,
        FhirProfile.treatment(patient(patient), required(treatment)),
        FhirProfile::readTreatment);
  }

  /** The vaccinations. */
  public List<ProfileEntry<Vaccination>> vaccinations(Ins patient) {
    return FhirProfile.search(
        executor, "Immunization", patient(patient), null, ALL, FhirProfile::readImmunization);
  }

  /** Adds a vaccination (holder, representative or professional). */
  public ProfileEntry<Vaccination> addVaccination(Ins patient, Vaccination vaccination) {
    return FhirProfile.create(
        executor,
        FhirProfile.immunization(patient(patient), required(vaccination)),
        FhirProfile::readImmunization);
  }

  /** Every measurement, of every kind. */
  public List<ProfileEntry<Measurement>> measurements(Ins patient) {
    return measurements(patient, List.of(MeasurementKind.values()));
  }

  /** The measurements of one kind. */
  public List<ProfileEntry<Measurement>> measurements(Ins patient, MeasurementKind kind) {
    return measurements(patient, List.of(Objects.requireNonNull(kind, "kind")));
  }

  private List<ProfileEntry<Measurement>> measurements(Ins patient, List<MeasurementKind> kinds) {
    String codes =
        kinds.stream()
            .flatMap(k -> k.units().stream().map(u -> FhirProfile.LOINC + "|" + k.loinc(u)))
            .distinct()
            .collect(Collectors.joining(","));
    return FhirProfile.search(
        executor, "Observation", patient(patient), codes, ALL, FhirProfile::readMeasurement);
  }

  /** Adds a measurement (holder, representative or professional). */
  public ProfileEntry<Measurement> addMeasurement(Ins patient, Measurement measurement) {
    return FhirProfile.create(
        executor,
        FhirProfile.observation(patient(patient), required(measurement)),
        FhirProfile::readMeasurement);
  }

  /** The family history. */
  public List<ProfileEntry<FamilyHistoryEntry>> familyHistory(Ins patient) {
    return FhirProfile.search(
        executor,
        "FamilyMemberHistory",
        patient(patient),
        null,
        ALL,
        FhirProfile::readFamilyMemberHistory);
  }

  /** Adds a family history entry (holder or representative only). */
  public ProfileEntry<FamilyHistoryEntry> addFamilyHistory(Ins patient, FamilyHistoryEntry entry) {
    return FhirProfile.create(
        executor,
        FhirProfile.familyMemberHistory(patient(patient), required(entry)),
        FhirProfile::readFamilyMemberHistory);
  }

  /** The holder's latest position on organ donation; {@code UNSPECIFIED} if none was recorded. */
  public OrganDonationWish organDonationWish(Ins patient) {
    List<ProfileEntry<OrganDonationWish>> latest =
        FhirProfile.search(
            executor,
            "Observation",
            patient(patient),
            FhirProfile.PROFILE_ITEM + "|" + FhirProfile.ORGAN_DONATION_CODE,
            1,
            FhirProfile::readOrganDonation);
    return latest.isEmpty() ? OrganDonationWish.UNSPECIFIED : latest.get(0).value();
  }

  /**
   * Records the holder's position on organ donation (holder or representative only); earlier
   * positions stay in the profile's history.
   */
  public ProfileEntry<OrganDonationWish> setOrganDonationWish(Ins patient, OrganDonationWish wish) {
    return FhirProfile.create(
        executor,
        FhirProfile.organDonation(patient(patient), required(wish)),
        FhirProfile::readOrganDonation);
  }

  /**
   * Removes an item (holder or representative only): it is kept on the server as {@code
   * entered-in-error}, for history, and no longer returned by reads.
   *
   * @throws io.mes4j.core.error.ResourceNotFoundException if the server knows no such item
   */
  public void remove(ProfileEntry<?> entry) {
    Objects.requireNonNull(entry, "entry");
    Object value = entry.value();
    String type;
    if (value instanceof HistoryEntry) {
      type = "Condition";
    } else if (value instanceof Allergy) {
      type = "AllergyIntolerance";
    } else if (value instanceof Treatment) {
      type = "MedicationStatement";
    } else if (value instanceof Vaccination) {
      type = "Immunization";
    } else if (value instanceof Measurement || value instanceof OrganDonationWish) {
      type = "Observation";
    } else if (value instanceof FamilyHistoryEntry) {
      type = "FamilyMemberHistory";
    } else {
      throw new InvalidValueException("not an item of the medical profile");
    }
    FhirProfile.remove(executor, type, entry.id());
  }

  private static Ins patient(Ins patient) {
    if (patient == null) {
      throw new InvalidValueException("the patient's INS is required");
    }
    return patient;
  }

  private static <T> T required(T value) {
    if (value == null) {
      throw new InvalidValueException("the profile item is required");
    }
    return value;
  }
}
