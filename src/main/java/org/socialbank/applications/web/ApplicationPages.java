package org.socialbank.applications.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Optional;
import org.socialbank.applications.Application;
import org.socialbank.applications.ApplicationStatus;
import org.socialbank.applications.Applications;
import org.socialbank.applications.SignOnPage;
import org.socialbank.shared.CurrencyCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The application's form on the bank's page, opened by the one-time link the chat sent: the
 * customer's name prefilled from the directory, the amount, term, income and purpose asked here and
 * never in chat. Valid answers are signed with an SMS code on the bank's step-up page, which
 * submits the application and spends the link.
 */
@Controller
class ApplicationPages {

    private static final int FIELD_LENGTH_MAX = 200;

    private final Applications applications;
    private final SignOnPage signatures;

    ApplicationPages(Applications applications, SignOnPage signatures) {
        this.applications = applications;
        this.signatures = signatures;
    }

    @GetMapping("/apply/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        return applications
                .form(bounded(token))
                .map(form -> form(model, token, form, null))
                .orElseGet(() -> outcome(model, "applications.page.spent.title", "applications.page.spent.body"));
    }

    @PostMapping("/apply/{token}")
    String submit(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String term,
            @RequestParam(defaultValue = "") String income,
            @RequestParam(defaultValue = "") String purpose,
            Model model,
            HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        Optional<Applications.Form> form = applications.form(bounded(token));
        if (form.isEmpty()) {
            return outcome(model, "applications.page.spent.title", "applications.page.spent.body");
        }
        CurrencyCode currency = form.get().application().currency();
        SignOnPage.Signing signing = signatures.start(
                bounded(token),
                new Applications.Answers(
                        minor(amount, currency), whole(term), minor(income, currency), bounded(purpose)));
        if (signing.submission() instanceof Applications.Invalid invalid) {
            return form(model, token, form.get(), invalid.field());
        }
        if (signing.submission() instanceof Applications.LinkSpent) {
            return outcome(model, "applications.page.spent.title", "applications.page.spent.body");
        }
        if (signing.url() == null) {
            return outcome(model, "applications.page.unsigned.title", "applications.page.unsigned.body");
        }
        // the bank's step-up page: the code sent by SMS signs exactly these answers
        URI page = URI.create(signing.url());
        return "redirect:" + page.getRawPath() + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery());
    }

    private static String form(Model model, String token, Applications.Form form, String invalid) {
        String product = form.application().product().wireName();
        model.addAttribute("token", token);
        model.addAttribute("product", product);
        model.addAttribute("titleKey", "applications.page.title." + product);
        model.addAttribute("amountKey", "applications.page.amount." + product);
        model.addAttribute("invalidKey", invalid == null ? null : "applications.page.invalid." + invalid);
        model.addAttribute("name", form.customerName());
        model.addAttribute("currency", form.application().currency().code());
        Application a = form.application();
        // asked for more information: the bank's question, and the answers given before
        model.addAttribute("question", a.status() == ApplicationStatus.MORE_INFO ? a.reason() : null);
        model.addAttribute("amount", major(a.amountMinor(), a.currency()));
        model.addAttribute("term", a.termMonths() == null ? "" : a.termMonths().toString());
        model.addAttribute("income", major(a.incomeMinor(), a.currency()));
        model.addAttribute("purpose", a.purpose() == null ? "" : a.purpose());
        return "applications/form";
    }

    private static String major(Long minor, CurrencyCode currency) {
        return minor == null
                ? ""
                : BigDecimal.valueOf(minor, currency.exponent()).toPlainString();
    }

    private static String outcome(Model model, String titleKey, String bodyKey) {
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("bodyKey", bodyKey);
        return "applications/outcome";
    }

    /** "1 500,50" or "1500.5" in the currency's units as minor units; null when it is not a number. */
    static Long minor(String text, CurrencyCode currency) {
        StringBuilder ascii = new StringBuilder(text.length());
        text.strip()
                .codePoints()
                .forEach(c -> ascii.append(
                        Character.isDigit(c)
                                ? (char) ('0' + Character.digit(c, 10))
                                : c == ',' || c == '\u066B'
                                        ? '.'
                                        : (char) c)); // Persian digits and decimal separator too
        String plain = ascii.toString().replace(" ", "").replace("\u00A0", "").replace("\u066C", "");
        if (plain.isEmpty() || plain.length() > 16) {
            return null;
        }
        try {
            return new BigDecimal(plain).movePointRight(currency.exponent()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static Integer whole(String text) {
        try {
            Long value = text.isBlank() || text.length() > 4 ? null : minor(text, CurrencyCode.of("JPY"));
            return value == null ? null : Math.toIntExact(value);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static String bounded(String text) {
        return text == null ? "" : text.length() > FIELD_LENGTH_MAX ? text.substring(0, FIELD_LENGTH_MAX) : text;
    }
}
