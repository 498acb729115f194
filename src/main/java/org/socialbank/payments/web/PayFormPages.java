package org.socialbank.payments.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.directory.Alias;
import org.socialbank.payments.PayForms;
import org.socialbank.payments.Payment;
import org.socialbank.payments.PaymentRejection;
import org.socialbank.payments.PaymentResult;
import org.socialbank.payments.PaymentStatus;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.MoneyFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The payment form an agent's link opens ({@code /pay?to=&amount_minor=&currency=&t=}, issue 19):
 * the link's token recognises the customer (see {@link PayForms}); the form shows the payee and
 * amount filled in, the customer may change them, and sending it asks for the payment, which goes
 * to the bank's step-up page (a code by SMS bound to amount and payee). What became of it is said
 * there and in the customer's chat. Never cached; bad input comes back as the form with a 400.
 */
@Controller
class PayFormPages {

    private static final int FIELD_LENGTH_MAX = 320;

    private final PayForms forms;

    PayFormPages(PayForms forms) {
        this.forms = forms;
    }

    @GetMapping("/pay")
    String open(
            @RequestParam(defaultValue = "") String t,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(name = "amount_minor", defaultValue = "0") String amountMinor,
            @RequestParam(defaultValue = "") String currency,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        response.setHeader("Cache-Control", "no-store");
        Optional<PayForms.Form> form = forms.open(bounded(t));
        if (form.isEmpty()) {
            return invalidLink(model, response);
        }
        if (form.get().used()) {
            return forms.submitted(t)
                    .map(p -> afterSubmission(p, model, locale))
                    .orElseGet(() -> invalidLink(model, response));
        }
        Optional<CurrencyCode> code = PayForms.currency(bounded(currency));
        String amount = code.flatMap(c -> major(amountMinor, c)).orElse("");
        return form(model, t, bounded(to), amount, code.map(CurrencyCode::code).orElse(""), null);
    }

    @PostMapping("/pay")
    String send(
            @RequestParam(defaultValue = "") String t,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String currency,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        response.setHeader("Cache-Control", "no-store");
        Optional<CurrencyCode> code = PayForms.currency(bounded(currency));
        Optional<Alias> payee = PayForms.payee(bounded(to));
        Optional<Long> minor = code.flatMap(c -> PayForms.minor(bounded(amount), c));
        String error = payee.isEmpty()
                ? "payform.invalid.to"
                : code.isEmpty() ? "payform.invalid.currency" : minor.isEmpty() ? "payform.invalid.amount" : null;
        if (error != null) {
            response.setStatus(400);
            return form(model, bounded(t), bounded(to), bounded(amount), bounded(currency), error);
        }
        Optional<PaymentResult> result = forms.pay(bounded(t), payee.get(), minor.get(), code.get());
        if (result.isEmpty()) {
            return invalidLink(model, response);
        }
        if (result.get() instanceof PaymentResult.Recorded recorded) {
            return afterSubmission(recorded.payment(), model, locale);
        }
        PaymentRejection rejection = ((PaymentResult.Refused) result.get()).rejection();
        return refused(
                model, rejection.code(), minor.get(), code.get(), payee.get().display(), locale);
    }

    /** Held: on to the step-up page; refused at once: why; anything else: where it stands. */
    private static String afterSubmission(Payment p, Model model, Locale locale) {
        if (p.status() == PaymentStatus.AWAITING_CONFIRMATION && p.links().confirmationUrl() != null) {
            // the step-up page on this same site (the stored link carries the public address)
            return "redirect:"
                    + java.net.URI.create(p.links().confirmationUrl()).getRawPath();
        }
        String payee = p.payee().maskedName() != null
                ? p.payee().maskedName()
                : p.payee().alias().display();
        if (p.status() == PaymentStatus.REJECTED) {
            return refused(model, p.code(), p.amountMinor(), p.currency(), payee, locale);
        }
        return message(model, "payform.used");
    }

    private static String refused(
            Model model, String code, long amountMinor, CurrencyCode currency, String payee, Locale locale) {
        model.addAttribute("titleKey", "confirm.refused.title");
        model.addAttribute("bodyKey", refusal(code));
        model.addAttribute("amount", MoneyFormat.format(amountMinor, currency, locale));
        model.addAttribute("payee", payee);
        model.addAttribute("detail", code);
        model.addAttribute("operation", false);
        return "confirm/outcome";
    }

    /** The step-up page's sentences for the refusals a form meets at once (docs/payments.md codes). */
    private static String refusal(String code) {
        return switch (code) {
            case "insufficient_funds" -> "confirm.refused.funds";
            case "account_frozen", "account_closed" -> "confirm.refused.account";
            case "payee_cannot_receive_currency" -> "confirm.refused.payee_account";
            case "no_account_in_currency", "currency_not_supported" -> "confirm.refused.currency";
            default -> "confirm.refused.other";
        };
    }

    private static String form(Model model, String token, String to, String amount, String currency, String error) {
        model.addAttribute("token", token);
        model.addAttribute("to", to);
        model.addAttribute("amount", amount);
        model.addAttribute("currency", currency);
        model.addAttribute("error", error);
        return "payform/form";
    }

    private static String invalidLink(Model model, HttpServletResponse response) {
        response.setStatus(404);
        return message(model, "link.invalid");
    }

    /** The link's amount in minor units as the form's decimal amount. */
    private static Optional<String> major(String amountMinor, CurrencyCode currency) {
        if (!amountMinor.matches("[0-9]{1,15}") || Long.parseLong(amountMinor) == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(Long.parseLong(amountMinor), currency.exponent())
                .toPlainString());
    }

    private static String message(Model model, String key) {
        model.addAttribute("titleKey", key + ".title");
        model.addAttribute("bodyKey", key + ".body");
        return "message";
    }

    private static String bounded(String value) {
        return value == null ? "" : value.length() <= FIELD_LENGTH_MAX ? value : value.substring(0, FIELD_LENGTH_MAX);
    }
}
