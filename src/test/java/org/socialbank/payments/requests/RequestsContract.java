package org.socialbank.payments.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialbank.payments.requests.RequestMembers.ask;
import static org.socialbank.payments.requests.RequestMembers.payer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.payments.requests.RequestMembers.Member;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.FakeSms;
import org.socialbank.support.FormClient;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.MutableClock;
import org.socialbank.support.RecordedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Money requests and splits over the real HTTP API (issue 5, section 3): accept, decline,
 * cancel, expire with the clock advanced, step-up, replays and races that pay once, a split with
 * customers and someone who pays by an interbank credit, shares, reminders. The ledger stays
 * balanced after every test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.web.secure-cookies=false",
            "socialbank.payments.risk.burst-payments-max=1000",
            "socialbank.payments.risk.new-payees-per-day-max=1000",
            "socialbank.payments.requests.per-requester-per-hour=60"
        })
@Import(RequestsContract.Fakes.class)
abstract class RequestsContract {

    static final Instant START = Instant.parse("2026-04-06T09:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Requests requests;

    @Autowired
    RecordedEvents recorded;

    @Autowired
    FakeSms sms;

    Api api;
    RequestMembers bank;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        bank = new RequestMembers(directory, ledger);
    }

    @AfterEach
    void ledgerStaysBalanced() {
        new LedgerAudit(jdbc).assertBalanced();
    }

    @Test
    void aRequestIsPaidOnceEvenWhenThePaymentIsReplayedAndRaced() throws Exception {
        Member alice = bank.open("Alice Walker", 0);
        Member bob = bank.open("Bob Brown", 10_000);
        UUID id = UUID.randomUUID();
        String body = ask(id, alice.id(), bob.alias(), 2_000, "Cinema");

        Response created = api.post("/api/v1/requests", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("status").asString()).isEqualTo("open");
        assertThat(created.json().path("requesterMaskedName").asString()).isEqualTo("Alice W.");
        assertThat(created.json().has("payUrl"))
                .as("a customer pays in their chat, not by link")
                .isFalse();
        assertThat(events(MoneyRequested.class, id)).singleElement().satisfies(e -> {
            assertThat(e.payerCustomerId()).isEqualTo(bob.id());
            assertThat(e.requesterMaskedName()).isEqualTo("Alice W.");
            assertThat(e.amountMinor()).isEqualTo(2_000);
            assertThat(e.payUrl()).isNull();
        });
        assertThat(api.post("/api/v1/requests", body).status()).as("a replay").isEqualTo(200);
        assertThat(api.post("/api/v1/requests", ask(id, alice.id(), bob.alias(), 2_001, "Cinema"))
                        .code())
                .isEqualTo("id_reused");
        assertThat(bank.balance(bob.wallet())).as("asking moves nothing").isEqualTo(10_000);

        String pay = payer("payerCustomerId", bob.id());
        List<Response> raced = race(
                () -> api.post("/api/v1/requests/" + id + "/pay", pay),
                () -> api.post("/api/v1/requests/" + id + "/pay", pay));
        for (Response r : raced) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().path("payment").path("status").asString()).isEqualTo("completed");
            assertThat(r.json().path("request").path("status").asString()).isEqualTo("paid");
        }
        assertThat(raced.get(0).json().path("payment").path("id"))
                .isEqualTo(raced.get(1).json().path("payment").path("id"));
        Response replay = api.post("/api/v1/requests/" + id + "/pay", pay);
        assertThat(replay.json().path("payment").path("id"))
                .isEqualTo(raced.get(0).json().path("payment").path("id"));
        assertThat(bank.balance(bob.wallet())).as("paid once").isEqualTo(8_000);
        assertThat(bank.balance(alice.wallet())).isEqualTo(2_000);
        assertThat(events(RequestPaid.class, id))
                .singleElement()
                .satisfies(e -> assertThat(e.payerCustomerId()).isEqualTo(bob.id()));
        assertThat(api.get("/api/v1/requests/" + id).json().path("status").asString())
                .isEqualTo("paid");
        assertThat(api.post("/api/v1/requests/" + id + "/decline", pay).code()).isEqualTo("not_declinable");
    }

    @Test
    void thePayerDeclinesAndTheRequesterCancels() {
        Member alice = bank.open("Alice Walker", 0);
        Member bob = bank.open("Bob Brown", 10_000);
        Member eve = bank.open("Eve Evans", 10_000);
        UUID declined = UUID.randomUUID();
        api.post("/api/v1/requests", ask(declined, alice.id(), bob.alias(), 500, null));

        assertThat(api.post("/api/v1/requests/" + declined + "/decline", payer("payerCustomerId", eve.id()))
                        .status())
                .as("only the payer declines")
                .isEqualTo(404);
        Response no = api.post("/api/v1/requests/" + declined + "/decline", payer("payerCustomerId", bob.id()));
        assertThat(no.status()).as(no.toString()).isEqualTo(200);
        assertThat(no.json().path("status").asString()).isEqualTo("declined");
        assertThat(events(RequestDeclined.class, declined)).hasSize(1);
        Response late = api.post("/api/v1/requests/" + declined + "/pay", payer("payerCustomerId", bob.id()));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("request_declined");

        UUID cancelled = UUID.randomUUID();
        api.post("/api/v1/requests", ask(cancelled, alice.id(), bob.alias(), 500, null));
        assertThat(api.post("/api/v1/requests/" + cancelled + "/pay", payer("payerCustomerId", eve.id()))
                        .status())
                .as("only the payer pays")
                .isEqualTo(404);
        assertThat(api.post("/api/v1/requests/" + cancelled + "/cancel", payer("requesterCustomerId", bob.id()))
                        .status())
                .as("only the requester cancels")
                .isEqualTo(404);
        Response withdrawn =
                api.post("/api/v1/requests/" + cancelled + "/cancel", payer("requesterCustomerId", alice.id()));
        assertThat(withdrawn.json().path("status").asString())
                .as(withdrawn.toString())
                .isEqualTo("cancelled");
        assertThat(api.post("/api/v1/requests/" + cancelled + "/cancel", payer("requesterCustomerId", alice.id()))
                        .status())
                .as("cancelling again is a replay")
                .isEqualTo(200);
        assertThat(api.post("/api/v1/requests/" + declined + "/cancel", payer("requesterCustomerId", alice.id()))
                        .code())
                .isEqualTo("not_cancellable");
        assertThat(api.post("/api/v1/requests/" + cancelled + "/pay", payer("payerCustomerId", bob.id()))
                        .code())
                .isEqualTo("request_cancelled");
        assertThat(bank.balance(bob.wallet())).isEqualTo(10_000);
    }

    @Test
    void aRequestNobodyPaysExpires() {
        Member alice = bank.open("Alice Walker", 0);
        Member bob = bank.open("Bob Brown", 10_000);
        UUID id = UUID.randomUUID();
        Instant expiresAt = Instant.parse(api.post("/api/v1/requests", ask(id, alice.id(), bob.alias(), 700, null))
                .json()
                .path("expiresAt")
                .asString());
        assertThat(expiresAt).isEqualTo(clock.instant().plus(Duration.ofDays(7)));

        requests.expireDue(1_000);
        assertThat(api.get("/api/v1/requests/" + id).json().path("status").asString())
                .isEqualTo("open");
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThat(requests.expireDue(1_000)).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/v1/requests/" + id).json().path("status").asString())
                .isEqualTo("expired");
        assertThat(events(RequestExpired.class, id)).hasSize(1);
        assertThat(requests.expireDue(1_000))
                .as("a second janitor round finds nothing of it")
                .isZero();
        assertThat(events(RequestExpired.class, id)).hasSize(1);
        assertThat(api.post("/api/v1/requests/" + id + "/pay", payer("payerCustomerId", bob.id()))
                        .code())
                .isEqualTo("request_expired");
        assertThat(bank.balance(bob.wallet())).isEqualTo(10_000);
    }

    @Test
    void payingARequestAboveTheStepUpThresholdWaitsForConfirmation() {
        Member alice = bank.open("Alice Walker", 0);
        Member bob = bank.open("Bob Brown", 100_000);
        UUID id = UUID.randomUUID();
        api.post("/api/v1/requests", ask(id, alice.id(), bob.alias(), 60_000, "Rent"));

        Response held = api.post("/api/v1/requests/" + id + "/pay", payer("payerCustomerId", bob.id()));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        JsonNode payment = held.json().path("payment");
        assertThat(payment.path("status").asString()).isEqualTo("awaiting_confirmation");
        assertThat(payment.path("confirmationUrl").asString()).contains("/confirm/");
        assertThat(held.json().path("request").path("status").asString()).isEqualTo("open");
        Response again = api.post("/api/v1/requests/" + id + "/pay", payer("payerCustomerId", bob.id()));
        assertThat(again.json().path("payment").path("id"))
                .as("the replay waits for the same confirmation")
                .isEqualTo(payment.path("id"));
        assertThat(bank.balance(bob.wallet())).isEqualTo(100_000);

        api.post("/api/v1/requests/" + id + "/cancel", payer("requesterCustomerId", alice.id()));
        assertThat(api.get("/api/v1/payments/" + payment.path("id").asString())
                        .json()
                        .path("status")
                        .asString())
                .as("a withdrawn request's held payment can no longer be confirmed")
                .isEqualTo("cancelled");
        assertThat(bank.balance(alice.wallet())).isZero();

        UUID confirmed = UUID.randomUUID();
        api.post("/api/v1/requests", ask(confirmed, alice.id(), bob.alias(), 60_000, "Rent"));
        String url = api.post("/api/v1/requests/" + confirmed + "/pay", payer("payerCustomerId", bob.id()))
                .json()
                .path("payment")
                .path("confirmationUrl")
                .asString();
        String path = url.replaceFirst("^https?://[^/]+", "");
        FormClient browser = new FormClient(port);
        assertThat(browser.get(path).status()).isEqualTo(200);
        assertThat(browser.post(path, "code", sms.lastCode(bob.phone())).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/requests/" + confirmed)
                        .json()
                        .path("status")
                        .asString())
                .as("the confirmed payment pays the request")
                .isEqualTo("paid");
        assertThat(events(RequestPaid.class, confirmed)).hasSize(1);
        assertThat(bank.balance(bob.wallet())).isEqualTo(40_000);
        assertThat(bank.balance(alice.wallet())).isEqualTo(60_000);
    }

    @Test
    void aSplitWithTwoCustomersAndSomeoneWhoPaysFromAnotherBank() {
        Member alice = bank.open("Alice Walker", 0);
        Member bob = bank.open("Bob Brown", 10_000);
        Member carol = bank.open("Carol Chen", 10_000);
        String dave = RequestMembers.stranger();
        UUID id = UUID.randomUUID();
        String body = "{\"id\":\"" + id + "\",\"organiserCustomerId\":\"" + alice.id() + "\",\"members\":["
                + bob.alias() + "," + carol.alias() + "," + dave + "],\"totalMinor\":9001,\"currency\":\"EUR\","
                + "\"note\":\"Pizza\",\"includeOrganiser\":true}";

        Response created = api.post("/api/v1/splits", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode split = created.json();
        assertThat(split.path("organiserShareMinor").asLong())
                .as("the odd cent is the organiser's")
                .isEqualTo(2_251);
        List<JsonNode> members =
                List.copyOf(split.path("requests").valueStream().toList());
        assertThat(members)
                .hasSize(3)
                .allSatisfy(m -> assertThat(m.path("amountMinor").asLong()).isEqualTo(2_250));
        JsonNode daves = members.get(2);
        assertThat(daves.has("payerCustomerId")).isFalse();
        assertThat(daves.path("payUrl").asString()).contains("/pay-request/");
        String reference = daves.path("paymentReference").asString();
        assertThat(reference).startsWith("SBRQ");
        assertThat(api.post("/api/v1/splits", body).status()).as("a replay").isEqualTo(200);

        for (Member m : List.of(bob, carol)) {
            String request = members.get(m == bob ? 0 : 1).path("id").asString();
            Response paid = api.post("/api/v1/requests/" + request + "/pay", payer("payerCustomerId", m.id()));
            assertThat(paid.json().path("payment").path("status").asString())
                    .as(paid.toString())
                    .isEqualTo("completed");
        }
        JsonNode halfway = api.get("/api/v1/splits/" + id).json();
        assertThat(halfway.path("status").asString()).isEqualTo("open");
        assertThat(halfway.path("paidMinor").asLong()).isEqualTo(4_500);
        assertThat(halfway.path("outstandingMinor").asLong()).isEqualTo(2_250);

        String page = daves.path("payUrl").asString().replaceFirst("^https?://[^/]+", "");
        FormClient.Page shown = new FormClient(port).get(page + "?lang=fr");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.html()).contains(reference, "Alice W.", "DE89 3704 0044 0532 0130 00", "Pizza");
        // issue 13: copy buttons for what a phone user must copy to pay by transfer
        assertThat(shown.html())
                .contains(
                        "data-copy=\"DE89 3704 0044 0532 0130 00\"", "data-copy=\"" + reference + "\"", "/js/copy.js");
        assertThat(shown.html())
                .as("issue 13: the deadline in the reader's zone, named, never UTC")
                .contains("France")
                .doesNotContain("UTC"); // the page is read in French (?lang=fr): Paris time

        CurrencyCode eur = RequestMembers.EUR;
        assertThat(requests.creditReceived("e-1", "SBRQ" + "2".repeat(12), 2_250, eur)
                        .outcome())
                .isEqualTo("unknown_reference");
        assertThat(requests.creditReceived("e-2", reference, 2_249, eur).outcome())
                .isEqualTo("amount_mismatch");
        assertThat(requests.creditReceived("e-3", reference, 2_250, CurrencyCode.of("INR"))
                        .outcome())
                .isEqualTo("currency_mismatch");
        String spaced = reference.substring(0, 8).toLowerCase() + " " + reference.substring(8);
        CreditOutcome settled = requests.creditReceived("e-4", spaced, 2_250, eur);
        assertThat(settled.outcome()).as("the right credit after a wrong one").isEqualTo("settled");
        assertThat(settled.requestId().value().toString())
                .isEqualTo(daves.path("id").asString());
        String fingerprint = new LedgerAudit(jdbc).fingerprint();
        assertThat(requests.creditReceived("e-4", reference, 2_250, eur).outcome())
                .as("the feed delivers it again")
                .isEqualTo("settled");
        assertThat(requests.creditReceived("e-5", reference, 100, eur).outcome())
                .isEqualTo("request_not_open");
        assertThat(requests.creditReceived("e-4", reference, 100, eur).outcome())
                .as("an entry id used for another credit")
                .isEqualTo("entry_reused");
        assertThat(new LedgerAudit(jdbc).fingerprint()).as("booked once").isEqualTo(fingerprint);
        assertThat(events(RequestPaid.class, settled.requestId().value()))
                .singleElement()
                .satisfies(e -> assertThat(e.payerCustomerId()).isNull());

        JsonNode done = api.get("/api/v1/splits/" + id).json();
        assertThat(done.path("status").asString()).isEqualTo("settled");
        assertThat(done.path("paidMinor").asLong()).isEqualTo(6_750);
        assertThat(done.path("outstandingMinor").asLong()).isZero();
        assertThat(bank.balance(alice.wallet())).isEqualTo(6_750);
        assertThat(new FormClient(port).get(page + "?lang=fr").html()).contains("Déjà payée");
    }

    @Test
    void sharesMustAddUpAndEqualSharesAreExact() {
        Member alice = bank.open("Alice Walker", 0);
        Member bob = bank.open("Bob Brown", 0);
        Member carol = bank.open("Carol Chen", 0);
        String members = bob.alias() + "," + carol.alias() + "," + RequestMembers.stranger();
        Response equal = api.post("/api/v1/splits", split(UUID.randomUUID(), alice, "[" + members + "]", 100, false));
        assertThat(equal.status()).as(equal.toString()).isEqualTo(201);
        assertThat(equal.json()
                        .path("requests")
                        .valueStream()
                        .map(r -> r.path("amountMinor").asLong()))
                .as("without the organiser, the first members take the odd cents")
                .containsExactly(34L, 33L, 33L);
        assertThat(equal.json().path("organiserShareMinor").asLong()).isZero();

        String given = "[" + share(bob, 700) + "," + share(carol, 300) + "]";
        Response exact = api.post("/api/v1/splits", split(UUID.randomUUID(), alice, given, 1_000, false));
        assertThat(exact.status()).as(exact.toString()).isEqualTo(201);
        Response rest = api.post("/api/v1/splits", split(UUID.randomUUID(), alice, given, 1_500, true));
        assertThat(rest.json().path("organiserShareMinor").asLong())
                .as(rest.toString())
                .isEqualTo(500);

        for (Response bad : List.of(
                api.post("/api/v1/splits", split(UUID.randomUUID(), alice, given, 1_001, false)),
                api.post("/api/v1/splits", split(UUID.randomUUID(), alice, given, 999, false)),
                api.post("/api/v1/splits", split(UUID.randomUUID(), alice, given, 1_000, true)))) {
            assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
            assertThat(bad.code()).isEqualTo("shares_do_not_add_up");
        }
        assertThat(api.post(
                                "/api/v1/splits",
                                split(
                                        UUID.randomUUID(),
                                        alice,
                                        "[" + share(bob, 700) + "," + carol.alias() + "]",
                                        1_000,
                                        false))
                        .code())
                .isEqualTo("shares_mixed");
        assertThat(api.post(
                                "/api/v1/splits",
                                split(
                                        UUID.randomUUID(),
                                        alice,
                                        "[" + bob.alias() + "," + bob.alias() + "]",
                                        1_000,
                                        false))
                        .code())
                .isEqualTo("duplicate_member");
        assertThat(api.post("/api/v1/splits", split(UUID.randomUUID(), alice, "[" + members + "]", 2, false))
                        .code())
                .isEqualTo("share_too_small");
        Response self =
                api.post("/api/v1/splits", split(UUID.randomUUID(), alice, "[" + alice.alias() + "]", 100, false));
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.code()).isEqualTo("member_is_organiser");
        UUID reused = UUID.randomUUID();
        api.post("/api/v1/splits", split(reused, alice, given, 1_000, false));
        assertThat(api.post("/api/v1/splits", split(reused, alice, given, 1_500, true))
                        .code())
                .isEqualTo("id_reused");
        assertThat(api.get("/api/v1/splits/" + UUID.randomUUID()).code()).isEqualTo("split_not_found");
    }

    @Test
    void remindersAreLimitedToOncePerIntervalPerMember() {
        Member alice = bank.open("Alice Walker", 0);
        Member bob = bank.open("Bob Brown", 10_000);
        Member carol = bank.open("Carol Chen", 10_000);
        UUID id = UUID.randomUUID();
        JsonNode split = api.post(
                        "/api/v1/splits", split(id, alice, "[" + bob.alias() + "," + carol.alias() + "]", 1_000, false))
                .json();
        String organiser = payer("organiserCustomerId", alice.id());

        JsonNode now = api.post("/api/v1/splits/" + id + "/remind", organiser).json();
        assertThat(now.path("reminded").isEmpty())
                .as("the request itself was the first nudge")
                .isTrue();
        assertThat(now.path("tooSoon")).hasSize(2);
        assertThat(Instant.parse(now.path("nextAt").asString()))
                .isEqualTo(clock.instant().plus(Duration.ofHours(24)));

        clock.advance(Duration.ofHours(24));
        JsonNode due = api.post("/api/v1/splits/" + id + "/remind", organiser).json();
        assertThat(due.path("reminded")).hasSize(2);
        assertThat(api.post("/api/v1/splits/" + id + "/remind", organiser)
                        .json()
                        .path("reminded")
                        .isEmpty())
                .isTrue();
        UUID bobs = UUID.fromString(split.path("requests").get(0).path("id").asString());
        UUID carols = UUID.fromString(split.path("requests").get(1).path("id").asString());
        assertThat(events(RequestReminderDue.class, bobs))
                .singleElement()
                .satisfies(e -> assertThat(e.payerCustomerId()).isEqualTo(bob.id()));

        api.post("/api/v1/requests/" + bobs + "/pay", payer("payerCustomerId", bob.id()));
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        JsonNode later = api.post("/api/v1/splits/" + id + "/remind", organiser).json();
        assertThat(later.path("reminded").valueStream().map(JsonNode::asString)).containsExactly(carols.toString());
        assertThat(events(RequestReminderDue.class, bobs))
                .as("nobody is reminded of a paid request")
                .hasSize(1);
        assertThat(events(RequestReminderDue.class, carols)).hasSize(2);
        assertThat(api.post("/api/v1/splits/" + id + "/remind", payer("organiserCustomerId", bob.id()))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void thePayLinkPageIsLocalizedAndLetsAStrangerDecline() {
        Member alice = bank.open("Alice Walker", 0);
        UUID id = UUID.randomUUID();
        String url = api.post("/api/v1/requests", ask(id, alice.id(), RequestMembers.stranger(), 1_250, "Taxi"))
                .json()
                .path("payUrl")
                .asString();
        String path = url.replaceFirst("^https?://[^/]+", "");
        FormClient browser = new FormClient(port);
        FormClient.Page fa = browser.get(path + "?lang=fa");
        assertThat(fa.status()).isEqualTo(200);
        assertThat(fa.html()).contains("dir=\"rtl\"", "Alice W.", "Taxi", "شناسهٔ پرداخت");
        FormClient.Page declined = browser.post(path + "/decline");
        assertThat(declined.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/requests/" + id).json().path("status").asString())
                .isEqualTo("declined");
        assertThat(events(RequestDeclined.class, id)).hasSize(1);
        assertThat(new FormClient(port).get(path).html()).contains("You declined this request");
        assertThat(new FormClient(port).get("/pay-request/" + "x".repeat(43)).status())
                .isEqualTo(404);
        assertThat(new FormClient(port)
                        .postRaw(path + "/decline", java.util.Map.of())
                        .status())
                .as("no CSRF token, no decline")
                .isEqualTo(403);
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        Member alice = bank.open("Alice Walker", 0);
        Member bob = bank.open("Bob Brown", 0);
        for (String body : List.of(
                "{}",
                "not json",
                ask(UUID.randomUUID(), alice.id(), bob.alias(), -1, null),
                ask(UUID.randomUUID(), alice.id(), "{\"type\":\"fax\",\"value\":\"1\"}", 100, null),
                ask(UUID.randomUUID(), alice.id(), bob.alias(), 100, "x".repeat(141)),
                ask(UUID.randomUUID(), alice.id(), bob.alias(), "100", "XXX", null),
                ask(UUID.randomUUID(), alice.id(), bob.alias(), "1.5", "EUR", null))) {
            Response r = api.post("/api/v1/requests", body);
            assertThat(r.status()).as(body + " -> " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.post("/api/v1/requests", ask(UUID.randomUUID(), alice.id(), alice.alias(), 100, null))
                        .code())
                .isEqualTo("payer_is_requester");
        assertThat(api.post(
                                "/api/v1/requests",
                                ask(
                                        UUID.randomUUID(),
                                        alice.id(),
                                        "{\"type\":\"tag\",\"value\":\"nobodyhere\"}",
                                        100,
                                        null))
                        .code())
                .isEqualTo("payer_not_found");
        assertThat(api.get("/api/v1/requests/" + UUID.randomUUID()).code()).isEqualTo("request_not_found");
        assertThat(api.post("/api/v1/requests/" + UUID.randomUUID() + "/pay", payer("payerCustomerId", bob.id()))
                        .code())
                .isEqualTo("request_not_found");
        assertThat(api.post("/api/v1/requests/" + UUID.randomUUID() + "/pay", "{}")
                        .status())
                .isEqualTo(400);
        // regression b1e39abb: a channel that is no network's name was RequestOrder's IllegalArgumentException, a 500
        UUID open = UUID.randomUUID();
        assertThat(api.post("/api/v1/requests", ask(open, alice.id(), bob.alias(), 100, null))
                        .status())
                .isEqualTo(201);
        Response badChannel = api.post("/api/v1/requests/" + open + "/pay", """
                {"payerCustomerId": "%s", "channel": "Not A Channel"}""".formatted(bob.id()));
        assertThat(badChannel.status()).as(badChannel.toString()).isEqualTo(400);
        assertThat(badChannel.code()).isEqualTo("invalid_request");
        assertThat(api.get("/api/v1/requests/" + open).json().path("status").asString())
                .as("nothing was paid")
                .isEqualTo("open");
        assertThat(api.get("/api/v1/requests/not-a-uuid").status()).isEqualTo(400);
        assertThat(new Api("http://127.0.0.1:" + port, null)
                        .get("/api/v1/requests/" + UUID.randomUUID())
                        .status())
                .isEqualTo(401);
        assertThat(new FormClient(port).get("/dev/incoming-credits.json").status())
                .as("demo mode only")
                .isEqualTo(404);
    }

    @Test
    @DisplayName("security review #15: a second, distinct credit with the same reference is sent back, never settled")
    void aSecondCreditWithTheSameReferenceIsNotOpenNotSettled() {
        Member alice = bank.open("Alice Walker", 0);
        Response asked = api.post(
                "/api/v1/requests", ask(UUID.randomUUID(), alice.id(), RequestMembers.stranger(), 1_500, null));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        String reference = asked.json().path("paymentReference").asString();
        assertThat(reference).startsWith("SBRQ");
        String entry = "E2E-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(requests.creditReceived(entry, reference, 1_500, RequestMembers.EUR)
                        .outcome())
                .isEqualTo("settled");
        String fingerprint = new LedgerAudit(jdbc).fingerprint();
        assertThat(requests.creditReceived(entry, reference, 1_500, RequestMembers.EUR)
                        .outcome())
                .as("the same entry delivered again")
                .isEqualTo("settled");
        CreditOutcome second = requests.creditReceived(entry + "-2", reference, 1_500, RequestMembers.EUR);
        assertThat(second.outcome())
                .as("the payer paid twice: the bank must send this one back")
                .isEqualTo("request_not_open");
        assertThat(new LedgerAudit(jdbc).fingerprint()).as("booked once").isEqualTo(fingerprint);
    }

    @Test
    @DisplayName("security review #12: requests and splits to others are limited per requester and hour")
    void requestsAndSplitsAreLimitedPerRequesterAndHour() {
        Member alice = bank.open("Alice Walker", 0);
        Member bob = bank.open("Bob Brown", 0);
        Member carol = bank.open("Carol Clark", 0);
        for (int i = 0; i < 59; i++) {
            Response asked = api.post("/api/v1/requests", ask(UUID.randomUUID(), alice.id(), bob.alias(), 100, null));
            assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        }
        Response split = api.post(
                "/api/v1/splits",
                split(UUID.randomUUID(), alice, "[" + share(bob, 100) + "," + share(carol, 100) + "]", 200, false));
        assertThat(split.status()).as("two more would be 61: %s", split).isEqualTo(422);
        assertThat(split.code()).isEqualTo("too_many_requests");
        assertThat(api.post("/api/v1/requests", ask(UUID.randomUUID(), alice.id(), bob.alias(), 100, null))
                        .status())
                .as("the 60th")
                .isEqualTo(201);
        Response fifth = api.post("/api/v1/requests", ask(UUID.randomUUID(), alice.id(), bob.alias(), 100, null));
        assertThat(fifth.status()).isEqualTo(422);
        assertThat(fifth.code()).isEqualTo("too_many_requests");
        assertThat(api.post("/api/v1/requests", ask(UUID.randomUUID(), bob.id(), carol.alias(), 100, null))
                        .status())
                .as("another requester")
                .isEqualTo(201);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(api.post("/api/v1/requests", ask(UUID.randomUUID(), alice.id(), bob.alias(), 100, null))
                        .status())
                .as("an hour later")
                .isEqualTo(201);
    }

    static String split(UUID id, Member organiser, String members, long totalMinor, boolean includeOrganiser) {
        return "{\"id\":\"" + id + "\",\"organiserCustomerId\":\"" + organiser.id() + "\",\"members\":" + members
                + ",\"totalMinor\":" + totalMinor + ",\"currency\":\"EUR\",\"includeOrganiser\":" + includeOrganiser
                + "}";
    }

    static String share(Member m, long amountMinor) {
        return "{\"type\":\"tag\",\"value\":\"" + m.tag() + "\",\"amountMinor\":" + amountMinor + "}";
    }

    /** The events of one type about one request (or split): the id appears among the event's members. */
    <T extends Record> List<T> events(Class<T> type, UUID id) {
        return recorded.stream(type)
                .filter(e -> e.toString().contains(id.toString()))
                .toList();
    }

    List<Response> race(Callable<Response> first, Callable<Response> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Response> a = pool.submit(() -> {
                start.await();
                return first.call();
            });
            Future<Response> b = pool.submit(() -> {
                start.await();
                return second.call();
            });
            start.countDown();
            return List.of(a.get(), b.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        FakeSms fakeSms() {
            return new FakeSms();
        }

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }

        @Bean
        RecordedEvents recordedEvents() {
            return new RecordedEvents();
        }
    }
}
