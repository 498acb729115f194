package org.socialbank;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.OperationConfirmed;
import org.socialbank.directory.OperationNotConfirmed;
import org.socialbank.directory.OperationRef;
import org.socialbank.payments.jdbc.PaymentRow;
import org.socialbank.payments.requests.jdbc.RequestRow;
import org.socialbank.shared.Digests;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.Uuids;

/**
 * Issue 14 (code health): what the clean-up removed stays removed. Each test names the item of
 * the issue it guards (docs/issue-14-checklist.md lists them all).
 */
class CodeHealthTests {

    static final Path MAIN = Path.of("src/main/java/org/socialbank");

    @Test
    @DisplayName("issue 14 item 2: no ThreadLocal back-channel between modules (events carry what listeners need)")
    void noThreadLocals() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .areAssignableTo(ThreadLocal.class)
                .check(ArchitectureTests.CLASSES);
    }

    @Test
    @DisplayName("issue 14 item 2: confirmation outcomes carry a typed owner, never a prefix parsed from a string")
    void confirmationOutcomesCarryATypedOperation() {
        for (Class<?> event : List.of(OperationConfirmed.class, OperationNotConfirmed.class)) {
            JavaClass type = ArchitectureTests.CLASSES.get(event);
            assertThat(type.getField("operation").getRawType().isEquivalentTo(OperationRef.class))
                    .as(event.getName())
                    .isTrue();
        }
        assertThat(sources()
                        .filter(s ->
                                s.text().contains("\"payment:\"") || s.text().contains("CONFIRMATION_PREFIX")))
                .as("an owner read from a reference's prefix instead of OperationRef.ownedBy")
                .isEmpty();
    }

    @Test
    @DisplayName("issue 14 item 3: linking split by use case, token states an enum, one meaning of \"linking\"")
    void linkingIsSplitByUseCase() throws IOException {
        for (String useCase : List.of("ChannelIdentities", "Linking", "Unlinking", "AuthenticatorEnrolment")) {
            Path source = MAIN.resolve("directory/" + useCase + ".java");
            assertThat(Files.readAllLines(source)).as(useCase).hasSizeLessThan(250);
        }
        assertThat(ArchitectureTests.CLASSES
                        .get("org.socialbank.directory.jdbc.TokenState")
                        .isEnum())
                .isTrue();
        assertThat(Files.exists(MAIN.resolve("directory/linking")))
                .as("directory.linking is directory.challenges")
                .isFalse();
    }

    @Test
    @DisplayName("issue 14 item 4: Language and Network are the shared kernel's, one list each")
    void kernelTypesInTheKernel() {
        classes()
                .that()
                .haveSimpleName("Language")
                .or()
                .haveSimpleName("Network")
                .should()
                .resideInAPackage("org.socialbank.shared")
                .check(ArchitectureTests.CLASSES);
    }

    @Test
    @DisplayName(
            "issue 14 item 5: names that explain themselves stay (no EngineBank, Render, Updates, Marks, services)")
    void oldNamesStayGone() {
        for (String name : List.of(
                "EngineBank",
                "Parts",
                "Render",
                "Updates",
                "Marks",
                "Money",
                "Scanner",
                "BotApi",
                "CloudApi",
                "XEvents",
                "XRender",
                "WeChatInbound",
                "WeChatTexts",
                "PaymentAwaitingClaim")) {
            noClasses().should().haveSimpleName(name).check(ArchitectureTests.CLASSES);
        }
        noClasses().should().resideInAPackage("org.socialbank.services..").check(ArchitectureTests.CLASSES);
        noClasses()
                .that()
                .resideInAPackage("org.socialbank.conversation.language..")
                .should()
                .haveSimpleName("Share")
                .check(ArchitectureTests.CLASSES); // ParsedShare: payments.requests.Share is the request's own
    }

    @Test
    @DisplayName("issue 14 item 4: one microsecond clock (Microseconds.now), not truncations repeated per class")
    void oneMicrosecondClock() {
        assertThat(sources()
                        .filter(s -> !s.path().endsWith("shared/Microseconds.java"))
                        .filter(s -> s.text().contains("truncatedTo(ChronoUnit.MICROS)")
                                || s.text().contains("truncatedTo(java.time.temporal.ChronoUnit.MICROS)")))
                .as("use " + Microseconds.class.getSimpleName())
                .isEmpty();
    }

    @Test
    @DisplayName("issue 14 item 6: payment and request rows are nested records, not dozens of positional fields")
    void rowsStayNarrow() {
        assertThat(ArchitectureTests.CLASSES.get(PaymentRow.class).getFields()).hasSizeLessThanOrEqualTo(12);
        assertThat(ArchitectureTests.CLASSES.get(RequestRow.class).getFields()).hasSizeLessThanOrEqualTo(15);
    }

    @Test
    @DisplayName(
            "issue 14 item 7: a UUID is read from text with Uuids.parse (a value), not caught out of UUID.fromString")
    void uuidsAreParsedToValues() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(Uuids.class.getName())
                .and()
                .haveSimpleNameNotEndingWith("Id") // an id record's of(...): for text the bank wrote itself
                .should()
                .callMethod(UUID.class, "fromString", String.class)
                .because("Uuids.parse answers a value; catching IllegalArgumentException hides bugs (ADR 0013)")
                .check(ArchitectureTests.CLASSES);
    }

    /**
     * The web adapters that still catch IllegalArgumentException, each around the construction of a
     * value from the request's own data (ADR 0013's {@code BadRequest.whenRefused} case). A new one
     * should use {@code BadRequest.whenRefused} or a parse that returns a value.
     */
    static final Set<String> WEB_CATCHES_OF_VALUE_CONSTRUCTION = Set.of(
            "org.socialbank.shared.web.BadRequest", // whenRefused itself
            "org.socialbank.listening.web.MentionsController", // NewMention's own checks, per mention of a batch
            "org.socialbank.channels.webchat.web.ChatPage", // Inbound.Location's range check
            "org.socialbank.cards.web.CardsController", // AutoRepayment.Mode.valueOf
            "org.socialbank.alerts.web.AlertSettingsController", // the settings' own checks, with their codes
            "org.socialbank.campaigns.web.CampaignsController"); // the definition's own checks, with their codes

    @Test
    @DisplayName("issue 14 item 7: web adapters do not catch IllegalArgumentException from calls into the bank")
    void webAdaptersDoNotCatchIllegalArgument() {
        classes()
                .that()
                .resideInAPackage("..web..")
                .should(catchNoIllegalArgumentExceptionUnlessListed())
                .check(ArchitectureTests.CLASSES);
    }

    @Test
    @DisplayName("issue 14 item 7: the catch rule above sees a catch (BadRequest.whenRefused has one)")
    void theCatchRuleSeesACatch() {
        assertThat(illegalArgumentCatches(ArchitectureTests.CLASSES.get("org.socialbank.shared.web.BadRequest")))
                .hasSize(1);
    }

    private static ArchCondition<JavaClass> catchNoIllegalArgumentExceptionUnlessListed() {
        return new ArchCondition<>("catch no IllegalArgumentException (ADR 0013) unless listed") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (WEB_CATCHES_OF_VALUE_CONSTRUCTION.contains(type.getName().replaceAll("\\$.*", ""))) {
                    return;
                }
                illegalArgumentCatches(type).forEach(where -> events.add(SimpleConditionEvent.violated(type, where)));
            }
        };
    }

    /** Where the class's code catches IllegalArgumentException itself (not a subclass). */
    private static List<String> illegalArgumentCatches(JavaClass type) {
        List<String> found = new java.util.ArrayList<>();
        for (JavaCodeUnit unit : type.getCodeUnits()) {
            for (TryCatchBlock block : unit.getTryCatchBlocks()) {
                if (block.getCaughtThrowables().stream()
                        .anyMatch(t -> t.isEquivalentTo(IllegalArgumentException.class))) {
                    found.add(
                            unit.getFullName() + " catches IllegalArgumentException " + block.getSourceCodeLocation());
                }
            }
        }
        return found;
    }

    /** STYLE.md's hard cap on a method's lines, from its first line to its closing brace. */
    static final int METHOD_LINES_MAX = 70;

    /**
     * The methods allowed to be longer: the language lexicons' data builders, which are tables of
     * words (one line a word), not control flow.
     */
    static final Set<String> LONG_METHODS = Set.of(
            "conversation/language/English.java#into",
            "conversation/language/French.java#into",
            "conversation/language/Persian.java#into",
            "conversation/language/Russian.java#into",
            "conversation/language/NumberWords.java#into");

    @Test
    @DisplayName(
            "review 2026-12-07 code health follow-up: no method in src/main is longer than 70 lines, but the lexicons' tables")
    void methodsStayShort() throws IOException {
        assertThat(methodLines(MAIN).entrySet().stream()
                        .filter(m -> m.getValue() > METHOD_LINES_MAX)
                        .filter(m -> !LONG_METHODS.contains(m.getKey().replaceAll("@\\d+$", "")))
                        .map(m -> m.getKey() + " has " + m.getValue() + " lines")
                        .toList())
                .as("methods longer than " + METHOD_LINES_MAX + " lines (STYLE.md): split them")
                .isEmpty();
    }

    @Test
    @DisplayName(
            "review 2026-12-07 code health follow-up: the method-length rule sees a method (a lexicon's long table)")
    void theLengthRuleSeesAMethod() throws IOException {
        assertThat(methodLines(MAIN.resolve("conversation/language")))
                .as("the lexicons' data builders are measured, and long")
                .hasEntrySatisfying(
                        "conversation/language/French.java#into@10",
                        lines -> assertThat(lines).isGreaterThan(METHOD_LINES_MAX));
        assertThat(LONG_METHODS)
                .as("every exception names a method that is still long")
                .allSatisfy(name -> assertThat(methodLines(MAIN).entrySet().stream()
                                .filter(m -> m.getKey().startsWith(name + "@"))
                                .mapToLong(java.util.Map.Entry::getValue)
                                .max()
                                .orElse(0))
                        .as(name)
                        .isGreaterThan(METHOD_LINES_MAX));
    }

    /**
     * Each method with a body under {@code root}, as {@code path/File.java#name@line} relative to
     * {@link #MAIN}, with its number of lines (javac's parser, so comments and strings are no trouble).
     */
    private static java.util.Map<String, Long> methodLines(Path root) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        java.util.Map<String, Long> lines = new java.util.TreeMap<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null);
                Stream<Path> walk = Files.walk(root)) {
            List<Path> sources =
                    walk.filter(f -> f.toString().endsWith(".java")).toList();
            JavacTask task = (JavacTask) compiler.getTask(
                    null, files, null, List.of("-proc:none"), null, files.getJavaFileObjectsFromPaths(sources));
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                String file = MAIN.toAbsolutePath()
                        .normalize()
                        .relativize(Path.of(unit.getSourceFile().toUri()).normalize())
                        .toString()
                        .replace('\\', '/');
                new TreeScanner<Void, Void>() {
                    @Override
                    public Void visitMethod(MethodTree method, Void unused) {
                        if (method.getBody() != null) {
                            long first = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, method));
                            long last = unit.getLineMap().getLineNumber(positions.getEndPosition(unit, method));
                            lines.put(file + "#" + method.getName() + "@" + first, last - first + 1);
                        }
                        return super.visitMethod(method, unused);
                    }
                }.scan(unit, null);
            }
        }
        return lines;
    }

    @Test
    @DisplayName("issue 14 item 8: every webhook compares its platform's secret or MAC in constant time")
    void webhookProofsAreComparedInConstantTime() {
        classes()
                .that()
                .haveFullyQualifiedName("org.socialbank.channels.telegram.ConfiguredBot")
                .or()
                .haveFullyQualifiedName("org.socialbank.channels.x.XSignatures")
                .or()
                .haveFullyQualifiedName("org.socialbank.channels.whatsapp.WhatsAppSignatures")
                .or()
                .haveFullyQualifiedName("org.socialbank.channels.wechat.WeChatCrypto")
                .should()
                .callMethod(Digests.class, "equalInConstantTime", String.class, String.class)
                .check(ArchitectureTests.CLASSES);
    }

    @Test
    @DisplayName("issue 14 item 8: one developer inbox for SMS and e-mail")
    void oneDeveloperInbox() {
        JavaClass inbox = ArchitectureTests.CLASSES.get("org.socialbank.notifications.dev.DevInbox");
        for (String kind : List.of("DevSmsInbox", "DevEmailInbox")) {
            assertThat(ArchitectureTests.CLASSES
                            .get("org.socialbank.notifications.dev." + kind)
                            .isAssignableTo(inbox.getName()))
                    .as(kind)
                    .isTrue();
        }
    }

    @Test
    @DisplayName("issue 14 item 10: every package of the application says what it owns in a package-info.java")
    void everyPackageHasAPackageInfo() throws IOException {
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            List<Path> without = dirs.filter(Files::isDirectory)
                    .filter(CodeHealthTests::holdsJava)
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                    .toList();
            assertThat(without).as("packages without package-info.java").isEmpty();
        }
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("issue 14 item 10: ADR numbers are unique")
    void adrNumbersAreUnique() throws IOException {
        try (Stream<Path> adrs = Files.list(Path.of("docs/adr"))) {
            List<String> numbers = adrs.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{4}-.*"))
                    .map(n -> n.substring(0, 4))
                    .toList();
            assertThat(numbers).doesNotHaveDuplicates();
        }
    }

    record Source(String path, String text) {}

    private static Stream<Source> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files
                    .filter(f -> f.toString().endsWith(".java"))
                    .map(f -> {
                        try {
                            return new Source(f.toString().replace('\\', '/'), Files.readString(f));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
