package org.socialbank.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the configured API tokens and
 * grants the token's scopes as {@code SCOPE_<name>} authorities. The
 * principal's name is the token's fingerprint, so per-caller limits key on the token itself,
 * however the header was spelled. Per request it costs one digest and the constant-time
 * comparisons: the fingerprint and the authorities of each token are made once ({@link
 * ApiTokens.Grant}).
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    private final ApiTokens tokens;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            String token = header.substring(PREFIX.length()).trim();
            Optional<ApiTokens.Grant> grant = token.isEmpty() ? Optional.empty() : tokens.grantOf(token);
            if (grant.isPresent()) {
                // a new context rather than the deferred one's: nothing is loaded from a repository first
                SecurityContext context = contexts.createEmptyContext();
                UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                        grant.get().fingerprint(), null, grant.get().authorities());
                authentication.setDetails(grant.get().client()); // the client's name, for audits
                context.setAuthentication(authentication);
                contexts.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
