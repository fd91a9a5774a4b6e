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
  record Deposit(String contentType, long size, Set<ConfidentialityLabel> labels)
      implements Target {
    public Deposit {
      labels = Set.copyOf(labels);
    }
  }

  /** One trace, by the identifier of the actor it records. */
  record Trace(@Nullable String agentId) implements Target {}

  Target SPACE = new Space();
}
