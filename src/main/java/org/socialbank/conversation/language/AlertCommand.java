package org.socialbank.conversation.language;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialbank.directory.Network;

/**
 * A chat command on transaction alerts (issue 17), English for now: "alerts off", "alerts on",
 * "alerts min 100", "send alerts to WeChat". Read only when it is the whole text. Pure.
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

    Pattern OFF = Pattern.compile("(?:turn )?(?:transaction )?(?:alerts?|notifications?) (?:off|stop|disable|disabled)");
    Pattern ON = Pattern.compile("(?:turn )?(?:transaction )?(?:alerts?|notifications?) (?:on|start|enable|enabled)");
    Pattern MIN = Pattern.compile("(?:alerts?|notifications?) (?:min|minimum|above|over|from) (\\d{1,12}(?:\\.\\d{1,4})?)");
    Pattern SEND_TO = Pattern.compile("(?:send )?(?:my )?(?:alerts?|notifications?) (?:to|on|via|in) (?:my )?(.{1,20})");

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
            case "telegram" -> Optional.of(Network.TELEGRAM);
            case "bale" -> Optional.of(Network.BALE);
            case "wechat", "weixin", "微信" -> Optional.of(Network.WECHAT);
            case "whatsapp" -> Optional.of(Network.WHATSAPP);
            case "webchat", "web", "thewebchat", "website" -> Optional.of(Network.WEBCHAT);
            case "x", "twitter" -> Optional.of(Network.X);
            default -> Optional.empty();
        };
    }
}
