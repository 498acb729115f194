package org.socialbank.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.language.CommandParser;
import org.socialbank.conversation.language.Context;
import org.socialbank.conversation.language.Intent;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.node.ObjectNode;

/** Issue 13: Telegram's persistent menu, in five languages, each command one the chat reads as it is. */
class TelegramMenuUnitTests {

    static final Map<String, Intent> READS_AS = Map.of(
            "balance",
            Intent.BALANCE,
            "history",
            Intent.HISTORY,
            "pay",
            Intent.PAY,
            "requests",
            Intent.REQUESTS,
            "branches",
            Intent.BRANCHES,
            "help",
            Intent.HELP,
            "language",
            Intent.LANGUAGE);

    @Test
    void everyMenuCommandIsReadAsItsIntentWhenTapped() {
        assertThat(BotLifecycle.MENU).containsExactlyInAnyOrderElementsOf(READS_AS.keySet());
        for (String command : BotLifecycle.MENU) {
            assertThat(new CommandParser()
                            .parse("/" + command, Optional.empty(), Context.of(Network.TELEGRAM, null))
                            .intent())
                    .as(command)
                    .isEqualTo(READS_AS.get(command));
        }
    }

    @Test
    void theMenuIsDescribedInEachLanguageEnglishByDefault() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        ObjectNode english = BotLifecycle.menuCommands(messages, Language.EN);
        assertThat(english.has("language_code")).isFalse();
        assertThat(english.path("commands").size()).isEqualTo(BotLifecycle.MENU.size());
        assertThat(english.path("commands").get(0).path("command").asString()).isEqualTo("balance");
        ObjectNode persian = BotLifecycle.menuCommands(messages, Language.FA);
        assertThat(persian.path("language_code").asString()).isEqualTo("fa");
        assertThat(persian.path("commands").get(0).path("description").asString())
                .contains("موجودی");
        assertThat(BotLifecycle.menuCommands(messages, Language.ZH)
                        .path("commands")
                        .get(2)
                        .path("description")
                        .asString())
                .isEqualTo("向他人付款");
    }
}
