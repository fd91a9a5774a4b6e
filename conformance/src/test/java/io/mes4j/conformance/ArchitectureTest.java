package io.mes4j.conformance;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.mes4j.core.testing.ArchitectureRules;

/** The boundaries of sdk-core's {@link ArchitectureRules}, applied to this module's classes. */
@AnalyzeClasses(
    packages = "io.mes4j.conformance",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule publicApiHidesTransportTypes =
      ArchitectureRules.NO_TRANSPORT_TYPES_IN_PUBLIC_API;

  @ArchTest
  static final ArchRule publicApiHidesInternalTypes =
      ArchitectureRules.NO_INTERNAL_TYPES_IN_PUBLIC_API;

  @ArchTest
  static final ArchRule internalPackagesStayInsideMes4j =
      ArchitectureRules.INTERNAL_ONLY_FROM_MES4J;
}
