package org.socialbank.console.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.console.Permission;
import org.socialbank.console.StaffMember;
import org.socialbank.console.StaffPresence;
import org.socialbank.console.staff.StaffSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the console's session cookie and, while the session lasts, makes its member of staff the
 * request's principal, with one authority per role and per permission, and then tells the {@link
 * StaffPresence} implementations that the person was seen (best effort: a failing one never fails
 * the page). Not a bean: it runs only in the
 * console's filter chain.
 */
final class StaffSessionFilter extends OncePerRequestFilter {

    static final String COOKIE = "sb_console";

    private static final Logger log = LoggerFactory.getLogger(StaffSessionFilter.class);
    /** Sent by a page that refreshes itself: not a person's activity (see {@link StaffSignIn#session}). */
    static final String POLL_HEADER = "X-Console-Poll";

    private final StaffSignIn signIn;
    private final ObjectProvider<StaffPresence> presence;

    StaffSessionFilter(StaffSignIn signIn, ObjectProvider<StaffPresence> presence) {
        this.signIn = signIn;
        this.presence = presence;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = token(request);
        if (token.isPresent() && !request.getRequestURI().startsWith(request.getContextPath() + "/console/assets/")) {
            signIn.session(token.get(), activity(request)).ifPresent(member -> {
                authenticate(member);
                presence.orderedStream().forEach(p -> seen(p, member)); // any signed-in request: a refresh too
            });
        }
        chain.doFilter(request, response);
    }

    /**
     * Presence is best effort (review 2026-12-07 console follow-up): a sighting that cannot be kept
     * (the database lost for a moment) is logged and the page goes on; the next request tells again.
     */
    private static void seen(StaffPresence presence, StaffMember member) {
        try {
            presence.seen(member);
        } catch (RuntimeException fault) {
            log.warn("a console sighting of {} was not kept", member.id().value(), fault);
        }
    }

    /** A page refreshing itself or listening to server-sent events is not a person's activity. */
    private static boolean activity(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader(POLL_HEADER) == null && (accept == null || !accept.contains("text/event-stream"));
    }

    static Optional<String> token(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie c : request.getCookies()) {
            if (COOKIE.equals(c.getName()) && !c.getValue().isEmpty()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    private static void authenticate(StaffMember member) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        member.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        for (Permission p : Permission.values()) {
            if (member.can(p)) {
                authorities.add(new SimpleGrantedAuthority(p.authority()));
            }
        }
        SecurityContext context =
                SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(member, null, authorities));
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
    }
}
