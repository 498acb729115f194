package org.socialbank.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WeChat's published example vectors, round trips, and what must be refused. */
class WeChatCryptoUnitTests {

    // WeChat's sample code for the Official Account message encryption ("消息加解密", WXBizMsgCryptTest)
    static final String SAMPLE_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String SAMPLE_TOKEN = "pamtest";
    static final String SAMPLE_APP_ID = "wxb11529c136998cb6";
    static final String SAMPLE_RANDOM = "aaaabbbbccccdddd";
    static final String SAMPLE_REPLY = "我是中文abcd123";
    static final String SAMPLE_ENCRYPTED =
            "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZG" + "MhkP72vVOfg==";

    // WeChat's sample callback: token, key, AppId, query and the Encrypt value with its msg_signature
    static final String CALLBACK_TOKEN = "QDG6eK";
    static final String CALLBACK_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String CALLBACK_APP_ID = "wx5823bf96d3bd56c7";
    static final String CALLBACK_SIGNATURE = "477715d11cdb4164915debcba66cb864d751f3e6";
    static final String CALLBACK_TIMESTAMP = "1409659813";
    static final String CALLBACK_NONCE = "1372623149";
    static final String CALLBACK_ENCRYPT =
            "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHh"
                    + "Gd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06D"
                    + "OdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNq"
                    + "bSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8"
                    + "g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

    @Test
    void theOfficialCallbackSignatureMatches() {
        WeChatCrypto crypto = new WeChatCrypto(CALLBACK_TOKEN, CALLBACK_APP_ID, CALLBACK_KEY);
        assertThat(crypto.signature(CALLBACK_TIMESTAMP, CALLBACK_NONCE, CALLBACK_ENCRYPT))
                .isEqualTo(CALLBACK_SIGNATURE);
        assertThat(crypto.verify(CALLBACK_SIGNATURE, CALLBACK_TIMESTAMP, CALLBACK_NONCE, CALLBACK_ENCRYPT))
                .isTrue();
        assertThat(crypto.verify(
                        CALLBACK_SIGNATURE.toUpperCase(), CALLBACK_TIMESTAMP, CALLBACK_NONCE, CALLBACK_ENCRYPT))
                .as("hex in either case")
                .isTrue();
    }

    @Test
    void theOfficialCallbackDecryptsToItsMessageForItsAppId() {
        WeChatCrypto crypto = new WeChatCrypto(CALLBACK_TOKEN, CALLBACK_APP_ID, CALLBACK_KEY);
        String xml = crypto.decrypt(CALLBACK_ENCRYPT).orElseThrow();
        Map<String, String> fields = WeChatXml.parse(xml).orElseThrow();
        assertThat(fields).containsKeys("ToUserName", "FromUserName", "CreateTime", "MsgType");
        assertThat(fields.get("ToUserName")).isEqualTo(CALLBACK_APP_ID);
    }

    @Test
    void theOfficialEncryptionExampleIsReproduced() {
        WeChatCrypto crypto = new WeChatCrypto(SAMPLE_TOKEN, SAMPLE_APP_ID, SAMPLE_KEY);
        byte[] random = SAMPLE_RANDOM.getBytes(StandardCharsets.US_ASCII);
        assertThat(crypto.encrypt(random, SAMPLE_REPLY)).isEqualTo(SAMPLE_ENCRYPTED);
        assertThat(crypto.decrypt(SAMPLE_ENCRYPTED)).contains(SAMPLE_REPLY);
    }

    @Test
    void aMessageForAnotherAppIdIsRefused() {
        WeChatCrypto other = new WeChatCrypto(SAMPLE_TOKEN, "wx0000000000000000", SAMPLE_KEY);
        assertThat(other.decrypt(SAMPLE_ENCRYPTED)).isEmpty();
        WeChatCrypto wrongCallback = new WeChatCrypto(CALLBACK_TOKEN, SAMPLE_APP_ID, CALLBACK_KEY);
        assertThat(wrongCallback.decrypt(CALLBACK_ENCRYPT)).isEmpty();
    }

    @Test
    void forgedSignaturesAndDamagedCiphertextsAreRefused() {
        WeChatCrypto crypto = new WeChatCrypto(CALLBACK_TOKEN, CALLBACK_APP_ID, CALLBACK_KEY);
        String forged = (CALLBACK_SIGNATURE.charAt(0) == '0' ? "1" : "0") + CALLBACK_SIGNATURE.substring(1);
        assertThat(crypto.verify(forged, CALLBACK_TIMESTAMP, CALLBACK_NONCE, CALLBACK_ENCRYPT))
                .isFalse();
        assertThat(crypto.verify(CALLBACK_SIGNATURE, CALLBACK_TIMESTAMP, "1372623150", CALLBACK_ENCRYPT))
                .isFalse();
        assertThat(crypto.verify(null, CALLBACK_TIMESTAMP, CALLBACK_NONCE)).isFalse();
        assertThat(crypto.verify("", CALLBACK_TIMESTAMP, CALLBACK_NONCE)).isFalse();
        assertThat(crypto.decrypt("not base64 at all!")).isEmpty();
        assertThat(crypto.decrypt("AAAA")).isEmpty();
        char[] damaged = CALLBACK_ENCRYPT.toCharArray();
        damaged[damaged.length - 8] = damaged[damaged.length - 8] == 'A' ? 'B' : 'A';
        assertThat(crypto.decrypt(new String(damaged))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 4L, 5L})
    void encryptionRoundTrips(long seed) {
        Random random = new Random(seed);
        WeChatCrypto crypto = new WeChatCrypto(SAMPLE_TOKEN, SAMPLE_APP_ID, SAMPLE_KEY);
        for (int i = 0; i < 50; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(200);
            for (int c = 0; c < length; c++) {
                text.append(
                        random.nextInt(4) == 0
                                ? (char) ('一' + random.nextInt(500))
                                : (char) (' ' + random.nextInt(95)));
            }
            String plain = "<xml><Content><![CDATA[" + text + "]]></Content></xml>";
            assertThat(crypto.decrypt(crypto.encrypt(plain)))
                    .as("seed %d, round %d", seed, i)
                    .contains(plain);
        }
    }

    @Test
    void theUrlCheckSignsTokenTimestampAndNonce() {
        WeChatCrypto crypto = new WeChatCrypto("token123", "wx1", "");
        String expected = sha1Hex(sorted("token123", "1700000000", "42"));
        assertThat(crypto.signature("1700000000", "42")).isEqualTo(expected);
    }

    private static String sorted(String... parts) {
        java.util.Arrays.sort(parts);
        return String.join("", parts);
    }

    private static String sha1Hex(String s) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-1")
                            .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
