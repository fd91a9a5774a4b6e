package io.mes4j.mockserver.internal.profile;

import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.internal.http.HttpError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A parsed profile search: {@code patient.identifier} (required), {@code _count} (1 to {@value
 * #MAX_COUNT}, default {@value #DEFAULT_COUNT}) and, on Observation only, {@code code} (a
 * comma-separated list of {@code system|code} tokens). Immutable: a page cursor keeps it.
 *
 * @param codes the codes asked for; empty means any
 */
record ProfileSearch(ProfileType type, Ins patient, Set<String> codes, int count) {
  static final int DEFAULT_COUNT = 100;
  static final int MAX_COUNT = 100;

  ProfileSearch {
    codes = Set.copyOf(codes);
  }

  static ProfileSearch parse(ProfileType type, Map<String, List<String>> params) {
    for (String name : params.keySet()) {
      boolean known =
          name.equals("patient.identifier")
              || name.equals("_count")
              || (name.equals("code") && type == ProfileType.OBSERVATION);
      if (!known) {
        throw HttpError.badRequest("Unsupported search parameter " + name);
      }
    }
    String token = one(params, "patient.identifier");
    if (token == null || token.isBlank()) {
      throw HttpError.badRequest("Parameter patient.identifier is required (<system>|<INS>)");
    }
    int bar = token.indexOf('|');
    if (bar < 0) {
      throw HttpError.badRequest("Parameter patient.identifier must be <system>|<INS>");
    }
    Ins patient = ProfileEndpoints.ins(token.substring(0, bar), token.substring(bar + 1));
    Set<String> codes = new LinkedHashSet<>();
    String code = one(params, "code");
    if (code != null) {
      for (String c : code.split(",", -1)) {
        if (c.isBlank() || c.indexOf('|') <= 0) {
          throw HttpError.badRequest("Parameter code holds system|code tokens, comma-separated");
        }
        codes.add(c.strip());
      }
    }
    int count = DEFAULT_COUNT;
    String countText = one(params, "_count");
    if (countText != null) {
      try {
        count = Integer.parseInt(countText);
      } catch (NumberFormatException e) {
        count = -1;
      }
      if (count < 1 || count > MAX_COUNT) {
        throw HttpError.badRequest("Parameter _count must be an integer from 1 to " + MAX_COUNT);
      }
    }
    return new ProfileSearch(type, patient, codes, count);
  }

  private static @Nullable String one(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw HttpError.badRequest("Parameter " + name + " may be given only once");
    }
    return values.get(0);
  }

  @Override
  public String toString() {
    return "ProfileSearch[" + type + ", <redacted>, " + codes + ", " + count + "]";
  }
}
