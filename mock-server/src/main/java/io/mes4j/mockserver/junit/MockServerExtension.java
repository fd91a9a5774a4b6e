package io.mes4j.mockserver.junit;

import io.mes4j.core.MesClient;
import io.mes4j.mockserver.MockServer;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link MesMockServer}: starts the reference server (per class, or
 * one shared per JVM, optionally with a tenant per class), resets its state before each test, and
 * injects the {@link MockServer} and {@link MesClient}s annotated with {@link Identity}. Clients
 * are closed after their test; the server when its class ends (or the JVM's test run, when shared).
 */
public final class MockServerExtension implements BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(MockServerExtension.class);
  private static final java.util.concurrent.atomic.AtomicInteger TENANTS =
      new java.util.concurrent.atomic.AtomicInteger();

  @Override
  public void beforeEach(ExtensionContext context) {
    MesMockServer config = config(context);
    if (config.resetBeforeEach()) {
      server(context).control().reset();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == MockServer.class
        || (type == MesClient.class && parameter.isAnnotated(Identity.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    MockServer server = server(context);
    if (parameter.getParameter().getType() == MockServer.class) {
      return server;
    }
    String subject =
        parameter
            .findAnnotation(Identity.class)
            .map(Identity::value)
            .orElseThrow(() -> new ParameterResolutionException("@Identity is required"));
    MesClient client =
        MesClient.builder()
            .baseUrl(server.baseUrl())
            .credentials(server.tokenProvider(subject))
            .build();
    // Closed with the test (or the class, for constructor parameters).
    context.getStore(NS).put(new Object(), client);
    return client;
  }

  private static MockServer server(ExtensionContext context) {
    MesMockServer config = config(context);
    ExtensionContext owner = config.shared() ? context.getRoot() : classContext(context);
    String key = config.shared() ? "shared-server" : "class-server";
    MockServer server =
        owner.getStore(NS).computeIfAbsent(key, k -> start(config), MockServer.class);
    if (!config.tenant()) {
      return server;
    }
    // A tenant of the class's own, removed when the class's store closes.
    ExtensionContext classContext = classContext(context);
    return classContext
        .getStore(NS)
        .computeIfAbsent(
            "class-tenant", k -> server.tenant(tenantName(classContext)), MockServer.class);
  }

  private static String tenantName(ExtensionContext classContext) {
    String simple =
        classContext
            .getTestClass()
            .map(Class::getSimpleName)
            .orElse("tests")
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9-]", "-");
    String suffix = "-" + TENANTS.incrementAndGet();
    return simple.substring(0, Math.min(simple.length(), 40 - suffix.length())) + suffix;
  }

  private static MockServer start(MesMockServer config) {
    MockServer.Builder builder = MockServer.builder();
    if (!config.clock().isEmpty()) {
      try {
        builder.clock(Instant.parse(config.clock()));
      } catch (RuntimeException e) {
        throw new ExtensionConfigurationException(
            "@MesMockServer(clock) must be an ISO-8601 instant, was " + config.clock(), e);
      }
    }
    return builder.start();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  private static MesMockServer config(ExtensionContext context) {
    Optional<MesMockServer> found =
        context
            .getTestClass()
            .flatMap(c -> AnnotationSupport.findAnnotation(c, MesMockServer.class));
    return found.orElseGet(() -> Defaults.class.getAnnotation(MesMockServer.class));
  }

  @MesMockServer
  private static final class Defaults {}
}
