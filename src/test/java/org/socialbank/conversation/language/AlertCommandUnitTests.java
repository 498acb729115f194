package org.socialbank.conversation.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.Network;

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
    void readsTheCommandsInTheOtherFourLanguages() {
        assertThat(AlertCommand.read("Alertes désactivées")).containsInstanceOf(AlertCommand.Off.class);
        assertThat(AlertCommand.read("alertes activées")).containsInstanceOf(AlertCommand.On.class);
        assertThat(AlertCommand.read("alertes à partir de 50")).contains(new AlertCommand.Min(new BigDecimal("50")));
        assertThat(AlertCommand.read("envoie les alertes sur WeChat"))
                .contains(new AlertCommand.SendTo(Optional.of(Network.WECHAT), "wechat"));
        assertThat(AlertCommand.read("Уведомления выкл")).containsInstanceOf(AlertCommand.Off.class);
        assertThat(AlertCommand.read("уведомления от 1000")).contains(new AlertCommand.Min(new BigDecimal("1000")));
        assertThat(AlertCommand.read("присылай уведомления в Телеграм"))
                .contains(new AlertCommand.SendTo(Optional.of(Network.TELEGRAM), "телеграм"));
        assertThat(AlertCommand.read("هشدار خاموش")).containsInstanceOf(AlertCommand.Off.class);
        assertThat(AlertCommand.read("هشدار از ۵۰۰۰۰")).contains(new AlertCommand.Min(new BigDecimal("50000")));
        assertThat(AlertCommand.read("هشدارها را به تلگرام بفرست"))
                .contains(new AlertCommand.SendTo(Optional.of(Network.TELEGRAM), "تلگرام"));
        assertThat(AlertCommand.read("关闭提醒")).containsInstanceOf(AlertCommand.Off.class);
        assertThat(AlertCommand.read("开启提醒")).containsInstanceOf(AlertCommand.On.class);
        assertThat(AlertCommand.read("提醒100以上")).contains(new AlertCommand.Min(new BigDecimal("100")));
        assertThat(AlertCommand.read("提醒发到微信")).contains(new AlertCommand.SendTo(Optional.of(Network.WECHAT), "微信"));
    }

    @Test
    void otherTextsAreNoAlertCommand() {
        assertThat(AlertCommand.read("alerts about my payment")).isEmpty();
        assertThat(AlertCommand.read("переведи 100 на карту")).isEmpty();
        assertThat(AlertCommand.read("۵۰ هزار تومان به ۰۹۱۲۳۴۵۶۷۸۹ بفرست")).isEmpty();
        assertThat(AlertCommand.read("给@wang转五百元")).isEmpty();
        assertThat(AlertCommand.read("send 10 to @bob")).isEmpty();
        assertThat(AlertCommand.read("stop")).isEmpty();
        assertThat(AlertCommand.read("alerts min -5")).isEmpty();
        assertThat(AlertCommand.read("alerts off " + "x".repeat(AlertCommand.TEXT_LENGTH_MAX))).isEmpty();
    }
}
