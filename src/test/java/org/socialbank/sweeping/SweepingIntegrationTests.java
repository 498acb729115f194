package org.socialbank.sweeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.Language;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.MutableClock;
import org.socialbank.support.TestStores;
import org.socialbank.sweeping.SweepingFixtures.Person;
import org.socialbank.sweeping.sandbox.SandboxOpenBanking;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16 section 6 over real HTTP on H2: linking with a consent, collecting now (replays,
 * limits, revoke, expiry), the sandbox's refusal, timeout and lost answer re-checked by the
 * janitor and booked once, and a monthly rule run twice that pulls once a month.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.web.secure-cookies=false",
            "socialbank.sweeping.recheck-after=1s",
            "socialbank.sweeping.worker-interval=10m",
            "socialbank.sweeping.rules-enabled=false"
        })
@Import(SweepingTestClock.class)
class SweepingIntegrationTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    Sweeping sweeping;

    @Autowired
    SandboxOpenBanking sandbox;

    @Autowired
    CollectMoney collectMoney;

    @Autowired
    StandingRules standingRules;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    Api api;
    SweepingFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixtures = new SweepingFixtures(directory, ledger, sweeping, sandbox);
    }

    @AfterEach
    void ledgerStaysBalanced() {
        new LedgerAudit(jdbc).assertBalanced();
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() { // issue 16 "Done means": the HTTP APIs are in the OpenAPI document
        String docs =
                new Api("http://127.0.0.1:" + port, null).get("/v3/api-docs").body();
        assertThat(docs)
                .contains("/api/v1/customers/{customerId}/external-accounts")
                .contains("/api/v1/customers/{customerId}/external-accounts/{consentId}")
                .contains("/api/v1/customers/{customerId}/sweeps")
                .contains("/api/v1/customers/{customerId}/sweeps/rules");
    }

    @Test
    void linksAnAccountAtAnotherBankWithAConsentOnceAndListsAndRevokesIt() {
        Person alice = fixtures.customer("Alice Sweep", Language.EN, 250_000);
        String base = "/api/v1/customers/" + alice.id().value() + "/external-accounts";
        Response available = api.get(base + "/available?bank=other-bank");
        assertThat(available.status()).as(available.body()).isEqualTo(200);
        assertThat(available.body()).contains(alice.externalRef());
        UUID id = UUID.randomUUID();
        String body = consentJson(
                id,
                alice.externalRef(),
                50_000,
                100_000,
                "month",
                clock.instant().plus(Duration.ofDays(90)));
        Response linked = api.post(base, body);
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(linked.json().path("status").asString()).isEqualTo("active");
        assertThat(api.post(base, body).status()).isEqualTo(200);
        Response reused = api.post(base, body.replace("50000", "40000"));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("id_reused");
        assertThat(api.post(
                                base,
                                consentJson(
                                        UUID.randomUUID(),
                                        "OTHER-BANK-nope-EUR",
                                        1,
                                        1,
                                        "day",
                                        clock.instant().plusSeconds(3600)))
                        .code())
                .isEqualTo("unknown_external_account");
        Response invalid = api.post(
                base,
                consentJson(
                        UUID.randomUUID(),
                        alice.externalRef(),
                        10,
                        5,
                        "day",
                        clock.instant().plusSeconds(3600)));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.code()).isEqualTo("invalid_consent");
        assertThat(api.get(base).json().path("externalAccounts")).hasSize(1);
        Response revoked = api.send(api.request(base + "/" + id).DELETE().build());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().path("status").asString()).isEqualTo("revoked");
        Response collect = api.post(
                sweeps(alice),
                "{\"id\":\"" + UUID.randomUUID() + "\",\"consentId\":\"" + id + "\",\"amountMinor\":100}");
        assertThat(collect.status()).isEqualTo(422);
        assertThat(collect.code()).isEqualTo("consent_revoked");
    }

    @Test
    void collectsNowWithinThePaymentAndPeriodLimitsAndAnsweringAReplayWithTheSamePull() {
        Person bob = fixtures.customer("Bob Sweep", Language.FR, 250_000);
        ConsentId consent = fixtures.link(bob, 50_000, 80_000, LimitPeriod.MONTH, clock.instant());
        UUID first = UUID.randomUUID();
        Response done = api.post(sweeps(bob), collectJson(first, consent, 50_000L));
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        assertThat(done.json().path("status").asString()).isEqualTo("succeeded");
        Response replay = api.post(sweeps(bob), collectJson(first, consent, 50_000L));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(fixtures.balance(bob.wallet())).isEqualTo(50_000);
        assertThat(sandbox.balanceOf(bob.externalRef())).isEqualTo(200_000);
        assertThat(api.post(sweeps(bob), collectJson(UUID.randomUUID(), consent, 50_001L))
                        .code())
                .isEqualTo("over_payment_limit");
        assertThat(api.post(sweeps(bob), collectJson(UUID.randomUUID(), consent, 30_001L))
                        .code())
                .isEqualTo("over_period_limit");
        Response all = api.post(sweeps(bob), collectJson(UUID.randomUUID(), consent, null));
        assertThat(all.json().path("amountMinor").asLong()).isEqualTo(30_000);
        assertThat(fixtures.balance(bob.wallet())).isEqualTo(80_000);
        assertThat(api.post(sweeps(bob), collectJson(UUID.randomUUID(), UUID.randomUUID(), 1L))
                        .status())
                .isEqualTo(404);
        assertThat(api.get(sweeps(bob)).json().path("sweeps")).hasSize(4); // two refusals recorded as well
    }

    @Test
    void aRefusedPullReleasesThePeriodAndATimeoutOrLostAnswerIsReCheckedAndBookedOnce() {
        Person chen = fixtures.customer("Chen Sweep", Language.ZH, 250_000);
        ConsentId consent = fixtures.link(chen, 50_000, 50_000, LimitPeriod.DAY, clock.instant());
        sandbox.next(SandboxOpenBanking.Mishap.FAIL, 1);
        Response failed = api.post(sweeps(chen), collectJson(UUID.randomUUID(), consent, 50_000L));
        assertThat(failed.json().path("status").asString()).isEqualTo("failed");
        sandbox.next(SandboxOpenBanking.Mishap.TIME_OUT, 1);
        UUID timedOut = UUID.randomUUID();
        assertThat(api.post(sweeps(chen), collectJson(timedOut, consent, 20_000L))
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("unknown");
        sandbox.next(SandboxOpenBanking.Mishap.LOSE, 1);
        UUID lost = UUID.randomUUID();
        assertThat(api.post(sweeps(chen), collectJson(lost, consent, 30_000L))
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("unknown");
        assertThat(fixtures.balance(chen.wallet())).isZero();
        clock.advance(Duration.ofSeconds(2));
        collectMoney.recheck();
        collectMoney.recheck();
        assertThat(status(chen, timedOut)).isEqualTo("failed");
        assertThat(status(chen, lost)).isEqualTo("succeeded");
        assertThat(fixtures.balance(chen.wallet())).isEqualTo(30_000);
        assertThat(sandbox.balanceOf(chen.externalRef())).isEqualTo(220_000);
    }

    @Test
    void anExpiredConsentPullsNothing() {
        Person dina = fixtures.customer("Dina Sweep", Language.RU, 250_000);
        UUID id = UUID.randomUUID();
        String base = "/api/v1/customers/" + dina.id().value() + "/external-accounts";
        assertThat(api.post(
                                base,
                                consentJson(
                                        id,
                                        dina.externalRef(),
                                        1_000,
                                        1_000,
                                        "week",
                                        clock.instant().plus(Duration.ofHours(1))))
                        .status())
                .isEqualTo(201);
        clock.advance(Duration.ofHours(2));
        Response expired = api.post(
                sweeps(dina),
                "{\"id\":\"" + UUID.randomUUID() + "\",\"consentId\":\"" + id + "\",\"amountMinor\":100}");
        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.code()).isEqualTo("consent_expired");
        assertThat(api.get(base)
                        .json()
                        .path("externalAccounts")
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("expired");
    }

    @Test
    void aMonthlyRuleRunTwiceADaySweepsAllButWhatIsKeptOncePerMonth() {
        Person erik = fixtures.customer("Erik Sweep", Language.EN, 130_000);
        ConsentId consent = fixtures.link(erik, 100_000, 100_000, LimitPeriod.MONTH, clock.instant());
        Response rule = api.post(
                sweeps(erik) + "/rules",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"consentId\":\"" + consent.value()
                        + "\",\"dayOfMonth\":1,\"keepMinor\":10000}");
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        assertThat(api.get(sweeps(erik) + "/rules").json().path("rules")).hasSize(1);
        moveTo(nextFirstOfMonth(), 7);
        standingRules.run();
        standingRules.run();
        assertThat(fixtures.balance(erik.wallet())).isEqualTo(100_000); // 120,000 above the 10,000 kept, capped
        clock.advance(Duration.ofDays(3));
        standingRules.run();
        sandbox.setBalance(erik.externalRef(), 40_000);
        moveTo(nextFirstOfMonth(), 7);
        standingRules.run();
        standingRules.run();
        assertThat(fixtures.balance(erik.wallet())).isEqualTo(130_000);
        assertThat(sandbox.balanceOf(erik.externalRef())).isEqualTo(10_000);
        String ruleId = rule.json().path("id").asString();
        assertThat(api.send(api.request(sweeps(erik) + "/rules/" + ruleId)
                                .DELETE()
                                .build())
                        .status())
                .isEqualTo(204);
        assertThat(api.get(sweeps(erik) + "/rules").json().path("rules")).isEmpty();
    }

    private Instant nextFirstOfMonth() {
        ZonedDateTime now = clock.instant().atZone(ConsentLimitsUnitTests.PARIS);
        return now.toLocalDate()
                .withDayOfMonth(1)
                .plusMonths(1)
                .atStartOfDay(ConsentLimitsUnitTests.PARIS)
                .toInstant();
    }

    private void moveTo(Instant instant, int hours) {
        clock.advance(Duration.between(clock.instant(), instant.plus(Duration.ofHours(hours))));
    }

    private String status(Person person, UUID pull) {
        return api.get(sweeps(person) + "/" + pull).json().path("status").asString();
    }

    private static String sweeps(Person person) {
        return "/api/v1/customers/" + person.id().value() + "/sweeps";
    }

    private static String collectJson(UUID id, ConsentId consent, Long amount) {
        return collectJson(id, consent.value(), amount);
    }

    private static String collectJson(UUID id, UUID consent, Long amount) {
        return "{\"id\":\"" + id + "\",\"consentId\":\"" + consent + "\""
                + (amount == null ? "" : ",\"amountMinor\":" + amount) + "}";
    }

    private static String consentJson(
            UUID id, String ref, long maxPayment, long maxPeriod, String period, Instant expires) {
        return "{\"id\":\"" + id + "\",\"bank\":\"other-bank\",\"accountRef\":\"" + ref + "\",\"currency\":\"EUR\","
                + "\"maxPaymentMinor\":" + maxPayment + ",\"maxPeriodMinor\":" + maxPeriod + ",\"period\":\"" + period
                + "\",\"expiresAt\":\"" + expires + "\"}";
    }
}
