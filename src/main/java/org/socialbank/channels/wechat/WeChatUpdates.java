package org.socialbank.channels.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.shared.Network;

/**
 * Reads one WeChat callback (its XML fields) as what the conversation engine understands. The
 * message id, the key of the engine's once-only handling, is {@code MsgId} for messages; events
 * have none, so theirs is made of the sender, {@code CreateTime}, the event and its key: a retry
 * of one event has the same, two distinct events (another key, another second) do not.
 */
public final class WeChatUpdates {

    /** Menu keys and the command each stands for. */
    public static final Map<String, String> MENU_COMMANDS =
            Map.of("BALANCE", "balance", "PAY", "pay", "BILLS", "history", "BRANCHES", "branches", "ASSISTANT", "help");

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]{1," + Inbound.REFERENCE_LENGTH_MAX + "}");
    private static final Pattern OPEN_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern SCENE = Pattern.compile("[\\p{Graph}]{1,64}");
    private static final String QR_SCENE = "qrscene_";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

    private WeChatUpdates() {}

    /** What a callback asks of the bank. */
    public sealed interface Read permits Message, Unsubscribed, Ignored, Unreadable, MassSendFinished {}

    /**
     * WeChat finished a mass send (issue 17, 3.13: {@code MASSSENDJOBFINISH}): its {@code msg_id},
     * its status ({@code send success}, {@code send fail}, {@code err(<code>)}) and its counts.
     */
    public record MassSendFinished(long msgId, String status, int total, int filtered, int sent, int errors)
            implements Read {}

    /** A message or event for the engine; it opens the 48-hour customer-service window. */
    public record Message(InboundMessage message) implements Read {}

    /** The follower left: the engine hears {@code Stop}, and the follower's WeChat data goes. */
    public record Unsubscribed(InboundMessage message) implements Read {}

    /** Nothing to do (a report, a link opened, a template's delivery receipt). */
    public record Ignored(String why) implements Read {}

    /** A follower's message the bank cannot read (an image, a voice note): a polite default answer. */
    public record Unreadable(String openId) implements Read {}

    /** Reads the fields; throws IllegalArgumentException for a callback that is not well formed. */
    public static Read read(Map<String, String> xml) {
        String from = require(xml, "FromUserName", OPEN_ID);
        String type = xml.getOrDefault("MsgType", "");
        if ("event".equals(type)) {
            return event(xml, from);
        }
        String msgId = require(xml, "MsgId", DIGITS);
        if ("text".equals(type)) {
            String menuId = xml.getOrDefault("bizmsgmenuid", "");
            Inbound content = REFERENCE.matcher(menuId).matches()
                    ? new Inbound.Button(menuId)
                    : new Inbound.Text(cut(xml.getOrDefault("Content", "")));
            return new Message(message("m:" + msgId, from, content));
        }
        if ("location".equals(type)) {
            return new Message(message("m:" + msgId, from, location(xml)));
        }
        return new Unreadable(from);
    }

    private static Read event(Map<String, String> xml, String from) {
        String event = xml.getOrDefault("Event", "").toLowerCase(Locale.ROOT);
        String key = xml.getOrDefault("EventKey", "");
        String id = eventId(from, require(xml, "CreateTime", DIGITS), event, key);
        switch (event) {
            case "subscribe", "scan":
                return new Message(message(id, from, new Inbound.Start()));
            case "unsubscribe":
                return new Unsubscribed(message(id, from, new Inbound.Stop()));
            case "masssendjobfinish":
                return new MassSendFinished(
                        Long.parseLong(require(xml, "MsgID", DIGITS)),
                        xml.getOrDefault("Status", ""),
                        count(xml, "TotalCount"),
                        count(xml, "FilterCount"),
                        count(xml, "SentCount"),
                        count(xml, "ErrorCount"));
            case "click":
                String command = MENU_COMMANDS.get(key);
                return command == null
                        ? new Ignored("unknown menu key")
                        : new Message(message(id, from, new Inbound.Text(command)));
            default:
                // VIEW (a menu link opened), LOCATION (a periodic report, not a request), TEMPLATESENDJOBFINISH
                return new Ignored("event " + event);
        }
    }

    private static int count(Map<String, String> xml, String field) {
        String value = xml.getOrDefault(field, "0");
        return DIGITS.matcher(value).matches() && value.length() <= 9 ? Integer.parseInt(value) : 0;
    }

    /**
     * The QR code scene of a {@code subscribe} ({@code EventKey = qrscene_<scene>}) or {@code SCAN}
     * ({@code EventKey = <scene>}) event; WeChat's scene strings are 1..64 characters.
     */
    public static Optional<String> scene(Map<String, String> xml) {
        if (!"event".equals(xml.get("MsgType"))) {
            return Optional.empty();
        }
        String event = xml.getOrDefault("Event", "").toLowerCase(Locale.ROOT);
        String key = xml.getOrDefault("EventKey", "");
        String scene = "subscribe".equals(event) && key.startsWith(QR_SCENE)
                ? key.substring(QR_SCENE.length())
                : "scan".equals(event) ? key : "";
        return SCENE.matcher(scene).matches() ? Optional.of(scene) : Optional.empty();
    }

    private static Inbound.Location location(Map<String, String> xml) {
        try {
            return new Inbound.Location(
                    Double.parseDouble(xml.getOrDefault("Location_X", "")),
                    Double.parseDouble(xml.getOrDefault("Location_Y", "")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a location needs Location_X and Location_Y");
        }
    }

    private static InboundMessage message(String id, String from, Inbound content) {
        return new InboundMessage(Network.WECHAT, id, from, null, null, content);
    }

    /** At most 128 characters: the parts themselves while they fit, else their hash. */
    static String eventId(String from, String createTime, String event, String key) {
        String id = "e:" + from + ":" + createTime + ":" + event + ":" + key;
        if (id.length() <= InboundMessage.MESSAGE_ID_LENGTH_MAX && id.chars().noneMatch(Character::isISOControl)) {
            return id;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "eh:" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String require(Map<String, String> xml, String name, Pattern pattern) {
        String value = xml.get(name);
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " is missing or malformed");
        }
        return value;
    }

    private static String cut(String text) {
        String clean = text.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "");
        return clean.length() > Inbound.TEXT_LENGTH_MAX ? clean.substring(0, Inbound.TEXT_LENGTH_MAX) : clean;
    }
}
