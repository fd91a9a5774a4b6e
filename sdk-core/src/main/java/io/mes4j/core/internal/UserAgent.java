package io.mes4j.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The {@code User-Agent} mes4j sends: {@code mes4j/<version> java/<java.version>}, then {@code
 * app/<applicationId>} when the client has one.
 *
 * <p>The version comes from {@code version.properties}, filtered by the build, then from the jar
 * manifest, else {@code dev}.
 */
public final class UserAgent {
  private static final String VERSION = readVersion();

  private UserAgent() {}

  /** The mes4j version, or {@code dev} when unknown. */
  public static String version() {
    return VERSION;
  }

  /** The user agent for an application id (or none). */
  public static String of(@Nullable String applicationId) {
    String base = "mes4j/" + VERSION + " java/" + System.getProperty("java.version", "unknown");
    return applicationId == null ? base : base + " app/" + applicationId;
  }

  private static String readVersion() {
    try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "").trim();
        if (!v.isEmpty() && !v.startsWith("${")) {
          return v;
        }
      }
    } catch (IOException e) {
      // fall through to the manifest
    }
    Package pkg = UserAgent.class.getPackage();
    String v = pkg == null ? null : pkg.getImplementationVersion();
    return v == null || v.isBlank() ? "dev" : v.trim();
  }
}
