package io.mes4j.core.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test during which a log event leaked a secret ({@link RedactionGuard}). Registered in
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} of sdk-core's test jar and
 * turned on for every module by {@code junit.jupiter.extensions.autodetection.enabled=true} in the
 * root pom's Surefire {@code configurationParameters}: the whole suite of each module that has that
 * jar on its test class path runs under it, with no annotation on any test.
 */
public final class RedactionExtension
    implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  /** For the service loader. */
  public RedactionExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    RedactionGuard.install();
    RedactionGuard.assertClean("before " + context.getDisplayName());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    RedactionGuard.assertClean(
        "during "
            + context.getRequiredTestClass().getSimpleName()
            + "."
            + context.getDisplayName());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    RedactionGuard.assertClean("in the class-level code of " + context.getDisplayName());
  }
}
