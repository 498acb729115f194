package org.socialbank.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * The {@code /dev/**} pages (one-time codes, minting credits) answer only this machine: a request
 * from any other address gets the same 404 as outside demo mode, although the server listens on
 * every interface (review 2026-12-07 docs follow-up).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DevPagesLoopbackFilter extends OncePerRequestFilter {

    /**
     * Judged on the path as typed and as the dispatcher reads it (decoded, normalized by the
     * container): "/%64ev/sms" is served by the /dev/sms page (found on the reread).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String typed =
                request.getRequestURI().substring(request.getContextPath().length());
        String decoded = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return !(underDev(typed)
                || underDev(decoded)
                || underDev(UrlPathHelper.defaultInstance.getLookupPathForRequest(request)));
    }

    private static boolean underDev(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return lower.equals("/dev")
                || lower.startsWith("/dev/")
                || lower.startsWith("/dev.")
                || lower.startsWith("/dev;");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!loopback(request.getRemoteAddr())) {
            Problems.write(response, HttpStatus.NOT_FOUND, "not_found", "No such page.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether a remote address is a literal loopback address (no DNS is asked). */
    static boolean loopback(String address) {
        if (address == null || address.isBlank() || !address.matches("[0-9a-fA-F:.\\[\\]%a-zA-Z]+")) {
            return false;
        }
        try {
            String literal = address.startsWith("[") && address.endsWith("]")
                    ? address.substring(1, address.length() - 1)
                    : address;
            if (!literal.contains(":") && !literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                return false; // a name, not a literal address: never looked up
            }
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
