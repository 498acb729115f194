package org.socialbank.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.language.CommandParser;
import org.socialbank.conversation.language.Hints;
import org.socialbank.shared.Language;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.TestStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /api/v1/nlu/parse} over real HTTP, on the full application with an H2 store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NluHttpIntegrationTests {

    static final String PARSE = "/api/v1/nlu/parse";

    @LocalServerPort
    int port;

    Api api;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private JsonNode parse(String body) {
        Response response = api.post(PARSE, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    private static JsonNode json(String text) {
        return Api.json().readTree(text);
    }

    @Test
    void answersTheContractOfTheIssue() {
        JsonNode parsed = parse("{\"text\": \"۵۰ هزار تومان به ۰۹۱۲۳۴۵۶۷۸۹ بفرست\", \"locale\": \"fa\", "
                + "\"network\": \"telegram\", \"region\": \"IR\"}");
        ObjectNode contract = (ObjectNode) json("{\"language\": \"fa\", \"intent\": \"pay\", \"amountMinor\": 500000, "
                + "\"currency\": \"IRR\", \"payees\": [{\"type\": \"phone\", \"value\": \"+989123456789\"}]}");
        contract.properties()
                .forEach(member -> assertThat(parsed.get(member.getKey()))
                        .as(member.getKey())
                        .isEqualTo(member.getValue()));
        assertThat(parsed.get("amount").asString()).isEqualTo("500000");
        assertThat(parsed.get("reply").isNull()).isTrue();
    }

    @Test
    void reportsACurrencyTheTextDoesNotNameAsNullAndTheAmountWithTwoDecimals() {
        JsonNode parsed = parse("{\"text\": \"send 10.50 to @Bob\", \"network\": \"x\"}");
        assertThat(parsed.has("currency")).isTrue();
        assertThat(parsed.get("currency").isNull()).isTrue();
        assertThat(parsed.get("amountMinor").asLong()).isEqualTo(1050);
        assertThat(parsed.get("amount").asString()).isEqualTo("10.50");
        assertThat(parsed.get("payees")).isEqualTo(json("[{\"type\": \"handle\", \"value\": \"bob\"}]"));
        assertThat(parsed.get("language").asString()).isEqualTo("en");
    }

    @Test
    void readsTheFiveLanguages() {
        assertThat(parse("{\"text\": \"给@wang转五百元\", \"network\": \"wechat\"}"))
                .isEqualTo(
                        json(
                                "{\"language\": \"zh\", \"intent\": \"pay\", \"amountMinor\": 50000, \"currency\": \"CNY\", "
                                        + "\"payees\": [{\"type\": \"handle\", \"value\": \"wang\"}], \"amount\": \"500\", \"shares\": [], "
                                        + "\"targetLanguage\": null, \"amountProblem\": null, \"reply\": null, \"note\": null}"));
        JsonNode russian = parse("{\"text\": \"отправь 100 рублей на +7 912 345-67-89\"}");
        assertThat(russian.get("currency").asString()).isEqualTo("RUB");
        assertThat(russian.get("amountMinor").asLong()).isEqualTo(10000);
        assertThat(russian.get("payees").get(0).get("value").asString()).isEqualTo("+79123456789");
        assertThat(parse("{\"text\": \"mon solde\"}").get("intent").asString()).isEqualTo("balance");
        JsonNode language = parse("{\"text\": \"/language fr\", \"locale\": \"en\"}");
        assertThat(language.get("intent").asString()).isEqualTo("language");
        assertThat(language.get("targetLanguage").asString()).isEqualTo("fr");
    }

    @Test
    void ignoresTheBanksHandlesAndFindsRecentPayees() {
        JsonNode tweet = parse(
                "{\"text\": \"@SMoneyfr #envoyer 10EUR @dest\", \"network\": \"x\", \"bankHandles\": [\"SMoneyfr\"]}");
        assertThat(tweet.get("intent").asString()).isEqualTo("pay");
        assertThat(tweet.get("payees")).isEqualTo(json("[{\"type\": \"handle\", \"value\": \"dest\"}]"));
        JsonNode named = parse("{\"text\": \"переведи Ивану 500 руб\", \"recentPayees\": [\"Иван\"]}");
        assertThat(named.get("payees")).isEqualTo(json("[{\"type\": \"name\", \"value\": \"Иван\"}]"));
    }

    @Test
    void neverReadsTheHandleATweetIsAddressedToAsAPayeeIssue13() {
        JsonNode french = parse("{\"text\": \"@SMoneyfr #envoyer 10EUR @dest\", \"network\": \"x\"}");
        assertThat(french.get("intent").asString()).isEqualTo("pay");
        assertThat(french.get("payees")).isEqualTo(json("[{\"type\": \"handle\", \"value\": \"dest\"}]"));
        JsonNode icici = parse("{\"text\": \"@icicibank #pay @bob 500\"}");
        assertThat(icici.get("intent").asString()).isEqualTo("pay");
        assertThat(icici.get("payees")).isEqualTo(json("[{\"type\": \"handle\", \"value\": \"bob\"}]"));
        JsonNode only = parse("{\"text\": \"@icicibank #pay 500\", \"bankHandles\": [\"icicibank\"]}");
        assertThat(only.get("payees"))
                .as("the only handle is the bank's: say so in bankHandles")
                .isEqualTo(json("[]"));
    }

    @Test
    void aRequestOrASplitKeepsItsNoteIssue13() {
        JsonNode request = parse("{\"text\": \"ask $alice 20 for pizza\"}");
        assertThat(request.get("intent").asString()).isEqualTo("request");
        assertThat(request.get("note").asString()).isEqualTo("pizza");
        JsonNode split = parse("{\"text\": \"split 60 with $camille and $ivan for dinner\"}");
        assertThat(split.get("intent").asString()).isEqualTo("split");
        assertThat(split.get("note").asString()).isEqualTo("dinner");
        assertThat(parse("{\"text\": \"balance\"}").get("note").isNull()).isTrue();
        // the handle a tweet is addressed to is no payee, and the note is still read
        JsonNode tweet = parse("{\"text\": \"@icicibank ask @bob 500 for rent\"}");
        assertThat(tweet.get("payees")).isEqualTo(json("[{\"type\": \"handle\", \"value\": \"bob\"}]"));
        assertThat(tweet.get("note").asString()).isEqualTo("rent");
    }

    @Test
    void thanksIsAnIntentOfItsOwnIssue13() {
        assertThat(parse("{\"text\": \"merci beaucoup\"}").get("intent").asString())
                .isEqualTo("thanks");
        assertThat(parse("{\"text\": \"谢谢\"}").get("language").asString()).isEqualTo("zh");
    }

    @Test
    void givesSharesAndRefusedAmounts() {
        JsonNode split = parse("{\"text\": \"split 100 EUR: @bob 60, @alice 40\"}");
        assertThat(split.get("shares"))
                .isEqualTo(json("[{\"type\": \"handle\", \"value\": \"bob\", \"amountMinor\": 6000}, "
                        + "{\"type\": \"handle\", \"value\": \"alice\", \"amountMinor\": 4000}]"));
        JsonNode refused = parse("{\"text\": \"send 10.505 EUR to @bob\"}");
        assertThat(refused.get("amountMinor").isNull()).isTrue();
        assertThat(refused.get("amountProblem").asString()).isEqualTo("too_many_decimals");
        assertThat(refused.get("reply").asString()).isEqualTo(Hints.amount(Language.EN));
    }

    @Test
    void repliesWithAHintInTheDetectedLanguageWhenItDoesNotUnderstand() {
        JsonNode unknown = parse("{\"text\": \"bla bla\", \"locale\": \"fr-FR\"}");
        assertThat(unknown.get("intent").asString()).isEqualTo("unknown");
        assertThat(unknown.get("language").asString()).isEqualTo("fr");
        assertThat(unknown.get("reply").asString()).isEqualTo(Hints.unknown(Language.FR));
        assertThat(parse("{\"text\": \"\"}").get("intent").asString()).isEqualTo("unknown");
    }

    @Test
    void refusesBadRequestsWithProblems() {
        String tooLong = "a".repeat(CommandParser.TEXT_LENGTH_MAX + 1);
        for (String body : new String[] {
            "{}",
            "{\"locale\": \"fa\"}",
            "{\"text\": \"" + tooLong + "\"}",
            "{\"text\": \"hi\", \"locale\": \"de\"}",
            "{\"text\": \"hi\", \"network\": \"myspace\"}",
            "{\"text\": \"hi\", \"region\": \"IRN\"}",
            "{\"text\": \"hi\", \"bankHandles\": [\"not a handle\"]}",
            "{\"text\": \"hi\", \"recentPayees\": [null]}",
            "{\"text\": \"hi\", \"bankHandles\": [null]}",
            "{\"text\": \"hi\", \"recentPayees\": [\"" + "x".repeat(65) + "\"]}"
        }) {
            Response response = api.post(PARSE, body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo("invalid_request");
        }
        for (String body : new String[] {
            "{\"text\": 5}",
            "{\"text\": \"hi\", \"lang\": \"fa\"}",
            "{\"text\": [\"hi\"]}",
            "{\"text\": \"hi\"",
            "",
            "{\"text\": \"hi\", \"recentPayees\": \"Bob\"}"
        }) {
            Response response = api.post(PARSE, body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.code()).isEqualTo("malformed_request");
        }
    }

    @Test
    void requiresABearerToken() {
        Response anonymous = new Api("http://127.0.0.1:" + port, null).post(PARSE, "{\"text\": \"balance\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("unauthorized");
        Response wrong = new Api("http://127.0.0.1:" + port, "not-the-token").post(PARSE, "{\"text\": \"balance\"}");
        assertThat(wrong.status()).isEqualTo(401);
    }
}
