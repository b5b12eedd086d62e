package jp.kenpo.kiosk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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

    @ArchTest
    static final ArchRule uiPackagesAreFreeOfCycles = slices().matching("jp.kenpo.kiosk.ui.(*)..").should().beFreeOfCycles()
            .because("screens know the step contract of ui.step; only the shell knows the screens");
}
