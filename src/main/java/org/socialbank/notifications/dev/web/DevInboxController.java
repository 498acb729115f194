package org.socialbank.notifications.dev.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.socialbank.notifications.EmailMessage;
import org.socialbank.notifications.SmsMessage;
import org.socialbank.notifications.dev.DevEmailInbox;
import org.socialbank.notifications.dev.DevInbox;
import org.socialbank.notifications.dev.DevSmsInbox;
import org.socialbank.notifications.dev.EmailInboxMessage;
import org.socialbank.notifications.dev.InboxMessage;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.DemoOnly;
import org.socialbank.shared.web.BadRequest;
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
 * Shows what the developer inboxes "sent": {@code /dev/sms} and {@code /dev/email}, each as a page
 * and as JSON, newest first, optionally to one address. The security configuration lets {@code
 * /dev/**} through without a token, so this controller itself refuses outside demo mode: the
 * inboxes hold live one-time codes.
 */
@DemoOnly // not even mapped outside demo mode (security review #8)
@Controller
class DevInboxController {

    static final int PAGE_MAX = 100;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    record MessageJson(String to, String text, String createdAt) {}

    record MessageRow(String to, String text, String createdAt, String time) {}

    record EmailJson(String to, String subject, String body, String language, String createdAt) {}

    record EmailRow(String to, String subject, String body, String language, String createdAt, String time) {}

    /**
     * One inbox as its pages show it.
     *
     * @param address what {@code ?to=} means: the address, or empty when none was asked for
     * @param valid whether an address is one of this kind
     * @param row a message as the page shows it
     */
    private record Kind<M>(
            String name,
            String label,
            String noun,
            ObjectProvider<? extends DevInbox<M>> inbox,
            Function<String, Optional<String>> address,
            Predicate<String> valid,
            String pageError,
            String jsonError,
            Function<M, Object> json,
            Function<M, Object> row) {}

    private final DemoMode demo;
    private final Kind<InboxMessage> sms;
    private final Kind<EmailInboxMessage> email;

    DevInboxController(DemoMode demo, ObjectProvider<DevSmsInbox> smsInbox, ObjectProvider<DevEmailInbox> emailInbox) {
        this.demo = demo;
        this.sms = new Kind<>(
                "sms",
                "SMS",
                "text messages",
                smsInbox,
                DevInboxController::number,
                SmsMessage::isE164,
                "Not a phone number in E.164 form, such as +33612345678.",
                "'to' must be a number in E.164 form, such as +33612345678",
                m -> new MessageJson(m.toE164(), m.text(), m.createdAt().toString()),
                m -> new MessageRow(m.toE164(), m.text(), m.createdAt().toString(), TIME.format(m.createdAt())));
        this.email = new Kind<>(
                "email",
                "e-mail",
                "e-mails",
                emailInbox,
                DevInboxController::address,
                EmailMessage::isAddress,
                "Not an e-mail address, such as camille@example.fr.",
                "'to' must be an e-mail address, such as camille@example.fr",
                m -> new EmailJson(
                        m.to(),
                        m.subject(),
                        m.body(),
                        m.language(),
                        m.createdAt().toString()),
                m -> new EmailRow(
                        m.to(),
                        m.subject(),
                        m.body(),
                        m.language(),
                        m.createdAt().toString(),
                        TIME.format(m.createdAt())));
    }

    @GetMapping("/dev/sms")
    ModelAndView smsPage(@RequestParam(required = false) String to) {
        return page(sms, to);
    }

    /**
     * The newest messages, newest first. An unencoded {@code +} in a query reads as a space, so
     * {@code ?to=+336...} and {@code ?to=%2B336...} both mean the number.
     */
    @GetMapping("/dev/sms.json")
    @ResponseBody
    ResponseEntity<?> smsJson(@RequestParam(required = false) String to, @RequestParam(defaultValue = "50") int limit) {
        return json(sms, to, limit);
    }

    @GetMapping("/dev/email")
    ModelAndView emailPage(@RequestParam(required = false) String to) {
        return page(email, to);
    }

    /** The newest e-mails, newest first, to one address (whatever its case) when {@code to} is given. */
    @GetMapping("/dev/email.json")
    @ResponseBody
    ResponseEntity<?> emailJson(
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "50") int limit) {
        return json(email, to, limit);
    }

    private <M> ModelAndView page(Kind<M> kind, String to) {
        if (!available(kind)) {
            View notFound = (model, request, response) ->
                    Problems.write(response, HttpStatus.NOT_FOUND, "not_found", notHere(kind));
            return new ModelAndView(notFound);
        }
        Optional<String> address = kind.address().apply(to);
        ModelAndView page = new ModelAndView("dev/" + kind.name());
        page.addObject("to", address.filter(kind.valid()).orElse(to == null ? "" : to.strip()));
        page.addObject("max", PAGE_MAX);
        if (address.isPresent() && !kind.valid().test(address.get())) {
            page.addObject("error", kind.pageError());
            page.addObject("messages", List.of());
            return page;
        }
        page.addObject(
                "messages",
                read(kind, address, PAGE_MAX).stream().map(kind.row()).toList());
        return page;
    }

    private <M> ResponseEntity<?> json(Kind<M> kind, String to, int limit) {
        if (!available(kind)) {
            return Problems.response(Problems.of(HttpStatus.NOT_FOUND, "not_found", notHere(kind)));
        }
        Optional<String> address = kind.address().apply(to);
        if (address.isPresent() && !kind.valid().test(address.get())) {
            throw new BadRequest(kind.jsonError());
        }
        if (!DevInbox.readable(limit)) {
            throw new BadRequest("limit must be 1.." + DevInbox.READ_MAX);
        }
        return ResponseEntity.ok(Map.of(
                "messages", read(kind, address, limit).stream().map(kind.json()).toList()));
    }

    private <M> List<M> read(Kind<M> kind, Optional<String> address, int limit) {
        DevInbox<M> messages = kind.inbox().getObject();
        return address.isPresent() ? messages.newestTo(address.get(), limit) : messages.newest(limit);
    }

    private boolean available(Kind<?> kind) {
        return demo.enabled() && kind.inbox().getIfAvailable() != null;
    }

    private String notHere(Kind<?> kind) {
        return demo.enabled()
                ? "This node sends " + kind.noun() + " through a real gateway; it has no developer inbox."
                : "The developer " + kind.label() + " inbox exists only in demo mode.";
    }

    /** The number without spaces and with its plus, or empty when none was asked for. */
    private static Optional<String> number(String to) {
        if (to == null || to.isBlank()) {
            return Optional.empty();
        }
        String number = to.replaceAll("\\s", "");
        return Optional.of(number.startsWith("+") ? number : "+" + number);
    }

    private static Optional<String> address(String to) {
        return to == null || to.isBlank() ? Optional.empty() : Optional.of(to.strip());
    }
}
