package org.socialbank.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Issue 18's contract: {@code POST /api/v1/assistant/classify} over real HTTP with the bearer token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssistantIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Assistant assistant;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        // kept under target/ so a second run reads the trained models instead of training again
        registry.add("socialbank.assistant.cache-dir", () -> "target/assistant-models");
    }

    @BeforeEach
    void modelsTrained() {
        assistant.awaitReady();
    }

    @Test
    void anEnglishBankingQuestionGetsItsBanking77Intent() {
        Response r = new Api(port).post("/api/v1/assistant/classify",
                "{\"text\":\"I ordered my card two weeks ago and it still has not arrived\",\"language\":\"en\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.path("intent").asString()).isEqualTo("card_arrival");
        assertThat(json.path("language").asString()).isEqualTo("en");
        assertThat(json.path("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.path("alternatives")).hasSize(3);
        assertThat(json.path("alternatives").get(0).path("intent").asString()).isEqualTo("card_arrival");
        assertThat(json.path("sure").isBoolean()).isTrue();
    }

    @Test
    void withoutALanguageTheScriptChoosesIt() {
        Response r = new Api(port).post("/api/v1/assistant/classify", "{\"text\":\"Someone stole my card\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("language").asString()).isEqualTo("en");
        assertThat(r.json().path("intent").asString()).isEqualTo("lost_or_stolen_card");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ma carte n'est toujours pas arrivée|fr|card_arrival",
        "мой перевод не дошел до получателя|ru|transfer_not_received_by_recipient",
        "میخواهم کارتم را فعال کنم|fa|activate_my_card",
        "我的卡被拒了|zh|declined_card_payment"})
    void theOtherLanguagesAreReadByTheirOwnModels(String text, String language, String intent) {
        Response r = new Api(port).post("/api/v1/assistant/classify", "{\"text\":\"" + text + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("language").asString()).isEqualTo(language);
        assertThat(r.json().path("intent").asString()).isEqualTo(intent);
    }

    @Test
    void anEnglishQuestionOutsideTheFrenchIntentsIsNotSure() {
        Response r = new Api(port).post("/api/v1/assistant/classify",
                "{\"text\":\"what is the exchange rate for dollars\",\"language\":\"fr\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("sure").asBoolean()).isFalse();
        assertThat(r.json().path("alternatives")).hasSize(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"text\":\"   \"}|blank_text",
        "{\"language\":\"en\"}|blank_text",
        "{\"text\":\"where is my card\",\"language\":\"de\"}|unsupported_language"})
    void badInputIsA400ProblemWithACode(String body, String code) {
        Response r = new Api(port).post("/api/v1/assistant/classify", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(code);
    }

    @Test
    void aTextLongerThanTheMaximumIsRefused() {
        Response r = new Api(port).post("/api/v1/assistant/classify", "{\"text\":\"" + "a".repeat(501) + "\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("text_too_long");
    }

    @Test
    void withoutATokenItIsRefused() {
        Response r = new Api("http://127.0.0.1:" + port, null).post("/api/v1/assistant/classify", "{\"text\":\"hi\"}");
        assertThat(r.status()).isEqualTo(401);
    }
}
