package org.socialbank.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The webhook's CRC answer and signatures (expected values computed apart, with {@code openssl dgst
 * -sha256 -hmac}), and OAuth 1.0a signing against RFC 5849's and X's documented examples.
 */
class XSignaturesUnitTests {

    static final String SECRET = "test-consumer-secret";

    @Test
    void theCrcAnswerIsTheBase64HmacSha256OfTheTokenWithTheConsumerSecret() {
        assertThat(XSignatures.crcResponse(SECRET, "challenge-token-123"))
                .isEqualTo("sha256=DbSl8B/sSHhYmTZiVlZmGNbcZtNb2Ov2Lz+fh9GCrzo=");
    }

    /** Security review #1 (issue 12): the CRC answer must never be the signature of something that could be a body. */
    @Test
    void onlyShortOpaqueBase64LikeCrcTokensAreAnswered() {
        for (String accepted : List.of(
                "challenge-token-123",
                "a",
                "Zm9vYmFy",
                "Zm9vYg==",
                "ab+/cd_-EF==",
                "y7b4K9mQ2xW0pL8sT3vN6cR1fJ5hD9gA",
                "0123456789",
                "x".repeat(XSignatures.CRC_TOKEN_LENGTH_MAX))) {
            assertThat(XSignatures.crcTokenShaped(accepted)).as(accepted).isTrue();
        }
        List<String> refused = new ArrayList<>(List.of(
                "",
                "{\"direct_message_events\":[]}",
                "{",
                "}",
                "abc{",
                "a\"b",
                "a'b",
                "a b",
                "a\tb",
                "a\nb",
                "a\rb",
                "a\u0000b",
                "a\u007fb",
                "abc\u00e9",
                "ab\u200bcd",
                "a%7Bb",
                "a.b",
                "a,b",
                "a:b",
                "[1]",
                "x".repeat(XSignatures.CRC_TOKEN_LENGTH_MAX + 1)));
        refused.add(null);
        for (String token : refused) {
            assertThat(XSignatures.crcTokenShaped(token))
                    .as(String.valueOf(token))
                    .isFalse();
        }
    }

    @Test
    void aBodyIsProvenByItsSignatureOnly() {
        byte[] body = "{\"for_user_id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
        String header = "sha256=9w8aLiVwL38/RQT2UpgtZWWEeF/QIT5N9L+6p4DQweA=";
        assertThat(XSignatures.sign(SECRET, body)).isEqualTo(header);
        assertThat(XSignatures.matches(SECRET, body, header)).isTrue();
        assertThat(XSignatures.matches(SECRET, body, null)).isFalse();
        assertThat(XSignatures.matches(SECRET, body, "")).isFalse();
        assertThat(XSignatures.matches(SECRET, body, "9w8aLiVwL38/RQT2UpgtZWWEeF/QIT5N9L+6p4DQweA="))
                .isFalse();
        assertThat(XSignatures.matches("another-secret", body, header)).isFalse();
        byte[] changed = "{\"for_user_id\":\"2\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(XSignatures.matches(SECRET, changed, header)).isFalse();
    }

    /** RFC 5849 section 3.4.1.1: query, form body and oauth parameters, sorted and encoded twice. */
    @Test
    void theSignatureBaseStringOfRfc5849() {
        URI uri = URI.create("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        List<OAuth1.Param> params = new ArrayList<>(OAuth1.queryParams(uri));
        params.add(new OAuth1.Param("c2", ""));
        params.add(new OAuth1.Param("a3", "2 q"));
        params.add(new OAuth1.Param("oauth_consumer_key", "9djdj82h48djs9d2"));
        params.add(new OAuth1.Param("oauth_token", "kkk9d7dh3k39sjv7"));
        params.add(new OAuth1.Param("oauth_signature_method", "HMAC-SHA1"));
        params.add(new OAuth1.Param("oauth_timestamp", "137131201"));
        params.add(new OAuth1.Param("oauth_nonce", "7d8f3e4a"));
        assertThat(OAuth1.baseString("post", uri, params))
                .isEqualTo("POST&http%3A%2F%2Fexample.com%2Frequest"
                        + "&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D"
                        + "%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a"
                        + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201"
                        + "%26oauth_token%3Dkkk9d7dh3k39sjv7");
    }

    /** RFC 5849 section 1.2: the photo printing example. */
    @Test
    void theSignatureOfRfc5849sExample() {
        URI uri = URI.create("http://photos.example.net/photos?file=vacation.jpg&size=original");
        List<OAuth1.Param> params = new ArrayList<>(OAuth1.queryParams(uri));
        params.add(new OAuth1.Param("oauth_consumer_key", "dpf43f3p2l4k3l03"));
        params.add(new OAuth1.Param("oauth_token", "nnch734d00sl2jdk"));
        params.add(new OAuth1.Param("oauth_signature_method", "HMAC-SHA1"));
        params.add(new OAuth1.Param("oauth_timestamp", "137131202"));
        params.add(new OAuth1.Param("oauth_nonce", "chapoH"));
        String base = OAuth1.baseString("GET", uri, params);
        assertThat(OAuth1.signature(base, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00"))
                .isEqualTo("MdpQcU8iPSUjWoN/UDMsK2sui9I=");
    }

    /** X's "Creating a signature" example, through the whole Authorization header. */
    @Test
    void theAuthorizationHeaderOfXsExample() {
        OAuth1.Credentials credentials = new OAuth1.Credentials(
                "xvz1evFS4wEEPTGEFPHBog",
                "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
                "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
                "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");
        String header = OAuth1.authorization(
                credentials,
                "POST",
                URI.create("https://api.twitter.com/1.1/statuses/update.json?include_entities=true"),
                List.of(new OAuth1.Param("status", "Hello Ladies + Gentlemen, a signed OAuth request!")),
                "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
                1318622958);
        assertThat(header)
                .startsWith("OAuth oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\", ")
                .contains("oauth_nonce=\"kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg\"")
                .contains(
                        "oauth_signature_method=\"HMAC-SHA1\"",
                        "oauth_timestamp=\"1318622958\"",
                        "oauth_version=\"1.0\"")
                .contains("oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\"");
    }

    @Test
    void percentEncodingFollowsRfc3986() {
        assertThat(OAuth1.encode("Ladies + Gentlemen")).isEqualTo("Ladies%20%2B%20Gentlemen");
        assertThat(OAuth1.encode("An encoded string!")).isEqualTo("An%20encoded%20string%21");
        assertThat(OAuth1.encode("Dogs, Cats & Mice")).isEqualTo("Dogs%2C%20Cats%20%26%20Mice");
        assertThat(OAuth1.encode("☃")).isEqualTo("%E2%98%83");
        assertThat(OAuth1.encode("-._~")).isEqualTo("-._~");
    }

    @Test
    void theBaseUriDropsDefaultPortsAndTheQuery() {
        assertThat(OAuth1.baseUri(URI.create("HTTP://EXAMPLE.COM:80/r%20v/X?id=123")))
                .isEqualTo("http://example.com/r%20v/X");
        assertThat(OAuth1.baseUri(URI.create("https://www.example.net:8080/?q=1")))
                .isEqualTo("https://www.example.net:8080/");
    }
}
