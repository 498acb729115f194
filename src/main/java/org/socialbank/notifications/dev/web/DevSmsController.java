package org.socialbank.notifications.dev.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialbank.notifications.SmsMessage;
import org.socialbank.notifications.dev.DevSmsInbox;
import org.socialbank.notifications.dev.InboxMessage;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.DemoOnly;
import org.socialbank.shared.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Shows what the developer inbox "sent". The security configuration lets {@code /dev/**} through
 * without a token, so this controller itself refuses outside demo mode: the inbox holds live
 * one-time codes.
 */
@DemoOnly // not even mapped outside demo mode (security review #8)
@Controller
class DevSmsController {

    static final int PAGE_MAX = 100;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final DemoMode demo;
    private final ObjectProvider<DevSmsInbox> inbox;

    DevSmsController(DemoMode demo, ObjectProvider<DevSmsInbox> inbox) {
        this.demo = demo;
        this.inbox = inbox;
    }

    record MessageJson(String to, String text, String createdAt) {
    }

    record MessageRow(String to, String text, String createdAt, String time) {
    }

    @GetMapping("/dev/sms")
    ModelAndView page(@RequestParam(required = false) String to) {
        if (!demo.enabled() || inbox.getIfAvailable() == null) {
            View notFound = (model, request, response) -> Problems.write(response, HttpStatus.NOT_FOUND,
                    "not_found", notHere());
            return new ModelAndView(notFound);
        }
        Optional<String> number = number(to);
        ModelAndView page = new ModelAndView("dev/sms");
        page.addObject("to", number.filter(SmsMessage::isE164).orElse(to == null ? "" : to.strip()));
        page.addObject("max", PAGE_MAX);
        if (number.isPresent() && !SmsMessage.isE164(number.get())) {
            page.addObject("error", "Not a phone number in E.164 form, such as +33612345678.");
            page.addObject("messages", List.of());
            return page;
        }
        page.addObject("messages", read(number, PAGE_MAX).stream().map(m -> new MessageRow(m.toE164(),
                m.text(), m.createdAt().toString(), TIME.format(m.createdAt()))).toList());
        return page;
    }

    /**
     * The newest messages, newest first. An unencoded {@code +} in a query reads as a space, so
     * {@code ?to=+336...} and {@code ?to=%2B336...} both mean the number.
     */
    @GetMapping("/dev/sms.json")
    @ResponseBody
    ResponseEntity<?> json(@RequestParam(required = false) String to,
            @RequestParam(defaultValue = "50") int limit) {
        if (!demo.enabled() || inbox.getIfAvailable() == null) {
            return Problems.response(Problems.of(HttpStatus.NOT_FOUND, "not_found", notHere()));
        }
        Optional<String> number = number(to);
        if (number.isPresent() && !SmsMessage.isE164(number.get())) {
            throw new IllegalArgumentException("'to' must be a number in E.164 form, such as +33612345678");
        }
        List<MessageJson> messages = read(number, limit).stream()
                .map(m -> new MessageJson(m.toE164(), m.text(), m.createdAt().toString())).toList();
        return ResponseEntity.ok(Map.of("messages", messages));
    }

    private List<InboxMessage> read(Optional<String> number, int limit) {
        DevSmsInbox messages = inbox.getObject();
        return number.isPresent() ? messages.newestTo(number.get(), limit) : messages.newest(limit);
    }

    /** The number without spaces and with its plus, or empty when none was asked for. */
    private static Optional<String> number(String to) {
        if (to == null || to.isBlank()) {
            return Optional.empty();
        }
        String number = to.replaceAll("\\s", "");
        return Optional.of(number.startsWith("+") ? number : "+" + number);
    }

    private String notHere() {
        return demo.enabled() ? "This node sends text messages through a real gateway; it has no developer inbox."
                : "The developer SMS inbox exists only in demo mode.";
    }
}
