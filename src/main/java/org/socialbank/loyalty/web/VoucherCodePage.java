package org.socialbank.loyalty.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.socialbank.loyalty.VoucherCodes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The bank's page where a partner voucher's code is read (issue 16 s3), opened by the signed link
 * the chat got: the GET says which voucher and offers a button (a link preview cannot spend the
 * reveal); the POST shows the code once. A bad or expired link is a 404 page. Never cached.
 */
@Controller
class VoucherCodePage {

    private final VoucherCodes codes;

    VoucherCodePage(VoucherCodes codes) {
        this.codes = codes;
    }

    @GetMapping("/rewards/vouchers/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        return render(token, codes.view(token), null, model, response);
    }

    @PostMapping("/rewards/vouchers/{token}")
    String reveal(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<VoucherCodes.VoucherView> view = codes.view(token);
        Optional<String> code = view.isPresent() ? codes.reveal(token) : Optional.empty();
        return render(token, view, code.orElse(null), model, response);
    }

    private static String render(
            String token,
            Optional<VoucherCodes.VoucherView> view,
            String code,
            Model model,
            HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        if (view.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("titleKey", "loyalty.voucher.page.title");
            model.addAttribute("bodyKey", "loyalty.voucher.page.invalid");
            return "message";
        }
        model.addAttribute("token", token);
        model.addAttribute("partner", view.get().partner());
        model.addAttribute("name", view.get().name());
        model.addAttribute("points", view.get().points());
        model.addAttribute("code", code);
        model.addAttribute("shown", code == null && view.get().shown());
        return "loyalty/voucher";
    }
}
