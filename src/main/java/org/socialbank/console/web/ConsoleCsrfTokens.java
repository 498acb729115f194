package org.socialbank.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The console's CSRF tokens (issue 19). Once a browser holds a console session (or the code step's
 * token), its form token is derived from the session cookie: the same for every page and every tab
 * of that session, on every node, with nothing stored, and a new one at each sign-in. A page that
 * renders no form, an htmx poll, or a second tab can therefore never make another page's form
 * stale. Before any session (the sign-in form) it is the double-submit cookie {@code
 * sb_console_csrf}. htmx sends the token in {@link #HEADER} (from the layout's meta tag), forms in
 * {@code _csrf}.
 */
final class ConsoleCsrfTokens implements CsrfTokenRepository {

    static final String HEADER = "X-CSRF-TOKEN";
    static final String PARAMETER = "_csrf";
    /** A session cookie longer than this is no token of ours: it gets the pre-session token. */
    private static final int SESSION_TOKEN_LENGTH_MAX = 128;

    private static final byte[] PURPOSE = "socialbank console csrf\0".getBytes(StandardCharsets.UTF_8);

    private final CookieCsrfTokenRepository beforeSignIn;

    ConsoleCsrfTokens(CookieCsrfTokenRepository beforeSignIn) {
        this.beforeSignIn = beforeSignIn;
        beforeSignIn.setHeaderName(HEADER);
        beforeSignIn.setParameterName(PARAMETER);
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return session(request).map(ConsoleCsrfTokens::of).orElseGet(() -> beforeSignIn.generateToken(request));
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (session(request).isEmpty()) {
            beforeSignIn.saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return session(request).map(ConsoleCsrfTokens::of).orElseGet(() -> beforeSignIn.loadToken(request));
    }

    private static Optional<String> session(HttpServletRequest request) {
        return StaffSessionFilter.token(request).filter(t -> t.length() <= SESSION_TOKEN_LENGTH_MAX);
    }

    private static CsrfToken of(String sessionToken) {
        return new DefaultCsrfToken(HEADER, PARAMETER, derive(sessionToken));
    }

    /**
     * SHA-256 of a fixed purpose and the session token: as secret as the HttpOnly session cookie,
     * and not the SHA-256 the session store keeps, so a reader of the store learns no form token.
     */
    static String derive(String sessionToken) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(PURPOSE);
            byte[] digest = sha.digest(sessionToken.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
