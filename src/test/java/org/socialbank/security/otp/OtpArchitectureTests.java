package org.socialbank.security.otp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.socialbank.SocialbankApplication;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;

/** Other modules may use the otp package, and it stays free of the web layer they bring. */
class OtpArchitectureTests {

    @Test
    void isTheNamedInterfaceOtpOfTheSecurityModule() {
        ApplicationModule security = ApplicationModules.of(SocialbankApplication.class)
                .getModuleByName("security")
                .orElseThrow();
        NamedInterface otp = security.getNamedInterfaces().getByName("otp").orElseThrow();
        assertThat(otp.contains(Totp.class)).isTrue();
        assertThat(otp.contains(OneTimeCodes.class)).isTrue();
    }

    @Test
    void usesNoSpringWebNorServlets() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.springframework.http..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.socialbank.security.otp"));
    }
}
