package org.socialbank.directory.web;

import jakarta.servlet.http.HttpServletResponse;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ConfirmView;
import org.socialbank.directory.Confirmations;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.shared.web.BackToChat;
import org.socialbank.shared.web.SeeOther;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/** The step-up page: what exactly will be done, and the code that confirms that and nothing else. */
@Controller
class ConfirmPages {

    private final Confirmations confirmations;
    private final ChannelIdentities identities;
    private final BackToChat backToChat;

    ConfirmPages(Confirmations confirmations, ChannelIdentities identities, BackToChat backToChat) {
        this.confirmations = confirmations;
        this.identities = identities;
        this.backToChat = backToChat;
    }

    /**
     * Issue 13: the outcome page's "back to the chat" link, to the chat the operation was asked in
     * when its owner records it (a held payment), else to the customer's newest linked chat.
     */
    private String withBackToChat(String page, String token, Model model, java.util.Locale locale) {
        confirmations
                .chatOf(token)
                .or(() -> confirmations
                        .customerOf(token)
                        .flatMap(customer -> identities.linkedChats(customer, locale).stream()
                                .findFirst())
                        .map(ChannelIdentities.LinkedChat::channel))
                .ifPresent(network -> backToChat.addTo(model, network));
        return page;
    }

    @GetMapping("/confirm/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response, java.util.Locale locale) {
        return withBackToChat(render(confirmations.open(token), token, model, response, locale), token, model, locale);
    }

    @PostMapping("/confirm/{token}")
    String confirm(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String code,
            Model model,
            HttpServletResponse response,
            java.util.Locale locale) {
        return withBackToChat(
                render(confirmations.confirm(token, LinkPages.bounded(code, 16)), token, model, response, locale),
                token,
                model,
                locale);
    }

    /** Reload or Back on the cancel form's address: the step-up page shows where it stands. */
    @GetMapping("/confirm/{token}/cancel")
    RedirectView again(@PathVariable String token) {
        return SeeOther.to("/confirm/{token}");
    }

    @PostMapping("/confirm/{token}/cancel")
    String cancel(@PathVariable String token, Model model, HttpServletResponse response, java.util.Locale locale) {
        return withBackToChat(
                render(confirmations.cancel(token), token, model, response, locale), token, model, locale);
    }

    private static String render(
            ConfirmView view, String token, Model model, HttpServletResponse response, java.util.Locale locale) {
        response.setHeader("Cache-Control", "no-store");
        if (view instanceof ConfirmView.Pending p) {
            CurrencyCode currency = CurrencyCode.of(p.currency());
            model.addAttribute("token", token);
            model.addAttribute("view", p);
            model.addAttribute("amount", MoneyFormat.format(p.amountMinor(), currency, locale));
            model.addAttribute("fee", MoneyFormat.format(p.feeMinor(), currency, locale));
            model.addAttribute("operation", p.amountMinor() == 0); // moves no money: its label only
            return "confirm/form";
        }
        if (view instanceof ConfirmView.Confirmed c && c.amountMinor() == 0) {
            return outcome(
                    model,
                    "confirm.operation.done",
                    "confirm.operation.done.body",
                    0,
                    c.currency(),
                    c.payee(),
                    "",
                    locale);
        }
        if (view instanceof ConfirmView.Refused r && r.amountMinor() == 0) {
            return outcome(
                    model,
                    "confirm.operation.refused",
                    "confirm.operation.refused.body",
                    0,
                    r.currency(),
                    r.payee(),
                    r.reason(),
                    locale);
        }
        if (view instanceof ConfirmView.Confirmed c) {
            return outcome(
                    model, "confirm.sent", "confirm.sent.body", c.amountMinor(), c.currency(), c.payee(), "", locale);
        }
        if (view instanceof ConfirmView.Refused r) {
            String body = refusal(r.reason());
            if (body.equals("confirm.refused.funds") && r.availableMinor() != null) {
                return outcome(
                        model,
                        "confirm.refused",
                        "confirm.refused.funds_left",
                        r.amountMinor(),
                        r.currency(),
                        r.payee(),
                        MoneyFormat.format(r.availableMinor(), CurrencyCode.of(r.currency()), locale),
                        locale);
            }
            return outcome(
                    model, "confirm.refused", body, r.amountMinor(), r.currency(), r.payee(), r.reason(), locale);
        }
        if (view instanceof ConfirmView.NotConfirmed) {
            return MessagePages.message(model, "confirm.failed");
        }
        response.setStatus(404);
        return MessagePages.message(model, "link.invalid");
    }

    /** After the right code: what was done, or that nothing was and why, in the payer's language. */
    private static String outcome(
            Model model,
            String title,
            String body,
            long amountMinor,
            String currency,
            String payee,
            String detail,
            java.util.Locale locale) {
        model.addAttribute("titleKey", title + ".title");
        model.addAttribute("bodyKey", body);
        model.addAttribute("amount", MoneyFormat.format(amountMinor, CurrencyCode.of(currency), locale));
        model.addAttribute("payee", payee);
        model.addAttribute("detail", detail);
        model.addAttribute("operation", amountMinor == 0);
        return "confirm/outcome";
    }

    /** The sentence for an owner's refusal code (docs/payments.md); an unknown code is named in a general one. */
    static String refusal(String reason) {
        return switch (reason) {
            case "insufficient_funds", "exceeds_credits" -> "confirm.refused.funds";
            case "account_frozen", "account_closed" -> "confirm.refused.account";
            case "payee_cannot_receive_currency", "payee_has_no_account" -> "confirm.refused.payee_account";
            case "no_account_in_currency", "currency_mismatch" -> "confirm.refused.currency";
            case "confirmation_mismatch" -> "confirm.refused.changed";
            default -> "confirm.refused.other";
        };
    }
}
