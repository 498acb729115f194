package org.socialbank.channels.webchat.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.directory.LinkSignIn;
import org.socialbank.directory.LinkStep;
import org.socialbank.shared.web.SeeOther;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The web chat's own sign-in (security review #3): the customer signs in to the web chat they
 * are using, in the browser that holds its session, instead of "linking" a chat account a person
 * cannot recognise. A browser without that session (someone else's, or one that was sent the
 * link) is refused. Once the code is right the session is rotated: the browser gets a new
 * cookie, the linked chat account and its messages move to it, and the old cookie reads nothing.
 */
@Controller
class ChatSignIn {

    private final LinkSignIn linking;
    private final Visitors visitors;
    private final WebChatSessions sessions;

    ChatSignIn(LinkSignIn linking, Visitors visitors, WebChatSessions sessions) {
        this.linking = linking;
        this.visitors = visitors;
        this.sessions = sessions;
    }

    @GetMapping("/chat/link/{token}")
    String open(
            @PathVariable String token,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        return render(linking.open(token, browser(request, null), locale), token, model, response);
    }

    @PostMapping("/chat/link/{token}")
    String signIn(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        return render(
                linking.signIn(
                        token,
                        browser(request, null),
                        bounded(username, 64),
                        bounded(password, 128),
                        request.getRemoteAddr(),
                        locale),
                token,
                model,
                response);
    }

    /** Reload or Back on an address a form posted to: the sign-in page shows the current step again. */
    @GetMapping({"/chat/link/{token}/code", "/chat/link/{token}/sms"})
    RedirectView again(@PathVariable String token) {
        return SeeOther.to("/chat/link/{token}");
    }

    @PostMapping("/chat/link/{token}/code")
    String enterCode(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        Visitors.Session fresh = visitors.mint();
        LinkSignIn.Browser browser = browser(request, fresh.visitor());
        // linked and rotated in one transaction: never a linked chat under an id no browser holds
        LinkStep step = sessions.signIn(
                browser.webChatVisitor(),
                fresh.visitor(),
                () -> linking.enterCode(token, browser, bounded(code, 16), locale));
        if (step instanceof LinkStep.Linked && browser.webChatVisitor() != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, visitors.setCookie(fresh.cookie()));
        }
        return render(step, token, model, response);
    }

    @PostMapping("/chat/link/{token}/sms")
    String useSms(
            @PathVariable String token,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        return render(linking.useSms(token, browser(request, null), locale), token, model, response);
    }

    private LinkSignIn.Browser browser(HttpServletRequest request, String newVisitor) {
        Optional<String> visitor = visitors.visitor(request);
        return LinkSignIn.Browser.webChat(visitor.orElse(null), visitor.isPresent() ? newVisitor : null);
    }

    private static String render(LinkStep step, String token, Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("token", token);
        model.addAttribute("base", "/chat/link/" + token);
        model.addAttribute("step", step);
        if (step instanceof LinkStep.SignIn s) {
            model.addAttribute("channel", s.channel().wireName());
            return "link/signin";
        }
        if (step instanceof LinkStep.EnterCode c) {
            model.addAttribute("channel", c.channel().wireName());
            return "link/code";
        }
        if (step instanceof LinkStep.Linked l) {
            model.addAttribute("channel", l.channel().wireName());
            return "link/done";
        }
        if (step instanceof LinkStep.WrongBrowser) {
            response.setStatus(403);
            return message(model, "link.webchat_elsewhere");
        }
        if (step instanceof LinkStep.Locked l) {
            response.setStatus(429);
            model.addAttribute(
                    "bodyArg", org.socialbank.shared.web.PageSettings.time().dateTime(l.until()));
            return message(model, "link.locked");
        }
        response.setStatus(step instanceof LinkStep.Invalid ? 404 : 200);
        return message(
                model,
                step instanceof LinkStep.NoPhone
                        ? "link.nophone"
                        : step instanceof LinkStep.Cancelled ? "link.cancelled" : "link.invalid");
    }

    private static String message(Model model, String key) {
        model.addAttribute("titleKey", key + ".title");
        model.addAttribute("bodyKey", key + ".body");
        return "message";
    }

    private static String bounded(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
