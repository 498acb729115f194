package org.socialbank.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The directory's HTTP contract over real HTTP; subclasses choose the store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "socialbank.directory.lookups-per-minute=200")
abstract class DirectoryHttpContract {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void registersACustomerOnceWithAliasesAndListsIt() {
        String id = UUID.randomUUID().toString();
        String tag = "t" + id.substring(0, 8);
        String body = "{\"id\":\"" + id + "\",\"displayName\":\"Борис Иванов\",\"language\":\"ru\","
                + "\"username\":\"boris" + id.substring(0, 6) + "\",\"password\":\"correct horse battery\","
                + "\"aliases\":[{\"type\":\"phone\",\"value\":\"8 (912) 000-" + digits(id) + "\",\"region\":\"RU\"},"
                + "{\"type\":\"email\",\"value\":\"Boris." + id.substring(0, 6) + "@Example.RU\"},"
                + "{\"type\":\"tag\",\"value\":\"$" + tag + "\",\"verified\":true},"
                + "{\"type\":\"handle\",\"network\":\"telegram\",\"value\":\"@Boris" + id.substring(0, 6)
                + "\",\"verified\":true}]}";
        Response created = api.post("/api/v1/customers", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode customer = created.json();
        assertThat(customer.path("displayName").asString()).isEqualTo("Борис Иванов");
        assertThat(customer.path("aliases").size()).isEqualTo(4);
        assertThat(created.body()).doesNotContain("password", "correct horse");
        Response replay = api.post("/api/v1/customers", body);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json()).isEqualTo(customer);
        assertThat(api.post("/api/v1/customers", body.replace("Борис", "Глеб")).code())
                .isEqualTo("id_exists_with_different_fields");

        JsonNode listed = find(id);
        assertThat(listed).isEqualTo(customer);
        List<String> types = listed.path("aliases")
                .valueStream()
                .map(a -> a.path("type").asString())
                .toList();
        assertThat(types).containsExactlyInAnyOrder("phone", "email", "tag", "handle");
        JsonNode handle = listed.path("aliases")
                .valueStream()
                .filter(a -> a.path("type").asString().equals("handle"))
                .findFirst()
                .orElseThrow();
        assertThat(handle.path("network").asString()).isEqualTo("telegram");

        Response lookup = api.get("/api/v1/aliases/tag/$" + tag);
        assertThat(lookup.json().path("customer").asBoolean()).isTrue();
        assertThat(lookup.json().path("displayName").asString()).isEqualTo("Б. Иванов");
        Response byHandle = api.get("/api/v1/aliases/handle/telegram:@boris" + id.substring(0, 6));
        assertThat(byHandle.json().path("customer").asBoolean()).isTrue();
        Response byPhone = api.get("/api/v1/aliases/phone/8%20(912)%20000-" + digits(id) + "?region=RU");
        assertThat(byPhone.json().path("customer").asBoolean())
                .as("an unverified phone is nobody's to be paid on (review 2026-12-07 alias follow-up)")
                .isFalse();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.socialbank.directory.Directory directory;

    @org.springframework.beans.factory.annotation.Autowired
    org.socialbank.directory.ChannelIdentities identities;

    @Test
    @org.junit.jupiter.api.DisplayName(
            "an unverified alias receives no money; a verified one of another customer's takes"
                    + " its place; every change is in the alias audit with the API client (review 2026-12-07 alias"
                    + " follow-up)")
    void anUnverifiedAliasIsNobodysUntilProvedAndEveryChangeIsAudited() {
        String tag = "u" + UUID.randomUUID().toString().substring(0, 8);
        String mallory = register("Mallory Unproved", tag);
        assertThat(api.get("/api/v1/aliases/tag/$" + tag)
                        .json()
                        .path("customer")
                        .asBoolean())
                .isFalse();
        Response unverifiedAgain = api.post(
                "/api/v1/customers/" + register("Eve Unproved", null) + "/aliases",
                "{\"type\":\"tag\",\"value\":\"" + tag + "\"}");
        assertThat(unverifiedAgain.code())
                .as("unproved against unproved: first come")
                .isEqualTo("alias_taken");
        String owner = register("Olivia Owner", null);
        Response proved = api.post(
                "/api/v1/customers/" + owner + "/aliases",
                "{\"type\":\"tag\",\"value\":\"" + tag + "\",\"verified\":true}");
        assertThat(proved.status()).as(proved.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/aliases/tag/$" + tag)
                        .json()
                        .path("displayName")
                        .asString())
                .isEqualTo("Olivia O.");
        assertThat(api.get("/api/v1/customers/" + mallory)
                        .json()
                        .path("aliases")
                        .size())
                .isZero();
        Response unverifiedTakesNothing = api.post(
                "/api/v1/customers/" + mallory + "/aliases",
                "{\"type\":\"tag\",\"value\":\"" + tag + "\",\"verified\":true}");
        assertThat(unverifiedTakesNothing.code()).as("a verified alias stays").isEqualTo("alias_taken");

        java.util.List<org.socialbank.directory.AliasChange> audit = directory.aliasAudit(
                org.socialbank.directory.Alias.parse(org.socialbank.directory.AliasType.TAG, null, tag, null));
        assertThat(audit)
                .extracting(c -> c.action() + ":" + c.customerId().value() + ":" + c.reason())
                .containsExactly(
                        "added:" + mallory + ":null",
                        "replaced:" + mallory + ":verified_by_another",
                        "added:" + owner + ":null");
        assertThat(audit).allSatisfy(c -> assertThat(c.actor()).isNotIn("system", "anonymous"));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("staff release a customer's alias with a reason, audited; 400 without one,"
            + " 404 alias_not_held for a customer who does not hold it (review 2026-12-07 alias follow-up)")
    void staffReleaseAnAliasWithTheirReason() {
        String handle = "h" + UUID.randomUUID().toString().substring(0, 8);
        String holder = register("Hugo Holder", null);
        String body = "{\"type\":\"handle\",\"network\":\"bale\",\"value\":\"@" + handle + "\",\"verified\":true}";
        assertThat(api.post("/api/v1/customers/" + holder + "/aliases", body).status())
                .isEqualTo(201);
        String release = "{\"type\":\"handle\",\"network\":\"bale\",\"value\":\"" + handle + "\"";
        assertThat(api.post("/api/v1/customers/" + holder + "/aliases/release", release + "}")
                        .status())
                .isEqualTo(400);
        Response notHeld = api.post(
                "/api/v1/customers/" + register("Nina Nobody", null) + "/aliases/release",
                release + ",\"reason\":\"wrong customer\"}");
        assertThat(notHeld.status()).isEqualTo(404);
        assertThat(notHeld.code()).isEqualTo("alias_not_held");
        assertThat(api.get("/api/v1/aliases/handle/bale:@" + handle)
                        .json()
                        .path("customer")
                        .asBoolean())
                .isTrue();
        Response released = api.post(
                "/api/v1/customers/" + holder + "/aliases/release",
                release + ",\"reason\":\"the customer says the handle is someone else's now\"}");
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.json().path("aliases").size()).isZero();
        assertThat(api.get("/api/v1/aliases/handle/bale:@" + handle)
                        .json()
                        .path("customer")
                        .asBoolean())
                .isFalse();
        assertThat(directory.aliasAudit(org.socialbank.directory.Alias.parse(
                        org.socialbank.directory.AliasType.HANDLE, org.socialbank.shared.Network.BALE, handle, null)))
                .extracting(c -> c.action() + ":" + c.reason())
                .containsExactly("added:null", "released:the customer says the handle is someone else's now");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a handle recorded without its account (by staff) is bound when the customer's"
            + " own linked account reports it, and released when an account not the customer's does (review"
            + " 2026-12-07 alias follow-up)")
    void aHandleWithoutItsAccountIsBoundToTheCustomersLinkedChatOrReleased() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String owner = register("Bale Owner", null);
        String handle = "b" + suffix;
        assertThat(api.post(
                                "/api/v1/customers/" + owner + "/aliases",
                                "{\"type\":\"handle\",\"network\":\"bale\",\"value\":\"" + handle
                                        + "\",\"verified\":true}")
                        .status())
                .isEqualTo(201);
        org.socialbank.directory.Alias alias = org.socialbank.directory.Alias.parse(
                org.socialbank.directory.AliasType.HANDLE, org.socialbank.shared.Network.BALE, handle, null);
        String own = "9" + Math.abs((long) suffix.hashCode());
        org.socialbank.directory.ChannelIdentity chat =
                identities.identify(org.socialbank.shared.Network.BALE, own, "other_" + suffix, null);
        linking.setCustomer(
                chat.id(), new org.socialbank.directory.CustomerId(UUID.fromString(owner)), java.time.Instant.now());
        identities.identify(org.socialbank.shared.Network.BALE, own, handle, null);
        assertThat(jdbcDirectory.held(alias).orElseThrow().externalId()).isEqualTo(own);
        identities.identify(org.socialbank.shared.Network.BALE, "8" + own, "x" + handle, null);
        assertThat(directory.resolve(alias))
                .as("another account, another handle")
                .isPresent();
        identities.identify(org.socialbank.shared.Network.BALE, "8" + own, handle, null);
        assertThat(directory.resolve(alias))
                .as("another account with the handle")
                .isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.socialbank.directory.jdbc.JdbcLinking linking;

    @org.springframework.beans.factory.annotation.Autowired
    org.socialbank.directory.jdbc.JdbcDirectory jdbcDirectory;

    @Test
    void refusesTakenAliasesAndUsernamesWithoutAHalfRegisteredCustomer() {
        String first =
                register("Alice Martin", "$a" + UUID.randomUUID().toString().substring(0, 8));
        String tag = api.get("/api/v1/customers/" + first)
                .json()
                .path("aliases")
                .get(0)
                .path("value")
                .asString();
        String second = UUID.randomUUID().toString();
        Response taken = api.post(
                "/api/v1/customers",
                "{\"id\":\"" + second + "\",\"displayName\":\"Eve\","
                        + "\"language\":\"en\",\"aliases\":[{\"type\":\"tag\",\"value\":\"" + tag + "\"}]}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("alias_taken");
        assertThat(api.get("/api/v1/customers/" + second).status())
                .as("nothing half-registered")
                .isEqualTo(404);
        String username =
                api.get("/api/v1/customers/" + first).json().path("username").asString();
        Response sameLogin = api.post(
                "/api/v1/customers",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"displayName\":\"Eve\"," + "\"language\":\"en\",\"username\":\""
                        + username + "\",\"password\":\"another password\"}");
        assertThat(sameLogin.code()).isEqualTo("username_taken");
        Response addTaken = api.post(
                "/api/v1/customers/" + register("Mallory", null) + "/aliases",
                "{\"type\":\"tag\",\"value\":\"" + tag + "\"}");
        assertThat(addTaken.code()).isEqualTo("alias_taken");
    }

    @Test
    void holdsLedgerAccountsWithOnePrimaryPerCurrency() {
        String customer = register("Camille Dubois", null);
        String first = openAccount("EUR");
        String second = openAccount("EUR");
        assertThat(api.post(
                                "/api/v1/customers/" + customer + "/accounts",
                                "{\"accountId\":\"" + first + "\",\"primary\":true}")
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/customers/" + customer + "/accounts",
                                "{\"accountId\":\"" + second + "\",\"primary\":true}")
                        .status())
                .isEqualTo(201);
        JsonNode accounts = api.get("/api/v1/customers/" + customer).json().path("accounts");
        assertThat(accounts.size()).isEqualTo(2);
        assertThat(accounts.valueStream()
                        .filter(a -> a.path("primary").asBoolean())
                        .map(a -> a.path("id").asString())
                        .toList())
                .containsExactly(second);
        Response other = api.post(
                "/api/v1/customers/" + register("Eve", null) + "/accounts", "{\"accountId\":\"" + first + "\"}");
        assertThat(other.code()).isEqualTo("account_held_by_another");
        assertThat(api.post(
                                "/api/v1/customers/" + customer + "/accounts",
                                "{\"accountId\":\"" + UUID.randomUUID() + "\"}")
                        .code())
                .isEqualTo("account_not_found");
    }

    @Test
    void looksUpUnknownAliasesWithoutSayingMore() {
        Response unknown = api.get("/api/v1/aliases/phone/06%2012%2034%2099%2099?region=FR");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(200);
        assertThat(unknown.json().path("customer").asBoolean()).isFalse();
        assertThat(unknown.json().path("displayName").asString()).isEqualTo("+33612349999");
        for (String bad : List.of(
                "/api/v1/aliases/phone/12",
                "/api/v1/aliases/iban/FR76",
                "/api/v1/aliases/handle/@bob",
                "/api/v1/aliases/handle/myspace:@bob",
                "/api/v1/aliases/email/not-an-email",
                "/api/v1/aliases/phone/0612345678?region=France")) {
            Response r = api.get(bad);
            assertThat(r.status()).as(bad + " -> " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(new Api("http://127.0.0.1:" + port, null)
                        .get("/api/v1/aliases/tag/$bob")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void refusesBadRegistrations() {
        List<String> bodies = List.of(
                "{}",
                "{\"id\":\"" + UUID.randomUUID() + "\"}",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"displayName\":\"X\",\"language\":\"de\"}",
                "{\"id\":\"" + UUID.randomUUID()
                        + "\",\"displayName\":\"X\",\"language\":\"en\",\"kycLevel\":\"gold\"}",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"displayName\":\"X\",\"language\":\"en\",\"username\":\"x1x\"}",
                "{\"id\":\"" + UUID.randomUUID()
                        + "\",\"displayName\":\"X\",\"language\":\"en\",\"username\":\"xyz\",\"password\":\"short\"}",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"displayName\":\"" + "x".repeat(121)
                        + "\",\"language\":\"en\"}",
                "{\"id\":\"" + UUID.randomUUID()
                        + "\",\"displayName\":\"X\",\"language\":\"en\",\"aliases\":[{\"type\":\"phone\",\"value\":\"abc\"}]}");
        for (String body : bodies) {
            Response r = api.post("/api/v1/customers", body);
            assertThat(r.status()).as(body + " -> " + r).isEqualTo(400);
        }
    }

    @Test
    @org.junit.jupiter.api.DisplayName("issue 12: a password over bcrypt's 72 bytes is refused with its own code")
    void refusesPasswordsLongerThanBcryptReads() {
        String cyrillic = "пароль-".repeat(6); // 42 characters, 78 bytes in UTF-8
        Response r = api.post(
                "/api/v1/customers",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"displayName\":\"Иван\","
                        + "\"language\":\"ru\",\"username\":\"u"
                        + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"password\":\"" + cyrillic + "\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("password_too_long", "72 bytes");
    }

    String register(String name, String tag) {
        String id = UUID.randomUUID().toString();
        String aliases = tag == null ? "[]" : "[{\"type\":\"tag\",\"value\":\"" + tag + "\"}]";
        Response r = api.post(
                "/api/v1/customers",
                "{\"id\":\"" + id + "\",\"displayName\":\"" + name
                        + "\",\"language\":\"fr\",\"username\":\"u" + id.substring(0, 8)
                        + "\",\"password\":\"a long password\","
                        + "\"aliases\":" + aliases + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return id;
    }

    String openAccount(String currency) {
        String id = UUID.randomUUID().toString();
        Response r = api.post(
                "/api/v1/accounts",
                "{\"id\":\"" + id + "\",\"currency\":\"" + currency + "\",\"kind\":\"customer_wallet\"}");
        assertThat(r.status()).isEqualTo(201);
        return id;
    }

    JsonNode find(String id) {
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            JsonNode body = api.get("/api/v1/customers?limit=50" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            for (JsonNode c : body.path("customers")) {
                if (c.path("id").asString().equals(id)) {
                    return c;
                }
            }
            if (body.path("nextCursor").isMissingNode()) {
                break;
            }
            cursor = body.path("nextCursor").asString();
        }
        throw new AssertionError("customer " + id + " not listed");
    }

    static String digits(String uuid) {
        return String.format("%02d-%02d", Math.abs(uuid.hashCode()) % 100, Math.abs(uuid.hashCode() / 100) % 100);
    }
}
