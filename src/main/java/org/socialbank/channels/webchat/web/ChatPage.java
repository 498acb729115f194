package org.socialbank.channels.webchat.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.channels.webchat.WebChatMessages;
import org.socialbank.channels.webchat.WebChatProperties;
import org.socialbank.conversation.Conversations;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.conversation.Received;
import org.socialbank.shared.Network;
import org.socialbank.shared.Secrets;
import org.socialbank.shared.Uuids;
import org.socialbank.shared.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bank's web chat: the page, what the visitor sends, and what the bank answered (history as
 * JSON, new messages by Server-Sent Events in {@link ChatStream}). Everything is keyed on the
 * visitor's server-signed session cookie ({@link Visitors}); without one nothing is read or
 * written. Messages are limited per visitor and per network address.
 */
@Controller
class ChatPage {

    static final int LABEL_LENGTH_MAX = 64;
    /** The refusal of an ended session's cookie, in the visitor's language (chat.js shows it). */
    static final String SESSION_ENDED = "webchat.session_ended";
    /** The refusal of a request without the chat's cookie, in the visitor's language. */
    static final String NO_VISITOR = "webchat.no_visitor";
    /** The refusal of a message whose id the page did not make, in the visitor's language. */
    static final String BAD_MESSAGE_ID = "webchat.bad_message_id";

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Conversations conversations;
    private final WebChatMessages messages;
    private final WebChatProperties properties;
    private final Visitors visitors;
    private final WebChatSessions sessions;
    private final MessageSource texts;
    private final Clock clock;
    private final org.socialbank.conversation.ChatSettings settings;

    ChatPage(
            Conversations conversations,
            WebChatMessages messages,
            WebChatProperties properties,
            Visitors visitors,
            WebChatSessions sessions,
            MessageSource texts,
            Clock clock,
            org.socialbank.conversation.ChatSettings settings) {
        this.settings = settings;
        this.conversations = conversations;
        this.messages = messages;
        this.properties = properties;
        this.visitors = visitors;
        this.sessions = sessions;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/chat")
    String page(HttpServletRequest request, HttpServletResponse response, org.springframework.ui.Model model) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Optional<String> visitor = visitors.visitor(request);
        if (visitor.isEmpty() || sessions.check(visitor.get()) == WebChatSessions.State.ENDED) {
            // a cookie the server did not sign, or a session that ended: a new visitor, never the old one
            response.addHeader(
                    HttpHeaders.SET_COOKIE, visitors.setCookie(visitors.mint().cookie()));
        } else {
            speakAsThePage(request, visitor.get(), model);
        }
        return "chat/page";
    }

    /**
     * Issue 13: the page language and the bot's language are one setting. A language chosen on the
     * page's language bar ({@code ?lang=zh}) is the chat's (its customer's, when linked), so the
     * bank answers in it; otherwise the page speaks the chat's language, as the bank does.
     */
    private void speakAsThePage(HttpServletRequest request, String visitor, org.springframework.ui.Model model) {
        Optional<org.socialbank.shared.Language> asked =
                org.socialbank.shared.Language.fromTag(String.valueOf(request.getParameter("lang")));
        if (asked.isPresent()) {
            // review 2026-12-07: the cookie is SameSite=Lax, so another site's link reaches here with it;
            // such a link shows the page in its language but never changes the chat's (the customer's)
            if (chosenHere(request)) {
                settings.choose(Network.WEBCHAT, visitor, asked.get());
            }
            return;
        }
        settings.of(Network.WEBCHAT, visitor).ifPresent(s -> {
            org.socialbank.shared.web.PageSettings.use(request, s.language().locale(), s.chosenZone());
            if (s.chosenZone() != null) {
                model.addAttribute("chatZone", s.chosenZone().getId());
            }
        });
    }

    /**
     * The reader chose the language on this page or typed the address herself (Fetch Metadata:
     * {@code same-origin} or {@code none}). Another site's link or a browser that sends no {@code
     * Sec-Fetch-Site} (older than 2023) is not a choice the bank stores.
     */
    static boolean chosenHere(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return "same-origin".equals(site) || "none".equals(site);
    }

    /** What chat.js may post as JSON instead of a form; the CSRF token then goes in {@code X-XSRF-TOKEN}. */
    record MessageJson(String id, String text, String button, String label, Double lat, Double lon) {}

    @PostMapping(
            value = "/chat/messages",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Object> sendJson(HttpServletRequest request, @RequestBody MessageJson body, Locale locale) {
        return send(
                request,
                body.id() == null ? "" : body.id(),
                body.text(),
                body.button(),
                body.label() == null ? "" : body.label(),
                body.lat(),
                body.lon(),
                locale);
    }

    @PostMapping(value = "/chat/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Object> send(
            HttpServletRequest request,
            @RequestParam(defaultValue = "") String id,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String button,
            @RequestParam(defaultValue = "") String label,
            @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lon,
            Locale locale) {
        Optional<String> visitor = visitors.visitor(request);
        if (visitor.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "no_visitor", texts.getMessage(NO_VISITOR, null, locale));
        }
        if (!isUuid(id)) {
            return problem(HttpStatus.BAD_REQUEST, "bad_message_id", texts.getMessage(BAD_MESSAGE_ID, null, locale));
        }
        Optional<Inbound> content =
                lat != null || lon != null ? location(text, button, lat, lon) : content(text, button);
        if (content.isEmpty() && text != null && text.length() > Inbound.TEXT_LENGTH_MAX) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "message_too_long",
                    texts.getMessage("chat.too_long", new Object[] {Inbound.TEXT_LENGTH_MAX}, locale));
        }
        if (content.isEmpty()) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "bad_message",
                    texts.getMessage("webchat.bad_message", new Object[] {Inbound.TEXT_LENGTH_MAX}, locale));
        }
        WebChatSessions.State state = sessions.check(visitor.get());
        if (state == WebChatSessions.State.ENDED) {
            return sessionEnded(locale);
        }
        if (messages.sentSince(visitor.get(), clock.instant().minusSeconds(60)) >= properties.messagesPerMinuteMax()) {
            return problem(
                    HttpStatus.TOO_MANY_REQUESTS, "too_many_messages", texts.getMessage("chat.too_fast", null, locale));
        }
        if (!sessions.admitFromAddress(request.getRemoteAddr())) {
            return problem(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too_many_messages_from_address",
                    texts.getMessage("webchat.too_many_from_address", null, locale));
        }
        if (state == WebChatSessions.State.LINKED) {
            sessions.seen(visitor.get());
        }
        // issue 15 and the review of typed codes: the history keeps a card number, a PIN or a code typed into the
        // chat masked (the one screen, shared.Secrets); the engine reads the text as typed
        String shown = content.get() instanceof Inbound.Text t
                ? Secrets.screen(t.text()).text()
                : content.get() instanceof Inbound.Location
                        ? "📍 " + bounded(label)
                        : bounded(label.isBlank() ? "✓" : label);
        ObjectNode payload = JSON.createObjectNode()
                .put("kind", "visitor")
                .put("text", shown)
                .put("clientId", id);
        // stored before the engine runs, so the visitor's line always comes before the bank's answer
        messages.append(visitor.get(), "in:" + id, "visitor", JSON.writeValueAsString(payload), clock.instant());
        Received received = conversations.receive(
                new InboundMessage(Network.WEBCHAT, id, visitor.get(), null, null, content.get()));
        String status = received instanceof Received.Duplicate ? "duplicate" : "handled";
        return ResponseEntity.accepted().body(JSON.createObjectNode().put("status", status));
    }

    @GetMapping(value = "/chat/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Object> history(HttpServletRequest request, Locale locale) {
        Optional<String> visitor = visitors.visitor(request);
        if (visitor.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "no_visitor", texts.getMessage(NO_VISITOR, null, locale));
        }
        if (sessions.check(visitor.get()) == WebChatSessions.State.ENDED) {
            return sessionEnded(locale);
        }
        ArrayNode list = JSON.createArrayNode();
        messages.newest(visitor.get(), properties.historyMax()).forEach(row -> list.add(ChatStream.node(row)));
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(JSON.createObjectNode().set("messages", list));
    }

    /**
     * Issue 13 (P10): the page's "share my location" button sends where the visitor is, so that
     * "branches" lists the nearest ones; alone, never with a text or a button.
     */
    private static Optional<Inbound> location(String text, String button, Double lat, Double lon) {
        if (text != null || button != null || lat == null || lon == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Inbound.Location(lat, lon));
        } catch (IllegalArgumentException outside) {
            return Optional.empty();
        }
    }

    private static Optional<Inbound> content(String text, String button) {
        if ((text == null) == (button == null)) {
            return Optional.empty();
        }
        if (text != null) {
            String trimmed = text.strip();
            return trimmed.isEmpty() || text.length() > Inbound.TEXT_LENGTH_MAX
                    ? Optional.empty()
                    : Optional.of(new Inbound.Text(trimmed));
        }
        return button.isEmpty()
                        || button.length() > Inbound.REFERENCE_LENGTH_MAX
                        || button.chars().anyMatch(Character::isISOControl)
                ? Optional.empty()
                : Optional.of(new Inbound.Button(button));
    }

    private static boolean isUuid(String id) {
        if (id.length() != 36) {
            return false;
        }
        return Uuids.parse(id)
                .filter(uuid -> uuid.toString().equalsIgnoreCase(id))
                .isPresent();
    }

    private static String bounded(String label) {
        String clean = label.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return clean.length() > LABEL_LENGTH_MAX ? clean.substring(0, LABEL_LENGTH_MAX) : clean;
    }

    private ResponseEntity<Object> sessionEnded(Locale locale) {
        return problem(HttpStatus.UNAUTHORIZED, "session_ended", texts.getMessage(SESSION_ENDED, null, locale));
    }

    static ResponseEntity<Object> problem(HttpStatus status, String code, String detail) {
        return Problems.response(Problems.of(status, code, detail));
    }
}
