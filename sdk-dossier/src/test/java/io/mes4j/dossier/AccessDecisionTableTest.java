package io.mes4j.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.mes4j.core.AccessMode;
import io.mes4j.core.MesClient;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentGroup;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.MesServiceException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.junit.MesMockServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may read which document (DOC-6, DOC-7, CON-1 to CON-5), decided over every combination of
 * actor × labels × access mode × the holder's emergency settings × profession and document group,
 * through the SDK and the reference server's HTTP API.
 *
 * <p>The expected outcome is written here, from {@code domain-rules.md} and {@code
 * habilitations.md}, independently of the server's policy code: {@link #expected}. Each case names
 * the rules it exercises.
 */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class AccessDecisionTableTest {

  /**
   * habilitations.md, transcribed: the professions that may read each group ("any other": none).
   */
  private static final Map<DocumentGroup, Set<String>> MATRIX = new LinkedHashMap<>();

  static {
    Set<String> allListed = Set.of("10", "21", "40", "50", "60", "70", "80");
    MATRIX.put(DocumentGroup.CLINICAL, allListed);
    MATRIX.put(DocumentGroup.LABORATORY, Set.of("10", "21", "40", "50", "60"));
    MATRIX.put(DocumentGroup.IMAGING, allListed);
    MATRIX.put(DocumentGroup.OBSTETRICS, Set.of("10", "50", "60"));
    MATRIX.put(DocumentGroup.GENETICS, Set.of("10"));
    MATRIX.put(DocumentGroup.PSYCHIATRY, Set.of("10"));
    MATRIX.put(DocumentGroup.ADVANCE_DIRECTIVE, Set.of("10", "50", "60"));
    MATRIX.put(DocumentGroup.SUMMARY, Set.of("*"));
  }

  private static boolean matrixAllows(String profession, DocumentGroup group) {
    Set<String> allowed = MATRIX.get(group);
    return allowed.contains("*") || allowed.contains(profession);
  }

  private static final Map<DocumentGroup, DocumentType> TYPE_OF_GROUP =
      Map.of(
          DocumentGroup.CLINICAL, DocumentType.CONSULTATION_REPORT,
          DocumentGroup.LABORATORY, DocumentType.LABORATORY_REPORT,
          DocumentGroup.IMAGING, DocumentType.IMAGING_REPORT,
          DocumentGroup.OBSTETRICS, DocumentType.DELIVERY_REPORT,
          DocumentGroup.GENETICS, DocumentType.GENETICS_REPORT,
          DocumentGroup.PSYCHIATRY, DocumentType.PSYCHIATRIC_SUMMARY,
          DocumentGroup.ADVANCE_DIRECTIVE, DocumentType.ADVANCE_DIRECTIVES,
          DocumentGroup.SUMMARY, DocumentType.MEDICAL_SUMMARY);

  /** The readers of the table and what the server knows of them. */
  enum Role {
    HOLDER,
    REPRESENTATIVE,
    AUTHOR,
    MEDECIN_TRAITANT,
    SAME_RIGHTS,
    AUTHORISED,
    UNAUTHORISED,
    BLOCKED,
    REGULATION,
    SERVICE
  }

  record Reader(String name, Role role, String subject, String profession, boolean regulation) {}

  enum Mode {
    NORMAL,
    BREAK_GLASS,
    BREAK_GLASS_WITHOUT_REASON,
    CENTRE_15
  }

  record Settings(boolean etreat, boolean btg, boolean masked) {
    @Override
    public String toString() {
      return "ETREAT=" + p(etreat) + " BTG=" + p(btg) + " MASKED=" + p(masked);
    }

    private static String p(boolean permit) {
      return permit ? "permit" : "deny";
    }
  }

  record Doc(String id, Set<ConfidentialityLabel> labels, DocumentGroup group) {
    String describe() {
      return (labels.isEmpty()
              ? "N"
              : labels.stream().map(Enum::name).sorted().collect(Collectors.joining("+")))
          + " "
          + group;
    }
  }

  /** The outcome of one case: visible, hidden, or a refusal of the whole search with its cause. */
  record Outcome(String value, String rules) {
    static Outcome visible(String rules) {
      return new Outcome("visible", rules);
    }

    static Outcome hidden(String rules) {
      return new Outcome("hidden", rules);
    }

    static Outcome refused(String cause, String rules) {
      return new Outcome("refused " + cause, rules);
    }
  }

  /**
   * The decision, from the rules. The space is ACTIVE throughout (ES-4 is covered elsewhere).
   *
   * <ul>
   *   <li>DOC-7: the holder sees all but INVISIBLE_PATIENT; a representative also not
   *       INVISIBLE_REPRESENTANTS_LEGAUX.
   *   <li>DOC-7, CON-1, CON-2, CON-3: normal mode needs an authorisation (or being the médecin
   *       traitant or having the same rights) and not being blocked.
   *   <li>DOC-7, CON-2, CON-4: bris de glace needs no authorisation, but not blocked (choice), a
   *       reason, and BTG permit; centre 15 needs the regulation role and ETREAT permit.
   *   <li>DOC-6, CON-3, CON-4: MASQUE_PS hidden from professionals but the author, the médecin
   *       traitant and the same rights, and in an emergency when MASKED permits.
   *   <li>habilitations.md: the matrix limits every professional but those three.
   * </ul>
   */
  static Outcome expected(Reader reader, Mode mode, Settings settings, Doc doc) {
    Set<ConfidentialityLabel> labels = doc.labels();
    switch (reader.role()) {
      case HOLDER:
        return labels.contains(ConfidentialityLabel.INVISIBLE_PATIENT)
            ? Outcome.hidden("DOC-6 DOC-7")
            : Outcome.visible("DOC-7");
      case REPRESENTATIVE:
        return labels.contains(ConfidentialityLabel.INVISIBLE_PATIENT)
                || labels.contains(ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX)
            ? Outcome.hidden("DOC-6 DOC-7 ES-6")
            : Outcome.visible("DOC-7 ES-6");
      case SERVICE:
        // CAT-2: a service reads only what its pairing's finalities consent to; an agenda
        // service has no document finality (DOCUMENTS_READ), and the refusal names that.
        return Outcome.refused("finality-not-consented", "CAT-2 DOC-7");
      default:
        break;
    }
    boolean privileged =
        reader.role() == Role.AUTHOR
            || reader.role() == Role.MEDECIN_TRAITANT
            || reader.role() == Role.SAME_RIGHTS;
    boolean authorised = privileged || reader.role() == Role.AUTHORISED;
    boolean blocked = reader.role() == Role.BLOCKED;
    boolean emergency = mode != Mode.NORMAL;
    switch (mode) {
      case NORMAL:
        if (blocked) {
          return Outcome.refused("blocked", "CON-2 DOC-7");
        }
        if (!authorised) {
          return Outcome.refused("not-authorised", "CON-1 DOC-7");
        }
        break;
      case BREAK_GLASS:
      case BREAK_GLASS_WITHOUT_REASON:
        if (blocked) {
          return Outcome.refused("blocked", "CON-2 DOC-7");
        }
        if (mode == Mode.BREAK_GLASS_WITHOUT_REASON) {
          return Outcome.refused("reason-required", "DOC-7");
        }
        if (!settings.btg()) {
          return Outcome.refused("emergency-denied", "CON-4 DOC-7");
        }
        break;
      case CENTRE_15:
        if (!reader.regulation()) {
          return Outcome.refused("role-required", "DOC-7");
        }
        if (!settings.etreat()) {
          return Outcome.refused("emergency-denied", "CON-4 DOC-7");
        }
        break;
    }
    if (labels.contains(ConfidentialityLabel.MASQUE_PS)
        && !privileged
        && !(emergency && settings.masked())) {
      return Outcome.hidden("DOC-6 CON-3 CON-4");
    }
    if (!privileged && !matrixAllows(reader.profession(), doc.group())) {
      return Outcome.hidden("DOC-7 habilitations");
    }
    return Outcome.visible(privileged ? "DOC-6 DOC-7 CON-3" : "DOC-7 habilitations");
  }

  private final List<MesClient> clients = new ArrayList<>();

  @AfterEach
  void closeClients() {
    clients.forEach(MesClient::close);
  }

  private MesClient client(MockServer server, String subject) {
    return client(server, subject, AccessMode.normal());
  }

  /** A root client of its own (closing it closes its connections) in one access mode. */
  private MesClient client(MockServer server, String subject, AccessMode mode) {
    return track(
        MesClient.builder()
            .baseUrl(server.baseUrl())
            .credentials(server.tokenProvider(subject))
            .accessMode(mode)
            .build());
  }

  private MesClient track(MesClient client) {
    clients.add(client);
    return client;
  }

  private MesClient reader(MockServer server, Reader reader, Mode mode) {
    if (reader.role() == Role.SERVICE) {
      return track(
          MesClient.builder()
              .baseUrl(server.baseUrl())
              .credentials(
                  TokenProvider.staticToken(
                      server
                          .control()
                          .serviceToken(
                              Fixtures.AGENDA_APP,
                              Fixtures.ADULT,
                              Set.of("AGENDA_READ", "AGENDA_WRITE"))))
              .build());
    }
    return switch (mode) {
      case NORMAL -> client(server, reader.subject(), AccessMode.normal());
      case BREAK_GLASS ->
          client(
              server,
              reader.subject(),
              AccessMode.breakGlass("détresse respiratoire aux urgences"));
      case CENTRE_15 -> client(server, reader.subject(), AccessMode.centre15());
      case BREAK_GLASS_WITHOUT_REASON ->
          // AccessMode refuses a blank reason before anything is sent; the server's own check is
          // reached with a token minted without one.
          track(
              MesClient.builder()
                  .baseUrl(server.baseUrl())
                  .credentials(
                      TokenProvider.staticToken(
                          server
                              .control()
                              .tokenBreakGlassWithoutReason(ProfessionalId.of(reader.subject()))))
                  .build());
    };
  }

  private static byte[] content(int i) {
    return ("%PDF-1.4 document " + i).getBytes(StandardCharsets.US_ASCII);
  }

  private static List<Doc> deposit(
      MesClient author,
      MesClient holderSide,
      Ins patient,
      List<Set<ConfidentialityLabel>> labelSets,
      List<DocumentGroup> groups) {
    List<Doc> docs = new ArrayList<>();
    int i = 0;
    for (Set<ConfidentialityLabel> labels : labelSets) {
      boolean masked = labels.contains(ConfidentialityLabel.MASQUE_PS);
      // CON-5: MASQUE_PS is the holder's; default masking puts it on documents at deposit.
      Dossier.of(holderSide).access().setDefaultMasking(patient, masked);
      for (DocumentGroup group : groups) {
        EnumSet<ConfidentialityLabel> atDeposit = EnumSet.noneOf(ConfidentialityLabel.class);
        atDeposit.addAll(labels);
        atDeposit.remove(ConfidentialityLabel.MASQUE_PS);
        DocumentEntry stored =
            Dossier.of(author)
                .documents()
                .deposit(
                    DocumentDeposit.builder()
                        .patient(patient)
                        .type(TYPE_OF_GROUP.get(group))
                        .title("document " + i)
                        .content(content(i++), "application/pdf")
                        .labels(atDeposit.toArray(ConfidentialityLabel[]::new))
                        .build());
        assertThat(stored.labels()).as("labels at deposit").isEqualTo(labels);
        docs.add(new Doc(stored.id(), labels, group));
      }
    }
    Dossier.of(holderSide).access().setDefaultMasking(patient, false);
    return docs;
  }

  /** What one reader's search shows: the ids seen, or the cause of the refusal. */
  private static Object observe(MesClient client, Ins patient) {
    try {
      return Dossier.of(client)
          .documents()
          .search(DocumentSearch.forPatient(patient).pageSize(100).build())
          .streamAll()
          .map(DocumentEntry::id)
          .collect(Collectors.toSet());
    } catch (MesServiceException e) {
      return e.causeCode();
    }
  }

  /** Observes with a client made for this one search, then closes it (no idle connection left). */
  private Object observeOnce(MesClient client, Ins patient) {
    try {
      return observe(client, patient);
    } finally {
      clients.remove(client);
      client.close();
    }
  }

  private static Outcome observed(Object seen, Doc doc) {
    if (seen instanceof String cause) {
      return new Outcome("refused " + cause, "");
    }
    return new Outcome(((Set<?>) seen).contains(doc.id()) ? "visible" : "hidden", "");
  }

  @TestFactory
  Stream<DynamicTest> adultDossier_everyReaderModeSettingLabelAndGroup(MockServer server) {
    // GIVEN documents of every label set and group in ADULT's dossier, deposited by DOCTOR
    MesClient holder = client(server, Fixtures.Ids.ADULT);
    MesClient author = client(server, Fixtures.Ids.DOCTOR);
    // The regulation doctor doubles as an authorised physician who is not the author (CON-1).
    Dossier.of(holder).access().authorise(Fixtures.ADULT, Fixtures.REGULATION_DOCTOR);
    List<Doc> docs =
        deposit(
            author,
            holder,
            Fixtures.ADULT,
            List.of(
                Set.of(),
                Set.of(ConfidentialityLabel.MASQUE_PS),
                Set.of(ConfidentialityLabel.INVISIBLE_PATIENT),
                Set.of(ConfidentialityLabel.MASQUE_PS, ConfidentialityLabel.INVISIBLE_PATIENT)),
            List.copyOf(MATRIX.keySet()));

    List<Reader> readers =
        List.of(
            new Reader("holder", Role.HOLDER, Fixtures.Ids.ADULT, "", false),
            new Reader("author (médecin)", Role.AUTHOR, Fixtures.Ids.DOCTOR, "10", false),
            new Reader(
                "médecin traitant",
                Role.MEDECIN_TRAITANT,
                Fixtures.Ids.DOCTOR_TREATING,
                "10",
                false),
            new Reader(
                "same rights (médecin)",
                Role.SAME_RIGHTS,
                Fixtures.Ids.SAME_RIGHTS_DOCTOR,
                "10",
                false),
            new Reader(
                "authorised regulation médecin",
                Role.AUTHORISED,
                Fixtures.Ids.REGULATION_DOCTOR,
                "10",
                true),
            new Reader("pharmacien", Role.AUTHORISED, Fixtures.Ids.PHARMACIST, "21", false),
            new Reader("chirurgien-dentiste", Role.AUTHORISED, Fixtures.Ids.DENTIST, "40", false),
            new Reader("sage-femme", Role.AUTHORISED, Fixtures.Ids.MIDWIFE, "50", false),
            new Reader("infirmier", Role.AUTHORISED, Fixtures.Ids.NURSE, "60", false),
            new Reader(
                "kinésithérapeute", Role.AUTHORISED, Fixtures.Ids.PHYSIOTHERAPIST, "70", false),
            new Reader("podologue", Role.AUTHORISED, Fixtures.Ids.PODIATRIST, "80", false),
            new Reader(
                "orthophoniste (other)",
                Role.AUTHORISED,
                Fixtures.Ids.SPEECH_THERAPIST,
                "91",
                false),
            new Reader(
                "unauthorised médecin",
                Role.UNAUTHORISED,
                Fixtures.Ids.DOCTOR_UNAUTHORISED,
                "10",
                false),
            new Reader("blocked médecin", Role.BLOCKED, Fixtures.Ids.BLOCKED_DOCTOR, "10", false),
            new Reader("agenda service", Role.SERVICE, Fixtures.Ids.AGENDA_APP, "", false));

    // WHEN each reader searches in each mode under each combination of emergency settings
    List<DynamicTest> cases = new ArrayList<>();
    for (boolean etreat : new boolean[] {true, false}) {
      for (boolean btg : new boolean[] {true, false}) {
        for (boolean masked : new boolean[] {true, false}) {
          Settings settings = new Settings(etreat, btg, masked);
          apply(holder, Fixtures.ADULT, settings);
          for (Reader reader : readers) {
            for (Mode mode : Mode.values()) {
              if ((reader.role() == Role.HOLDER || reader.role() == Role.SERVICE)
                  && mode != Mode.NORMAL) {
                continue; // access modes are the professionals'
              }
              Object seen = observeOnce(reader(server, reader, mode), Fixtures.ADULT);
              for (Doc doc : docs) {
                cases.add(check(reader, mode, settings, doc, seen));
              }
            }
          }
        }
      }
    }
    // THEN every case is as the rules say
    assertThat(cases).hasSizeGreaterThan(500);
    return cases.stream();
  }

  @TestFactory
  Stream<DynamicTest> minorDossier_holderRepresentativeAndProfessionals(MockServer server) {
    // GIVEN documents of every label set in MINOR's dossier; PARENT is the representative (ES-6)
    MesClient parent = client(server, Fixtures.Ids.PARENT);
    MesClient author = client(server, Fixtures.Ids.DOCTOR);
    Dossier.of(parent).access().authorise(Fixtures.MINOR, Fixtures.DOCTOR);
    Dossier.of(parent).access().authorise(Fixtures.MINOR, Fixtures.NURSE);
    List<Doc> docs =
        deposit(
            author,
            parent,
            Fixtures.MINOR,
            List.of(
                Set.of(),
                Set.of(ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX),
                Set.of(ConfidentialityLabel.INVISIBLE_PATIENT),
                Set.of(ConfidentialityLabel.MASQUE_PS),
                Set.of(
                    ConfidentialityLabel.MASQUE_PS,
                    ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX),
                Set.of(
                    ConfidentialityLabel.INVISIBLE_PATIENT,
                    ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX)),
            List.of(DocumentGroup.CLINICAL, DocumentGroup.LABORATORY, DocumentGroup.OBSTETRICS));

    List<Reader> readers =
        List.of(
            new Reader("minor holder", Role.HOLDER, Fixtures.Ids.MINOR, "", false),
            new Reader("representative", Role.REPRESENTATIVE, Fixtures.Ids.PARENT, "", false),
            new Reader("author (médecin)", Role.AUTHOR, Fixtures.Ids.DOCTOR, "10", false),
            new Reader("infirmier", Role.AUTHORISED, Fixtures.Ids.NURSE, "60", false),
            new Reader(
                "unauthorised pharmacien", Role.UNAUTHORISED, Fixtures.Ids.PHARMACIST, "21", false),
            new Reader(
                "regulation médecin", Role.REGULATION, Fixtures.Ids.REGULATION_DOCTOR, "10", true));
    Settings defaults = new Settings(true, true, false); // CON-4 defaults
    List<DynamicTest> cases = new ArrayList<>();
    for (Reader reader : readers) {
      for (Mode mode : Mode.values()) {
        boolean patientSide = reader.role() == Role.HOLDER || reader.role() == Role.REPRESENTATIVE;
        if (patientSide && mode != Mode.NORMAL) {
          continue;
        }
        Object seen = observeOnce(reader(server, reader, mode), Fixtures.MINOR);
        for (Doc doc : docs) {
          cases.add(check(reader, mode, defaults, doc, seen));
        }
      }
    }
    return cases.stream();
  }

  private static void apply(MesClient holder, Ins patient, Settings settings) {
    AccessManagement access = Dossier.of(holder).access();
    access.setEmergencySetting(patient, EmergencySetting.ETREAT, permission(settings.etreat()));
    access.setEmergencySetting(patient, EmergencySetting.BTG, permission(settings.btg()));
    access.setEmergencySetting(patient, EmergencySetting.MASKED, permission(settings.masked()));
  }

  private static Permission permission(boolean permit) {
    return permit ? Permission.PERMIT : Permission.DENY;
  }

  private static DynamicTest check(
      Reader reader, Mode mode, Settings settings, Doc doc, Object seen) {
    Outcome want = expected(reader, mode, settings, doc);
    Outcome got = observed(seen, doc);
    String name =
        "["
            + want.rules()
            + "] "
            + reader.name()
            + " · "
            + mode
            + " · "
            + settings
            + " · "
            + doc.describe()
            + " → "
            + want.value();
    return dynamicTest(name, () -> assertThat(got.value()).as(name).isEqualTo(want.value()));
  }
}
