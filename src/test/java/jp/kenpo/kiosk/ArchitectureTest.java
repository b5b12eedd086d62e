package jp.kenpo.kiosk;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import jp.kenpo.kiosk.store.PrivateFiles;

/** The layering of docs/architecture.md §2, kept by the build. */
@AnalyzeClasses(packages = "jp.kenpo.kiosk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsPlainJava = noClasses().that().resideInAPackage("jp.kenpo.kiosk.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "org.opencv..", "nu.pattern..", "java.sql..", "javax.sql..", "java.net.http..",
                    "org.sqlite..", "org.flywaydb..", "com.fasterxml..", "jakarta.mail..", "picocli..")
            .because("the domain and the journey are tested without a screen, a camera, a database or a network");

    @ArchTest
    static final ArchRule coreDoesNotReachOut = noClasses().that().resideInAPackage("jp.kenpo.kiosk.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jp.kenpo.kiosk.app..", "jp.kenpo.kiosk.ui..", "jp.kenpo.kiosk.store..", "jp.kenpo.kiosk.cli..",
                    "jp.kenpo.kiosk.capture..", "jp.kenpo.kiosk.sync..", "jp.kenpo.kiosk.mail..",
                    "jp.kenpo.kiosk.central..");

    @ArchTest
    static final ArchRule uiDoesNotTalkToDatabasesOrNetworks = noClasses().that().resideInAPackage("jp.kenpo.kiosk.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "javax.sql..", "java.net.http..", "org.sqlite..", "org.flywaydb..",
                    "jp.kenpo.kiosk.store..", "jakarta.mail..")
            .because("screens reach the world only through the ports of core");

    @ArchTest
    static final ArchRule uiSeesTheCameraOnlyThroughItsPort = noClasses().that().resideInAPackage("jp.kenpo.kiosk.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("jp.kenpo.kiosk.capture..", "org.opencv..",
                    "com.github.sarxos..")
            .because("the preview reaches the screen as plain pixels through core's DocumentCamera");

    @ArchTest
    static final ArchRule viewModelsUseOnlyBeans = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
            .because("a view model is tested without a screen: javafx.beans only");

    @ArchTest
    static final ArchRule storeDoesNotKnowTheScreen = noClasses().that().resideInAPackage("jp.kenpo.kiosk.store..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "jp.kenpo.kiosk.ui..");

    /**
     * The layers of docs/architecture.md §2: the commands on top, the composition root below them, the
     * adapters (screens, sync, store, capture, mail) beside each other below that, and {@code core}
     * under everything. An adapter reaches another only through a port of {@code core}. The reference
     * central server is a second program in the same jar: besides {@code core} it reuses the kiosk's
     * database ({@code store}) and the sealing of {@code sync}, so both ends share one implementation.
     * One helper crosses between adapters: {@code store.PrivateFiles} (folders and files only the kiosk's
     * user may read), which the folder mail sender uses for its {@code .eml} files too.
     */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Commands").definedBy("jp.kenpo.kiosk.cli..")
            .layer("Composition").definedBy("jp.kenpo.kiosk.app..")
            .layer("Screens").definedBy("jp.kenpo.kiosk.ui..")
            .layer("Sync").definedBy("jp.kenpo.kiosk.sync..")
            .layer("Store").definedBy("jp.kenpo.kiosk.store..")
            .layer("Capture").definedBy("jp.kenpo.kiosk.capture..")
            .layer("Mail").definedBy("jp.kenpo.kiosk.mail..")
            .layer("Central").definedBy("jp.kenpo.kiosk.central..")
            .layer("Core").definedBy("jp.kenpo.kiosk.core..")
            .whereLayer("Commands").mayNotBeAccessedByAnyLayer()
            .whereLayer("Composition").mayOnlyBeAccessedByLayers("Commands")
            .whereLayer("Screens").mayOnlyBeAccessedByLayers("Composition", "Commands")
            .whereLayer("Capture").mayOnlyBeAccessedByLayers("Composition", "Commands")
            .whereLayer("Mail").mayOnlyBeAccessedByLayers("Composition", "Commands")
            .whereLayer("Sync").mayOnlyBeAccessedByLayers("Composition", "Commands", "Central")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("Composition", "Commands", "Central")
            .whereLayer("Central").mayOnlyBeAccessedByLayers("Composition", "Commands")
            .ignoreDependency(resideInAPackage("jp.kenpo.kiosk.mail.."), equivalentTo(PrivateFiles.class))
            .because("adapters depend on the ports of core, never on each other's classes; only the composition"
                    + " root and the commands put them together");

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices().matching("jp.kenpo.kiosk.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule uiPackagesAreFreeOfCycles = slices().matching("jp.kenpo.kiosk.ui.(*)..").should().beFreeOfCycles()
            .because("screens know the step contract of ui.step; only the shell knows the screens");
}
