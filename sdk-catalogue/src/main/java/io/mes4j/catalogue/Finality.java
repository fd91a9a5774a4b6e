package io.mes4j.catalogue;

import io.mes4j.core.error.InvalidValueException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A finality of a catalogue service (CAT-1): a perimeter of data (FHIR resource types) and actions
 * the holder consents to, one by one, when pairing (CAT-2). Two finalities are equal when their
 * codes are.
 *
 * <pre>{@code
 * Set<Finality> wanted = Set.of(Finality.AGENDA_READ, Finality.AGENDA_WRITE);
 * Finality.of("DOCUMENTS_READ").equals(Finality.DOCUMENTS_READ); // true
 * }</pre>
 */
public final class Finality {
  /** The code system of the finalities. */
  public static final String SYSTEM = "https://mes4j.io/fhir/CodeSystem/catalogue-finality";

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  /** Read appointments, reminders and the prevention calendar of the paired patient. */
  public static final Finality AGENDA_READ =
      new Finality(
          "AGENDA_READ",
          "Lire l'agenda",
          List.of("Appointment", "Task"),
          List.of("read", "search"));

  /** Create and change appointments (the booker is the service). */
  public static final Finality AGENDA_WRITE =
      new Finality(
          "AGENDA_WRITE",
          "Gérer les rendez-vous",
          List.of("Appointment"),
          List.of("create", "update"));

  /** Search and retrieve the paired patient's documents that the holder sees. */
  public static final Finality DOCUMENTS_READ =
      new Finality(
          "DOCUMENTS_READ",
          "Lire les documents",
          List.of("DocumentReference", "Binary"),
          List.of("read", "search"));

  /** Deposit documents (the author is the service) into the paired patient's dossier. */
  public static final Finality DOCUMENTS_WRITE =
      new Finality(
          "DOCUMENTS_WRITE",
          "Déposer des documents",
          List.of("DocumentReference", "Binary"),
          List.of("create"));

  /** Read the medical profile's measurements. */
  public static final Finality MEASUREMENTS_READ =
      new Finality(
          "MEASUREMENTS_READ",
          "Lire les mesures",
          List.of("Observation"),
          List.of("read", "search"));

  /** Record measurements. */
  public static final Finality MEASUREMENTS_WRITE =
      new Finality(
          "MEASUREMENTS_WRITE",
          "Enregistrer des mesures",
          List.of("Observation"),
          List.of("create"));

  private static final Map<String, Finality> KNOWN =
      Stream.of(
              AGENDA_READ,
              AGENDA_WRITE,
              DOCUMENTS_READ,
              DOCUMENTS_WRITE,
              MEASUREMENTS_READ,
              MEASUREMENTS_WRITE)
          .collect(Collectors.toUnmodifiableMap(Finality::code, Function.identity()));

  private final String code;
  private final String display;
  private final List<String> data;
  private final List<String> actions;

  private Finality(String code, String display, List<String> data, List<String> actions) {
    this.code = code;
    this.display = display;
    this.data = List.copyOf(data);
    this.actions = List.copyOf(actions);
  }

  /**
   * The finality of a code: one of the six well-known constants, or a finality known by its code
   * only (a server may offer more).
   *
   * @throws InvalidValueException if the code is not upper-case letters, digits and {@code _}
   */
  public static Finality of(String code) {
    Finality known = KNOWN.get(code);
    if (known != null) {
      return known;
    }
    return new Finality(checkCode(code), code, List.of(), List.of());
  }

  /**
   * A finality as a catalogue describes it.
   *
   * @throws InvalidValueException if the code is not upper-case letters, digits and {@code _}
   */
  public static Finality of(String code, String display, List<String> data, List<String> actions) {
    return new Finality(
        checkCode(code),
        Objects.requireNonNull(display, "display"),
        Objects.requireNonNull(data, "data"),
        Objects.requireNonNull(actions, "actions"));
  }

  /** The six finalities the reference server knows. */
  public static List<Finality> wellKnown() {
    return List.of(
        AGENDA_READ,
        AGENDA_WRITE,
        DOCUMENTS_READ,
        DOCUMENTS_WRITE,
        MEASUREMENTS_READ,
        MEASUREMENTS_WRITE);
  }

  private static String checkCode(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new InvalidValueException(
          "a finality code is upper-case letters, digits and '_', e.g. AGENDA_READ");
    }
    return code;
  }

  /** The code, e.g. {@code AGENDA_READ}: what a scope and a Consent carry. */
  public String code() {
    return code;
  }

  /** The label for people. */
  public String display() {
    return display;
  }

  /** The kinds of data (FHIR resource types) in the perimeter. */
  public List<String> data() {
    return data;
  }

  /** The actions in the perimeter, e.g. {@code read}, {@code create}. */
  public List<String> actions() {
    return actions;
  }

  /** Finalities are equal when their codes are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Finality f && code.equals(f.code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  /** The code. */
  @Override
  public String toString() {
    return code;
  }
}
