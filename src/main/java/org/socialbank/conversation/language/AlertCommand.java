package org.socialbank.conversation.language;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialbank.shared.Network;

/**
 * A chat command on transaction alerts (issue 17): "alerts off", "alerts on", "alerts min 100",
 * "send alerts to WeChat", and the same in French ("alertes désactivées", "envoie les alertes sur
 * WeChat"), Russian ("уведомления выкл", "уведомления от 100"), Persian ("هشدار خاموش",
 * "هشدارها را به تلگرام بفرست") and Chinese ("关闭提醒", "提醒发到微信"); a digest instead of each
 * alert ("alerts daily", "weekly digest", "résumé hebdomadaire", "еженедельная сводка",
 * "خلاصه هفتگی", "每周汇总") or each at once again ("alerts instant"), and quiet hours ("quiet hours
 * 22:00-07:00", "heures calmes 22h-7h", "тихие часы с 22 до 7", "ساعات سکوت ۲۲ تا ۷", "免打扰
 * 22:00-07:00", "quiet hours off"). Read only when it is the whole text. Pure.
 */
public sealed interface AlertCommand {

    record Off() implements AlertCommand {}

    record On() implements AlertCommand {}

    /** @param amount in units of the customer's primary currency, as typed */
    record Min(BigDecimal amount) implements AlertCommand {
        public Min {
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** @param channel the network named, empty when it names none the bank knows */
    record SendTo(Optional<Network> channel, String named) implements AlertCommand {}

    /** @param how {@code instant}, {@code daily} or {@code weekly} (the alerts module's wire names) */
    record Delivery(String how) implements AlertCommand {}

    /** Quiet hours from {@code from} to {@code to} local time (wrapping midnight when from is later). */
    record Quiet(java.time.LocalTime from, java.time.LocalTime to) implements AlertCommand {}

    record QuietOff() implements AlertCommand {}

    /** A link to the alert settings page (issue 17, 1.11): "alert settings", "réglages des alertes", "提醒设置". */
    record Page() implements AlertCommand {}

    /** The longest text read. */
    int TEXT_LENGTH_MAX = 64;

    /** "alerts", in the five languages (as {@link Text#key} spells them: lower case, no Latin accents). */
    String ALERTS =
            "(?:transaction )?(?:alerts?|notifications?|alertes?|уведомления|оповещения|هشدار(?:ها)?|هشدار تراکنش|提醒|动账提醒|通知)";

    Pattern OFF = Pattern.compile("(?:turn )?" + ALERTS + " ?(?:off|stop|disable|disabled|desactivees?|desactiver|"
            + "выкл|выключить|отключить|خاموش|خاموش کن|关闭|关)|(?:关闭|关掉)" + ALERTS);
    Pattern ON = Pattern.compile("(?:turn )?" + ALERTS + " ?(?:on|start|enable|enabled|activees?|activer|"
            + "вкл|включить|روشن|روشن کن|开启|开)|(?:开启|打开)" + ALERTS);
    Pattern MIN =
            Pattern.compile(ALERTS + " ?(?:min|minimum|above|over|from|a partir de|des|от|свыше|از|بالای|超过|以上)? ?"
                    + "(\\d{1,12}(?:\\.\\d{1,4})?)(?: ?(?:以上|به بالا))?");
    Pattern SEND_TO = Pattern.compile("(?:send |envoie |envoyer |присылай |отправляй |присылать )?(?:my |les |mes )?"
            + ALERTS + " ?(?:to|on|via|in|sur|vers|в|на|به|را به|发到|发送到|发至) ?(?:my )?(.{1,20}?)(?: ?بفرست)?");

    String QUIET_WORDS = "(?:quiet hours?|quiet time|quiet|do not disturb|dnd|heures? calmes?|heures? de silence|"
            + "ne pas deranger|тихие часы|тихий режим|не беспокоить|ساعات سکوت|ساعت سکوت|سکوت|مزاحم نشو|免打扰|勿扰)";
    String CLOCK = "(\\d{1,2})(?:[:h.](\\d{2}))?(?: ?h)?";
    Pattern QUIET = Pattern.compile("(?:" + ALERTS + " )?" + QUIET_WORDS + " ?(?:from |de |с |از |从)?" + CLOCK
            + " ?(?:-|–|—|to|a|au|до|по|تا|至|到|~) ?" + CLOCK);
    Pattern QUIET_OFF = Pattern.compile("(?:" + ALERTS + " )?" + QUIET_WORDS + " ?(?:off|none|no|stop|disable|"
            + "desactivees?|desactiver|выкл|выключить|отключить|خاموش|لغو|关闭|关|取消)|(?:关闭|关掉|取消)" + QUIET_WORDS);
    Pattern DAILY = Pattern.compile("(?:" + ALERTS + " ?(?:daily|once a day|par jour|quotidiennes?|раз в день|"
            + "ежедневно|روزانه|每日汇总|每天汇总)|(?:daily digest|daily summary|resume quotidien|ежедневная сводка|"
            + "خلاصه روزانه|每日汇总|每天汇总))");
    Pattern WEEKLY = Pattern.compile("(?:" + ALERTS + " ?(?:weekly|once a week|par semaine|hebdomadaires?|"
            + "раз в неделю|еженедельно|هفتگی|每周汇总)|(?:weekly digest|weekly summary|resume hebdomadaire|"
            + "еженедельная сводка|خلاصه هفتگی|每周汇总))");
    Pattern INSTANT = Pattern.compile("(?:" + ALERTS + " ?(?:instant|instantly|each time|every time|right away|"
            + "immediates?|immediatement|en temps reel|сразу|мгновенно|فوری|即时|实时)|即时提醒|实时提醒)");

    /** "alert settings" in the five languages (the Russian and Persian genitive too: "настройки уведомлений"). */
    Pattern PAGE = Pattern.compile("(?:my )?" + ALERTS + " ?(?:settings?|preferences|page|parametres|reglages|设置)|"
            + "(?:settings|preferences|parametres|reglages|configurer|настройки|настроить|تنظیمات|设置) ?(?:of |for |des |de |les )?"
            + "(?:" + ALERTS + "|уведомлений|оповещений)");

    /** The command the whole text is, or empty. */
    static Optional<AlertCommand> read(String text) {
        if (text == null || text.length() > TEXT_LENGTH_MAX) {
            return Optional.empty();
        }
        String t =
                Text.key(Text.normalize(text)).strip().replaceAll("[.!]+$", "").replaceAll("\\s+", " ");
        Optional<AlertCommand> setting = setting(t);
        if (setting.isPresent()) {
            return setting;
        }
        if (OFF.matcher(t).matches()) {
            return Optional.of(new Off());
        }
        if (ON.matcher(t).matches()) {
            return Optional.of(new On());
        }
        Matcher min = MIN.matcher(t);
        if (min.matches()) {
            return Optional.of(new Min(new BigDecimal(min.group(1))));
        }
        Matcher to = SEND_TO.matcher(t);
        if (to.matches()) {
            String named = to.group(1).strip();
            return Optional.of(new SendTo(network(named), named));
        }
        return Optional.empty();
    }

    /** A digest or quiet-hours command, read before the others ("alerts daily" is no minimum). */
    private static Optional<AlertCommand> setting(String t) {
        if (PAGE.matcher(t).matches()) {
            return Optional.of(new Page());
        }
        if (DAILY.matcher(t).matches()) {
            return Optional.of(new Delivery("daily"));
        }
        if (WEEKLY.matcher(t).matches()) {
            return Optional.of(new Delivery("weekly"));
        }
        if (INSTANT.matcher(t).matches()) {
            return Optional.of(new Delivery("instant"));
        }
        if (QUIET_OFF.matcher(t).matches()) {
            return Optional.of(new QuietOff());
        }
        Matcher quiet = QUIET.matcher(t);
        if (quiet.matches()) {
            Optional<java.time.LocalTime> from = clock(quiet.group(1), quiet.group(2));
            Optional<java.time.LocalTime> to = clock(quiet.group(3), quiet.group(4));
            if (from.isPresent() && to.isPresent() && !from.get().equals(to.get())) {
                return Optional.of(new Quiet(from.get(), to.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<java.time.LocalTime> clock(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = minutes == null ? 0 : Integer.parseInt(minutes);
        return h <= 23 && m <= 59 ? Optional.of(java.time.LocalTime.of(h, m)) : Optional.empty();
    }

    private static Optional<Network> network(String named) {
        String n = named.replace(" ", "").replace("-", "");
        return switch (n) {
            case "telegram", "телеграм", "телеграмм", "تلگرام", "电报" -> Optional.of(Network.TELEGRAM);
            case "bale", "бале", "بله" -> Optional.of(Network.BALE);
            case "wechat", "weixin", "微信", "вичат", "ویچت" -> Optional.of(Network.WECHAT);
            case "whatsapp", "ватсап", "вотсап", "واتساپ" -> Optional.of(Network.WHATSAPP);
            case "webchat", "web", "thewebchat", "website", "lechatweb", "вебчат", "网页聊天" ->
                Optional.of(Network.WEBCHAT);
            case "x", "twitter", "твиттер", "توییتر", "推特" -> Optional.of(Network.X);
            default -> Optional.empty();
        };
    }
}
