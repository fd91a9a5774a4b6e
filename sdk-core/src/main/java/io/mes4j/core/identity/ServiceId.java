package io.mes4j.core.identity;

import io.mes4j.core.error.InvalidValueException;
import org.jspecify.annotations.Nullable;

/**
 * A catalogue service, identified by the OID assigned when it was referenced (rule ID-4).
 *
 * <p>The OID must be well formed: at least two arcs separated by dots, each arc decimal digits
 * without a leading zero (a lone {@code 0} is allowed), the first arc {@code 0}, {@code 1} or
 * {@code 2}, and the second below 40 when the first is {@code 0} or {@code 1} (ITU-T X.660). The
 * {@code urn:oid:} form is accepted too and stripped.
 *
 * <pre>{@code
 * ServiceId app = ServiceId.of("1.2.250.1.999.7.1");
 * app.urn(); // "urn:oid:1.2.250.1.999.7.1"
 * }</pre>
 */
public final class ServiceId {
  private static final String URN_PREFIX = "urn:oid:";

  private final String oid;

  private ServiceId(String oid) {
    this.oid = oid;
  }

  /**
   * Returns the catalogue service whose OID is {@code oid}.
   *
   * @param oid a dotted OID such as {@code 1.2.250.1.999.7.1}, or its {@code urn:oid:} form
   * @return the validated service id
   * @throws InvalidValueException if {@code oid} is not a well-formed OID
   */
  public static ServiceId of(String oid) {
    if (oid == null) {
      throw new InvalidValueException("service OID is missing");
    }
    String bare = oid.startsWith(URN_PREFIX) ? oid.substring(URN_PREFIX.length()) : oid;
    @Nullable String problem = problem(bare);
    if (problem != null) {
      throw new InvalidValueException(problem);
    }
    return new ServiceId(bare);
  }

  private static @Nullable String problem(String oid) {
    if (oid.isEmpty()) {
      return "service OID is empty";
    }
    String[] arcs = oid.split("\\.", -1);
    if (arcs.length < 2) {
      return "service OID must have at least two arcs: " + oid;
    }
    for (int a = 0; a < arcs.length; a++) {
      String arc = arcs[a];
      if (arc.isEmpty()) {
        return "service OID has an empty arc at arc " + (a + 1) + ": " + oid;
      }
      for (int i = 0; i < arc.length(); i++) {
        char c = arc.charAt(i);
        if (c < '0' || c > '9') {
          return "service OID arcs must be decimal digits, arc " + (a + 1) + " is not: " + oid;
        }
      }
      if (arc.length() > 1 && arc.charAt(0) == '0') {
        return "service OID arc " + (a + 1) + " has a leading zero: " + oid;
      }
    }
    if (arcs[0].length() != 1 || arcs[0].charAt(0) > '2') {
      return "service OID must start with arc 0, 1 or 2: " + oid;
    }
    if (arcs[0].charAt(0) != '2' && (arcs[1].length() > 2 || Integer.parseInt(arcs[1]) >= 40)) {
      return "service OID second arc must be below 40 under arc 0 or 1: " + oid;
    }
    return null;
  }

  /**
   * Returns the bare dotted OID.
   *
   * @return the OID, such as {@code 1.2.250.1.999.7.1}
   */
  public String oid() {
    return oid;
  }

  /**
   * Returns the OID as a URN, the form used in FHIR identifiers and token subjects.
   *
   * @return {@code urn:oid:} followed by the OID
   */
  public String urn() {
    return URN_PREFIX + oid;
  }

  /**
   * Two service ids are equal when their OIDs are.
   *
   * @param other the object to compare with
   * @return whether {@code other} is the same service
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ServiceId s && s.oid.equals(oid);
  }

  /**
   * Returns a hash of the OID.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return oid.hashCode();
  }

  /**
   * Returns the URN form of the OID.
   *
   * @return {@code ServiceId[urn:oid:…]}
   */
  @Override
  public String toString() {
    return "ServiceId[" + urn() + "]";
  }
}
