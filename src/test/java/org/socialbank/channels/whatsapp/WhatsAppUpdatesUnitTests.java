package org.socialbank.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.shared.Network;
import tools.jackson.databind.node.ObjectNode;

class WhatsAppUpdatesUnitTests {

    static final String NUMBER = Recorded.PHONE_NUMBER_ID;

    static WhatsAppUpdates.Message only(ObjectNode payload) {
        List<WhatsAppUpdates.Event> events = WhatsAppUpdates.read(payload, NUMBER);
        assertThat(events).hasSize(1);
        return (WhatsAppUpdates.Message) events.get(0);
    }

    static InboundMessage message(String name) {
        return only(Recorded.payload(name)).message().orElseThrow();
    }

    /** Issue 17, 2.5: Meta's user_preferences "stop" for marketing messages is a Stop; "resume" is no consent. */
    @Test
    void aMarketingStopInTheUsersPreferencesIsAStopAndAResumeIsNotAnswered() {
        List<WhatsAppUpdates.Event> events = WhatsAppUpdates.read(Recorded.payload("user-preferences-stop"), NUMBER);
        assertThat(events).singleElement().isInstanceOf(WhatsAppUpdates.Preference.class);
        InboundMessage stop =
                ((WhatsAppUpdates.Preference) events.get(0)).message().orElseThrow();
        assertThat(stop.content()).isEqualTo(new Inbound.Stop());
        assertThat(stop.externalUserId()).isEqualTo(Recorded.SHEENA);
        assertThat(stop.externalMessageId()).isEqualTo("p:" + Recorded.SHEENA + ":stop:1749416400");

        ObjectNode resume = Recorded.payload("user-preferences-stop");
        ((ObjectNode) resume.path("entry")
                        .get(0)
                        .path("changes")
                        .get(0)
                        .path("value")
                        .path("user_preferences")
                        .get(0))
                .put("value", "resume");
        assertThat(WhatsAppUpdates.read(resume, NUMBER))
                .singleElement()
                .satisfies(e ->
                        assertThat(((WhatsAppUpdates.Preference) e).message()).isEmpty());
        ObjectNode otherCategory = Recorded.payload("user-preferences-stop");
        ((ObjectNode) otherCategory
                        .path("entry")
                        .get(0)
                        .path("changes")
                        .get(0)
                        .path("value")
                        .path("user_preferences")
                        .get(0))
                .put("category", "something_else");
        assertThat(WhatsAppUpdates.read(otherCategory, NUMBER)).isEmpty();
    }

    @Test
    void aTextIsTheEnginesTextFromTheSendersNumberKeyedByItsWamid() {
        WhatsAppUpdates.Message read = only(Recorded.payload("text"));
        InboundMessage message = read.message().orElseThrow();
        assertThat(message.channel()).isEqualTo(Network.WHATSAPP);
        assertThat(message.externalUserId()).isEqualTo(Recorded.SHEENA);
        assertThat(message.phone()).isEqualTo("+" + Recorded.SHEENA);
        assertThat(message.handle()).isEqualTo(Recorded.SHEENA);
        assertThat(message.externalMessageId()).startsWith("wamid.");
        assertThat(message.content()).isEqualTo(new Inbound.Text("Does it come in another color?"));
        assertThat(read.eventId()).isEqualTo("m:" + message.externalMessageId());
        assertThat(read.at()).isEqualTo(Instant.ofEpochSecond(1749416383));
        assertThat(message.inGroup()).isFalse();
    }

    @Test
    void replyButtonsAndListRowsArePressesOfTheirReference() {
        assertThat(message("button-reply").content()).isEqualTo(new Inbound.Button("aaaaaaaaaaaaaaaaaaaaaa"));
        assertThat(message("list-reply").content()).isEqualTo(new Inbound.Button("bbbbbbbbbbbbbbbbbbbbbb"));
    }

    @Test
    void theShareMyPhoneButtonIsTheSendersOwnNumber() {
        ObjectNode payload = Recorded.payload("button-reply");
        ((ObjectNode) Recorded.message(payload).get("interactive").get("button_reply"))
                .put("id", WhatsAppUpdates.SHARE_PHONE);
        assertThat(only(payload).message().orElseThrow().content())
                .isEqualTo(new Inbound.Contact("+" + Recorded.SHEENA, true));
    }

    @Test
    void aContactCardIsTheSendersOwnOnlyWhenItCarriesTheSendersWaId() {
        assertThat(message("contacts").content()).isEqualTo(new Inbound.Contact("+" + Recorded.SHEENA, true));
        ObjectNode other = Recorded.message("contacts", NUMBER, "447911123456", "wamid.other");
        assertThat(only(other).message().orElseThrow().content()).isEqualTo(new Inbound.Contact("+16505559999", false));
    }

    @Test
    void aLocationIsALocation() {
        assertThat(message("location").content()).isEqualTo(new Inbound.Location(48.8566, 2.3522));
    }

    @Test
    void aPictureGetsTheHelpTextAndAReactionNothing() {
        WhatsAppUpdates.Message image = only(Recorded.payload("image"));
        assertThat(image.kind()).isEqualTo("unsupported");
        assertThat(image.message().orElseThrow().content()).isEqualTo(new Inbound.Text("help"));
        WhatsAppUpdates.Message reaction = only(Recorded.payload("reaction"));
        assertThat(reaction.message()).isEmpty();
        assertThat(reaction.waId()).isEqualTo(Recorded.SHEENA); // it still opens the window
    }

    @Test
    void aStatusCarriesItsWamidStateAndMetasErrorCode() {
        WhatsAppUpdates.Status failed = (WhatsAppUpdates.Status)
                WhatsAppUpdates.read(Recorded.payload("status-failed"), NUMBER).get(0);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.errorCode()).isEqualTo(131047);
        assertThat(failed.errorTitle()).isEqualTo("Re-engagement message");
        assertThat(failed.eventId()).isEqualTo("s:" + failed.wamid() + ":failed");
        WhatsAppUpdates.Status delivered =
                (WhatsAppUpdates.Status) WhatsAppUpdates.read(Recorded.payload("status-delivered"), NUMBER)
                        .get(0);
        assertThat(delivered.status()).isEqualTo("delivered");
        assertThat(delivered.errorCode()).isZero();
    }

    @Test
    void anotherNumbersEventsAnotherObjectAndMalformedSendersAreNotRead() {
        assertThat(WhatsAppUpdates.read(Recorded.payload("text"), "999")).isEmpty();
        ObjectNode page = Recorded.payload("text");
        page.put("object", "page");
        assertThat(WhatsAppUpdates.read(page, NUMBER)).isEmpty();
        ObjectNode badSender = Recorded.payload("text");
        Recorded.message(badSender).put("from", "+1 650 555");
        assertThat(WhatsAppUpdates.read(badSender, NUMBER)).isEmpty();
        ObjectNode longReference = Recorded.payload("button-reply");
        ((ObjectNode) Recorded.message(longReference).get("interactive").get("button_reply")).put("id", "r".repeat(65));
        assertThat(only(longReference).message().orElseThrow().content()).isEqualTo(new Inbound.Text("help"));
    }

    @Test
    void aLongTextIsCutToWhatTheEngineAccepts() {
        ObjectNode payload = Recorded.payload("text");
        ((ObjectNode) Recorded.message(payload).get("text")).put("body", "a".repeat(5000) + "\u0000");
        assertThat(((Inbound.Text) only(payload).message().orElseThrow().content()).text())
                .hasSize(Inbound.TEXT_LENGTH_MAX);
    }
}
