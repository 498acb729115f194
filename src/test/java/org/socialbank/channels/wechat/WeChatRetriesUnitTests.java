package org.socialbank.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.security.otp.Sealer;
import org.socialbank.shared.Network;
import org.springframework.transaction.CannotCreateTransactionException;

/** Review 2026-12-07 channels #2: what a kept WeChat message is stored as, its pauses and its log text. */
class WeChatRetriesUnitTests {

    static final String USER = "oAbc_123-xyz";

    @Test
    @DisplayName("review 2026-12-07 channels #2: every message a WeChat callback reads is kept and read back as it was")
    void everyMessageACallbackReadsIsReadBackAsItWas() {
        List<Map<String, String>> callbacks = List.of(
                callback("MsgType=text", "MsgId=1", "Content=余额 ok"),
                callback("MsgType=text", "MsgId=2", "Content=Yes", "bizmsgmenuid=b_7"),
                callback("MsgType=location", "MsgId=3", "Location_X=48.87", "Location_Y=2.33"),
                callback("MsgType=event", "Event=subscribe", "EventKey=qrscene_x", "CreateTime=1700000000"),
                callback("MsgType=event", "Event=CLICK", "EventKey=BALANCE", "CreateTime=1700000001"));
        for (Map<String, String> xml : callbacks) {
            InboundMessage message = ((WeChatUpdates.Message) WeChatUpdates.read(xml)).message();
            String json = WeChatApi.JSON.writeValueAsString(message);
            assertThat(WeChatApi.JSON.readValue(json, InboundMessage.class))
                    .as(json)
                    .isEqualTo(message);
        }
    }

    /** A callback's fields from {@link #USER}, each {@code name=value}. */
    private static Map<String, String> callback(String... fields) {
        Map<String, String> xml = new java.util.LinkedHashMap<>();
        xml.put("FromUserName", USER);
        for (String field : fields) {
            xml.put(field.substring(0, field.indexOf('=')), field.substring(field.indexOf('=') + 1));
        }
        return xml;
    }

    @Test
    @DisplayName("review 2026-12-07 channels #2: the longest text, sealed, fits its column")
    void theLongestTextSealedFitsItsColumn() {
        InboundMessage message = new InboundMessage(
                Network.WECHAT, "m:1", USER, null, null, new Inbound.Text("\u0001".repeat(Inbound.TEXT_LENGTH_MAX)));
        String json = WeChatApi.JSON.writeValueAsString(message);
        Sealer sealer = new Sealer(new OneTimeCodes(WeChatOAuthUnitTests.PEPPER), "wechat retries");
        String sealed = sealer.seal(json, "m:1");
        assertThat(sealed).hasSizeLessThan(40_000); // V76: message VARCHAR(40000)
        assertThat(sealer.open(sealed, "m:1")).isEqualTo(json);
    }

    @Test
    void pausesDoubleFromFiveSecondsToTenMinutes() {
        assertThat(WeChatRetries.pause(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(WeChatRetries.pause(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(WeChatRetries.pause(7)).isEqualTo(Duration.ofSeconds(320));
        assertThat(WeChatRetries.pause(8)).isEqualTo(Duration.ofMinutes(10));
        assertThat(WeChatRetries.pause(WeChatRetries.TRIES_MAX)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    @DisplayName("review 2026-12-07 channels #2: a fault is logged by its classes, never by its text")
    void aFaultIsNamedByItsClassesOnly() {
        RuntimeException fault = new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("INSERT ... VALUES ('pay $mule 100')"));
        assertThat(WeChatRetries.faultOf(fault))
                .isEqualTo("CannotCreateTransactionException < SQLTransientConnectionException");
        RuntimeException deep = new IllegalStateException("x");
        for (int i = 0; i < 50; i++) {
            deep = new IllegalStateException("y".repeat(100), deep);
        }
        assertThat(WeChatRetries.faultOf(deep)).hasSizeLessThanOrEqualTo(200).doesNotContain("y");
    }
}
