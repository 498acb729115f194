package org.socialbank.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Outbound;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class WhatsAppRepliesUnitTests {

    static final String TO = "16505551234";

    @Test
    void aTextIsAPlainTextWithoutLinkPreview() {
        ObjectNode m = WhatsAppReplies.free(new Outbound.Text("hello"), TO);
        assertThat(m.path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(m.path("to").asString()).isEqualTo(TO);
        assertThat(m.path("type").asString()).isEqualTo("text");
        assertThat(m.path("text").path("body").asString()).isEqualTo("hello");
        assertThat(m.path("text").path("preview_url").asBoolean()).isFalse();
    }

    @Test
    void aPublicHttpsLinkIsACtaUrlButtonAndALocalOneGoesInTheText() {
        ObjectNode cta = WhatsAppReplies.free(
                new Outbound.Link(
                        "Sign in on the bank's page", "Open the bank's page now", "https://bank.example/link/abc"),
                TO);
        assertThat(cta.path("interactive").path("type").asString()).isEqualTo("cta_url");
        JsonNode parameters = cta.path("interactive").path("action").path("parameters");
        assertThat(parameters.path("url").asString()).isEqualTo("https://bank.example/link/abc");
        assertThat(parameters.path("display_text").asString()).hasSize(20).endsWith("…");
        ObjectNode local =
                WhatsAppReplies.free(new Outbound.Link("Sign in", "Open", "http://localhost:8080/link/abc"), TO);
        assertThat(local.path("type").asString()).isEqualTo("text");
        assertThat(local.path("text").path("body").asString()).contains("http://localhost:8080/link/abc");
    }

    @Test
    void askPhoneIsOneReplyButtonStandingForTheSendersNumber() {
        ObjectNode m = WhatsAppReplies.free(new Outbound.AskPhone("Or share your number", "Share my phone number"), TO);
        JsonNode reply =
                m.path("interactive").path("action").path("buttons").get(0).path("reply");
        assertThat(reply.path("id").asString()).isEqualTo(WhatsAppUpdates.SHARE_PHONE);
        assertThat(reply.path("title").asString()).hasSizeLessThanOrEqualTo(20);
    }

    @Test
    void receiptsAndPlacesAreText() {
        assertThat(WhatsAppReplies.free(new Outbound.Receipt("Paid", List.of("€5.00", "to Camille D.")), TO)
                        .path("text")
                        .path("body")
                        .asString())
                .isEqualTo("Paid\n\n€5.00\nto Camille D.");
        String places = WhatsAppReplies.free(
                        new Outbound.Places(
                                "Nearest", List.of(new Outbound.Place("Opéra", "1 rue Auber", 48.87, 2.33))),
                        TO)
                .path("text")
                .path("body")
                .asString();
        assertThat(places).contains("Opéra", "1 rue Auber", "openstreetmap.org/?mlat=48.870000&mlon=2.330000");
    }

    /** Seeded: any labels and counts render within Meta's limits (3 buttons or a list of 10 rows). */
    @RepeatedTest(50)
    void anyChoicesStayWithinMetasLimits(RepetitionInfo repetition) {
        long seed = 21_000L + repetition.getCurrentRepetition();
        Random random = new Random(seed);
        List<Outbound.Button> buttons = new ArrayList<>();
        int n = 1 + random.nextInt(Outbound.BUTTONS_MAX);
        for (int i = 0; i < n; i++) {
            String label = random.nextInt(4) == 0 ? "Same" : "x".repeat(1 + random.nextInt(60)) + "é你";
            buttons.add(new Outbound.Button(label, "ref" + i));
        }
        ObjectNode m = WhatsAppReplies.free(new Outbound.Buttons("b".repeat(1 + random.nextInt(3000)), buttons), TO);
        JsonNode interactive = m.path("interactive");
        assertThat(interactive.path("body").path("text").asString().length())
                .as("seed " + seed)
                .isLessThanOrEqualTo(1024);
        List<String> titles = new ArrayList<>();
        if (n <= 3) {
            assertThat(interactive.path("type").asString()).isEqualTo("button");
            interactive
                    .path("action")
                    .path("buttons")
                    .forEach(b -> titles.add(b.path("reply").path("title").asString()));
            assertThat(titles)
                    .as("seed " + seed)
                    .allSatisfy(t -> assertThat(t.codePointCount(0, t.length())).isBetween(1, 20));
        } else {
            assertThat(interactive.path("type").asString()).isEqualTo("list");
            assertThat(interactive.path("action").path("button").asString().length())
                    .isBetween(1, 20);
            for (JsonNode row :
                    interactive.path("action").path("sections").get(0).path("rows")) {
                titles.add(row.path("title").asString());
                assertThat(row.path("description").asString("").length()).isLessThanOrEqualTo(72);
            }
            assertThat(titles)
                    .as("seed " + seed)
                    .hasSizeLessThanOrEqualTo(10)
                    .allSatisfy(t -> assertThat(t.codePointCount(0, t.length())).isBetween(1, 24));
        }
        assertThat(new HashSet<>(titles))
                .as("seed " + seed + ": titles are unique")
                .hasSize(titles.size());
    }

    @Test
    void theAlertTemplateTakesItsParametersFromTheReplyWithoutLineBreaks() {
        WhatsAppProperties.Template template = new WhatsAppProperties.Template(
                "account_alert", "en_US", "UTILITY", List.of("title", "body", "time"), null);
        ObjectNode m = WhatsAppReplies.template(
                template,
                new Outbound.Receipt("Payment received", List.of("€5.00", "from Alice W.")),
                TO,
                Instant.parse("2026-12-01T10:15:30Z"));
        assertThat(m.path("type").asString()).isEqualTo("template");
        assertThat(m.path("template").path("name").asString()).isEqualTo("account_alert");
        assertThat(m.path("template").path("language").path("code").asString()).isEqualTo("en_US");
        JsonNode parameters = m.path("template").path("components").get(0).path("parameters");
        assertThat(parameters.get(0).path("text").asString()).isEqualTo("Payment received");
        assertThat(parameters.get(1).path("text").asString()).isEqualTo("€5.00 · from Alice W.");
        assertThat(parameters.get(2).path("text").asString()).isEqualTo("2026-12-01 10:15 UTC");
        assertThat(TemplateParameters.clean("a\nb\t\tc     d", 100)).isEqualTo("a · b · c   d");
        assertThat(TemplateParameters.clean("  ", 100)).isEqualTo("-");
        assertThat(TemplateParameters.templatable(new Outbound.Buttons("x", List.of(new Outbound.Button("a", "b")))))
                .isFalse();
    }

    /** Issue 17, 3.13: a campaign's message as the marketing template, its opt-out carrying "Stop offers". */
    @Test
    void aCampaignMessageFillsTheMarketingTemplateAndItsOptOutIsTheStopButton() {
        WhatsAppProperties.Template template =
                new WhatsAppProperties.Template("bank_offers", "en", "MARKETING", List.of("body"), null);
        ObjectNode m = WhatsAppReplies.marketing(
                template,
                "fr",
                new Outbound.Buttons(
                        "Semaine de l’épargne\nhttps://bank.example/c/t0k\n\nRépondez ARRÊT",
                        List.of(new Outbound.Button("Voir", "see-ref"), new Outbound.Button("Stop", "stop-ref"))),
                TO,
                Instant.parse("2026-12-01T10:15:30Z"));
        JsonNode components = m.path("template").path("components");
        assertThat(m.path("template").path("language").path("code").asString()).isEqualTo("fr");
        assertThat(components.get(0).path("parameters").get(0).path("text").asString())
                .isEqualTo("Semaine de l’épargne · https://bank.example/c/t0k · Répondez ARRÊT");
        assertThat(components.get(1).path("sub_type").asString()).isEqualTo("quick_reply");
        assertThat(components.get(1).path("parameters").get(0).path("payload").asString())
                .as("the last button, Stop offers")
                .isEqualTo("stop-ref");
    }
}
