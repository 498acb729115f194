package org.socialbank.payments.requests.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.payments.PaymentsProperties;
import org.socialbank.payments.requests.PayLinkView;
import org.socialbank.payments.requests.RequestStatus;
import org.socialbank.payments.requests.Requests;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.shared.web.SeeOther;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The pay link's page for someone who is not a customer: who asks for what, and how to pay it by
 * a transfer from any bank to the collection account with the request's reference. The link's
 * token is its only authorisation; the page is never cached.
 */
@Controller
class PayRequestPages {

    private static final int TOKEN_LENGTH_MAX = 64;

    private final Requests requests;
    private final PaymentsProperties payments;

    PayRequestPages(Requests requests, PaymentsProperties payments) {
        this.requests = requests;
        this.payments = payments;
    }

    @GetMapping("/pay-request/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response, Locale locale) {
        return render(
                token.length() > TOKEN_LENGTH_MAX ? Optional.empty() : requests.payLink(token),
                token,
                model,
                response,
                locale);
    }

    /** Reload or Back after declining: the page shows the request as it is now. */
    @GetMapping("/pay-request/{token}/decline")
    RedirectView again(@PathVariable String token) {
        return SeeOther.to("/pay-request/{token}");
    }

    @PostMapping("/pay-request/{token}/decline")
    String decline(@PathVariable String token, Model model, HttpServletResponse response, Locale locale) {
        return render(
                token.length() > TOKEN_LENGTH_MAX ? Optional.empty() : requests.declinePayLink(token),
                token,
                model,
                response,
                locale);
    }

    private String render(
            Optional<PayLinkView> found, String token, Model model, HttpServletResponse response, Locale locale) {
        response.setHeader("Cache-Control", "no-store");
        if (found.isEmpty()) {
            response.setStatus(404);
            return message(model, "link.invalid");
        }
        PayLinkView view = found.get();
        if (view.state() != RequestStatus.OPEN) {
            return message(model, "payrequest." + view.state().wireName());
        }
        model.addAttribute("token", token);
        model.addAttribute("view", view);
        model.addAttribute("amount", MoneyFormat.format(view.amountMinor(), view.currency(), locale));
        // the reader's time, with her zone named (issue 13: no bare bank-zone time, never "UTC")
        model.addAttribute(
                "expires", org.socialbank.shared.web.PageSettings.time().dateTime(view.expiresAt()));
        return "requests/pay";
    }

    private static String message(Model model, String key) {
        model.addAttribute("titleKey", key + ".title");
        model.addAttribute("bodyKey", key + ".body");
        return "message";
    }
}
