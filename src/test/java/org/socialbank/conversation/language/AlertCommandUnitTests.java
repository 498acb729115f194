package org.socialbank.conversation.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalTime;
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

    /** Issue 17, 1.11: the settings page's link is asked for in each language; no other command is taken for it. */
    @Test
    void readsAskingForTheSettingsPageInTheFiveLanguages() {
        for (String asked : new String[] {
            "alert settings",
            "My alerts settings",
            "réglages des alertes",
            "Paramètres des alertes",
            "настройки уведомлений",
            "تنظیمات هشدار",
            "تنظیمات هشدارها",
            "提醒设置"
        }) {
            assertThat(AlertCommand.read(asked)).as(asked).containsInstanceOf(AlertCommand.Page.class);
        }
        assertThat(AlertCommand.read("alerts min 100")).contains(new AlertCommand.Min(new BigDecimal("100")));
        assertThat(AlertCommand.read("settings")).isEmpty();
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
    void readsDigestsAndQuietHoursInTheFiveLanguages() {
        AlertCommand daily = new AlertCommand.Delivery("daily");
        AlertCommand weekly = new AlertCommand.Delivery("weekly");
        AlertCommand instant = new AlertCommand.Delivery("instant");
        assertThat(AlertCommand.read("alerts daily")).contains(daily);
        assertThat(AlertCommand.read("Weekly digest")).contains(weekly);
        assertThat(AlertCommand.read("alerts instant")).contains(instant);
        assertThat(AlertCommand.read("résumé hebdomadaire")).contains(weekly);
        assertThat(AlertCommand.read("alertes quotidiennes")).contains(daily);
        assertThat(AlertCommand.read("еженедельная сводка")).contains(weekly);
        assertThat(AlertCommand.read("уведомления сразу")).contains(instant);
        assertThat(AlertCommand.read("خلاصه روزانه")).contains(daily);
        assertThat(AlertCommand.read("هشدار هفتگی")).contains(weekly);
        assertThat(AlertCommand.read("每周汇总")).contains(weekly);
        assertThat(AlertCommand.read("即时提醒")).contains(instant);

        AlertCommand night = new AlertCommand.Quiet(LocalTime.of(22, 0), LocalTime.of(7, 0));
        assertThat(AlertCommand.read("quiet hours 22:00-07:00")).contains(night);
        assertThat(AlertCommand.read("heures calmes de 22h à 7h")).contains(night);
        assertThat(AlertCommand.read("тихие часы с 22 до 7")).contains(night);
        assertThat(AlertCommand.read("ساعات سکوت ۲۲ تا ۷")).contains(night);
        assertThat(AlertCommand.read("免打扰 22：00-07：00")).contains(night);
        assertThat(AlertCommand.read("quiet 23:30 to 6:15"))
                .contains(new AlertCommand.Quiet(LocalTime.of(23, 30), LocalTime.of(6, 15)));
        assertThat(AlertCommand.read("quiet hours off")).containsInstanceOf(AlertCommand.QuietOff.class);
        assertThat(AlertCommand.read("тихие часы выкл")).containsInstanceOf(AlertCommand.QuietOff.class);
        assertThat(AlertCommand.read("关闭免打扰")).containsInstanceOf(AlertCommand.QuietOff.class);
        assertThat(AlertCommand.read("quiet hours 25:00-07:00"))
                .as("no such hour")
                .isEmpty();
        assertThat(AlertCommand.read("quiet hours 7-7")).as("an empty span").isEmpty();
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
        assertThat(AlertCommand.read("alerts off " + "x".repeat(AlertCommand.TEXT_LENGTH_MAX)))
                .isEmpty();
    }
}
