package org.socialbank.payments.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.socialbank.payments.ClaimView;
import org.socialbank.payments.Payments;
import org.socialbank.payouts.AccountProblem;
import org.socialbank.payouts.ExternalAccount;
import org.socialbank.security.WebProperties;
import org.socialbank.shared.Digits;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
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
 * The claim page, reached from the link a payer forwarded: who sent what, the proof of the
 * alias, then a new wallet or an external account. The link is the only key; nothing is cached.
 */
@Controller
class ClaimPages {

    /** Problems the page explains in words; anything else (a ledger refusal) reads as "try again". */
    static final Set<String> PROBLEMS = Set.of(
            "wrong_code",
            "code_expired",
            "too_many_codes",
            "invalid_name",
            "alias_taken",
            "already_claimed",
            "expired",
            "locked",
            "cancelled",
            "not_proven",
            "codes_today",
            "codes_busy",
            "destination_refused",
            "other_browser",
            "invalid_username",
            "invalid_password",
            "username_taken");

    /**
     * The claiming browser's secret: set when a code is typed, it binds the proof to this browser
     * (issue 13, UX walk-through P6). Strict: only this site's own forms send it.
     */
    static final String BROWSER_COOKIE = "sb_claim";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Payments payments;
    private final WebProperties web;

    ClaimPages(Payments payments, WebProperties web) {
        this.payments = payments;
        this.web = web;
    }

    @GetMapping("/claim/{token}")
    String open(
            @PathVariable String token,
            @CookieValue(name = BROWSER_COOKIE, required = false) String browser,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        return receipt(
                render(payments.claim(token, browser), token, model, response, locale), token, browser, model, locale);
    }

    /**
     * Issue 13: a claim taken into a wallet shows its receipt (when, the reference, what can be spent
     * now) to the browser that proved it, in the reader's zone.
     */
    private String receipt(String view, String token, String browser, Model model, Locale locale) {
        payments.claimReceipt(token, browser).ifPresent(r -> {
            model.addAttribute(
                    "receiptWhen", org.socialbank.shared.web.PageSettings.time().dateTime(r.claimedAt()));
            model.addAttribute("receiptReference", r.reference().value().toString());
            model.addAttribute("receiptBalance", MoneyFormat.format(r.availableMinor(), r.currency(), locale));
            model.addAttribute("receiptUsername", r.username() == null ? "" : r.username());
        });
        return view;
    }

    /**
     * Issue 13 (a wallet opened from a claim is no dead end): the claimant chooses a login, from the
     * browser that proved the claim, to sign in and link a chat; the page then says how.
     */
    @PostMapping("/claim/{token}/sign-in")
    String signIn(
            @PathVariable String token,
            @CookieValue(name = BROWSER_COOKIE, required = false) String browser,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        Optional<String> problem = payments.chooseClaimantSignIn(
                token, browser, bounded(username, 64).strip().toLowerCase(Locale.ROOT), bounded(password, 200));
        Optional<ClaimView> found = payments.claim(token, browser);
        String view = render(
                problem.isEmpty() ? found : found.map(v -> withProblem(v, problem.get())),
                token,
                model,
                response,
                locale);
        return receipt(view, token, browser, model, locale);
    }

    /** Reload or Back on an address a form posted to: the claim page shows the current step again. */
    @GetMapping({
        "/claim/{token}/send",
        "/claim/{token}/code",
        "/claim/{token}/wallet",
        "/claim/{token}/account",
        "/claim/{token}/sign-in"
    })
    RedirectView again(@PathVariable String token) {
        return SeeOther.to("/claim/{token}");
    }

    @PostMapping("/claim/{token}/send")
    String send(@PathVariable String token, Model model, HttpServletResponse response, Locale locale) {
        return render(payments.sendClaimCode(token, locale), token, model, response, locale);
    }

    @PostMapping("/claim/{token}/code")
    String code(
            @PathVariable String token,
            @CookieValue(name = BROWSER_COOKIE, required = false) String browser,
            @RequestParam(defaultValue = "") String code,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        String typed = Digits.toAscii(bounded(code, 16)).replace(" ", "");
        String secret = browser != null && browser.length() == 43 ? browser : newSecret();
        Optional<ClaimView> proved = payments.proveClaim(token, typed, secret);
        // only a claim's own address gets the cookie: any other text in the path is no cookie path
        // (an RTL mark made ResponseCookie throw, a 500; found by the page fuzz)
        if (proved.isPresent() && !secret.equals(browser)) {
            response.addHeader(
                    HttpHeaders.SET_COOKIE,
                    ResponseCookie.from(BROWSER_COOKIE, secret)
                            .path("/claim/" + token)
                            .httpOnly(true)
                            .secure(web.secureCookies())
                            .sameSite("Strict")
                            .maxAge(Duration.ofDays(30))
                            .build()
                            .toString());
        }
        return render(proved, token, model, response, locale);
    }

    @PostMapping("/claim/{token}/wallet")
    String wallet(
            @PathVariable String token,
            @CookieValue(name = BROWSER_COOKIE, required = false) String browser,
            @RequestParam(defaultValue = "") String name,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        Language language = Language.fromTag(locale.getLanguage()).orElse(Language.EN);
        return receipt(
                render(
                        payments.claimToWallet(token, bounded(name, 200), language, browser),
                        token,
                        model,
                        response,
                        locale),
                token,
                browser,
                model,
                locale);
    }

    @PostMapping("/claim/{token}/account")
    String account(
            @PathVariable String token,
            @CookieValue(name = BROWSER_COOKIE, required = false) String browser,
            @RequestParam(defaultValue = "") String holder,
            @RequestParam(defaultValue = "") String iban,
            @RequestParam(defaultValue = "") String number,
            @RequestParam(defaultValue = "") String ifsc,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        boolean indian = iban.isBlank() && !number.isBlank();
        String ibanText = bounded(iban, 64);
        String numberText = bounded(number, 32);
        String ifscText = bounded(ifsc, 16);
        Optional<AccountProblem> problem = indian
                ? ExternalAccount.problemWithIndianAccount(numberText, ifscText)
                : ExternalAccount.problemWithIban(ibanText);
        if (problem.isPresent()) {
            return render(
                    payments.claim(token, browser)
                            .map(v -> v.problem() != null
                                    ? v
                                    : withProblem(v, problem.get().code())),
                    token,
                    model,
                    response,
                    locale);
        }
        ExternalAccount to = (indian
                        ? ExternalAccount.parseIndian(numberText, ifscText)
                        : ExternalAccount.parse(ibanText))
                .orElseThrow();
        // an account the rail cannot pay in the claim's currency is refused before the claim is used up
        Optional<ClaimView> claim = payments.claim(token, browser);
        Optional<AccountProblem> unreachable =
                claim.flatMap(v -> ExternalAccount.problemWithCurrency(to, v.currency()));
        if (unreachable.isPresent()) {
            return render(
                    claim.map(v -> v.problem() != null
                            ? v
                            : withProblem(v, unreachable.get().code())),
                    token,
                    model,
                    response,
                    locale);
        }
        return render(
                payments.claimToAccount(token, to, bounded(holder, 200), browser), token, model, response, locale);
    }

    private static String render(
            Optional<ClaimView> found, String token, Model model, HttpServletResponse response, Locale locale) {
        response.setHeader("Cache-Control", "no-store");
        if (found.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("titleKey", "payments.claim.invalid.title");
            model.addAttribute("bodyKey", "payments.claim.invalid.body");
            return "message";
        }
        ClaimView v = found.get();
        model.addAttribute("token", token);
        model.addAttribute("view", v);
        model.addAttribute("state", v.state().wireName());
        model.addAttribute("proof", v.proof().wireName());
        model.addAttribute("amount", MoneyFormat.format(v.amountMinor(), v.currency(), locale));
        model.addAttribute(
                "expires", org.socialbank.shared.web.PageSettings.time().dateTime(v.expiresAt()));
        model.addAttribute("problemKey", problemKey(v.problem()));
        return "claim/page";
    }

    /** The message explaining a problem: the payouts module's for an account typed wrong, else ours. */
    private static String problemKey(String code) {
        if (code == null) {
            return null;
        }
        if (AccountProblem.CODES.contains(code)) {
            return new AccountProblem(code).messageKey();
        }
        return "payments.claim.problem." + (PROBLEMS.contains(code) ? code : "failed");
    }

    private static ClaimView withProblem(ClaimView v, String code) {
        return new ClaimView(
                v.state(),
                v.payerMaskedName(),
                v.amountMinor(),
                v.currency(),
                v.expiresAt(),
                v.proof(),
                v.network(),
                v.maskedDestination(),
                v.networkCode(),
                v.codeSent(),
                v.attemptsLeft(),
                code);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes); // 43 characters
    }

    /** Form fields are cut at a sane length before anything parses, hashes or stores them. */
    static String bounded(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
