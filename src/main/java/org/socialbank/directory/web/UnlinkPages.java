package org.socialbank.directory.web;

import jakarta.servlet.http.HttpServletResponse;
import org.socialbank.directory.Unlinking;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** "Not you? Unlink here": the link sent to a customer's other chats when one more is linked. */
@Controller
class UnlinkPages {

    private final Unlinking unlinking;

    UnlinkPages(Unlinking unlinking) {
        this.unlinking = unlinking;
    }

    @GetMapping("/unlink/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        return unlinking
                .openUnlink(token)
                .map(identity -> {
                    model.addAttribute("token", token);
                    model.addAttribute("channel", identity.channel().wireName());
                    model.addAttribute("handle", identity.handle());
                    return "unlink/confirm";
                })
                .orElseGet(() -> {
                    response.setStatus(404);
                    return MessagePages.message(model, "link.invalid");
                });
    }

    @PostMapping("/unlink/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        if (unlinking.confirmUnlink(token)) {
            return MessagePages.message(model, "unlink.done");
        }
        response.setStatus(404);
        return MessagePages.message(model, "link.invalid");
    }
}
