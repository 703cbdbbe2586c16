package org.rnicsim.experiments.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The project's dependency rules, checked on the compiled main classes of all four modules:
 * dependencies point one way (experiments -> ndk-api -> rnic-model -> sim-engine), only experiments
 * touches files, JSON/YAML, charts and the command line, the model keeps no wall clock and no
 * unseeded randomness, and no two packages depend on each other, directly or around a loop.
 *
 * <p>Bytecode misses dependencies on compile-time constants (javac inlines them), so {@link
 * SourcePackageGraphTest} checks cycle-freedom once more on the sources.
 */
@Timeout(120)
class ArchitectureTest {

  private static JavaClasses mainClasses;

  @BeforeAll
  static void importMainClasses() {
    mainClasses =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rnicsim");
  }

  @Test
  void modulesDependOneWayFromExperimentsDownToSimEngine() {
    ArchRule rule =
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("experiments")
            .definedBy("org.rnicsim.experiments..")
            .layer("ndk-api")
            .definedBy("org.rnicsim.ndk..")
            .layer("rnic-model")
            .definedBy("org.rnicsim.model..")
            .layer("sim-engine")
            .definedBy("org.rnicsim.engine..")
            .whereLayer("experiments")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("ndk-api")
            .mayOnlyBeAccessedByLayers("experiments")
            .whereLayer("rnic-model")
            .mayOnlyBeAccessedByLayers("experiments", "ndk-api")
            .whereLayer("sim-engine")
            .mayOnlyBeAccessedByLayers("experiments", "ndk-api", "rnic-model");
    rule.check(mainClasses);
  }

  @Test
  void nothingBelowNdkApiKnowsNdk() {
    noClasses()
        .that()
        .resideInAnyPackage("org.rnicsim.model..", "org.rnicsim.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.rnicsim.ndk..")
        .check(mainClasses);
  }

  @Test
  void onlyExperimentsTouchesFilesJsonChartsAndTheCommandLine() {
    noClasses()
        .that()
        .resideInAnyPackage("org.rnicsim.ndk..", "org.rnicsim.model..", "org.rnicsim.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.nio.file..",
            "tools.jackson..",
            "com.fasterxml.jackson..",
            "org.yaml..",
            "org.jfree..",
            "picocli..",
            "me.tongfei..",
            "com.github.victools..")
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(
            File.class,
            FileInputStream.class,
            FileOutputStream.class,
            FileReader.class,
            FileWriter.class,
            RandomAccessFile.class)
        .check(mainClasses);
  }

  @Test
  void theModelKeepsNoWallClockAndNoUnseededRandomness() {
    noClasses()
        .that()
        .resideInAnyPackage("org.rnicsim.ndk..", "org.rnicsim.model..", "org.rnicsim.engine..")
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(Math.class, "random")
        .orShould()
        .callMethod(Thread.class, "sleep", long.class)
        .orShould()
        .callConstructor(Random.class)
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(Clock.class, ThreadLocalRandom.class)
        .check(mainClasses);
  }

  @Test
  void simEngineRnicModelAndNdkApiHaveNoPackageCycles() {
    for (String module : List.of("engine", "model", "ndk")) {
      slices()
          .matching("org.rnicsim." + module + ".(**)")
          .should()
          .beFreeOfCycles()
          .as("the packages of org.rnicsim." + module + " are free of cycles")
          .check(mainClasses);
    }
  }

  @Test
  void experimentsHasNoPackageCycles() {
    slices()
        .matching("org.rnicsim.experiments.(**)")
        .should()
        .beFreeOfCycles()
        .as("the packages of org.rnicsim.experiments are free of cycles")
        .check(mainClasses);
  }
}
