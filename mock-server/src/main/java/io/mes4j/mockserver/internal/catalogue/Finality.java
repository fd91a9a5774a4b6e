package io.mes4j.mockserver.internal.catalogue;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A finality of the catalogue (CAT-1): a perimeter of data and actions a holder consents to, one by
 * one, when pairing a service (CAT-2). Codes in the {@value #SYSTEM} system.
 */
public enum Finality {
  AGENDA_READ(
      "Lire les rendez-vous, les rappels et le calendrier de prévention",
      List.of("Appointment", "Task"),
      List.of("read")),
  AGENDA_WRITE(
      "Prendre et modifier des rendez-vous", List.of("Appointment"), List.of("create", "update")),
  DOCUMENTS_READ(
      "Consulter les documents du dossier",
      List.of("DocumentReference", "Binary"),
      List.of("read")),
  DOCUMENTS_WRITE(
      "Déposer des documents dans le dossier",
      List.of("DocumentReference", "Binary"),
      List.of("create")),
  MEASUREMENTS_READ("Lire les mesures du profil médical", List.of("Observation"), List.of("read")),
  MEASUREMENTS_WRITE(
      "Enregistrer des mesures dans le profil médical", List.of("Observation"), List.of("create"));

  /** The code system of the finalities. */
  public static final String SYSTEM = "https://mes4j.io/fhir/CodeSystem/catalogue-finality";

  private final String display;
  private final List<String> data;
  private final List<String> actions;

  Finality(String display, List<String> data, List<String> actions) {
    this.display = display;
    this.data = data;
    this.actions = actions;
  }

  /** The code, as tokens and Consents carry it. */
  public String code() {
    return name();
  }

  public String display() {
    return display;
  }

  /** The FHIR resource types of its perimeter. */
  public List<String> data() {
    return data;
  }

  /** The actions of its perimeter ({@code read}, {@code create}, {@code update}). */
  public List<String> actions() {
    return actions;
  }

  /** The finality of {@code code} (exact case), or null. */
  public static @Nullable Finality fromCode(@Nullable String code) {
    for (Finality finality : values()) {
      if (finality.name().equals(code)) {
        return finality;
      }
    }
    return null;
  }
}
