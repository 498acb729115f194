package org.socialbank.console.web;

import org.socialbank.console.StaffPresence;
import org.socialbank.console.staff.StaffSignIn;
import org.socialbank.security.WebProperties;
import org.socialbank.shared.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The console's own filter chain, before the bank's pages' chain: a session cookie of its own
 * (HttpOnly, SameSite=Strict, Secure unless {@code socialbank.web.secure-cookies=false}), CSRF on
 * every form and htmx request with a token stable per session ({@link ConsoleCsrfTokens}), and
 * the permission of {@link ConsoleEndpoints} for every address. Signed out, a page
 * sends the browser to the sign-in; a refusal is 403 problem+json.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain console(
            HttpSecurity http, StaffSignIn signIn, WebProperties web, ObjectProvider<StaffPresence> presence)
            throws Exception {
        CookieCsrfTokenRepository csrfCookies = new CookieCsrfTokenRepository();
        csrfCookies.setCookieName("sb_console_csrf");
        csrfCookies.setCookiePath("/console");
        csrfCookies.setCookieCustomizer(
                c -> c.secure(web.secureCookies()).sameSite("Strict").httpOnly(true));
        http.securityMatcher("/console", "/console/**")
                .csrf(csrf -> csrf.csrfTokenRepository(new ConsoleCsrfTokens(csrfCookies))
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
                .addFilterBefore(new StaffSessionFilter(signIn, presence), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(ConsoleEndpoints::rules)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                            if ("GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null) {
                                response.setStatus(HttpStatus.SEE_OTHER.value());
                                response.setHeader("Location", request.getContextPath() + ConsoleEndpoints.LOGIN);
                                return;
                            }
                            response.setHeader("HX-Redirect", request.getContextPath() + ConsoleEndpoints.LOGIN);
                            Problems.write(
                                    response, HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in to the console first.");
                        })
                        .accessDeniedHandler((request, response, ex) -> {
                            if (ex instanceof CsrfException) {
                                Problems.write(
                                        response,
                                        HttpStatus.FORBIDDEN,
                                        "csrf_token_invalid",
                                        "The form's security token is missing or old; reload the page and send it again.");
                            } else {
                                Problems.write(
                                        response,
                                        HttpStatus.FORBIDDEN,
                                        "forbidden",
                                        "Your console roles do not allow this.");
                            }
                        }));
        return http.build();
    }
}
