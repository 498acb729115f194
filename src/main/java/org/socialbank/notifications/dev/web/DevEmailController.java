package org.socialbank.notifications.dev.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialbank.notifications.EmailMessage;
import org.socialbank.notifications.dev.DevEmailInbox;
import org.socialbank.notifications.dev.EmailInboxMessage;
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
 * Shows what the developer e-mail inbox "sent", in demo mode only (the inbox holds live one-time
 * codes, and {@code /dev/**} needs no token).
 */
@DemoOnly // not even mapped outside demo mode (security review #8)
@Controller
class DevEmailController {

    static final int PAGE_MAX = 100;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final DemoMode demo;
    private final ObjectProvider<DevEmailInbox> inbox;

    DevEmailController(DemoMode demo, ObjectProvider<DevEmailInbox> inbox) {
        this.demo = demo;
        this.inbox = inbox;
    }

    record EmailJson(String to, String subject, String body, String language, String createdAt) {
        static EmailJson of(EmailInboxMessage m) {
            return new EmailJson(m.to(), m.subject(), m.body(), m.language(), m.createdAt().toString());
        }
    }

    record EmailRow(String to, String subject, String body, String language, String createdAt, String time) {
    }

    @GetMapping("/dev/email")
    ModelAndView page(@RequestParam(required = false) String to) {
        if (!available()) {
            View notFound = (model, request, response) -> Problems.write(response, HttpStatus.NOT_FOUND,
                    "not_found", notHere());
            return new ModelAndView(notFound);
        }
        Optional<String> address = address(to);
        ModelAndView page = new ModelAndView("dev/email");
        page.addObject("to", address.orElse(""));
        page.addObject("max", PAGE_MAX);
        if (address.isPresent() && !EmailMessage.isAddress(address.get())) {
            page.addObject("error", "Not an e-mail address, such as camille@example.fr.");
            page.addObject("messages", List.of());
            return page;
        }
        page.addObject("messages", read(address, PAGE_MAX).stream().map(m -> new EmailRow(m.to(), m.subject(),
                m.body(), m.language(), m.createdAt().toString(), TIME.format(m.createdAt()))).toList());
        return page;
    }

    /** The newest e-mails, newest first, to one address when {@code to} is given. */
    @GetMapping("/dev/email.json")
    @ResponseBody
    ResponseEntity<?> json(@RequestParam(required = false) String to,
            @RequestParam(defaultValue = "50") int limit) {
        if (!available()) {
            return Problems.response(Problems.of(HttpStatus.NOT_FOUND, "not_found", notHere()));
        }
        Optional<String> address = address(to);
        if (address.isPresent() && !EmailMessage.isAddress(address.get())) {
            throw new IllegalArgumentException("'to' must be an e-mail address, such as camille@example.fr");
        }
        return ResponseEntity.ok(Map.of("messages", read(address, limit).stream().map(EmailJson::of).toList()));
    }

    private boolean available() {
        return demo.enabled() && inbox.getIfAvailable() != null;
    }

    private List<EmailInboxMessage> read(Optional<String> address, int limit) {
        DevEmailInbox messages = inbox.getObject();
        return address.isPresent() ? messages.newestTo(address.get(), limit) : messages.newest(limit);
    }

    private static Optional<String> address(String to) {
        return to == null || to.isBlank() ? Optional.empty() : Optional.of(to.strip());
    }

    private String notHere() {
        return demo.enabled() ? "This node sends e-mails through a real gateway; it has no developer inbox."
                : "The developer e-mail inbox exists only in demo mode.";
    }
}
