package org.socialbank.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.socialbank.directory.AuthenticatorEnrolment;
import org.socialbank.directory.DirectoryProperties;
import org.socialbank.directory.LinkSignIn;
import org.socialbank.directory.LinkStep;
import org.socialbank.security.WebProperties;
import org.socialbank.shared.Network;
import org.socialbank.shared.web.SeeOther;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The bank's linking pages, reached from a one-time link sent in a chat: sign in, type the code
 * sent by SMS, done. Nothing here is cached or indexed. The browser that opens a link first gets
 * a cookie for it, and no other browser may use it (security review #3); a web chat's link is
 * answered only by the web chat's own page.
 */
@Controller
class LinkPages {

    static final String BROWSER_COOKIE = "sb_enrol";
    static final String BIND_COOKIE = "sb_link";

    private final LinkSignIn linking;
    private final AuthenticatorEnrolment enrolment;
    private final WebProperties web;
    private final DirectoryProperties properties;

    LinkPages(LinkSignIn linking, AuthenticatorEnrolment enrolment, WebProperties web, DirectoryProperties properties) {
        this.linking = linking;
        this.enrolment = enrolment;
        this.web = web;
        this.properties = properties;
    }

    @GetMapping("/link/{token}")
    String open(
            @PathVariable String token,
            @CookieValue(name = BIND_COOKIE, required = false) String bound,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        LinkSignIn.Opened opened = linking.openAndBind(token, LinkSignIn.Browser.of(bound), locale);
        if (opened.bindSecret() != null) {
            // Lax: the link is opened from a chat app, another site; the forms then post from here
            response.addHeader(
                    HttpHeaders.SET_COOKIE,
                    ResponseCookie.from(BIND_COOKIE, opened.bindSecret())
                            .path("/link/" + token)
                            .httpOnly(true)
                            .secure(web.secureCookies())
                            .sameSite("Lax")
                            .maxAge(properties.linkTtl())
                            .build()
                            .toString());
        }
        return render(opened.step(), token, model, response);
    }

    @PostMapping("/link/{token}")
    String signIn(
            @PathVariable String token,
            @CookieValue(name = BIND_COOKIE, required = false) String bound,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        return render(
                linking.signIn(
                        token,
                        LinkSignIn.Browser.of(bound),
                        bounded(username, 64),
                        bounded(password, 128),
                        request.getRemoteAddr(),
                        locale),
                token,
                model,
                response);
    }

    /** Reload or Back on an address a form posted to: the link page shows the current step again. */
    @GetMapping({"/link/{token}/code", "/link/{token}/sms"})
    RedirectView again(@PathVariable String token) {
        return SeeOther.to("/link/{token}");
    }

    @PostMapping("/link/{token}/code")
    String enterCode(
            @PathVariable String token,
            @CookieValue(name = BIND_COOKIE, required = false) String bound,
            @RequestParam(defaultValue = "") String code,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        LinkStep step = linking.enterCode(token, LinkSignIn.Browser.of(bound), bounded(code, 16), locale);
        if (step instanceof LinkStep.Linked linked && linked.browserSecret() != null) {
            response.addHeader(
                    HttpHeaders.SET_COOKIE,
                    ResponseCookie.from(BROWSER_COOKIE, linked.browserSecret())
                            .path("/link/" + token)
                            .httpOnly(true)
                            .secure(web.secureCookies())
                            .sameSite("Strict")
                            .maxAge(java.time.Duration.ofMinutes(30))
                            .build()
                            .toString());
        }
        return render(step, token, model, response);
    }

    @PostMapping("/link/{token}/sms")
    String useSms(
            @PathVariable String token,
            @CookieValue(name = BIND_COOKIE, required = false) String bound,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        return render(linking.useSms(token, LinkSignIn.Browser.of(bound), locale), token, model, response);
    }

    @GetMapping("/link/{token}/authenticator")
    String beginEnrolment(
            @PathVariable String token,
            @CookieValue(name = BROWSER_COOKIE, required = false) String browser,
            Model model,
            HttpServletResponse response) {
        return render(enrolment.begin(token, browser), token, model, response);
    }

    @PostMapping("/link/{token}/authenticator")
    String confirmEnrolment(
            @PathVariable String token,
            @CookieValue(name = BROWSER_COOKIE, required = false) String browser,
            @RequestParam(defaultValue = "") String code,
            Model model,
            HttpServletResponse response) {
        return render(enrolment.confirm(token, browser, bounded(code, 16)), token, model, response);
    }

    private static String render(LinkStep step, String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("token", token);
        model.addAttribute("base", "/link/" + token);
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
        if (step instanceof LinkStep.Enrol) {
            return "link/authenticator";
        }
        if (step instanceof LinkStep.Enrolled) {
            return MessagePages.message(model, "link.authenticator.done");
        }
        if (step instanceof LinkStep.WrongBrowser w) {
            response.setStatus(403);
            return MessagePages.message(
                    model, w.channel() == Network.WEBCHAT ? "link.webchat_elsewhere" : "link.elsewhere");
        }
        if (step instanceof LinkStep.Locked l) {
            response.setStatus(429);
            model.addAttribute("bodyArg", MessagePages.at(l.until()));
            return MessagePages.message(model, "link.locked");
        }
        response.setStatus(step instanceof LinkStep.Invalid ? 404 : 200);
        return MessagePages.message(
                model,
                step instanceof LinkStep.NoPhone
                        ? "link.nophone"
                        : step instanceof LinkStep.Cancelled ? "link.cancelled" : "link.invalid");
    }

    /** Form fields are cut at a sane length before anything hashes or stores them. */
    static String bounded(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
