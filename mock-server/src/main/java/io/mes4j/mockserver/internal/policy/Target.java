package io.mes4j.mockserver.internal.policy;

import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentGroup;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What an action bears on: the dossier as a whole, one document, a deposit, or one trace. */
public sealed interface Target {
  /** The dossier as a whole (a search, the list of traces). */
  record Space() implements Target {}

  /** One stored document. {@code authorId} is the identifier of its author. */
  record Document(DocumentGroup group, Set<ConfidentialityLabel> labels, String authorId)
      implements Target {
    public Document {
      labels = Set.copyOf(labels);
    }
  }

  /** A document about to be deposited. */
  record Deposit(
      String contentType, long size, Set<ConfidentialityLabel> labels, boolean minorDossier)
      implements Target {
    public Deposit {
      labels = Set.copyOf(labels);
    }

    /** A deposit into an adult's dossier. */
    public Deposit(String contentType, long size, Set<ConfidentialityLabel> labels) {
      this(contentType, size, labels, false);
    }
  }

  /**
   * A change to a stored document (DOC-3 to DOC-5, DOC-8): the document, the organisations (FINESS)
   * of its author and of the caller when they have one, and whether the dossier is a minor's.
   */
  record Change(
      Document document,
      @Nullable String authorOrganisation,
      @Nullable String actorOrganisation,
      boolean minorDossier)
      implements Target {}

  /** One trace, by the identifier of the actor it records. */
  record Trace(@Nullable String agentId) implements Target {}

  /**
   * One consent, existing or asked for: its category and the professional it names (null for a
   * holder setting).
   */
  record Consent(ConsentCategory category, @Nullable String professionalId) implements Target {}

  /** A search of consents restricted to {@code categories} (empty: every category). */
  record Consents(Set<ConsentCategory> categories) implements Target {
    public Consents {
      categories = Set.copyOf(categories);
    }
  }

  /**
   * A read of the medical profile (PRO-1): {@code measurementsOnly} when what is read is
   * measurements and nothing else, the only part of the profile a paired service may read
   * (MEASUREMENTS_READ, CAT-1).
   */
  record ProfileRead(boolean measurementsOnly) implements Target {}

  /** An item of the medical profile to add ({@code removal} false) or remove (PRO-1, PRO-2). */
  record ProfileChange(ProfileSection section, boolean removal) implements Target {}

  /**
   * An agenda action (AG-1 to AG-3): whether the calling professional, establishment or service
   * (through its pairing) takes part in the appointment concerned (always true for a search, which
   * is filtered item by item), and for a service the finalities of its token and whether it is
   * paired with this patient (CAT-2).
   */
  record Agenda(boolean takesPart, Set<String> finalities, boolean pairedWithPatient)
      implements Target {
    public Agenda {
      finalities = Set.copyOf(finalities);
    }
  }

  /**
   * A conversation (MSG-1 to MSG-5): who started it (null for one about to start, or for the list
   * of a dossier's conversations), whether it is closed, whether the dossier is a minor's, and for
   * an action on one message whether the holder's side sent it (null otherwise).
   */
  record Conversation(
      @Nullable String starterId,
      boolean closed,
      boolean minorDossier,
      @Nullable Boolean messageFromHolderSide)
      implements Target {}

  Target SPACE = new Space();
}
