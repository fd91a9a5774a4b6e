package io.mes4j.mockserver.internal.dossier;

import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.identity.Ins;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A deposit as read from ITI-65 or ITI-105, validated. The author comes from the token; {@code
 * replaces} is the id of the version it replaces (DOC-3), or null.
 */
record DepositRequest(
    Ins patient,
    String masterIdentifier,
    DocumentType type,
    Set<ConfidentialityLabel> labels,
    String contentType,
    byte[] content,
    @Nullable String title,
    @Nullable Instant creation,
    @Nullable String replaces) {
  @Override
  public String toString() {
    return "DepositRequest[" + type.code() + ", " + contentType + ", " + content.length + " bytes]";
  }
}
