package org.socialbank;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Domain logic stays free of the web; the posting engine is free of Spring and SQL altogether. */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.socialbank");

    @Test
    void onlyWebAdaptersUseTheWebLayer() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..web..", "org.socialbank.security..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.springframework.http..")
                .check(CLASSES);
    }

    @Test
    void thePostingEngineIsPlainJava() {
        noClasses()
                .that()
                .resideInAPackage("org.socialbank.ledger.posting..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "tools.jackson..")
                .check(CLASSES);
    }
}
