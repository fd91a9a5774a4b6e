package io.mes4j.conformance;

import io.mes4j.conformance.internal.Runner;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runs the contract checks of Mon espace santé's rules against a server that speaks the wire
 * contract, and reports parity.
 *
 * <p>Each check pins one rule of the domain rules (ES, DOC, CON, AU, MSG, AG…) or of the wire
 * contract: it acts as test identities through the public SDK (or plain HTTP where the wire shape
 * itself is the subject), compares what the target did with what the rule says, and undoes what it
 * changed. Against the reference server the kit also uses the control plane ({@code /_mock}: reset,
 * clock, outbox); against a real or sandbox endpoint the checks that need it are skipped, saying
 * so.
 *
 * <pre>{@code
 * // the reference server, its default fixtures and control plane
 * ParityReport report = ConformanceKit.against(URI.create(server.baseUrl())).run();
 *
 * // a sandbox, with the test identities and OAuth clients of a configuration file
 * ParityReport sandbox = ConformanceKit.against(URI.create("https://sandbox.mes.example"))
 *     .identities(IdentitySource.fromFile(Path.of("sandbox.properties"),
 *         "https://sandbox.mes.example"))
 *     .run();
 * sandbox.writeTo(Path.of("target/conformance"));
 * }</pre>
 *
 * <p>Instances are immutable: each method returns a new kit. A run makes its calls one after the
 * other.
 */
public final class ConformanceKit {
  private final URI baseUrl;
  private final @Nullable IdentitySource identities;
  private final List<String> only;

  private ConformanceKit(URI baseUrl, @Nullable IdentitySource identities, List<String> only) {
    this.baseUrl = baseUrl;
    this.identities = identities;
    this.only = only;
  }

  /**
   * A kit checking the server at {@code baseUrl} (the root of {@code /fhir}, {@code /oauth2}…),
   * with the reference server's identities until {@link #identities(IdentitySource)} says
   * otherwise.
   *
   * @throws IllegalArgumentException if the URL is not absolute http or https
   */
  public static ConformanceKit against(URI baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String scheme = baseUrl.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("the base URL must be an absolute http(s) URL");
    }
    return new ConformanceKit(baseUrl, null, List.of());
  }

  /** The same kit, acting as {@code identities}. */
  public ConformanceKit identities(IdentitySource identities) {
    return new ConformanceKit(baseUrl, Objects.requireNonNull(identities, "identities"), only);
  }

  /**
   * The same kit, running only the checks whose id or rule starts with one of {@code prefixes}
   * (e.g. {@code "DOC-6"}, {@code "CON-"}, {@code "WIRE.metadata"}); none means all.
   */
  public ConformanceKit only(String... prefixes) {
    return new ConformanceKit(baseUrl, identities, List.of(prefixes));
  }

  /** Runs the checks, one after the other, and returns the report; never throws for a failure. */
  public ParityReport run() {
    String url = baseUrl.toString();
    IdentitySource ids = identities != null ? identities : IdentitySource.referenceServer(url);
    return new Runner(url, ids, Runner.matching(only)).run();
  }

  @Override
  public String toString() {
    return "ConformanceKit[" + baseUrl + "]";
  }
}
