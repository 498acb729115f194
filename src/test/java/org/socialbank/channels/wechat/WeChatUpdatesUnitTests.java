package org.socialbank.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;

/** WeChat's XML read as the engine's messages, and the bank's replies written as WeChat text. */
class WeChatUpdatesUnitTests {

    static final String USER = "oia2TjjewbmiOUlr6X-1crbLOvLw";

    @Test
    void qrScenesOfSubscribeAndScan() {
        assertThat(WeChatUpdates.scene(event("subscribe", "qrscene_branch_PAR-01")))
                .contains("branch_PAR-01");
        assertThat(WeChatUpdates.scene(event("SCAN", "branch_PAR-01"))).contains("branch_PAR-01");
        assertThat(WeChatUpdates.scene(event("subscribe", ""))).isEmpty();
        assertThat(WeChatUpdates.scene(event("subscribe", "branch_PAR-01")))
                .as("a subscribe's scene is prefixed")
                .isEmpty();
        assertThat(WeChatUpdates.scene(event("CLICK", "qrscene_branch_PAR-01"))).isEmpty();
        assertThat(WeChatUpdates.scene(event("SCAN", "x".repeat(65)))).isEmpty();
        assertThat(WeChatUpdates.scene(event("SCAN", "a\nb"))).isEmpty();
        assertThat(WeChatUpdates.scene(Map.of("FromUserName", USER, "MsgType", "text", "EventKey", "x")))
                .isEmpty();
    }

    private static Map<String, String> event(String event, String key) {
        return Map.of(
                "FromUserName", USER, "MsgType", "event", "Event", event, "EventKey", key, "CreateTime", "1700000000");
    }

    @Test
    void textLocationAndMenuChoices() {
        WeChatUpdates.Message text = (WeChatUpdates.Message) WeChatUpdates.read(
                Map.of("FromUserName", USER, "MsgType", "text", "Content", "balance", "MsgId", "1234567890123456"));
        assertThat(text.message().externalMessageId()).isEqualTo("m:1234567890123456");
        assertThat(text.message().externalUserId()).isEqualTo(USER);
        assertThat(text.message().content()).isEqualTo(new Inbound.Text("balance"));

        WeChatUpdates.Message menuLink = (WeChatUpdates.Message) WeChatUpdates.read(Map.of(
                "FromUserName",
                USER,
                "MsgType",
                "text",
                "Content",
                "Confirm",
                "bizmsgmenuid",
                "AbC_-123",
                "MsgId",
                "2"));
        assertThat(menuLink.message().content()).isEqualTo(new Inbound.Button("AbC_-123"));
        WeChatUpdates.Message oddMenuId = (WeChatUpdates.Message) WeChatUpdates.read(Map.of(
                "FromUserName", USER, "MsgType", "text", "Content", "Confirm", "bizmsgmenuid", "a b<c>", "MsgId", "3"));
        assertThat(oddMenuId.message().content())
                .as("a malformed menu id is only text")
                .isEqualTo(new Inbound.Text("Confirm"));

        WeChatUpdates.Message location = (WeChatUpdates.Message) WeChatUpdates.read(Map.of(
                "FromUserName",
                USER,
                "MsgType",
                "location",
                "Location_X",
                "31.2304",
                "Location_Y",
                "121.4737",
                "MsgId",
                "4"));
        assertThat(location.message().content()).isEqualTo(new Inbound.Location(31.2304, 121.4737));

        WeChatUpdates.Message click = (WeChatUpdates.Message) WeChatUpdates.read(Map.of(
                "FromUserName",
                USER,
                "MsgType",
                "event",
                "Event",
                "CLICK",
                "EventKey",
                "BALANCE",
                "CreateTime",
                "1700000000"));
        assertThat(click.message().content()).isEqualTo(new Inbound.Text("balance"));
    }

    @Test
    void eventsAreKeyedBySenderTimeEventAndKey() {
        Map<String, String> subscribe = Map.of(
                "FromUserName",
                USER,
                "MsgType",
                "event",
                "Event",
                "subscribe",
                "EventKey",
                "qrscene_123",
                "CreateTime",
                "1700000000");
        WeChatUpdates.Message first = (WeChatUpdates.Message) WeChatUpdates.read(subscribe);
        WeChatUpdates.Message retry = (WeChatUpdates.Message) WeChatUpdates.read(subscribe);
        assertThat(first.message().content()).isEqualTo(new Inbound.Start());
        assertThat(retry.message().externalMessageId())
                .isEqualTo(first.message().externalMessageId());

        WeChatUpdates.Message otherKey = (WeChatUpdates.Message) WeChatUpdates.read(Map.of(
                "FromUserName",
                USER,
                "MsgType",
                "event",
                "Event",
                "CLICK",
                "EventKey",
                "PAY",
                "CreateTime",
                "1700000000"));
        WeChatUpdates.Message sameSecond = (WeChatUpdates.Message) WeChatUpdates.read(Map.of(
                "FromUserName",
                USER,
                "MsgType",
                "event",
                "Event",
                "CLICK",
                "EventKey",
                "BALANCE",
                "CreateTime",
                "1700000000"));
        assertThat(otherKey.message().externalMessageId())
                .isNotEqualTo(sameSecond.message().externalMessageId());

        assertThat(WeChatUpdates.read(Map.of(
                        "FromUserName", USER, "MsgType", "event", "Event", "unsubscribe", "CreateTime", "1700000001")))
                .isInstanceOf(WeChatUpdates.Unsubscribed.class);
        assertThat(WeChatUpdates.read(Map.of(
                        "FromUserName", USER, "MsgType", "event", "Event", "LOCATION", "CreateTime", "1700000001")))
                .isInstanceOf(WeChatUpdates.Ignored.class);
        assertThat(WeChatUpdates.read(Map.of(
                        "FromUserName",
                        USER,
                        "MsgType",
                        "event",
                        "Event",
                        "TEMPLATESENDJOBFINISH",
                        "CreateTime",
                        "1700000001")))
                .isInstanceOf(WeChatUpdates.Ignored.class);
        assertThat(WeChatUpdates.read(Map.of("FromUserName", USER, "MsgType", "image", "MsgId", "5")))
                .isInstanceOf(WeChatUpdates.Unreadable.class);
        String longKey = "k".repeat(200);
        WeChatUpdates.Message hashed = (WeChatUpdates.Message) WeChatUpdates.read(Map.of(
                "FromUserName",
                USER,
                "MsgType",
                "event",
                "Event",
                "SCAN",
                "EventKey",
                longKey,
                "CreateTime",
                "1700000002"));
        assertThat(hashed.message().externalMessageId()).startsWith("eh:").hasSizeLessThanOrEqualTo(128);
    }

    @Test
    void malformedCallbacksAreRefused() {
        assertThatThrownBy(() -> WeChatUpdates.read(Map.of("MsgType", "text", "MsgId", "1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeChatUpdates.read(Map.of("FromUserName", USER, "MsgType", "text", "MsgId", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeChatUpdates.read(Map.of(
                        "FromUserName",
                        USER,
                        "MsgType",
                        "location",
                        "Location_X",
                        "200",
                        "Location_Y",
                        "0",
                        "MsgId",
                        "1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void xmlWithADoctypeIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><Content>&x;</Content></xml>";
        assertThat(WeChatXml.parse(xxe)).isEmpty();
        assertThat(WeChatXml.parse("<xml><a>1</a>")).isEmpty();
        assertThat(WeChatXml.parse("<other><a>1</a></other>")).isEmpty();
        String written = WeChatXml.write(new java.util.LinkedHashMap<>(Map.of("Content", "a ]]> b")));
        assertThat(WeChatXml.parse(written).orElseThrow().get("Content")).isEqualTo("a ]]> b");
    }

    @Test
    void buttonsBecomeMenuLinksThatComeBackAsButtons() {
        String text = WeChatReplies.text(new Outbound.Buttons(
                "Pay €5 to Camille D.?",
                List.of(new Outbound.Button("Confirm", "ref_A-1"), new Outbound.Button("Cancel & <stop>", "ref_B-2"))));
        assertThat(text)
                .contains("<a href=\"weixin://bizmsgmenu?msgmenucontent=Confirm&msgmenuid=ref_A-1\">Confirm</a>")
                .contains("msgmenucontent=Cancel%20%26%20%3Cstop%3E&msgmenuid=ref_B-2\">Cancel &amp; &lt;stop&gt;</a>");
        assertThat(WeChatReplies.text(
                        new Outbound.Link("Sign in to link", "Open", "https://bank.example/link/x?a=1&b=2")))
                .contains("<a href=\"https://bank.example/link/x?a=1&amp;b=2\">Open</a>");
        assertThat(WeChatReplies.text(new Outbound.Receipt("Paid", List.of("€5.00", "to Camille D."))))
                .isEqualTo("Paid\n€5.00\nto Camille D.");
    }

    /** Issue 17, 3.13: WeChat's report of a finished mass send, with its counts. */
    @Test
    void aFinishedMassSendIsReadWithItsCounts() {
        java.util.Map<String, String> xml = new java.util.HashMap<>(Map.of(
                "FromUserName", USER, "MsgType", "event", "Event", "MASSSENDJOBFINISH", "CreateTime", "1700000002"));
        xml.putAll(Map.of(
                "MsgID", "1000001625",
                "Status", "send success",
                "TotalCount", "100",
                "FilterCount", "80",
                "SentCount", "75",
                "ErrorCount", "5"));
        assertThat(WeChatUpdates.read(xml))
                .isEqualTo(new WeChatUpdates.MassSendFinished(1000001625L, "send success", 100, 80, 75, 5));
    }
}
