package org.socialbank.directory.web;

import jakarta.servlet.http.HttpServletResponse;
import org.socialbank.directory.ConfirmView;
import org.socialbank.directory.Confirmations;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Money;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The step-up page: what exactly will be done, and the code that confirms that and nothing else. */
@Controller
class ConfirmPages {

    private final Confirmations confirmations;

    ConfirmPages(Confirmations confirmations) {
        this.confirmations = confirmations;
    }

    @GetMapping("/confirm/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response,
            java.util.Locale locale) {
        return render(confirmations.open(token), token, model, response, locale);
    }

    @PostMapping("/confirm/{token}")
    String confirm(@PathVariable String token, @RequestParam(defaultValue = "") String code, Model model,
            HttpServletResponse response, java.util.Locale locale) {
        return render(confirmations.confirm(token, LinkPages.bounded(code, 16)), token, model, response, locale);
    }

    @PostMapping("/confirm/{token}/cancel")
    String cancel(@PathVariable String token, Model model, HttpServletResponse response, java.util.Locale locale) {
        return render(confirmations.cancel(token), token, model, response, locale);
    }

    private static String render(ConfirmView view, String token, Model model, HttpServletResponse response,
            java.util.Locale locale) {
        response.setHeader("Cache-Control", "no-store");
        if (view instanceof ConfirmView.Pending p) {
            CurrencyCode currency = CurrencyCode.of(p.currency());
            model.addAttribute("token", token);
            model.addAttribute("view", p);
            model.addAttribute("amount", Money.format(p.amountMinor(), currency, locale));
            model.addAttribute("fee", Money.format(p.feeMinor(), currency, locale));
            return "confirm/form";
        }
        if (view instanceof ConfirmView.Confirmed) {
            return Pages.message(model, "confirm.done");
        }
        if (view instanceof ConfirmView.NotConfirmed) {
            return Pages.message(model, "confirm.failed");
        }
        response.setStatus(404);
        return Pages.message(model, "link.invalid");
    }
}
