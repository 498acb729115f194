package org.socialbank.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body: a declared length over the maximum is refused before anything is
 * read, and a chunked body is cut off as soon as it passes the maximum. The maximum is {@code
 * socialbank.http.max-body-bytes}, except on the paths a module gave a {@link RequestBodyLimit}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long defaultMaxBytes;
    private final Map<String, Long> maxBytesByPath;

    RequestSizeLimitFilter(HttpProperties properties, ObjectProvider<RequestBodyLimit> limits) {
        this.defaultMaxBytes = properties.maxBodyBytes();
        this.maxBytesByPath = limits.orderedStream()
                .collect(Collectors.toUnmodifiableMap(l -> normalised(l.path()), RequestBodyLimit::maxBytes));
    }

    /**
     * The path a limit is looked up by: the path within the application (the servlet path and path
     * info, so without the context path), its {@code ;} path parameters (a {@code ;jsessionid})
     * cut from every segment and its trailing slashes dropped. The request URI matched only the
     * exact path, so {@code /webhooks/whatsapp/} got the 64 KiB default (reread 2026-12-08).
     */
    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        return normalised(servletPath + pathInfo);
    }

    static String normalised(String path) {
        String plain = path.replaceAll(";[^/]*", "");
        int end = plain.length();
        while (end > 1 && plain.charAt(end - 1) == '/') {
            end--;
        }
        return end == 0 ? "/" : plain.substring(0, end);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = maxBytesByPath.getOrDefault(path(request), defaultMaxBytes);
        if (request.getContentLengthLong() > maxBytes) {
            Problems.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "request_too_large",
                    "The request body is larger than " + maxBytes + " bytes.");
            return;
        }
        chain.doFilter(new BoundedRequest(request, maxBytes), response);
    }

    private static final class BoundedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        BoundedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long readBytes;

        BoundedStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            readBytes += n;
            if (readBytes > maxBytes) {
                throw new RequestTooLarge(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
