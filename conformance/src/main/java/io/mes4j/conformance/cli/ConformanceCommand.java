package io.mes4j.conformance.cli;

import io.mes4j.conformance.CheckResult;
import io.mes4j.conformance.CheckStatus;
import io.mes4j.conformance.ConformanceKit;
import io.mes4j.conformance.IdentitySource;
import io.mes4j.conformance.ParityReport;
import io.mes4j.conformance.internal.Catalogue;
import io.mes4j.conformance.internal.Check;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar mes4j-conformance.jar --base-url URL [--config FILE] [--report DIR]}: runs the
 * checks, prints one line per check and the summary, writes the report, and exits 0 when every
 * check that ran passed, 1 otherwise (2 for a usage error).
 */
@Command(
    name = "mes4j-conformance",
    mixinStandardHelpOptions = true,
    version = "mes4j-conformance 0.1.0",
    description =
        "Runs mes4j's contract checks against a server speaking the Mon espace santé wire"
            + " contract and writes a parity report.")
public final class ConformanceCommand implements Callable<Integer> {
  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "The target's base URL, e.g. http://127.0.0.1:8080.")
  @org.jspecify.annotations.Nullable
  String baseUrl;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Test identities and OAuth clients (properties, or .json); default: the reference"
              + " server's fixtures and control plane.")
  @org.jspecify.annotations.Nullable
  Path config;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description =
          "Where to write parity-report.md and parity-report.json (default: ${DEFAULT-VALUE}).",
      defaultValue = "conformance-report")
  Path report = Path.of("conformance-report");

  @Option(
      names = "--only",
      paramLabel = "PREFIX",
      split = ",",
      description =
          "Run only the checks whose id or rule starts with one of these, e.g. DOC-6,CON-.")
  List<String> only = new ArrayList<>();

  @Option(names = "--list", description = "List the checks and exit.")
  boolean list;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final PrintWriter out;

  ConformanceCommand(PrintWriter out) {
    this.out = out;
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), args));
  }

  /** Runs the command line, printing to {@code out}; returns the exit status. */
  public static int run(PrintWriter out, String... args) {
    CommandLine cmd = new CommandLine(new ConformanceCommand(out));
    cmd.setOut(out);
    return cmd.execute(args);
  }

  @Override
  public Integer call() {
    if (list) {
      for (Check c : Catalogue.checks()) {
        out.printf(
            "%-44s %-24s %s%s%n",
            c.id(), c.rule(), c.title(), c.controlPlane() ? " [control plane]" : "");
      }
      out.flush();
      return 0;
    }
    if (baseUrl == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Missing required option: '--base-url=URL'");
    }
    ConformanceKit kit;
    try {
      kit = ConformanceKit.against(URI.create(baseUrl));
      if (config != null) {
        kit = kit.identities(IdentitySource.fromFile(config, baseUrl));
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    ParityReport result = kit.only(only.toArray(String[]::new)).run();
    for (CheckResult r : result.results()) {
      out.printf("%-7s %-44s %s%n", r.status(), r.id(), line(r));
    }
    result.writeTo(report);
    out.printf(
        "%s: %d passed, %d failed, %d skipped in %d ms; report in %s%n",
        result.conforms() ? "CONFORMS" : "DOES NOT CONFORM",
        result.count(CheckStatus.PASSED),
        result.count(CheckStatus.FAILED),
        result.count(CheckStatus.SKIPPED),
        result.duration().toMillis(),
        report.toAbsolutePath());
    out.flush();
    return result.conforms() ? 0 : 1;
  }

  private static String line(CheckResult r) {
    return switch (r.status()) {
      case PASSED -> "";
      case SKIPPED -> r.reason();
      case FAILED -> "expected " + r.expected() + "; observed " + r.observed();
    };
  }
}
