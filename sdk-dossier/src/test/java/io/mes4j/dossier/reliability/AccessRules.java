package io.mes4j.dossier.reliability;

import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.mockserver.Fixtures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who may read what, written from {@code domain-rules.md} (DOC-1, DOC-6, DOC-7, CON-1 to CON-5,
 * ES-4) and {@code habilitations.md} alone, for the reliability suites ({@link
 * RandomizedAccessOracleTest}, {@link ConcurrencyInvariantTest}). Nothing of the reference server's
 * policy code is used: this is the independent side of the comparison.
 */
final class AccessRules {
  private AccessRules() {}

  /** codes/document-types.csv, transcribed: LOINC → group. */
  static final Map<String, String> GROUP_OF_TYPE = new LinkedHashMap<>();

  static {
    String[][] rows = {
      {"11488-4", "CLINICAL"}, {"11490-0", "CLINICAL"}, {"34112-3", "CLINICAL"},
      {"11502-2", "LABORATORY"}, {"18748-4", "IMAGING"}, {"11526-1", "LABORATORY"},
      {"34874-8", "CLINICAL"}, {"15507-7", "CLINICAL"}, {"15508-5", "OBSTETRICS"},
      {"34133-9", "SUMMARY"}, {"60591-5", "SUMMARY"}, {"57833-6", "PRESCRIPTION"},
      {"57832-8", "PRESCRIPTION"}, {"57828-6", "PRESCRIPTION"}, {"60593-1", "PRESCRIPTION"},
      {"11369-6", "VACCINATION"}, {"87273-9", "VACCINATION"}, {"96874-3", "VACCINATION"},
      {"34794-8", "CLINICAL"}, {"34749-2", "CLINICAL"}, {"77436-4", "CLINICAL"},
      {"18761-7", "CLINICAL"}, {"18776-5", "CARE_PLAN"}, {"85208-7", "CLINICAL"},
      {"75492-9", "CLINICAL"}, {"89601-9", "CLINICAL"}, {"51969-4", "GENETICS"},
      {"55115-0", "IMAGING"}, {"68599-0", "PSYCHIATRY"}, {"74207-2", "CLINICAL"},
      {"75320-2", "ADVANCE_DIRECTIVE"}
    };
    for (String[] row : rows) {
      GROUP_OF_TYPE.put(row[0], row[1]);
    }
  }

  /** habilitations.md, transcribed: group → the professions that may read it ("*" = any). */
  static final Map<String, Set<String>> MATRIX = new HashMap<>();

  static {
    Set<String> listed = Set.of("10", "21", "40", "50", "60", "70", "80");
    MATRIX.put("CLINICAL", listed);
    MATRIX.put("LABORATORY", Set.of("10", "21", "40", "50", "60"));
    MATRIX.put("IMAGING", listed);
    MATRIX.put("OBSTETRICS", Set.of("10", "50", "60"));
    MATRIX.put("SUMMARY", Set.of("*"));
    MATRIX.put("PRESCRIPTION", listed);
    MATRIX.put("VACCINATION", Set.of("*"));
    MATRIX.put("CARE_PLAN", Set.of("*"));
    MATRIX.put("GENETICS", Set.of("10"));
    MATRIX.put("PSYCHIATRY", Set.of("10"));
    MATRIX.put("ADVANCE_DIRECTIVE", Set.of("10", "50", "60"));
  }

  /**
   * A fixture professional: idNat_PS, TRE_G15 profession, regulation role (the fixtures of
   * docs/reference-server.md).
   */
  record Pro(String name, String id, String profession, boolean regulation) {
    ProfessionalId pid() {
      return ProfessionalId.of(id);
    }
  }

  static final List<Pro> PROS =
      List.of(
          new Pro("DOCTOR_TREATING", Fixtures.Ids.DOCTOR_TREATING, "10", false),
          new Pro("DOCTOR", Fixtures.Ids.DOCTOR, "10", false),
          new Pro("DOCTOR_UNAUTHORISED", Fixtures.Ids.DOCTOR_UNAUTHORISED, "10", false),
          new Pro("PHARMACIST", Fixtures.Ids.PHARMACIST, "21", false),
          new Pro("DENTIST", Fixtures.Ids.DENTIST, "40", false),
          new Pro("MIDWIFE", Fixtures.Ids.MIDWIFE, "50", false),
          new Pro("NURSE", Fixtures.Ids.NURSE, "60", false),
          new Pro("PHYSIOTHERAPIST", Fixtures.Ids.PHYSIOTHERAPIST, "70", false),
          new Pro("PODIATRIST", Fixtures.Ids.PODIATRIST, "80", false),
          new Pro("SPEECH_THERAPIST", Fixtures.Ids.SPEECH_THERAPIST, "91", false),
          new Pro("REGULATION_DOCTOR", Fixtures.Ids.REGULATION_DOCTOR, "10", true),
          new Pro("BLOCKED_DOCTOR", Fixtures.Ids.BLOCKED_DOCTOR, "10", false),
          new Pro("SAME_RIGHTS_DOCTOR", Fixtures.Ids.SAME_RIGHTS_DOCTOR, "10", false));

  enum Mode {
    NORMAL,
    BREAK_GLASS,
    BREAK_GLASS_WITHOUT_REASON,
    CENTRE_15
  }

  enum Kind {
    HOLDER,
    REPRESENTATIVE,
    OTHER_PATIENT,
    PROFESSIONAL
  }

  /** Who calls: a patient-side actor (by INS value) or a professional. */
  record Actor(Kind kind, String subject, @Nullable Pro pro) {
    String describe() {
      return pro == null ? kind.name() : pro.name();
    }
  }

  /** A document as the test knows it. */
  record Doc(String id, String authorId, String loinc, Set<ConfidentialityLabel> labels) {
    String group() {
      return GROUP_OF_TYPE.get(loinc);
    }

    String describe() {
      return id
          + "("
          + group()
          + (labels.isEmpty() ? " N" : " " + labels)
          + " by "
          + PROS.stream().filter(p -> p.id().equals(authorId)).findFirst().orElseThrow().name()
          + ")";
    }
  }

  /** The state of one dossier as a test arranged it. */
  static final class DossierState {
    final String spaceState; // ACTIVE, PENDING, OPPOSED, CLOSED, DELETED
    final boolean minor;
    final Set<String> authorised = new HashSet<>();
    final Set<String> blocked = new HashSet<>();
    final Set<String> sameRights = new HashSet<>();
    final Set<String> opposed = new HashSet<>();
    @Nullable String medecinTraitant;
    boolean etreat = true; // CON-4 defaults
    boolean btg = true;
    boolean masked = false;
    boolean defaultMasking = false; // CON-5 default
    String state;
    final List<Doc> docs = new ArrayList<>();

    DossierState(String spaceState, boolean minor) {
      this.spaceState = spaceState;
      this.state = spaceState;
      this.minor = minor;
    }

    String describe() {
      return "space="
          + state
          + (minor ? " minor" : " adult")
          + " MT="
          + name(medecinTraitant)
          + " authorised="
          + names(authorised)
          + " blocked="
          + names(blocked)
          + " sameRights="
          + names(sameRights)
          + " opposed="
          + names(opposed)
          + " ETREAT="
          + etreat
          + " BTG="
          + btg
          + " MASKED="
          + masked
          + " defaultMasking="
          + defaultMasking;
    }
  }

  static String name(@Nullable String id) {
    return id == null
        ? "none"
        : PROS.stream().filter(p -> p.id().equals(id)).map(Pro::name).findFirst().orElse(id);
  }

  static String names(Set<String> ids) {
    return ids.stream().map(AccessRules::name).sorted().toList().toString();
  }

  /** The oracle: DOC-6, DOC-7, CON-1 to CON-5, ES-4, DOC-1, habilitations.md. */
  static final class Oracle {
    private Oracle() {}

    /**
     * The causes with which a read of the dossier (search, or read by id) must be refused as a
     * whole; empty if it is allowed. More than one cause when the rules apply several and leave
     * their order open.
     */
    static Set<String> readRefusal(Actor actor, Mode mode, DossierState d) {
      // ES-4: only ACTIVE allows reads; the error names the state, whoever asks.
      if (!d.state.equals("ACTIVE")) {
        return Set.of("espace-" + d.state.toLowerCase(java.util.Locale.ROOT));
      }
      Set<String> causes = new HashSet<>();
      switch (actor.kind()) {
        case HOLDER, REPRESENTATIVE:
          return causes; // DOC-7, ES-6
        case OTHER_PATIENT:
          causes.add("forbidden"); // a patient reads only their own dossier (or a minor's)
          return causes;
        case PROFESSIONAL:
          break;
      }
      Pro pro = actor.pro();
      boolean blocked = d.blocked.contains(pro.id());
      boolean privilegedByConsent =
          pro.id().equals(d.medecinTraitant) || d.sameRights.contains(pro.id());
      switch (mode) {
        case NORMAL -> {
          // DOC-7, CON-1, CON-2, CON-3: not blocked, and authorised (or MT, or same rights).
          if (blocked) {
            causes.add("blocked");
          }
          if (!d.authorised.contains(pro.id()) && !privilegedByConsent) {
            causes.add("not-authorised");
          }
        }
        case BREAK_GLASS, BREAK_GLASS_WITHOUT_REASON -> {
          // DOC-7, CON-2 (choice: blocked in every mode), CON-4 BTG, reason mandatory.
          if (blocked) {
            causes.add("blocked");
          }
          if (mode == Mode.BREAK_GLASS_WITHOUT_REASON) {
            causes.add("reason-required");
          }
          if (!d.btg) {
            causes.add("emergency-denied");
          }
        }
        case CENTRE_15 -> {
          // DOC-7: the regulation doctor; CON-4 ETREAT alone governs (CON-2 choice).
          if (!pro.regulation()) {
            causes.add("role-required");
          }
          if (!d.etreat) {
            causes.add("emergency-denied");
          }
        }
      }
      return causes;
    }

    /** Why a document is hidden from an allowed reader, or null if it is visible. */
    static @Nullable String hiddenBecause(Actor actor, Mode mode, DossierState d, Doc doc) {
      Set<ConfidentialityLabel> labels = doc.labels();
      switch (actor.kind()) {
        case HOLDER:
          return labels.contains(ConfidentialityLabel.INVISIBLE_PATIENT) ? "labels" : null;
        case REPRESENTATIVE:
          return labels.contains(ConfidentialityLabel.INVISIBLE_PATIENT)
                  || labels.contains(ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX)
              ? "labels"
              : null;
        default:
          break;
      }
      Pro pro = actor.pro();
      // DOC-6, CON-3: the author, the médecin traitant and the same rights see masked documents
      // and are not limited by the matrix (habilitations.md).
      boolean privileged =
          pro.id().equals(doc.authorId())
              || pro.id().equals(d.medecinTraitant)
              || d.sameRights.contains(pro.id());
      boolean emergency = mode != Mode.NORMAL;
      if (labels.contains(ConfidentialityLabel.MASQUE_PS)
          && !privileged
          && !(emergency && d.masked)) {
        return "labels";
      }
      if (!privileged) {
        Set<String> allowed = MATRIX.get(doc.group());
        if (!allowed.contains("*") && !allowed.contains(pro.profession())) {
          return "matrix";
        }
      }
      return null;
    }

    /**
     * The causes with which a professional's deposit must be refused; empty if it must be stored
     * (DOC-1: no authorisation needed, blocked or not; ES-4 first).
     */
    static Set<String> depositRefusal(Pro pro, DossierState d) {
      if (!d.state.equals("ACTIVE")) {
        return Set.of("espace-" + d.state.toLowerCase(java.util.Locale.ROOT));
      }
      return d.opposed.contains(pro.id()) ? Set.of("deposit-opposed") : Set.of();
    }
  }
}
