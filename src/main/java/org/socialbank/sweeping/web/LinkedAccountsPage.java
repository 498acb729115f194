package org.socialbank.sweeping.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Dates;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.shared.Uuids;
import org.socialbank.sweeping.Consent;
import org.socialbank.sweeping.ConsentId;
import org.socialbank.sweeping.ConsentPages;
import org.socialbank.sweeping.Sweeping;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's linked accounts on the bank's page (issue 16 s6), opened by the signed link the
 * chat sent with the list: each consent with its limits, expiry and state, and a button that revokes
 * an active one (htmx posts it and swaps the page; without scripts the form posts as usual). The
 * link opens its own customer's consents only; a bad or expired link is a 404 page. Never cached.
 */
@Controller
class LinkedAccountsPage {

    /** One consent as the page lists it. */
    record Row(String id, String bank, String line, String state, boolean revocable) {}

    private final ConsentPages pages;
    private final Sweeping sweeping;
    private final MessageSource messages;
    private final Clock clock;

    LinkedAccountsPage(ConsentPages pages, Sweeping sweeping, MessageSource messages, Clock clock) {
        this.pages = pages;
        this.sweeping = sweeping;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/linked-accounts/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response, Locale locale) {
        return pages.customerOf(token)
                .map(customer -> render(token, customer, null, model, response, locale))
                .orElseGet(() -> invalid(model, response));
    }

    @PostMapping("/linked-accounts/{token}/revoke")
    String revoke(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String consent,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        Optional<CustomerId> customer = pages.customerOf(token);
        if (customer.isEmpty()) {
            return invalid(model, response);
        }
        Optional<Consent> revoked = consentId(consent).flatMap(id -> sweeping.revoke(customer.get(), id));
        if (revoked.isEmpty()) {
            response.setStatus(404); // not a consent of this customer's: nothing is said about it
        }
        String notice = revoked.map(c -> messages.getMessage(
                        "sweeping.page.revoked_now", new Object[] {c.bank(), c.accountRef()}, locale))
                .orElse(null);
        return render(token, customer.get(), notice, model, response, locale);
    }

    private String render(
            String token,
            CustomerId customer,
            String notice,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        response.setHeader("Cache-Control", "no-store");
        List<Row> rows =
                sweeping.consents(customer).stream().map(c -> row(c, locale)).toList();
        model.addAttribute("token", token);
        model.addAttribute("rows", rows);
        model.addAttribute("notice", notice);
        return "sweeping/accounts";
    }

    private Row row(Consent c, Locale locale) {
        String period =
                messages.getMessage("sweeping.chat.period." + c.period().name().toLowerCase(Locale.ROOT), null, locale);
        String line = messages.getMessage(
                "sweeping.page.line",
                new Object[] {
                    c.bank(),
                    c.accountRef(),
                    MoneyFormat.format(c.maxPaymentMinor(), c.currency(), locale),
                    MoneyFormat.format(c.maxPeriodMinor(), c.currency(), locale),
                    period,
                    Dates.date(c.expiresAt(), locale)
                },
                locale);
        String state = c.state(clock.instant());
        return new Row(
                c.id().value().toString(),
                c.bank(),
                line,
                messages.getMessage("sweeping.chat.state." + state, null, locale),
                "active".equals(state));
    }

    private static String invalid(Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(404);
        model.addAttribute("titleKey", "sweeping.page.title");
        model.addAttribute("bodyKey", "sweeping.page.invalid");
        return "message";
    }

    private static Optional<ConsentId> consentId(String text) {
        return Uuids.parse(text).map(ConsentId::new);
    }
}
