package io.mes4j.mockserver.internal.policy;

import io.mes4j.core.code.DocumentGroup;
import io.mes4j.core.code.Profession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which document groups each profession may read (DOC-7), loaded from a CSV file: a header {@code
 * group,<profession codes…>,*} then one row per group of {@code Y} or {@code -}; {@code *} is any
 * other profession; lines starting with {@code #} are comments. The default is {@code
 * habilitations.csv} beside this server's classes, transcribed from {@code habilitations.md}.
 */
public final class HabilitationMatrix {
  private static final String DEFAULT_RESOURCE = "/io/mes4j/mockserver/habilitations.csv";
  private static final String ANY_OTHER = "*";

  private final Map<String, Set<DocumentGroup>> byProfession;
  private final Set<DocumentGroup> anyOther;

  private HabilitationMatrix(
      Map<String, Set<DocumentGroup>> byProfession, Set<DocumentGroup> anyOther) {
    this.byProfession = byProfession;
    this.anyOther = anyOther;
  }

  public static HabilitationMatrix defaults() {
    try (InputStream in = HabilitationMatrix.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return parse(Objects.requireNonNull(in, DEFAULT_RESOURCE), DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static HabilitationMatrix load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the habilitation matrix " + file, e);
    }
  }

  /** Whether a professional of {@code profession} may read documents of {@code group}. */
  public boolean allows(@Nullable String profession, DocumentGroup group) {
    Set<DocumentGroup> groups = profession == null ? null : byProfession.get(profession);
    return (groups == null ? anyOther : groups).contains(group);
  }

  static HabilitationMatrix parse(InputStream in, String source) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<String> columns = null;
    Map<String, Set<DocumentGroup>> byColumn = new HashMap<>();
    Set<DocumentGroup> seen = EnumSet.noneOf(DocumentGroup.class);
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] cells = trimmed.split(",", -1);
      if (columns == null) {
        if (!cells[0].strip().equals("group")) {
          throw invalid(source, number, "the header must start with 'group'");
        }
        columns = new ArrayList<>();
        for (int i = 1; i < cells.length; i++) {
          String code = cells[i].strip();
          if (!code.equals(ANY_OTHER) && Profession.find(code).isEmpty()) {
            throw invalid(source, number, "unknown profession code '" + code + "'");
          }
          columns.add(code);
          byColumn.put(code, EnumSet.noneOf(DocumentGroup.class));
        }
        if (!columns.contains(ANY_OTHER)) {
          throw invalid(source, number, "the header must have a '*' column (any other profession)");
        }
        continue;
      }
      if (cells.length != columns.size() + 1) {
        throw invalid(source, number, "expected " + (columns.size() + 1) + " cells");
      }
      DocumentGroup group;
      try {
        group = DocumentGroup.valueOf(cells[0].strip());
      } catch (IllegalArgumentException e) {
        throw invalid(source, number, "unknown document group '" + cells[0].strip() + "'");
      }
      if (!seen.add(group)) {
        throw invalid(source, number, "group " + group + " given twice");
      }
      for (int i = 1; i < cells.length; i++) {
        String cell = cells[i].strip();
        if (cell.equals("Y")) {
          byColumn.get(columns.get(i - 1)).add(group);
        } else if (!cell.equals("-")) {
          throw invalid(source, number, "cells must be 'Y' or '-', got '" + cell + "'");
        }
      }
    }
    if (columns == null) {
      throw invalid(source, number, "no header");
    }
    if (seen.size() != DocumentGroup.values().length) {
      EnumSet<DocumentGroup> missing = EnumSet.allOf(DocumentGroup.class);
      missing.removeAll(seen);
      throw invalid(source, number, "missing rows for " + missing);
    }
    Map<String, Set<DocumentGroup>> byProfession = new HashMap<>();
    for (Map.Entry<String, Set<DocumentGroup>> entry : byColumn.entrySet()) {
      if (!entry.getKey().equals(ANY_OTHER)) {
        byProfession.put(entry.getKey(), Set.copyOf(entry.getValue()));
      }
    }
    return new HabilitationMatrix(Map.copyOf(byProfession), Set.copyOf(byColumn.get(ANY_OTHER)));
  }

  private static IllegalArgumentException invalid(String source, int line, String problem) {
    return new IllegalArgumentException(
        "habilitation matrix " + source + ", line " + line + ": " + problem);
  }
}
