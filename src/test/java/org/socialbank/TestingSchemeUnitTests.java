package org.socialbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What docs/testing.md promises of the tests themselves stays true. */
class TestingSchemeUnitTests {

    private static final Pattern FORBIDDEN =
            Pattern.compile("^import (static )?(org\\.mockito|net\\.jqwik)\\.", Pattern.MULTILINE);

    @Test
    @DisplayName("no test uses Mockito or jqwik, as docs/testing.md says (review 2026-12-07 docs follow-up)")
    void noMockitoNoJqwik() throws IOException {
        List<String> users = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                if (FORBIDDEN.matcher(text).find()) {
                    users.add(file.toString());
                }
            }
        }
        assertThat(users).as("tests that import Mockito or jqwik").isEmpty();
    }
}
