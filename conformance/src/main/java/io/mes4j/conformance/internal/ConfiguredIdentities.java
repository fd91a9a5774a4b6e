package io.mes4j.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.conformance.IdentitySource;
import io.mes4j.conformance.Role;
import io.mes4j.core.auth.ClientCredentialsTokenProvider;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.code.SpaceState;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.InsSystem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Identities read from a configuration file (properties, or JSON flattened to the same dotted
 * keys): the test patients by space state, and per role its identifier and its OAuth client.
 */
public final class ConfiguredIdentities implements IdentitySource {
  private final Map<SpaceState, Ins> patients;
  private final Map<Role, String> actors;
  private final Map<Role, TokenProvider> tokens;
  private final boolean controlPlane;

  private ConfiguredIdentities(
      Map<SpaceState, Ins> patients,
      Map<Role, String> actors,
      Map<Role, TokenProvider> tokens,
      boolean controlPlane) {
    this.patients = patients;
    this.actors = actors;
    this.tokens = tokens;
    this.controlPlane = controlPlane;
  }

  /** Reads {@code file}; relative key files are resolved against its directory. */
  public static ConfiguredIdentities load(Path file, String baseUrl) {
    Map<String, String> keys = read(file);
    Path dir = file.toAbsolutePath().getParent();
    return of(keys, dir == null ? Path.of(".") : dir, baseUrl);
  }

  /** The identities the dotted {@code keys} name. */
  static ConfiguredIdentities of(Map<String, String> keys, Path dir, String baseUrl) {
    String source = keys.getOrDefault("tokens", "client-credentials").strip();
    boolean mock;
    switch (source) {
      case "reference-server" -> mock = true;
      case "client-credentials" -> mock = false;
      default ->
          throw new IllegalArgumentException(
              "tokens must be reference-server or client-credentials, not " + source);
    }
    String cp = keys.get("control-plane");
    boolean controlPlane = cp == null ? mock : parseBoolean("control-plane", cp);
    String issuer = keys.getOrDefault("issuer", baseUrl).strip();
    InsSystem system = InsSystem.TEST_NIR;
    String systemUri = keys.get("patient.system");
    if (systemUri != null) {
      try {
        system = InsSystem.fromUri(systemUri.strip());
      } catch (InvalidValueException e) {
        throw new IllegalArgumentException("patient.system: " + e.getMessage(), e);
      }
    }

    Map<SpaceState, Ins> patients = new EnumMap<>(SpaceState.class);
    for (SpaceState state : SpaceState.values()) {
      String value = keys.get("patient." + state.name());
      if (value == null && mock) {
        value = ReferenceServerIdentities.PATIENTS.get(state);
      }
      if (value != null) {
        try {
          patients.put(state, Ins.of(value.strip(), system));
        } catch (InvalidValueException e) {
          throw new IllegalArgumentException("patient." + state.name() + ": " + e.getMessage(), e);
        }
      }
    }

    Map<Role, String> actors = new EnumMap<>(Role.class);
    Map<Role, TokenProvider> tokens = new EnumMap<>(Role.class);
    RawHttp http = new RawHttp(baseUrl);
    for (Role role : Role.values()) {
      String prefix = "role." + role.name() + ".";
      String id = keys.get(prefix + "id");
      boolean implicit = false;
      if (id == null && role == Role.HOLDER && patients.containsKey(SpaceState.ACTIVE)) {
        id = patients.get(SpaceState.ACTIVE).value();
        implicit = true;
      }
      if (id == null && mock) {
        id = ReferenceServerIdentities.ACTORS.get(role);
      }
      if (id == null) {
        continue;
      }
      actors.put(role, id.strip());
      if (mock) {
        tokens.put(role, new ControlPlaneTokens(http, id.strip()));
        continue;
      }
      String clientId = keys.get(prefix + "client-id");
      String keyFile = keys.get(prefix + "key-file");
      if (implicit && clientId == null && keyFile == null) {
        continue; // the holder is known, without a client: its checks are skipped
      }
      if (clientId == null || keyFile == null) {
        throw new IllegalArgumentException(
            prefix + "client-id and " + prefix + "key-file are required with " + prefix + "id");
      }
      PrivateKey key = privateKey(dir.resolve(keyFile.strip()), prefix + "key-file");
      ClientCredentialsTokenProvider.Builder b =
          ClientCredentialsTokenProvider.builder()
              .issuer(keys.getOrDefault(prefix + "issuer", issuer).strip())
              .clientId(clientId.strip())
              .privateKey(key, keys.getOrDefault(prefix + "key-id", clientId).strip());
      String alg = keys.get(prefix + "algorithm");
      if (alg != null) {
        b.algorithm(alg.strip());
      }
      try {
        tokens.put(role, b.build());
      } catch (InvalidValueException e) {
        throw new IllegalArgumentException(prefix + ": " + e.getMessage(), e);
      }
    }
    return new ConfiguredIdentities(patients, actors, tokens, controlPlane);
  }

  private static boolean parseBoolean(String key, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false");
    };
  }

  /** The file's keys, dotted; role names upper-cased ({@code role.doctor.id} → {@code DOCTOR}). */
  static Map<String, String> read(Path file) {
    Map<String, String> raw = new TreeMap<>();
    try {
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
        JsonNode root = RawHttp.JSON.readTree(file.toFile());
        if (root == null || !root.isObject()) {
          throw new IllegalArgumentException(file + ": a JSON object is expected");
        }
        flatten("", root, raw);
      } else {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          p.load(r);
        }
        for (String name : p.stringPropertyNames()) {
          raw.put(name, p.getProperty(name));
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> keys = new TreeMap<>();
    for (Map.Entry<String, String> e : raw.entrySet()) {
      keys.put(normalise(e.getKey()), e.getValue());
    }
    return keys;
  }

  private static String normalise(String key) {
    String[] parts = key.strip().split("\\.");
    if (parts.length >= 2 && (parts[0].equals("role") || parts[0].equals("patient"))) {
      if (!(parts[0].equals("patient") && parts[1].equals("system"))) {
        parts[1] = parts[1].toUpperCase(Locale.ROOT).replace('-', '_');
      }
    }
    return String.join(".", parts);
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isValueNode() && !node.isNull()) {
      out.put(prefix, node.asText());
    } else if (!node.isNull()) {
      throw new IllegalArgumentException(prefix + ": a text, number or boolean is expected");
    }
  }

  /** An unencrypted PKCS#8 PEM key ({@code -----BEGIN PRIVATE KEY-----}), EC P-256 or RSA. */
  static PrivateKey privateKey(Path pem, String key) {
    String text;
    try {
      text = Files.readString(pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(key + ": cannot read " + pem, e);
    }
    if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new IllegalArgumentException(
          key
              + ": "
              + pem
              + " is not an unencrypted PKCS#8 PEM key (convert it with: openssl pkcs8 -topk8"
              + " -nocrypt -in KEY -out KEY.pem)");
    }
    String b64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + pem + " holds bad base64", e);
    }
    @Nullable PrivateKey found = null;
    for (String alg : new String[] {"EC", "RSA"}) {
      try {
        found = KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
        break;
      } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
        // try the next
      }
    }
    if (found == null) {
      throw new IllegalArgumentException(key + ": " + pem + " is neither an EC nor an RSA key");
    }
    return found;
  }

  @Override
  public Optional<Ins> patient(SpaceState state) {
    return Optional.ofNullable(patients.get(state));
  }

  @Override
  public Optional<String> actorId(Role role) {
    return Optional.ofNullable(actors.get(role));
  }

  @Override
  public Optional<TokenProvider> tokens(Role role) {
    return Optional.ofNullable(tokens.get(role));
  }

  @Override
  public boolean controlPlane() {
    return controlPlane;
  }

  @Override
  public String toString() {
    return "IdentitySource.fromFile[roles=" + actors.keySet() + "]";
  }
}
