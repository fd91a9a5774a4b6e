package io.mes4j.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The architecture rules of mes4j, for every module's ArchUnit test:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "io.mes4j.dossier", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *   @ArchTest static final ArchRule noTransportTypes = ArchitectureRules.NO_TRANSPORT_TYPES_IN_PUBLIC_API;
 *   @ArchTest static final ArchRule internalStaysInside = ArchitectureRules.INTERNAL_ONLY_FROM_MES4J;
 *   @ArchTest static final ArchRule noInternalTypes = ArchitectureRules.NO_INTERNAL_TYPES_IN_PUBLIC_API;
 * }
 * }</pre>
 *
 * <p>Analyse the module's own package: this class's test ({@code ArchitectureRulesTest}) holds
 * fixtures that break the rules on purpose, and they travel in sdk-core's test jar.
 */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  /** The packages of the libraries mes4j hides: HttpClient 5, Jackson, Nimbus. */
  public static final List<String> HIDDEN_LIBRARIES =
      List.of("org.apache.hc..", "com.fasterxml..", "com.nimbusds..");

  /**
   * No public or protected member of a public API class (outside {@code ..internal..}) refers to an
   * HttpClient, Jackson or Nimbus type: field types, method and constructor parameters (type
   * arguments included), return types, {@code throws} clauses, superclass and interfaces.
   */
  public static final ArchRule NO_TRANSPORT_TYPES_IN_PUBLIC_API =
      publicApiClasses()
          .should(notExpose(HIDDEN_LIBRARIES))
          .allowEmptyShould(true)
          .as("public API signatures refer to no HttpClient, Jackson or Nimbus type");

  /** No public or protected member of a public API class refers to an {@code internal} type. */
  public static final ArchRule NO_INTERNAL_TYPES_IN_PUBLIC_API =
      publicApiClasses()
          .should(notExpose(List.of("io.mes4j..internal..")))
          .allowEmptyShould(true)
          .as("public API signatures refer to no mes4j internal type");

  /** The {@code internal} packages of mes4j are used by mes4j classes only. */
  public static final ArchRule INTERNAL_ONLY_FROM_MES4J =
      classes()
          .that()
          .resideInAPackage("io.mes4j..internal..")
          .should()
          .onlyBeAccessed()
          .byAnyPackage("io.mes4j..")
          .allowEmptyShould(true)
          .as("internal packages of mes4j are only accessed from io.mes4j classes");

  private static com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction
      publicApiClasses() {
    return classes()
        .that()
        .resideInAPackage("io.mes4j..")
        .and()
        .resideOutsideOfPackage("io.mes4j..internal..")
        .and()
        .arePublic();
  }

  /** A condition: no visible member signature involves a type of the given packages. */
  public static ArchCondition<JavaClass> notExpose(Collection<String> packageIdentifiers) {
    PackageMatchers forbidden = PackageMatchers.of(packageIdentifiers);
    return new ArchCondition<>("not expose types of " + packageIdentifiers) {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        type.getSuperclass().ifPresent(s -> report(type, "superclass", s, forbidden, events));
        for (JavaType i : type.getInterfaces()) {
          report(type, "interface", i, forbidden, events);
        }
        for (JavaField field : type.getFields()) {
          if (isVisible(field.getModifiers())) {
            report(type, "field " + field.getName(), field.getType(), forbidden, events);
          }
        }
        for (JavaCodeUnit unit : type.getCodeUnits()) {
          if (!isVisible(unit.getModifiers())) {
            continue;
          }
          String where = unit.getName() + "(…)";
          for (JavaType p : unit.getParameterTypes()) {
            report(type, where + " parameter", p, forbidden, events);
          }
          report(type, where + " return type", unit.getReturnType(), forbidden, events);
          for (JavaClass thrown : unit.getThrowsClause().getTypes()) {
            report(type, where + " throws", thrown, forbidden, events);
          }
        }
      }
    };
  }

  private static boolean isVisible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static void report(
      JavaClass owner,
      String where,
      JavaType type,
      PackageMatchers forbidden,
      ConditionEvents events) {
    for (JavaClass raw : type.getAllInvolvedRawTypes()) {
      JavaClass base = raw.isArray() ? raw.getBaseComponentType() : raw;
      if (forbidden.test(base.getPackageName())) {
        events.add(
            SimpleConditionEvent.violated(
                owner, owner.getName() + " exposes " + base.getName() + " in its " + where));
      }
    }
  }
}
