package org.socialbank.shared.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.socialbank.shared.Language;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of the bank's pages: {@code ?lang=} when given (remembered in a cookie), else the
 * language of the customer or chat the page is for ({@link PageSettings}, issue 13), else the
 * cookie, else the browser's best supported language, else English.
 */
@Configuration(proxyBeanMethods = false)
class Languages implements WebMvcConfigurer {

    static final List<String> SUPPORTED = Language.tags();
    static final String COOKIE = "sb_lang";
    /** Paths that machines call, where no page is made (issue 22: no locale work per request). */
    static final String[] MACHINE_PATHS = {"/api/**", "/webhooks/**", "/actuator/**"};

    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                String asked = request.getParameter("lang");
                if (asked != null && SUPPORTED.contains(asked)) {
                    return Locale.forLanguageTag(asked);
                }
                java.util.Optional<Locale> owners = PageSettings.language(request); // issue 13: one setting
                if (owners.isPresent()) {
                    return owners.get();
                }
                if (request.getCookies() != null) {
                    for (Cookie c : request.getCookies()) {
                        if (COOKIE.equals(c.getName()) && SUPPORTED.contains(c.getValue())) {
                            return Locale.forLanguageTag(c.getValue());
                        }
                    }
                }
                for (Locale l : java.util.Collections.list(request.getLocales())) {
                    if (SUPPORTED.contains(l.getLanguage())) {
                        return Locale.forLanguageTag(l.getLanguage());
                    }
                }
                return Locale.ENGLISH;
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                if (locale == null || !SUPPORTED.contains(locale.getLanguage())) {
                    return;
                }
                Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
                cookie.setPath("/");
                cookie.setHttpOnly(true);
                cookie.setMaxAge(365 * 24 * 3600);
                response.addCookie(cookie);
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        // a page's choice only: the API, the webhooks and actuator answer no page, and a ?lang= there
        // would only set a cookie on a machine's answer (and parse the parameters of every call)
        registry.addInterceptor(change).excludePathPatterns(MACHINE_PATHS);
    }
}
