package org.socialbank.billing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.billing.PinVouchers;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.MoneyFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The bank's page where a PIN voucher's PIN is read, once (issue 15 s2): the link says which
 * voucher; the GET shows what it is for and a button, so a link preview cannot spend it; the
 * POST shows the PIN and erases it. Never cached.
 */
@Controller
class VoucherPage {

    private final PinVouchers vouchers;

    VoucherPage(PinVouchers vouchers) {
        this.vouchers = vouchers;
    }

    @GetMapping("/vouchers/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response, Locale locale) {
        return render(token, vouchers.view(token), null, model, response, locale);
    }

    @PostMapping("/vouchers/{token}")
    String reveal(@PathVariable String token, Model model, HttpServletResponse response, Locale locale) {
        Optional<PinVouchers.VoucherView> view = vouchers.view(token);
        Optional<String> pin = view.isPresent() ? vouchers.reveal(token) : Optional.empty();
        return render(token, view, pin.orElse(null), model, response, locale);
    }

    private static String render(
            String token,
            Optional<PinVouchers.VoucherView> view,
            String pin,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        response.setHeader("Cache-Control", "no-store");
        if (view.isEmpty() || token.length() > 128) {
            response.setStatus(404);
            model.addAttribute("titleKey", "billing.voucher.title");
            model.addAttribute("bodyKey", "billing.voucher.invalid");
            return "message";
        }
        PinVouchers.VoucherView v = view.get();
        model.addAttribute("token", token);
        model.addAttribute("phone", v.phoneE164());
        model.addAttribute("operator", v.operator());
        model.addAttribute("amount", MoneyFormat.format(v.amountMinor(), CurrencyCode.of(v.currency()), locale));
        model.addAttribute("pin", pin);
        model.addAttribute("shown", pin == null && v.shown());
        return "vouchers/page";
    }
}
