package org.socialbank.shared.web;

/**
 * A request path whose bodies may be larger than {@code socialbank.http.max-body-bytes}: a
 * platform's webhook that batches many events in one post (WhatsApp's go up to 3 MB; review
 * 2026-12-07 whatsapp follow-up #3). A module declares one as a bean; {@link
 * RequestSizeLimitFilter} applies it to that path within the application, with or without a
 * trailing slash or {@code ;} path parameters.
 *
 * @param path the request path within the application ({@code /webhooks/whatsapp})
 * @param maxBytes the largest body taken there
 */
public record RequestBodyLimit(String path, long maxBytes) {

    public RequestBodyLimit {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a request body limit's path starts with '/': " + path);
        }
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("a request body limit is at least 1024 bytes: " + maxBytes);
        }
    }
}
