package io.mes4j.mockserver.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the mes4j reference server.
 *
 * <p>The server starts before the class's first test (or once for every class that asks for a
 * {@linkplain #shared() shared} one) and stops after; its state is reset to the default fixtures
 * before each test. Test methods and constructors receive the {@link
 * io.mes4j.mockserver.MockServer} and ready SDK clients acting as a fixture identity:
 *
 * <pre>{@code
 * @MesMockServer(clock = "2026-11-28T09:00:00Z")
 * class DepositTest {
 *   @Test
 *   void deposit_isFoundByThePatient(
 *       @Identity(Fixtures.DOCTOR_ID) MesClient doctor, @Identity(Fixtures.ADULT_ID) MesClient patient) {
 *     ...
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(MockServerExtension.class)
public @interface MesMockServer {
  /**
   * Whether the server is shared by every class that asks for a shared server (one per JVM), rather
   * than started for this class alone. State is reset before each test either way.
   */
  boolean shared() default false;

  /**
   * Whether this class gets a tenant of its own on the server ({@link
   * io.mes4j.mockserver.MockServer#tenant(String)}): its own state, clock, journal and faults under
   * {@code <base>/t/<name>}, removed when the class ends. With {@link #shared()}, parallel test
   * classes then share one server (one port, one thread pool) without sharing any state:
   *
   * <pre>{@code
   * @MesMockServer(shared = true, tenant = true)
   * @Execution(ExecutionMode.CONCURRENT)
   * class DepositTest { ... }
   * }</pre>
   *
   * <p>The injected {@link io.mes4j.mockserver.MockServer} is then the tenant, and {@code Identity}
   * clients call it.
   */
  boolean tenant() default false;

  /** Whether state is reset to the default fixtures before each test. */
  boolean resetBeforeEach() default true;

  /**
   * The server clock's start, an ISO-8601 instant; empty means the system clock. A fixed clock only
   * moves when the test moves it.
   */
  String clock() default "";
}
