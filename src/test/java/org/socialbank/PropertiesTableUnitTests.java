package org.socialbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The README's settings tables name every property of every {@code @ConfigurationProperties} record
 * of the bank, as application.yml promises (review 2026-12-07 docs follow-up: some 60 were missing).
 * A row names a property in backticks; {@code `a.b.c` / `d`} names {@code a.b.d} too, a segment in
 * angle brackets stands for any key. A map is listed by its own name or by any key under it; a
 * nested record by each of its properties. A {@code ${socialbank...}} placeholder in the code (a
 * scheduler's interval) is a property too.
 */
class PropertiesTableUnitTests {

    private static final Pattern ROW = Pattern.compile("^\\|((?:[^|\\\\]|\\\\.)*)\\|", Pattern.MULTILINE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(socialbank\\.[A-Za-z0-9.-]+)");
    private static final Pattern ROOT = Pattern.compile("(socialbank|spring|server|management)\\..*");
    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    private static final int NESTING_MAX = 6;

    @Test
    @DisplayName("the README lists every property of every settings record (review 2026-12-07 docs follow-up)")
    void everyPropertyIsInTheReadme() throws IOException {
        List<String[]> listed = listed(Files.readString(Path.of("README.md")));
        TreeSet<String> properties = new TreeSet<>(properties());
        properties.addAll(placeholders());

        assertThat(properties).hasSizeGreaterThan(250);
        assertThat(properties.stream().filter(p -> !covered(p, listed)).toList())
                .as("properties missing from the README's settings tables")
                .isEmpty();
    }

    /** The {@code ${socialbank...}} placeholders of the main code, relaxed. */
    private static List<String> placeholders() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = PLACEHOLDER.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(relaxed(m.group(1)));
                }
            }
        }
        return List.copyOf(names);
    }

    /** Every property name, relaxed (lower case, no dashes); a map's name ends with ".<>". */
    private static List<String> properties() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        TreeSet<String> names = new TreeSet<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("org.socialbank")) {
            Class<?> type = load(definition.getBeanClassName());
            if (type.isRecord() && isMain(type)) {
                walk(type.getAnnotation(ConfigurationProperties.class).value(), type, names, 0);
            }
        }
        return List.copyOf(names);
    }

    private static void walk(String prefix, Class<?> type, Collection<String> names, int depth) {
        assertThat(depth).as("nesting under " + prefix).isLessThan(NESTING_MAX);
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + name(component);
            Class<?> value = component.getType();
            if (Map.class.isAssignableFrom(value)) {
                names.add(relaxed(name) + ".<>");
            } else if (value.isRecord() && value.getName().startsWith("org.socialbank.") && hasSettings(value)) {
                walk(name, value, names, depth + 1);
            } else {
                names.add(relaxed(name));
            }
        }
    }

    /** A nested record of settings, not a value bound from one string (such records take a String). */
    private static boolean hasSettings(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        return !(components.length == 1 && components[0].getType() == String.class);
    }

    private static String name(RecordComponent component) {
        Name given = canonicalParameterName(component);
        return given != null ? given.value() : component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2");
    }

    private static Name canonicalParameterName(RecordComponent component) {
        Class<?>[] types = Arrays.stream(component.getDeclaringRecord().getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            var constructor = component.getDeclaringRecord().getDeclaredConstructor(types);
            List<String> names = Arrays.stream(component.getDeclaringRecord().getRecordComponents())
                    .map(RecordComponent::getName)
                    .toList();
            int index = names.indexOf(component.getName());
            return constructor.getParameters()[index].getAnnotation(Name.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names the README's table rows give, as segments. */
    private static List<String[]> listed(String readme) {
        List<String[]> names = new ArrayList<>();
        Matcher row = ROW.matcher(readme);
        while (row.find()) {
            String prefix = null;
            Matcher ticked = TICKED.matcher(row.group(1));
            while (ticked.find()) {
                String token = ticked.group(1).strip();
                if (ROOT.matcher(token).matches()) {
                    prefix = token.substring(0, token.lastIndexOf('.'));
                    names.add(relaxed(token).split("\\."));
                } else if (prefix != null && !token.isEmpty() && !token.contains(" ")) {
                    names.add(relaxed(prefix + "." + (token.startsWith(".") ? token.substring(1) : token))
                            .split("\\."));
                }
            }
        }
        return names;
    }

    private static boolean covered(String property, List<String[]> listed) {
        boolean map = property.endsWith(".<>");
        String[] wanted = (map ? property.substring(0, property.length() - 3) : property).split("\\.");
        return listed.stream().anyMatch(name -> matches(wanted, name, map));
    }

    private static boolean matches(String[] wanted, String[] name, boolean map) {
        for (int i = 0; i < name.length; i++) {
            if (i >= wanted.length) {
                return map;
            }
            if (!name[i].startsWith("<") && !name[i].equals(wanted[i])) {
                return false;
            }
        }
        return name.length == wanted.length;
    }

    private static String relaxed(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private static boolean isMain(Class<?> type) {
        return !type.getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath()
                .contains("test-classes");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
