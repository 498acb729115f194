package org.socialbank.channels.x;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth 1.0a request signing with HMAC-SHA1 (RFC 5849, section 3), as X requires to act as the
 * bank's account: the signature base string of the method, the base URI and the sorted,
 * percent-encoded parameters (query, form body and {@code oauth_*}; a JSON body is not signed),
 * keyed with the consumer secret and the token secret. Plain Java.
 */
final class OAuth1 {

    /** The four values of a user-context signature. */
    record Credentials(String consumerKey, String consumerSecret, String token, String tokenSecret) {

        @Override
        public String toString() {
            return "Credentials[" + consumerKey + "]"; // never the secrets
        }
    }

    /** One request parameter, not encoded. */
    record Param(String name, String value) {}

    private OAuth1() {}

    /**
     * The {@code Authorization} header of one request.
     *
     * @param formParams the decoded parameters of an {@code application/x-www-form-urlencoded} body, else empty
     */
    static String authorization(
            Credentials c, String method, URI uri, List<Param> formParams, String nonce, long timestampSeconds) {
        List<Param> oauth = oauthParams(c, nonce, timestampSeconds);
        List<Param> all = new ArrayList<>(queryParams(uri));
        all.addAll(formParams);
        all.addAll(oauth);
        String signature = signature(baseString(method, uri, all), c.consumerSecret(), c.tokenSecret());
        List<Param> header = new ArrayList<>(oauth);
        header.add(new Param("oauth_signature", signature));
        return "OAuth "
                + header.stream()
                        .map(p -> encode(p.name()) + "=\"" + encode(p.value()) + "\"")
                        .collect(Collectors.joining(", "));
    }

    static List<Param> oauthParams(Credentials c, String nonce, long timestampSeconds) {
        return List.of(
                new Param("oauth_consumer_key", c.consumerKey()),
                new Param("oauth_nonce", nonce),
                new Param("oauth_signature_method", "HMAC-SHA1"),
                new Param("oauth_timestamp", Long.toString(timestampSeconds)),
                new Param("oauth_token", c.token()),
                new Param("oauth_version", "1.0"));
    }

    /** Section 3.4.1: method, base string URI and normalized parameters, each encoded, joined by '&'. */
    static String baseString(String method, URI uri, List<Param> params) {
        String normalized = params.stream()
                .map(p -> new Param(encode(p.name()), encode(p.value())))
                .sorted(Comparator.comparing(Param::name).thenComparing(Param::value))
                .map(p -> p.name() + "=" + p.value())
                .collect(Collectors.joining("&"));
        return method.toUpperCase(Locale.ROOT) + "&" + encode(baseUri(uri)) + "&" + encode(normalized);
    }

    /** Section 3.4.1.2: scheme and host in lower case, the port only when not the scheme's default, no query. */
    static String baseUri(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    /** Section 3.4.2: HMAC-SHA1 keyed with both secrets, base64. */
    static String signature(String baseString, String consumerSecret, String tokenSecret) {
        String key = encode(consumerSecret) + "&" + encode(tokenSecret == null ? "" : tokenSecret);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA1", e);
        }
    }

    /** The query's parameters, decoded as a form ('+' is a space). */
    static List<Param> queryParams(URI uri) {
        String query = uri.getRawQuery();
        List<Param> params = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(new Param(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return params;
    }

    /** Section 3.6: every byte but ALPHA, DIGIT, '-', '.', '_' and '~' as %XX (upper-case hex). */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
