package io.mes4j.benchmarks.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docs/PERFORMANCE.md} as a title, an introduction and {@code ## } sections, each written by
 * one run of {@code benchmarks/run.sh} ({@code ## Startup} by the startup benchmarks, {@code ##
 * Dossier search at scale} by {@code run.sh scale}): a run replaces its own section and keeps the
 * others as they are.
 */
public final class PerformanceFile {
  /** The title and introduction, the same whichever run writes the file. */
  static final String HEAD =
      "# Performance\n\n"
          + "Figures of the reference server and the SDK, measured on demand, never asserted in a"
          + " test. `benchmarks/run.sh` runs the comparisons side by side with HAPI FHIR"
          + " and WireMock and writes the first section and its chart; `benchmarks/run.sh startup`"
          + " and `benchmarks/run.sh dossier-scale` write the two JMH sections after it. Each run"
          + " rewrites its own section and keeps the others; run it again to refresh its figures"
          + " (they are from one machine and vary from run to run).\n\n";

  /** The section that goes first, whenever it is written. */
  static final String FIRST = "Side by side";

  private static final String LEGACY_MACHINE = "Machine";

  private record Section(String heading, String text) {}

  private PerformanceFile() {}

  /**
   * Writes {@code section} (Markdown starting with {@code ## <heading>}) into {@code file}: in
   * place of the section of the same heading if there is one, else after the others.
   */
  public static void write(Path file, String heading, String section) throws IOException {
    String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    Files.writeString(file, merge(existing, heading, section), StandardCharsets.UTF_8);
  }

  static String merge(String existing, String heading, String section) {
    List<Section> sections = sections(existing);
    boolean replaced = false;
    for (int i = 0; i < sections.size(); i++) {
      if (sections.get(i).heading().equals(heading)) {
        sections.set(i, new Section(heading, section));
        replaced = true;
      }
    }
    if (!replaced) {
      sections.add(new Section(heading, section));
    }
    for (int i = 1; i < sections.size(); i++) {
      if (sections.get(i).heading().equals(FIRST)) {
        sections.add(0, sections.remove(i));
      }
    }
    StringBuilder out = new StringBuilder(HEAD);
    for (Section s : sections) {
      out.append(s.text().strip()).append("\n\n");
    }
    return out.toString().stripTrailing() + "\n";
  }

  /**
   * The {@code ## } sections of a file, in order (headings inside code blocks do not count). The
   * {@code ## Machine} section of the startup run's earlier layout goes into the section before it,
   * as {@code ### Machine}.
   */
  private static List<Section> sections(String markdown) {
    List<Section> sections = new ArrayList<>();
    String heading = null;
    StringBuilder text = new StringBuilder();
    boolean fenced = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      }
      if (!fenced && line.startsWith("## ")) {
        if (heading != null) {
          sections.add(new Section(heading, text.toString()));
        }
        heading = line.substring(3).strip();
        text.setLength(0);
      }
      if (heading != null) {
        text.append(line).append('\n');
      }
    }
    if (heading != null) {
      sections.add(new Section(heading, text.toString()));
    }
    List<Section> folded = new ArrayList<>();
    for (Section s : sections) {
      if (s.heading().equals(LEGACY_MACHINE) && !folded.isEmpty()) {
        Section before = folded.remove(folded.size() - 1);
        folded.add(
            new Section(before.heading(), before.text().strip() + "\n\n#" + s.text().strip()));
      } else {
        folded.add(s);
      }
    }
    return folded;
  }
}
