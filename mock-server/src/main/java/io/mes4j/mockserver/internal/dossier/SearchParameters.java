package io.mes4j.mockserver.internal.dossier;

import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentGroup;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.store.StoredDocument;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The ITI-67 search parameters of the wire contract, parsed and checked (an unknown parameter, an
 * unknown code or a bad value is a 400: the server never silently ignores a filter). Immutable: a
 * {@link PageCursors page cursor} keeps it to run the search again for the next pages.
 */
final class SearchParameters {
  static final int DEFAULT_COUNT = 20;
  static final int MAX_COUNT = 100;
  private static final Set<String> KNOWN =
      Set.of(
          "patient.identifier",
          "status",
          "type",
          "category",
          "date",
          "author.identifier",
          "security-label",
          "isArchived",
          "_archived",
          "_count");
  private static final Set<String> STATUSES = Set.of("current", "superseded", "entered-in-error");

  private final Ins patient;
  private final Set<String> statuses;
  private final @Nullable Set<String> types;
  private final @Nullable Set<DocumentGroup> groups;
  private final List<DateBound> dates;
  private final @Nullable Set<String> authors;
  private final @Nullable Set<ConfidentialityLabel> labels;
  private final @Nullable Boolean archived;
  private final int count;

  private SearchParameters(SearchInput request) {
    request.requireKnown(KNOWN);
    patient = Identifiers.fromToken(request.one("patient.identifier"), "patient.identifier");
    String status = request.one("status");
    statuses = new HashSet<>();
    for (String s : split(status == null ? "current" : status)) {
      if (!STATUSES.contains(s)) {
        throw HttpError.badRequest("status must be current, superseded or entered-in-error");
      }
      statuses.add(s);
    }
    types =
        tokens(
            request,
            "type",
            code -> {
              String loinc = stripSystem(code, DocumentType.SYSTEM);
              if (DocumentType.find(loinc).isEmpty()) {
                throw new HttpError(
                    Cause.UNKNOWN_CODE, "Document type " + loinc + " is not in the table");
              }
              return loinc;
            });
    Set<String> groupCodes =
        tokens(request, "category", code -> stripSystem(code, DocumentGroup.SYSTEM));
    if (groupCodes == null) {
      groups = null;
    } else {
      groups = EnumSet.noneOf(DocumentGroup.class);
      for (String code : groupCodes) {
        try {
          groups.add(DocumentGroup.fromCode(code));
        } catch (InvalidValueException e) {
          throw new HttpError(Cause.UNKNOWN_CODE, "Document group " + code + " is unknown");
        }
      }
    }
    dates = new ArrayList<>();
    for (String date : request.all("date")) {
      dates.add(DateBound.parse(date));
    }
    authors =
        tokens(
            request,
            "author.identifier",
            code -> stripSystem(code, io.mes4j.core.identity.ProfessionalId.SYSTEM));
    Set<String> labelCodes =
        tokens(request, "security-label", code -> code.substring(code.indexOf('|') + 1));
    if (labelCodes == null) {
      labels = null;
    } else {
      labels = EnumSet.noneOf(ConfidentialityLabel.class);
      for (String code : labelCodes) {
        try {
          labels.add(ConfidentialityLabel.fromCode(code));
        } catch (InvalidValueException e) {
          throw new HttpError(Cause.UNKNOWN_CODE, "Label " + code + " is not a visibility label");
        }
      }
    }
    String isArchived = request.one("isArchived");
    String archivedMode = request.one("_archived");
    if (archivedMode != null && !archivedMode.equals("include")) {
      throw HttpError.badRequest("_archived may only be include");
    }
    if (isArchived == null) {
      archived = archivedMode != null ? null : Boolean.FALSE;
    } else {
      // A token search: true, false, or both (true,false) for archived and not archived alike.
      Set<Boolean> values = new HashSet<>();
      for (String value : split(isArchived)) {
        if (!value.equals("true") && !value.equals("false")) {
          throw HttpError.badRequest("isArchived must be true, false or true,false");
        }
        values.add(Boolean.valueOf(value));
      }
      archived = values.size() == 2 ? null : values.iterator().next();
    }
    count = integer(request.one("_count"), "_count", DEFAULT_COUNT, 1, MAX_COUNT);
  }

  static SearchParameters parse(SearchInput request) {
    return new SearchParameters(request);
  }

  Ins patient() {
    return patient;
  }

  int count() {
    return count;
  }

  boolean matches(StoredDocument document) {
    // DOC-5: a deleted document is out of every search, status=entered-in-error included.
    if (document.deleted() || !statuses.contains(document.status())) {
      return false;
    }
    if (archived != null && archived != document.archived()) {
      return false;
    }
    if (types != null && !types.contains(document.type().code())) {
      return false;
    }
    if (groups != null && !groups.contains(document.type().group())) {
      return false;
    }
    for (DateBound bound : dates) {
      if (!bound.test(document.date())) {
        return false;
      }
    }
    if (authors != null && !authors.contains(document.authorId())) {
      return false;
    }
    if (labels != null) {
      boolean any = false;
      for (ConfidentialityLabel label : labels) {
        if (label == ConfidentialityLabel.NORMAL
            ? document.labels().isEmpty()
            : document.labels().contains(label)) {
          any = true;
        }
      }
      return any;
    }
    return true;
  }

  private interface CodeReader {
    String read(String code);
  }

  private static @Nullable Set<String> tokens(SearchInput request, String name, CodeReader reader) {
    List<String> values = request.all(name);
    if (values.isEmpty()) {
      return null;
    }
    Set<String> result = new HashSet<>();
    for (String value : values) {
      for (String code : split(value)) {
        result.add(reader.read(code));
      }
    }
    return result;
  }

  private static String stripSystem(String token, String system) {
    int bar = token.indexOf('|');
    if (bar < 0) {
      return token;
    }
    String given = token.substring(0, bar);
    if (!given.isEmpty() && !given.equals(system)) {
      throw new HttpError(Cause.UNKNOWN_CODE, "Code system " + given + " is not " + system);
    }
    return token.substring(bar + 1);
  }

  private static List<String> split(String value) {
    List<String> parts = new ArrayList<>();
    for (String part : value.split(",")) {
      if (part.isBlank()) {
        throw HttpError.badRequest("Empty value in a comma-separated parameter");
      }
      parts.add(part.strip());
    }
    return parts;
  }

  static int integer(@Nullable String value, String name, int defaultValue, int min, int max) {
    if (value == null) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        throw HttpError.badRequest(name + " must be between " + min + " and " + max);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw HttpError.badRequest(name + " must be an integer");
    }
  }
}
