package org.socialbank.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Whatever reaches the servlet container's error page (an unknown address, a request the
 * firewall refused, a form without its CSRF token, a failure in a filter) is answered in the
 * language its reader expects: people on the bank's pages get the bank's own localized page,
 * programs calling {@code /api/**}, the webhooks or asking for JSON get {@code problem+json}.
 */
@Controller
class ErrorPages implements ErrorController {

    /**
     * Addresses answered to programs, never to a person; the demo's {@code /dev/} tools keep
     * their problem+json 404 outside demo mode, whatever the browser asks for.
     */
    private static final List<String> PROGRAM_PREFIXES =
            List.of("/api/", "/webhooks/", "/actuator/", "/v3/api-docs", "/dev/");

    /** Statuses with their own words on the page; the others read as the generic one. */
    private static final Set<Integer> WORDED = Set.of(400, 404, 405, 500);

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri.substring(Math.min(request.getContextPath().length(), uri.length()))
                : "/error";
        if (readsProblems(path, request.getHeader(HttpHeaders.ACCEPT))) {
            Problems.write(response, status, code(status), status.getReasonPhrase());
            return null;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        ModelAndView page = new ModelAndView("error/page", status);
        String key = status == HttpStatus.FORBIDDEN
                ? "error.forbidden"
                : "error.page." + (WORDED.contains(status.value()) ? status.value() : "other");
        page.addObject("titleKey", key + ".title");
        page.addObject("bodyKey", key + ".body");
        page.addObject("status", status.value());
        return page;
    }

    /**
     * True when the request came from a program: an API, webhook or actuator address, a
     * {@code .json} address, or an {@code Accept} asking for JSON and not for HTML.
     */
    static boolean readsProblems(String path, String accept) {
        if (PROGRAM_PREFIXES.stream().anyMatch(path::startsWith) || path.equals("/api") || path.endsWith(".json")) {
            return true;
        }
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    static boolean readsProblems(HttpServletRequest request) {
        return readsProblems(
                request.getRequestURI().substring(request.getContextPath().length()),
                request.getHeader(HttpHeaders.ACCEPT));
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (code == null) {
            return HttpStatus.NOT_FOUND;
        }
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String code(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "bad_request";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "request_too_large";
            case 500 -> "internal_error";
            default -> status.is4xxClientError() ? "invalid_request" : "unavailable";
        };
    }
}
