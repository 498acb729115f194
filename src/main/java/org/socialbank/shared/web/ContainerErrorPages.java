package org.socialbank.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat refuses some requests before any servlet sees them (a {@code %00} in the address, a
 * broken escape) and answers with its own page. This puts the bank's words in its place: the
 * same header, page style and languages as {@code error/page.html}, or problem+json for a
 * program, as {@link ErrorPages} chooses.
 */
@Component
class ContainerErrorPages implements ApplicationListener<WebServerInitializedEvent> {

    private final MessageSource messages;
    private final LocaleResolver locales;

    ContainerErrorPages(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (!(event.getWebServer() instanceof TomcatWebServer tomcat)) {
            return;
        }
        Container host = tomcat.getTomcat().getHost();
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof BankValve)) {
                host.getPipeline().removeValve(valve);
                host.getPipeline().addValve(new BankValve(this));
            }
        }
    }

    /** The page for a status, in the reader's language: the same keys as {@link ErrorPages}. */
    String page(HttpStatus status, Locale locale) {
        String language = locale.getLanguage();
        String key = "error.page." + (status.value() == 400 || status.value() == 404 ? status.value() : "other");
        String title = text(key + ".title", locale);
        return "<!DOCTYPE html><html lang=\"" + language + "\" dir=\"" + ("fa".equals(language) ? "rtl" : "ltr")
                + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
                + "initial-scale=1\"><meta name=\"robots\" content=\"noindex, nofollow\"><title>" + title + " · "
                + text("bank.name", locale) + "</title><link rel=\"stylesheet\" href=\"/css/bank.css\"></head><body>"
                + "<header class=\"bank-header\"><span class=\"bank-name\">" + text("bank.name", locale)
                + "</span></header><main><h1>" + title + "</h1><p>" + text(key + ".body", locale)
                + "</p><p class=\"error-status\">"
                + HtmlUtils.htmlEscape(messages.getMessage("error.page.status", new Object[] {status.value()}, locale))
                + "</p></main><footer class=\"bank-footer\"><p>"
                + text("footer.safety", locale) + "</p></footer></body></html>";
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale));
    }

    /** Tomcat's error report valve, answering with the bank's page instead of Tomcat's. */
    static final class BankValve extends ErrorReportValve {

        private final ContainerErrorPages pages;

        BankValve(ContainerErrorPages pages) {
            this.pages = pages;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            HttpStatus status = HttpStatus.resolve(response.getStatus());
            if (status == null
                    || status.value() < 400
                    || response.getContentWritten() > 0
                    || !response.setErrorReported()) {
                return;
            }
            try {
                String path = request.getRequestURI() == null ? "/" : request.getRequestURI();
                if (ErrorPages.readsProblems(path, request.getHeader("Accept"))) {
                    Problems.write(
                            response,
                            status,
                            status.is4xxClientError() ? "bad_request" : "internal_error",
                            status.getReasonPhrase());
                    return;
                }
                response.setContentType("text/html");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setHeader("Cache-Control", "no-store");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(pages.page(status, pages.locales.resolveLocale(request)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException gone) {
                // the reader left, or the response can no longer be written: nothing more to say
            }
        }
    }
}
