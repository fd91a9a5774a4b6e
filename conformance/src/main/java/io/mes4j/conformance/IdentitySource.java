package io.mes4j.conformance;

import io.mes4j.conformance.internal.ConfiguredIdentities;
import io.mes4j.conformance.internal.ReferenceServerIdentities;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.code.SpaceState;
import io.mes4j.core.identity.Ins;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The test identities a conformance run acts as, and where their tokens come from.
 *
 * <p>Against the reference server, {@link #referenceServer(String)} uses its default fixtures and
 * mints tokens with its control plane ({@code POST /_mock/tokens}). Against a real or sandbox
 * endpoint, {@link #fromFile(Path, String)} reads a properties or JSON file naming the test
 * patients (one INS per space state) and the professionals playing each {@link Role}, each with its
 * OAuth client ({@code private_key_jwt}, through the SDK's {@link
 * io.mes4j.core.auth.ClientCredentialsTokenProvider}).
 *
 * <pre>{@code
 * IdentitySource sandbox = IdentitySource.fromFile(Path.of("sandbox.properties"),
 *     "https://sandbox.mes.example");
 * ParityReport report = ConformanceKit.against(URI.create("https://sandbox.mes.example"))
 *     .identities(sandbox)
 *     .run();
 * }</pre>
 *
 * <p>An empty answer means "not configured": the checks that need it are skipped, saying so.
 */
public interface IdentitySource {

  /** The test patient whose space is in {@code state}; {@code ACTIVE} is the holder's. */
  Optional<Ins> patient(SpaceState state);

  /**
   * The identifier of the identity playing {@code role}: an {@code idNat_PS} for a professional, an
   * INS value for a patient.
   */
  Optional<String> actorId(Role role);

  /** The token provider of the identity playing {@code role}, in every access mode. */
  Optional<TokenProvider> tokens(Role role);

  /**
   * Whether the target has the reference server's control plane ({@code /_mock}: reset, clock,
   * outbox). Checks that need it are skipped when it is absent (a real endpoint). False by default.
   */
  default boolean controlPlane() {
    return false;
  }

  /**
   * The reference server's default fixture identities, with tokens from its control plane ({@code
   * POST /_mock/tokens}); the control plane is used.
   *
   * @param baseUrl the reference server's base URL, e.g. {@code http://127.0.0.1:8080}
   */
  static IdentitySource referenceServer(String baseUrl) {
    return ReferenceServerIdentities.create(baseUrl);
  }

  /**
   * The identities a configuration file names (properties, or JSON if the name ends in {@code
   * .json}); see {@code docs/conformance.md} for its keys.
   *
   * @param file the configuration; key files it names are relative to its directory
   * @param baseUrl the target's base URL (the default OAuth issuer)
   * @throws IllegalArgumentException if the file is unreadable or a key is invalid; the message
   *     names the key
   */
  static IdentitySource fromFile(Path file, String baseUrl) {
    return ConfiguredIdentities.load(file, baseUrl);
  }
}
