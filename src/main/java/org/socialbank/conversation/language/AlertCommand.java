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
 * "هشدارها را به تلگرام بفرست") and Chinese ("关闭提醒", "提醒发到微信"). Read only when it is the
 * whole text. Pure.
 */
public sealed interface AlertCommand {

    record Off() implements AlertCommand {
    }

    record On() implements AlertCommand {
    }

    /** @param amount in units of the customer's primary currency, as typed */
    record Min(BigDecimal amount) implements AlertCommand {
        public Min {
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** @param channel the network named, empty when it names none the bank knows */
    record SendTo(Optional<Network> channel, String named) implements AlertCommand {
    }

    /** The longest text read. */
    int TEXT_LENGTH_MAX = 64;

    /** "alerts", in the five languages (as {@link Text#key} spells them: lower case, no Latin accents). */
    String ALERTS = "(?:transaction )?(?:alerts?|notifications?|alertes?|уведомления|оповещения|هشدار(?:ها)?|هشدار تراکنش|提醒|动账提醒|通知)";

    Pattern OFF = Pattern.compile("(?:turn )?" + ALERTS + " ?(?:off|stop|disable|disabled|desactivees?|desactiver|"
            + "выкл|выключить|отключить|خاموش|خاموش کن|关闭|关)|(?:关闭|关掉)" + ALERTS);
    Pattern ON = Pattern.compile("(?:turn )?" + ALERTS + " ?(?:on|start|enable|enabled|activees?|activer|"
            + "вкл|включить|روشن|روشن کن|开启|开)|(?:开启|打开)" + ALERTS);
    Pattern MIN = Pattern.compile(ALERTS + " ?(?:min|minimum|above|over|from|a partir de|des|от|свыше|از|بالای|超过|以上)? ?"
            + "(\\d{1,12}(?:\\.\\d{1,4})?)(?: ?(?:以上|به بالا))?");
    Pattern SEND_TO = Pattern.compile("(?:send |envoie |envoyer |присылай |отправляй |присылать )?(?:my |les |mes )?"
            + ALERTS + " ?(?:to|on|via|in|sur|vers|в|на|به|را به|发到|发送到|发至) ?(?:my )?(.{1,20}?)(?: ?بفرست)?");

    /** The command the whole text is, or empty. */
    static Optional<AlertCommand> read(String text) {
        if (text == null || text.length() > TEXT_LENGTH_MAX) {
            return Optional.empty();
        }
        String t = Text.key(Text.normalize(text)).strip().replaceAll("[.!]+$", "").replaceAll("\\s+", " ");
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

    private static Optional<Network> network(String named) {
        String n = named.replace(" ", "").replace("-", "");
        return switch (n) {
            case "telegram", "телеграм", "телеграмм", "تلگرام", "电报" -> Optional.of(Network.TELEGRAM);
            case "bale", "бале", "بله" -> Optional.of(Network.BALE);
            case "wechat", "weixin", "微信", "вичат", "ویچت" -> Optional.of(Network.WECHAT);
            case "whatsapp", "ватсап", "вотсап", "واتساپ" -> Optional.of(Network.WHATSAPP);
            case "webchat", "web", "thewebchat", "website", "lechatweb", "вебчат", "网页聊天" -> Optional.of(Network.WEBCHAT);
            case "x", "twitter", "твиттер", "توییتر", "推特" -> Optional.of(Network.X);
            default -> Optional.empty();
        };
    }
}
