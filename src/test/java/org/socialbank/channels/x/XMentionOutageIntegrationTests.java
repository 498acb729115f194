package org.socialbank.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * A public mention on X that listening could not store for a database fault is asked of X again
 * (503), through the real listener ({@code listening.ChannelMentions}) and the real mentions table,
 * and stored once when X posts it again (review 2026-12-07 channels follow-up).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class XMentionOutageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void x(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        XContract.x(registry); // the same account and fake X as the contract's
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: a mention the mentions table could not take is answered 503,"
            + " and recorded exactly once when X posts it again")
    void aMentionTheStoreCouldNotTakeIsPostedAgainAndRecordedOnce() throws Exception {
        String tweetId = XContract.id();
        ObjectNode payload = XContract.tweet(
                "tweet-create",
                XContract.id(),
                tweetId,
                "@" + Recorded.BANK_NAME + " my card was declined twice today");
        byte[] body = Recorded.bytes(payload);
        String signature = XSignatures.sign(XContract.SECRET, body);
        // the mentions table alone fails, as a real store fails: every statement on it throws
        jdbc.sql("ALTER TABLE listening_mentions RENAME TO listening_mentions_away")
                .update();
        HttpResponse<String> during;
        try {
            during = post(body, signature);
        } finally {
            jdbc.sql("ALTER TABLE listening_mentions_away RENAME TO listening_mentions")
                    .update();
        }
        assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
        assertThat(mentions(tweetId)).isZero();
        // X posts it again, twice: one mention
        assertThat(post(body, signature).statusCode()).isEqualTo(200);
        assertThat(post(body, signature).statusCode()).isEqualTo(200);
        assertThat(mentions(tweetId)).isOne();
    }

    private int mentions(String tweetId) {
        return jdbc.sql("SELECT COUNT(*) FROM listening_mentions WHERE source = 'x' AND source_id = ?")
                .param(tweetId)
                .query(Integer.class)
                .single();
    }

    private HttpResponse<String> post(byte[] body, String signature) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/x"))
                        .header("Content-Type", "application/json")
                        .header("x-twitter-webhooks-signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
