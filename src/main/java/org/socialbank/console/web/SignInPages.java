package org.socialbank.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.socialbank.console.StaffMember;
import org.socialbank.console.staff.SignInStep;
import org.socialbank.console.staff.StaffSignIn;
import org.socialbank.security.WebProperties;
import org.socialbank.shared.web.SeeOther;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

/**
 * Signing in to the console: a user name and password, then the code of the authenticator app.
 * The cookie of the code step and of the session is the same, {@code sb_console}; the session
 * gets a new token when the code is right.
 */
@Controller
class SignInPages {

    private final StaffSignIn signIn;
    private final WebProperties web;

    SignInPages(StaffSignIn signIn, WebProperties web) {
        this.signIn = signIn;
        this.web = web;
    }

    @GetMapping(ConsoleEndpoints.LOGIN)
    Object form(@AuthenticationPrincipal StaffMember who, Model model, HttpServletResponse response) {
        if (who != null) {
            return SeeOther.to("/console");
        }
        response.setHeader("Cache-Control", "no-store");
        return "console/login";
    }

    @PostMapping(ConsoleEndpoints.LOGIN)
    Object password(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            Model model,
            HttpServletResponse response) {
        SignInStep step = signIn.password(bounded(username, 64), bounded(password, 128));
        if (step instanceof SignInStep.CodeNeeded code) {
            setCookie(response, code.token());
            return SeeOther.to(ConsoleEndpoints.LOGIN + "/code");
        }
        return refused(step, model, response, "console/login");
    }

    @GetMapping(ConsoleEndpoints.LOGIN + "/code")
    Object codeForm(
            @CookieValue(name = StaffSessionFilter.COOKIE, required = false) String token,
            HttpServletResponse response) {
        if (token == null) {
            return SeeOther.to(ConsoleEndpoints.LOGIN);
        }
        response.setHeader("Cache-Control", "no-store");
        return "console/code";
    }

    @PostMapping(ConsoleEndpoints.LOGIN + "/code")
    Object code(
            @CookieValue(name = StaffSessionFilter.COOKIE, required = false) String token,
            @RequestParam(defaultValue = "") String code,
            Model model,
            HttpServletResponse response) {
        SignInStep step = signIn.code(token == null ? "" : token, bounded(code.strip(), 16));
        if (step instanceof SignInStep.SignedIn signedIn) {
            setCookie(response, signedIn.token());
            return SeeOther.to("/console");
        }
        if (step instanceof SignInStep.Expired) {
            clearCookie(response);
            model.addAttribute("expired", true);
            response.setHeader("Cache-Control", "no-store");
            return "console/login";
        }
        SignInStep.Refused refused = (SignInStep.Refused) step;
        if (refused.lockedUntil() != null) {
            clearCookie(response);
            return refused(step, model, response, "console/login");
        }
        return refused(step, model, response, "console/code");
    }

    @PostMapping("/console/logout")
    View signOut(
            @CookieValue(name = StaffSessionFilter.COOKIE, required = false) String token,
            @AuthenticationPrincipal StaffMember who,
            HttpServletResponse response) {
        if (token != null && who != null) {
            signIn.signOut(token, who);
        }
        clearCookie(response);
        return SeeOther.to(ConsoleEndpoints.LOGIN);
    }

    private static String refused(SignInStep step, Model model, HttpServletResponse response, String page) {
        response.setHeader("Cache-Control", "no-store");
        Instant lockedUntil = step instanceof SignInStep.Refused r ? r.lockedUntil() : null;
        model.addAttribute("failed", true);
        Optional.ofNullable(lockedUntil)
                .ifPresent(until -> model.addAttribute(
                        "lockedUntil",
                        until.atZone(java.time.ZoneOffset.UTC).toLocalTime().withNano(0)));
        return page;
    }

    private void setCookie(HttpServletResponse response, String token) {
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(StaffSessionFilter.COOKIE, token)
                        .path("/console")
                        .httpOnly(true)
                        .secure(web.secureCookies())
                        .sameSite("Strict")
                        .build()
                        .toString());
    }

    private void clearCookie(HttpServletResponse response) {
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(StaffSessionFilter.COOKIE, "")
                        .path("/console")
                        .httpOnly(true)
                        .secure(web.secureCookies())
                        .sameSite("Strict")
                        .maxAge(Duration.ZERO)
                        .build()
                        .toString());
    }

    private static String bounded(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
