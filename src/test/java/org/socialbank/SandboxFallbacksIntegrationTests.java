package org.socialbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialbank.applications.ApplicationsProperties;
import org.socialbank.applications.ApplicationsSettings;
import org.socialbank.applications.Underwriting;
import org.socialbank.cards.CardProcessor;
import org.socialbank.loyalty.Rewards;
import org.socialbank.shared.DemoMode;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The embedded sandboxes a real bank must not use without knowing: underwriting, the rewards
 * partner and the card processor are auto-configurations, as the rail's and the billers' are. Each
 * says outside demo mode which bean to provide (nothing in demo mode), and a bean of the SPI
 * replaces it. The sandbox underwriting outside demo mode leaves the decisions to staff unless
 * {@code auto-decide} is set, and then says that loans it approves are paid out.
 */
@ExtendWith(OutputCaptureExtension.class)
class SandboxFallbacksIntegrationTests {

    static Stream<Arguments> fallbacks() {
        return Stream.of(
                Arguments.of(
                        "org.socialbank.applications.sandbox.SandboxUnderwritingConfiguration",
                        Underwriting.class,
                        "org.socialbank.applications.sandbox.SandboxUnderwriting",
                        "No underwriting is configured (an org.socialbank.applications.Underwriting bean): the sandbox "
                                + "rule set's verdicts are only recorded and staff decide every application"),
                Arguments.of(
                        "org.socialbank.loyalty.sandbox.SandboxRewardsConfiguration",
                        Rewards.class,
                        "org.socialbank.loyalty.sandbox.SandboxRewards",
                        "No rewards partner is configured (an org.socialbank.loyalty.Rewards bean)"),
                Arguments.of(
                        "org.socialbank.cards.sandbox.SandboxCardProcessorConfiguration",
                        CardProcessor.class,
                        "org.socialbank.cards.sandbox.SandboxCardProcessor",
                        "No card processor is configured (an org.socialbank.cards.CardProcessor bean)"));
    }

    @ParameterizedTest
    @MethodSource("fallbacks")
    void outsideDemoModeTheSandboxNamesTheBeanToProvide(
            String configuration, Class<?> spi, String sandbox, String warning, CapturedOutput output)
            throws Exception {
        runner(configuration, true, null).run(context -> {
            assertThat(context).hasSingleBean(Class.forName(sandbox));
            assertThat(output).as("demo mode: nothing to say").doesNotContain(warning);
        });
        runner(configuration, false, null).run(context -> {
            assertThat(context).hasSingleBean(Class.forName(sandbox));
            assertThat(output).contains(warning);
        });
    }

    @ParameterizedTest
    @MethodSource("fallbacks")
    <T> void aBeanOfTheSpiReplacesTheSandbox(
            String configuration, Class<T> spi, String sandbox, String warning, CapturedOutput output)
            throws Exception {
        T real = stub(spi);
        runner(configuration, false, null).withBean(spi, () -> real).run(context -> {
            assertThat(context).doesNotHaveBean(Class.forName(sandbox));
            assertThat(context.getBean(spi)).isSameAs(real);
            assertThat(output).doesNotContain(warning);
        });
    }

    @Test
    void theSandboxUnderwritingSetToDecideOutsideDemoModeSaysLoansArePaidOut(CapturedOutput output) throws Exception {
        runner("org.socialbank.applications.sandbox.SandboxUnderwritingConfiguration", false, true)
                .run(context -> assertThat(output)
                        .contains("the sandbox rule set decides applications and loans it approves are paid out"));
    }

    /** A bank's own bean of the SPI, never called here (the project uses no Mockito: docs/testing.md). */
    private static <T> T stub(Class<T> spi) {
        return spi.cast(Proxy.newProxyInstance(
                spi.getClassLoader(), new Class<?>[] {spi}, (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "a bank's " + spi.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                }));
    }

    /** A context of the auto-configuration alone, in or out of demo mode, with {@code auto-decide} (null: not set). */
    private static ApplicationContextRunner runner(String configuration, boolean demo, Boolean autoDecide)
            throws ClassNotFoundException {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(Class.forName(configuration)))
                .withBean(DemoMode.class, () -> new DemoMode(demo))
                .withBean(ApplicationsProperties.class, () -> ApplicationsSettings.autoDecide(autoDecide));
    }
}
