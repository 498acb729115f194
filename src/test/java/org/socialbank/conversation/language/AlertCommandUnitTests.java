package org.socialbank.conversation.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.Network;

/** Issue 17: the chat commands on transaction alerts. */
class AlertCommandUnitTests {

    @Test
    void readsTheCommandsAsWholeTexts() {
        assertThat(AlertCommand.read("alerts off")).containsInstanceOf(AlertCommand.Off.class);
        assertThat(AlertCommand.read("Alerts OFF!")).containsInstanceOf(AlertCommand.Off.class);
        assertThat(AlertCommand.read("turn alerts on")).containsInstanceOf(AlertCommand.On.class);
        assertThat(AlertCommand.read("alerts min 100")).contains(new AlertCommand.Min(new BigDecimal("100")));
        assertThat(AlertCommand.read("alerts above 12.50")).contains(new AlertCommand.Min(new BigDecimal("12.50")));
        assertThat(AlertCommand.read("send alerts to WeChat"))
                .contains(new AlertCommand.SendTo(Optional.of(Network.WECHAT), "wechat"));
        assertThat(AlertCommand.read("send alerts to web chat"))
                .contains(new AlertCommand.SendTo(Optional.of(Network.WEBCHAT), "web chat"));
        assertThat(AlertCommand.read("send alerts to myspace"))
                .contains(new AlertCommand.SendTo(Optional.empty(), "myspace"));
    }

    @Test
    void otherTextsAreNoAlertCommand() {
        assertThat(AlertCommand.read("send 10 to @bob")).isEmpty();
        assertThat(AlertCommand.read("stop")).isEmpty();
        assertThat(AlertCommand.read("alerts min -5")).isEmpty();
        assertThat(AlertCommand.read("alerts off " + "x".repeat(AlertCommand.TEXT_LENGTH_MAX))).isEmpty();
    }
}
