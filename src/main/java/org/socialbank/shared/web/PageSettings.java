package org.socialbank.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.shared.CustomerTime;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The language and zone of the person a page is for, when the page knows her (issue 13: a page
 * opened from the bot's link speaks the customer's language and shows her zone). A module that can
 * tell whose page it is (a token's customer or chat) sets them before the page is made; the page
 * language then wins over the browser's cookie and its Accept-Language, though not over a
 * {@code ?lang=} the reader just chose.
 */
public final class PageSettings {

    static final String LANGUAGE = PageSettings.class.getName() + ".language";
    static final String ZONE = PageSettings.class.getName() + ".zone";

    private PageSettings() {}

    /** The page is for someone who reads {@code language} in {@code zone} (null: her language's). */
    public static void use(HttpServletRequest request, Locale language, ZoneId zone) {
        request.setAttribute(LANGUAGE, language);
        if (zone != null) {
            request.setAttribute(ZONE, zone);
        }
    }

    static Optional<Locale> language(HttpServletRequest request) {
        return request.getAttribute(LANGUAGE) instanceof Locale l ? Optional.of(l) : Optional.empty();
    }

    /** Dates and times as the current page's reader reads them: her zone, else her language's. */
    public static CustomerTime time() {
        Locale locale = LocaleContextHolder.getLocale();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object zone = request == null ? null : request.getAttribute(ZONE, RequestAttributes.SCOPE_REQUEST);
        return CustomerTime.of(locale, zone instanceof ZoneId z ? z : null);
    }
}
