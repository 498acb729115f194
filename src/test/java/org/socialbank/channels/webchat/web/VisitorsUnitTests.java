package org.socialbank.channels.webchat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.security.WebProperties;
import org.socialbank.security.otp.OneTimeCodes;

/** Server-minted, signed web-chat sessions and the per-address key (security review #9, #10). */
class VisitorsUnitTests {

    static final byte[] PEPPER = "a test pepper of at least thirty-two bytes!".getBytes(StandardCharsets.UTF_8);

    final Visitors visitors = new Visitors(new OneTimeCodes(PEPPER), new WebProperties(true));

    @Test
    @DisplayName("security review #10: only a cookie the server signed is a visitor; the id is a hash of its secret")
    void onlyServerSignedCookiesAreVisitors() {
        Visitors.Session session = visitors.mint();
        assertThat(visitors.visitor(session.cookie())).contains(session.visitor());
        assertThat(session.visitor()).startsWith("v-").hasSize(45);
        assertThat(session.cookie()).doesNotContain(session.visitor().substring(2));
        assertThat(visitors.mint().visitor()).isNotEqualTo(session.visitor());

        String secret = session.cookie().substring(0, 43);
        assertThat(visitors.visitor(secret)).as("the old, unsigned format").isEmpty();
        assertThat(visitors.visitor(secret + "." + "A".repeat(43)))
                .as("a forged signature")
                .isEmpty();
        assertThat(visitors.visitor((String) null)).isEmpty();
        assertThat(visitors.visitor(session.cookie() + "x")).isEmpty();
        Visitors otherBank = new Visitors(
                new OneTimeCodes("another pepper, also thirty-two bytes long".getBytes(StandardCharsets.UTF_8)),
                new WebProperties(true));
        assertThat(otherBank.visitor(session.cookie()))
                .as("signed with another key")
                .isEmpty();
    }

    @Test
    @DisplayName("security review #10: the cookie is __Host-: Secure, Path=/, no Domain, HttpOnly")
    void theCookieHasTheHostPrefix() {
        String header = visitors.setCookie(visitors.mint().cookie());
        assertThat(header)
                .startsWith("__Host-sb_chat=")
                .contains("Path=/;", "Secure", "HttpOnly", "SameSite=Lax")
                .doesNotContainIgnoringCase("Domain=");
        Visitors plain = new Visitors(new OneTimeCodes(PEPPER), new WebProperties(false));
        assertThat(plain.setCookie("x")).startsWith("sb_chat=").doesNotContain("Secure");
    }

    @Test
    @DisplayName("security review #9: IPv6 addresses count by their /64, IPv4 by the address")
    void addressKeys() {
        assertThat(WebChatSessions.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(WebChatSessions.addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .endsWith("/64");
        assertThat(WebChatSessions.addressKey("2001:db8:1:3::1"))
                .isNotEqualTo(WebChatSessions.addressKey("2001:db8:1:2::1"));
        assertThat(WebChatSessions.addressKey("192.0.2.1")).isNotEqualTo(WebChatSessions.addressKey("192.0.2.2"));
        assertThat(WebChatSessions.addressKey("::ffff:192.0.2.1")).isEqualTo(WebChatSessions.addressKey("192.0.2.1"));
        assertThat(WebChatSessions.addressKey("example.com")).isEqualTo("unknown");
        assertThat(WebChatSessions.addressKey(null)).isEqualTo("unknown");
    }
}
