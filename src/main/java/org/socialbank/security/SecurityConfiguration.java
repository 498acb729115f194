package org.socialbank.security;

import jakarta.servlet.http.HttpServletRequest;
import org.socialbank.shared.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/** Two chains: the token-only API, and the bank's pages with CSRF-protected forms. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiProperties.class)
class SecurityConfiguration {

    /**
     * Spring Security wraps each of its filters, the authorization check and the authentication in
     * an observation of its own when a registry is present: on the transfer path that was about a
     * sixth of the server's CPU per request (JFR, docs/benchmarks.md "Lean hot paths"). The request
     * as a whole is still observed ({@code http.server.requests}); set
     * {@code socialbank.security.observations=true} to trace Spring Security's steps as well.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "socialbank.security.observations", havingValue = false, matchIfMissing = true)
    SecurityObservationSettings securityStepsNotObserved() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The API: stateless, bearer tokens only, no cookies, no CSRF (no browser session to ride).
     * A token without the scope a request needs gets 403 problem+json naming the scope.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .anyRequest()
                        .access((authentication, context) -> new AuthorizationDecision(
                                hasScope(authentication.get(), required(context.getRequest())))))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            Problems.write(
                                    response,
                                    HttpStatus.UNAUTHORIZED,
                                    "unauthorized",
                                    "A valid 'Authorization: Bearer <token>' header is required.");
                        })
                        .accessDeniedHandler((request, response, ex) -> Problems.write(
                                response,
                                HttpStatus.FORBIDDEN,
                                "forbidden",
                                "This token lacks the scope '"
                                        + required(request).wireName() + "' that this request needs.")));
        return http.build();
    }

    /**
     * The bank's pages: each one-time page authorises itself by its unguessable link, so no
     * login session is kept. Forms carry a CSRF token (double-submit cookie, so any node can
     * check it); pages may not be framed and load scripts only from this server.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, WebProperties web) throws Exception {
        CookieCsrfTokenRepository csrfCookies = new CookieCsrfTokenRepository();
        csrfCookies.setCookieCustomizer(cookie -> cookie.secure(web.secureCookies())
                .sameSite("Lax")
                .httpOnly(true)
                .path("/"));
        http.csrf(csrf -> csrf.csrfTokenRepository(csrfCookies)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(
                                csp -> csp.policyDirectives(
                                        "default-src 'self'; img-src 'self' data:; "
                                                + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    /** The scope a request needs (security review #20): see {@link ApiScopes}. */
    static ApiScope required(HttpServletRequest request) {
        return ApiScopes.required(
                request.getMethod(),
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    private static boolean hasScope(Authentication authentication, ApiScope scope) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        String needed = scope.authority();
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (needed.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    /** No user names or passwords: this keeps Spring Boot from generating a default user. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }
}
