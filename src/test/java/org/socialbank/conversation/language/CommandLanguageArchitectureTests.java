package org.socialbank.conversation.language;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.socialbank.SocialbankApplication;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The parser is plain Java that other modules (channels, the assistant) may call. */
class CommandLanguageArchitectureTests {

    @Test
    void isPlainJava() {
        noClasses()
                .that()
                .doNotHaveSimpleName("package-info")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "jakarta..", "tools.jackson..", "java.sql..", "javax.sql..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.socialbank.conversation.language"));
    }

    @Test
    void isTheNamedInterfaceLanguageOfTheConversationModule() {
        ApplicationModule conversation = ApplicationModules.of(SocialbankApplication.class)
                .getModuleByName("conversation")
                .orElseThrow();
        assertThat(conversation
                        .getNamedInterfaces()
                        .getByName("language")
                        .orElseThrow()
                        .contains(CommandParser.class))
                .isTrue();
    }
}
