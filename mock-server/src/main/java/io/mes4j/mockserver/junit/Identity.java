package io.mes4j.mockserver.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link MockServerExtension} for an SDK client ({@code io.mes4j.core.MesClient}) acting as
 * this identity of the reference server's fixtures: an INS, an idNat_PS, an idNat_Struct or a
 * service {@code urn:oid:}. Its tokens are minted by the server in-process, in the access mode the
 * client asks for.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Identity {
  /** The subject: INS, idNat_PS, idNat_Struct or service {@code urn:oid:}. */
  String value();
}
