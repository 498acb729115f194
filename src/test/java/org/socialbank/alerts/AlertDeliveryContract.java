package org.socialbank.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Conversations;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.IdentityId;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.NewCustomer;
import org.socialbank.ledger.AccountFlag;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.notifications.SmsMessage;
import org.socialbank.notifications.SmsReport;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.support.FakeSms;
import org.socialbank.support.StoreOutage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 17, how an alert reaches a customer when the chat is not the whole answer: SMS as the
 * last resort (no chat, a large enough amount, a verified phone; no balance or name in it; sent
 * once), the daily digest (alerts wait for their day, one digest per customer per day, even
 * when several nodes run the job at the same moment), and the weekly one with quiet hours, both
 * chosen in chat. The same tests on H2 and PostgreSQL. The SMS provider is a fake (outside the
 * bank), and the store can refuse new transactions to the test's thread.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import({FakeSms.class, AlertDeliveryContract.Outage.class})
abstract class AlertDeliveryContract {

    static final StoreOutage OUTAGE = new StoreOutage();

    static final CurrencyCode EUR = CurrencyCode.of("EUR");
    static final int NODES = 4;
    static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
    static final java.time.Duration RECHECK_AFTER = AlertsProperties.SmsReports.DEFAULTS.recheckAfter();
    static final java.time.Duration WAIT_MAX = AlertsProperties.SmsReports.DEFAULTS.waitMax();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    TransactionAlerts alerts;

    @Autowired
    AlertDigests digests;

    @Autowired
    AlertSms sms;

    @Autowired
    AlertSmsReports smsReports;

    @Autowired
    AlertSmsFailureNotices smsFailureNotices;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Alerts settings;

    @Autowired
    Conversations conversations;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    FakeSms provider;

    @Autowired
    org.socialbank.alerts.jdbc.JdbcAlertSms smsStore;

    @TestConfiguration(proxyBeanMethods = false)
    static class Outage {

        @Bean
        static BeanPostProcessor storeOutage() {
            return OUTAGE.wrapper();
        }
    }

    @DynamicPropertySource
    static void alerts(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.hikari.minimum-idle", () -> "10"); // h2database#4302, as the other H2 tests
        registry.add("socialbank.alerts.follower-enabled", () -> "false"); // the test drives the follower
        registry.add("socialbank.alerts.settle", () -> "0s");
        registry.add("socialbank.alerts.sms-min-amount-minor.EUR", () -> "5000");
        registry.add("socialbank.alerts.sms-kinds", () -> "incoming,outgoing");
    }

    @Test
    void withoutAChatALargeAlertGoesOnceBySmsWithoutBalanceOrNameAndASmallOneDoesNot() {
        String phone = phone();
        CustomerId fatima = customer("Fatima Farahani", Language.FA, phone);
        AccountId wallet = wallet(fatima);
        AccountId equity = equity();
        drain();
        TransferId large = post(equity, wallet, 123_456);
        TransferId small = post(equity, wallet, 4_999);
        drain();
        assertThat(statuses(large)).containsExactly("incoming:sms");
        assertThat(statuses(small)).as("below the SMS threshold: told nowhere").containsExactly("incoming:no_chat");

        assertThat(sms.sendPending()).isGreaterThanOrEqualTo(1);
        assertThat(sms.sendPending()).as("sent once").isZero();
        List<String> texts = provider.to(phone).stream().map(SmsMessage::text).toList();
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0))
                .contains("واریز")
                .contains("socialbank")
                .as("no balance in an SMS")
                .doesNotContain("موجودی");
        assertThat(jdbc.sql("SELECT status FROM alert_sms WHERE alert_id = (SELECT id FROM transaction_alerts "
                                + "WHERE transfer_id = ?)")
                        .param(large.value())
                        .query(String.class)
                        .single())
                .isEqualTo("SUCCEEDED");

        // a customer without a verified phone: nothing to send it to
        CustomerId noPhone = customer("Nour Nasser", Language.EN, null);
        AccountId noPhoneWallet = wallet(noPhone);
        TransferId unreachable = post(equity, noPhoneWallet, 99_999);
        drain();
        assertThat(statuses(unreachable)).containsExactly("incoming:no_chat");
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: an alert SMS the gateway accepted (PENDING, a report to"
            + " come) is sent once, not again every round")
    void anAlertSmsTheGatewayAcceptedIsNeverSentAgain() {
        String phone = phone();
        provider.reportLater(phone);
        TransferId large = queuedBySms("Hana Haddad", Language.EN, phone, 80_000);

        for (int round = 0; round < 3; round++) {
            sms.sendPending();
        }
        assertThat(provider.to(phone)).as("one SMS, however many rounds").hasSize(1);
        assertThat(smsRow(large))
                .as("accepted by the gateway, with its id: never queued again")
                .matches("ACCEPTED fake-.+");
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: an alert SMS whose send budgets could not be counted was"
            + " never sent: it stays queued (not UNKNOWN) and goes once the store answers")
    void anAlertSmsWhoseBudgetsCouldNotBeCountedStaysQueuedAndGoesLater() {
        String phone = phone();
        TransferId large = queuedBySms("Ines Idrissi", Language.FR, phone, 70_000);

        Thread test = Thread.currentThread();
        OUTAGE.refuseTransactions(t -> t == test); // the budgets' transaction cannot start; claims need none
        int refused;
        try {
            sms.sendPending();
        } finally {
            refused = OUTAGE.recover();
        }
        assertThat(refused).as("the budgets met the outage").isPositive();
        assertThat(provider.to(phone)).isEmpty();
        assertThat(smsRow(large))
                .as("nothing left: queued again, not 'maybe sent'")
                .isEqualTo("PENDING null");

        sms.sendPending();
        assertThat(provider.to(phone)).as("sent once the store answers").hasSize(1);
        assertThat(smsRow(large)).startsWith("SUCCEEDED fake-");
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: an alert SMS claimed when the store went away (its"
            + " release failing too) was never handed to the gateway: once abandoned it is queued again and"
            + " sent, not UNKNOWN, and the stalled claim cannot send it a second time")
    void anAlertSmsClaimedWhenTheStoreWentAwayIsQueuedAgainOnceAbandonedNotUnknown() {
        sms.sendPending(); // other tests' queued SMS go first: this one is the next to be claimed
        String phone = phone();
        TransferId large = queuedBySms("Jamal Jaber", Language.EN, phone, 90_000);

        Thread test = Thread.currentThread();
        OUTAGE.loseAtFirstTransaction(t -> t == test); // the claim is written, then the store is gone
        try {
            sms.sendPending();
        } finally {
            assertThat(OUTAGE.recover())
                    .as("the budgets and the release met the outage")
                    .isGreaterThan(1);
        }
        assertThat(provider.to(phone)).isEmpty();
        assertThat(smsRow(large)).as("left claimed, never handed over").isEqualTo("SENDING null");
        UUID stalledClaim = jdbc.sql("SELECT claim_id FROM alert_sms WHERE alert_id = ?")
                .param(alertId(large))
                .query(UUID.class)
                .single();

        backdateSms(large, AlertSms.ABANDONED_AFTER.plusMinutes(1)); // ten minutes later
        sms.sendPending();
        assertThat(provider.to(phone)).as("abandoned, queued again and sent").hasSize(1);
        assertThat(smsRow(large)).startsWith("SUCCEEDED fake-");
        assertThat(smsStore.handSms(alertId(large), stalledClaim, Instant.now()))
                .as("the stalled node's claim no longer hands it over")
                .isFalse();
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: an alert SMS handed to the gateway by a node that then"
            + " stopped may have left: once abandoned it is UNKNOWN and not sent again")
    void anAlertSmsHandedToTheGatewayByANodeThatStoppedIsUnknownNotSentAgain() {
        UUID claim = UUID.randomUUID(); // the stopped node's
        String phone = phone();
        TransferId large = queuedBySms("Karim Kassem", Language.EN, phone, 90_000);
        UUID alert = alertId(large);
        assertThat(smsStore.claimSms(alert, claim, Instant.now())).isTrue();
        assertThat(smsStore.handSms(alert, claim, Instant.now())).isTrue(); // then the node stopped

        sms.sendPending();
        assertThat(smsRow(large)).as("not abandoned yet").isEqualTo("HANDED null");
        backdateSms(large, AlertSms.ABANDONED_AFTER.plusMinutes(1));
        sms.sendPending();
        sms.sendPending();
        assertThat(provider.to(phone)).as("never sent again").isEmpty();
        assertThat(smsRow(large)).isEqualTo("UNKNOWN null");
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: an alert SMS the gateway accepted learns its delivery:"
            + " the gateway is asked once it waited recheck-after, and a delivered one is SUCCEEDED")
    void anAcceptedAlertSmsLearnsItWasDelivered() {
        Accepted accepted = acceptedBySms("Leila Lahmar", Language.FR, 80_000);
        TransferId large = accepted.transfer();
        String delivery = accepted.delivery();

        smsReports.recheck();
        assertThat(provider.asked(delivery))
                .as("not asked before recheck-after")
                .isZero();
        provider.report(delivery, SmsReport.stillPending());
        backdateSms(large, RECHECK_AFTER.plusMinutes(1));
        smsReports.recheck();
        smsReports.recheck();
        assertThat(provider.asked(delivery))
                .as("asked once, then not again before recheck-after")
                .isOne();
        assertThat(smsRow(large)).as("no report yet").isEqualTo("ACCEPTED " + delivery);

        provider.report(delivery, SmsReport.delivered());
        backdateSms(large, RECHECK_AFTER.plusMinutes(1));
        smsReports.recheck();
        assertThat(smsRow(large)).isEqualTo("SUCCEEDED " + delivery);
        assertThat(provider.to(accepted.phone())).as("asking sends nothing").hasSize(1);
        backdateSms(large, RECHECK_AFTER.plusMinutes(1));
        smsReports.recheck();
        assertThat(provider.asked(delivery))
                .as("a final row is not asked about again")
                .isEqualTo(2);
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: an accepted alert SMS the gateway reports failed is FAILED"
            + " with its reason; one whose id the gateway does not know is UNKNOWN")
    void anAcceptedAlertSmsThatFailedIsFailedWithTheGatewaysReason() {
        Accepted failing = acceptedBySms("Mehdi Moradi", Language.FA, 80_000);
        TransferId failed = failing.transfer();
        TransferId forgotten = acceptedBySms("Mina Moradi", Language.FA, 90_000).transfer();
        provider.report(failing.delivery(), SmsReport.failed("absent subscriber"));
        jdbc.sql("UPDATE alert_sms SET delivery_id = 'forgotten-by-the-gateway' WHERE alert_id = ?")
                .param(alertId(forgotten))
                .update();
        backdateSms(failed, RECHECK_AFTER.plusMinutes(1));
        backdateSms(forgotten, RECHECK_AFTER.plusMinutes(1));
        double unknownIds = count("unknown_id");

        smsReports.recheck();
        assertThat(smsReason(failed)).isEqualTo("FAILED absent subscriber");
        assertThat(smsReason(forgotten)).isEqualTo("UNKNOWN the gateway knows no message forgotten-by-the-gateway");
        assertThat(count("unknown_id") - unknownIds).isOne();
    }

    @Test
    @DisplayName("an alert SMS that failed for good is told once in the chat she linked since, in her language, with"
            + " the number's last two digits and no amount; nobody is told twice when several nodes run it at once,"
            + " and one without a chat is marked so (review 2026-12-07 alert follow-up)")
    void anAlertSmsThatFailedForGoodIsToldOnceInHerChat() throws Exception {
        Accepted failing = acceptedBySms("Farah Fontaine", Language.FR, 80_000);
        Accepted chatless = acceptedBySms("Gilles Garnier", Language.EN, 90_000);
        IdentityId chat = linked(customerOf(failing.transfer())); // linked after the alert went by SMS
        alerts.round();
        assertThat(outbox(chat)).as("the SMS has not failed yet").isEmpty();

        for (Accepted a : List.of(failing, chatless)) {
            provider.report(a.delivery(), SmsReport.failed("absent subscriber"));
            backdateSms(a.transfer(), RECHECK_AFTER.plusMinutes(1));
        }
        smsReports.recheck();
        assertThat(smsReason(failing.transfer())).isEqualTo("FAILED absent subscriber");
        race(smsFailureNotices::tell);
        alerts.round();

        assertThat(outbox(chat)).as("told once").hasSize(1);
        String ending = failing.phone().substring(failing.phone().length() - 2);
        assertThat(outbox(chat).get(0))
                .contains("Notre SMS au sujet d’un versement reçu")
                .contains("se terminant par " + ending)
                .doesNotContain("800")
                .doesNotContain(failing.phone().substring(3));
        assertThat(failureTold(failing.transfer())).isEqualTo("chat");
        assertThat(failureTold(chatless.transfer())).isEqualTo("no_chat");
    }

    @Test
    @DisplayName("an alert SMS left UNKNOWN for good is told as one nobody could confirm, not as one that did not"
            + " reach her phone: it may well have arrived (reread 2026-12-08 alert)")
    void anUnknownAlertSmsIsToldAsUnconfirmedNotAsFailed() {
        Accepted silent = unknownBySms("Ulla Underwood");
        IdentityId chat = linked(customerOf(silent.transfer()));
        giveUpOnReport(silent);
        assertThat(smsReason(silent.transfer())).isEqualTo("UNKNOWN no delivery report within " + WAIT_MAX);

        assertThat(smsFailureNotices.tell()).isOne();

        String ending = silent.phone().substring(silent.phone().length() - 2);
        assertThat(outbox(chat)).hasSize(1);
        assertThat(outbox(chat).get(0))
                .contains("We could not confirm that our text message about money received")
                .contains("ending in " + ending)
                .doesNotContain("did not reach")
                .doesNotContain("800");
        assertThat(failureTold(silent.transfer())).isEqualTo("chat");
    }

    @Test
    @DisplayName("the notice of a failed alert SMS waits for the end of her quiet hours, as her alerts do, then"
            + " goes once (reread 2026-12-08 alert)")
    void theNoticeOfAFailedAlertSmsWaitsForHerQuietHours() {
        Accepted failing = acceptedBySms("Quentin Quesnel", Language.EN, 80_000);
        CustomerId customer = customerOf(failing.transfer());
        IdentityId chat = linked(customer);
        ZoneId zone = settings.settings(customer).zone();
        LocalTime local = LocalTime.now(zone).withSecond(0).withNano(0);
        settings.save(settings.settings(customer).withQuietHours(local.minusHours(1), local.plusHours(1)));
        failed(failing);

        assertThat(smsFailureNotices.tell()).isZero();
        assertThat(outbox(chat)).as("held in her quiet hours").isEmpty();
        assertThat(failureTold(failing.transfer())).as("left untold").isNull();
        assertThat(smsFailureNotices.tell()).isZero();
        assertThat(outbox(chat)).as("still held").isEmpty();

        settings.save(settings.settings(customer).withQuietHours(null, null));
        jdbc.sql("UPDATE alert_sms SET failure_tell_after = ? WHERE alert_id = ?") // her quiet hours are over
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), alertId(failing.transfer()))
                .update();
        assertThat(smsFailureNotices.tell()).isOne();
        assertThat(smsFailureNotices.tell()).isZero();
        assertThat(outbox(chat)).as("told once, after them").hasSize(1);
        assertThat(failureTold(failing.transfer())).isEqualTo("chat");
    }

    @Test
    @DisplayName("a failure whose notice throws does not stop the failures behind it from being told, and is given"
            + " up on after a few tries instead of standing first in every round (reread 2026-12-08 alert)")
    void aFailureWhoseNoticeThrowsNeitherBlocksTheOthersNorStaysForever() {
        Accepted poisoned = acceptedBySms("Paul Poisson", Language.EN, 80_000);
        Accepted fine = acceptedBySms("Fiona Fine", Language.EN, 90_000);
        CustomerId poisonedCustomer = customerOf(poisoned.transfer());
        linked(poisonedCustomer);
        IdentityId chat = linked(customerOf(fine.transfer()));
        settings.save(settings.settings(poisonedCustomer).withQuietHours(LocalTime.of(1, 0), LocalTime.of(2, 0)));
        jdbc.sql("UPDATE alert_settings SET quiet_from = '99:99' WHERE customer_id = ?") // no longer readable
                .param(poisonedCustomer.value())
                .update();
        failed(poisoned);
        failed(fine);
        backdateSms(poisoned.transfer(), RECHECK_AFTER.plusHours(1)); // the oldest: first in the round

        assertThat(smsFailureNotices.tell()).as("the one behind it is told").isOne();
        assertThat(outbox(chat)).hasSize(1);
        assertThat(failureTold(fine.transfer())).isEqualTo("chat");
        assertThat(failureTold(poisoned.transfer())).as("tried once").isNull();
        for (int round = 1; round < AlertSmsFailureNotices.TRIES_MAX; round++) {
            assertThat(smsFailureNotices.tell()).isZero();
        }
        assertThat(failureTold(poisoned.transfer())).as("given up on").isEqualTo("gave_up");
        assertThat(smsFailureNotices.tell()).isZero();
        assertThat(outbox(chat)).as("nobody told twice").hasSize(1);
        jdbc.sql("UPDATE alert_settings SET quiet_from = '01:00' WHERE customer_id = ?") // for the other tests
                .param(poisonedCustomer.value())
                .update();
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: an accepted alert SMS without a report after wait-max is"
            + " UNKNOWN, counted for operations, and not asked about again")
    void anAcceptedAlertSmsWithoutAReportAfterWaitMaxIsUnknown() {
        Accepted accepted = acceptedBySms("Nadia Nouri", Language.RU, 80_000);
        TransferId large = accepted.transfer();
        String delivery = accepted.delivery();
        jdbc.sql("UPDATE alert_sms SET created_at = ? WHERE alert_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minus(WAIT_MAX).minusMinutes(1), alertId(large))
                .update();
        backdateSms(large, RECHECK_AFTER.plusMinutes(1));
        double givenUp = count("no_report");

        smsReports.recheck();
        assertThat(provider.asked(delivery)).as("asked a last time").isOne();
        assertThat(smsReason(large)).isEqualTo("UNKNOWN no delivery report within " + WAIT_MAX);
        assertThat(count("no_report") - givenUp).isOne();
        backdateSms(large, RECHECK_AFTER.plusMinutes(1));
        smsReports.recheck();
        assertThat(provider.asked(delivery)).isOne();
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: when several nodes re-check accepted alert SMS at once,"
            + " the gateway is asked once per SMS")
    void severalNodesRecheckingAtOnceAskTheGatewayOnce() throws Exception {
        Accepted accepted = acceptedBySms("Omid Oskouei", Language.EN, 80_000);
        TransferId large = accepted.transfer();
        String delivery = accepted.delivery();
        provider.report(delivery, SmsReport.delivered());
        backdateSms(large, RECHECK_AFTER.plusMinutes(1));

        race(smsReports::recheck);
        assertThat(provider.asked(delivery)).isOne();
        assertThat(smsRow(large)).isEqualTo("SUCCEEDED " + delivery);
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: a delivery report API that hangs never delays an alert: while"
            + " the re-check waits on the gateway, the follower's round writes a new posting's alert to her chat")
    void aHangingReportApiNeverDelaysTheAlertOfANewPosting() throws Exception {
        for (int i = 0; i < 3; i++) {
            backdateSms(acceptedBySms("Pari Parsa", Language.EN, 80_000).transfer(), RECHECK_AFTER.plusMinutes(1));
        }
        CustomerId rana = customer("Rana Rahimi", Language.EN, phone());
        AccountId wallet = wallet(rana);
        IdentityId chat = linked(rana);
        AccountId equity = equity();
        post(equity, wallet, 100_000);
        drain();
        FakeSms.ReportsHeld held = provider.holdReports();
        ExecutorService janitor = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> rechecking = janitor.submit(() -> smsReports.recheck());
            assertThat(held.awaitEntered(Duration.ofSeconds(30)))
                    .as("the re-check waits on the gateway")
                    .isTrue();
            TransferId spent = post(wallet, equity, 30_000);
            assertTimeoutPreemptively(Duration.ofSeconds(20), alerts::round, "the round waited on the report API");
            assertThat(statuses(spent)).containsExactly("outgoing:sent");
            assertThat(outbox(chat)).last().asString().contains("300.00");
            assertThat(rechecking.isDone()).as("the re-check still waits").isFalse();
        } finally {
            provider.stopHolding();
            janitor.shutdown();
            assertThat(janitor.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: a re-check round stops asking once its time is spent"
            + " (round-time-max); the SMS it did not ask about are asked at the next round")
    void aRecheckRoundStopsAskingOnceItsTimeIsSpent() {
        List<Accepted> due = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Accepted accepted = acceptedBySms("Sara Sadeghi", Language.EN, 80_000);
            provider.report(accepted.delivery(), SmsReport.delivered());
            due.add(accepted);
        }
        due.forEach(a -> backdateSms(a.transfer(), RECHECK_AFTER.plusMinutes(1)));
        double cut = count("round_cut");

        provider.reportsTake(Duration.ofMillis(300));
        try {
            smsReports.recheck(Duration.ofMillis(700));
        } finally {
            provider.reportsTake(Duration.ZERO);
        }
        assertThat(due.stream().filter(a -> provider.asked(a.delivery()) > 0).count())
                .as("at most three questions of 300 ms start within 700 ms")
                .isLessThanOrEqualTo(3);
        assertThat(count("round_cut") - cut).isOne();

        smsReports.recheck();
        assertThat(due).allSatisfy(a -> assertThat(smsRow(a.transfer())).isEqualTo("SUCCEEDED " + a.delivery()));
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: an alert SMS the send left UNKNOWN with the gateway's id is"
            + " asked about too: delivered is SUCCEEDED after recheck-after; without a report after wait-max it is"
            + " UNKNOWN for good and not asked again")
    void anAlertSmsTheSendLeftUnknownWithAnIdLearnsItsDelivery() {
        Accepted reported = unknownBySms("Tara Tehrani");
        smsReports.recheck();
        assertThat(provider.asked(reported.delivery()))
                .as("not asked before recheck-after")
                .isZero();
        provider.report(reported.delivery(), SmsReport.delivered());
        backdateSms(reported.transfer(), RECHECK_AFTER.plusMinutes(1));
        smsReports.recheck();
        assertThat(smsRow(reported.transfer())).isEqualTo("SUCCEEDED " + reported.delivery());

        Accepted silent = unknownBySms("Taha Tavakoli");
        jdbc.sql("UPDATE alert_sms SET created_at = ? WHERE alert_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minus(WAIT_MAX).minusMinutes(1), alertId(silent.transfer()))
                .update();
        backdateSms(silent.transfer(), RECHECK_AFTER.plusMinutes(1));
        smsReports.recheck();
        assertThat(provider.asked(silent.delivery())).as("asked a last time").isOne();
        assertThat(smsReason(silent.transfer())).isEqualTo("UNKNOWN no delivery report within " + WAIT_MAX);

        backdateSms(reported.transfer(), RECHECK_AFTER.plusMinutes(1));
        backdateSms(silent.transfer(), RECHECK_AFTER.plusMinutes(1));
        smsReports.recheck();
        assertThat(provider.asked(reported.delivery()))
                .as("a final row is not asked again")
                .isOne();
        assertThat(provider.asked(silent.delivery())).as("nor one given up on").isOne();
    }

    @Test
    void aDailyDigestGathersTheDaysAlertsAndGoesOnceEvenWhenSeveralNodesRunTheJobTogether() throws Exception {
        CustomerId olga = customer("Olga Orlova", Language.EN, null);
        AccountId wallet = wallet(olga);
        AccountId other = wallet(customer("Petr Popov", Language.RU, null));
        IdentityId chat = linked(olga);
        AccountId equity = equity();
        settings.save(settings.settings(olga).withDelivery(AlertDelivery.DAILY));
        drain();
        TransferId in = post(equity, wallet, 10_000);
        TransferId out = post(wallet, other, 2_550);
        drain();
        assertThat(statuses(in)).containsExactly("incoming:digest");
        assertThat(statuses(out)).contains("outgoing:digest");
        assertThat(outbox(chat))
                .as("nothing yet: the digest goes the next morning")
                .isEmpty();
        assertThat(digests.sendDigests()).as("not due yet").isZero();

        // the next morning: several nodes run the digest job at the same instant
        jdbc.sql("UPDATE transaction_alerts SET due_at = ? WHERE customer_id = ? AND status = 'digest'")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), olga.value())
                .update();
        race(() -> digests.sendDigests());
        assertThat(digests.sendDigests()).isZero();
        List<String> sent = outbox(chat);
        assertThat(sent).as("one digest for the day").hasSize(1);
        assertThat(sent.get(0))
                .contains("Postings: 2")
                .contains("Money in: €100.00")
                .contains("Money out: €25.50")
                .contains("Balance: €74.50");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_digests WHERE customer_id = ?")
                        .param(olga.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(statuses(in)).containsExactly("incoming:digested");

        // she goes back to instant alerts: the next posting is alerted at once
        settings.save(settings.settings(olga).withDelivery(AlertDelivery.INSTANT));
        post(equity, wallet, 700);
        drain();
        assertThat(outbox(chat)).hasSize(2);
    }

    @Test
    void aWeeklyDigestAndQuietHoursChosenInChatGatherTheWeekUnderItsMonday() {
        CustomerId vera = customer("Vera Volkova", Language.RU, null);
        AccountId wallet = wallet(vera);
        String account = "web-" + UUID.randomUUID();
        IdentityId chat = linked(vera, account);
        say(account, "еженедельная сводка");
        assertThat(settings.settings(vera).delivery()).isEqualTo(AlertDelivery.WEEKLY);
        assertThat(outbox(chat)).last().asString().contains("каждый понедельник");
        say(account, "тихие часы с 22 до 7");
        assertThat(settings.settings(vera).quietFrom()).isEqualTo(LocalTime.of(22, 0));
        assertThat(settings.settings(vera).quietTo()).isEqualTo(LocalTime.of(7, 0));
        assertThat(outbox(chat)).last().asString().contains("22:00–07:00");
        AccountId equity = equity();
        drain();
        TransferId first = post(equity, wallet, 10_000);
        post(equity, wallet, 5_000);
        drain();
        ZoneId moscow = ZoneId.of("Europe/Moscow"); // her language's zone
        Instant postedAt = jdbc.sql("SELECT posted_at FROM transaction_alerts WHERE transfer_id = ?")
                .param(first.value())
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
        LocalDate monday =
                postedAt.atZone(moscow).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertThat(jdbc.sql("SELECT DISTINCT digest_day FROM transaction_alerts WHERE customer_id = ?")
                        .param(vera.value())
                        .query(LocalDate.class)
                        .list())
                .containsExactly(monday);
        assertThat(jdbc.sql("SELECT DISTINCT due_at FROM transaction_alerts WHERE customer_id = ?")
                        .param(vera.value())
                        .query(OffsetDateTime.class)
                        .list())
                .extracting(OffsetDateTime::toInstant)
                .containsExactly(monday.plusDays(7).atTime(8, 0).atZone(moscow).toInstant());
        int before = outbox(chat).size();
        jdbc.sql("UPDATE transaction_alerts SET due_at = ? WHERE customer_id = ? AND status = 'digest'")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), vera.value())
                .update();
        assertThat(digests.sendDigests()).isGreaterThanOrEqualTo(1);
        assertThat(digests.sendDigests()).isZero();
        List<String> sent = outbox(chat);
        assertThat(sent).as("one digest for the week").hasSize(before + 1);
        assertThat(sent.get(before)).contains("за неделю с").contains("150,00");
    }

    /**
     * Issue 17, 1.8: a platform that refuses an alert (as the outbox relay reports it, by the
     * outbox row's id) passes it to her next chat in her order; a report that comes twice moves it
     * on once; when every chat refused, a large alert goes by SMS and a small one stays refused.
     */
    @Test
    void anAlertAPlatformRefusesGoesToHerNextChatInHerOrderThenBySmsOnlyWhenLargeEnough() {
        String phone = "+336715" + String.format("%05d", RANDOM.nextInt(100_000));
        CustomerId lina = customer("Lina Laurent", Language.EN, phone);
        AccountId wallet = wallet(lina);
        IdentityId first = linked(lina);
        IdentityId third = linked(lina);
        IdentityId second = linked(lina);
        // all web chats, so her order is the newest link first: first, then second, then third
        jdbc.sql("UPDATE channel_identities SET linked_at = ? WHERE id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2), first.value())
                .update();
        jdbc.sql("UPDATE channel_identities SET linked_at = ? WHERE id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1), second.value())
                .update();
        AccountId equity = equity();
        drain();
        TransferId large = post(equity, wallet, 60_000);
        drain();
        assertThat(statuses(large)).containsExactly("incoming:sent");
        assertThat(outbox(first)).hasSize(1);

        refuse(first, "Forbidden: bot was blocked by the user");
        refuse(first, "Forbidden: bot was blocked by the user"); // the same report again
        assertThat(outbox(second)).as("once, on her next chat").hasSize(1);
        assertThat(outbox(second).get(0)).contains("600.00");
        assertThat(outbox(third)).isEmpty();
        refuse(second, "outside the window, no template");
        assertThat(outbox(third)).hasSize(1);
        refuse(third, "refused");
        assertThat(statuses(large))
                .as("every chat refused: SMS, the last resort")
                .containsExactly("incoming:sms");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_sms WHERE to_e164 = ?")
                        .param(phone)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        TransferId small = post(equity, wallet, 700);
        drain();
        for (IdentityId chat : List.of(first, second, third)) {
            refuse(chat, "refused");
        }
        assertThat(statuses(small)).as("below the SMS threshold").containsExactly("incoming:refused");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_sms WHERE to_e164 = ?")
                        .param(phone)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    /** The relay's report that the platform refused the latest alert written to this chat. */
    private void refuse(IdentityId chat, String reason) {
        UUID messageId = jdbc.sql(
                        "SELECT id FROM outbox_messages WHERE identity_id = ? ORDER BY created_at DESC, id DESC "
                                + "LIMIT 1")
                .param(chat.value())
                .query(UUID.class)
                .single();
        events.publishEvent(new org.socialbank.shared.OutboundReported(messageId, "failed", reason, Instant.now()));
    }

    /**
     * Issue 13 row 5.3 (and issue 17 1.3): alerts, quiet hours and digests are in the customer's own
     * zone, the one she chose, not in her language's nor in one the alert settings kept.
     */
    @Test
    void quietHoursAndDigestDaysFollowTheZoneTheCustomerChoseNotHerLanguages() {
        CustomerId yana = customer("Yana Yakovleva", Language.RU, null);
        ZoneId vladivostok = ZoneId.of("Asia/Vladivostok"); // seven hours ahead of Moscow, her language's zone
        assertThat(directory.chooseZone(yana, vladivostok)).isTrue();
        AccountId wallet = wallet(yana);
        IdentityId chat = linked(yana);
        LocalTime now = LocalTime.now(vladivostok);
        settings.save(settings.settings(yana).withQuietHours(now.minusHours(1), now.plusHours(1)));
        assertThat(settings.settings(yana).zone()).isEqualTo(vladivostok);
        AccountId equity = equity();
        drain();
        TransferId quiet = post(equity, wallet, 1_000);
        drain();
        assertThat(statuses(quiet))
                .as("quiet where she lives, though not in Moscow")
                .containsExactly("incoming:held");
        assertThat(outbox(chat)).isEmpty();

        settings.save(settings.settings(yana).withQuietHours(null, null).withDelivery(AlertDelivery.DAILY));
        TransferId daily = post(equity, wallet, 2_000);
        drain();
        Instant postedAt = jdbc.sql("SELECT posted_at FROM transaction_alerts WHERE transfer_id = ?")
                .param(daily.value())
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
        LocalDate day = postedAt.atZone(vladivostok).toLocalDate();
        assertThat(jdbc.sql("SELECT digest_day, due_at FROM transaction_alerts WHERE transfer_id = ?")
                        .param(daily.value())
                        .query((rs, n) -> rs.getObject(1, LocalDate.class) + " "
                                + rs.getObject(2, OffsetDateTime.class).toInstant())
                        .single())
                .as("her day and her next morning at 08:00, in Vladivostok")
                .isEqualTo(day + " "
                        + day.plusDays(1).atTime(8, 0).atZone(vladivostok).toInstant());

        // a zone that names no place is refused: her zone stays
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> settings.save(settings.settings(yana).withZone(ZoneOffset.UTC)))
                .withMessage("unknown_zone");
        assertThat(directory.settings(yana).orElseThrow().zone()).isEqualTo(vladivostok);
    }

    private void say(String account, String text) {
        conversations.receive(new InboundMessage(
                Network.WEBCHAT, "m-" + UUID.randomUUID(), account, null, null, new Inbound.Text(text)));
    }

    private void race(Callable<Integer> job) throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(NODES);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                runs.add(nodes.submit(() -> {
                    start.await();
                    return job.call();
                }));
            }
            start.countDown();
            int settled = 0;
            for (Future<Integer> run : runs) {
                settled += run.get(60, TimeUnit.SECONDS);
            }
            assertThat(settled).as("the work done, over all nodes").isGreaterThanOrEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
    }

    private static String phone() {
        return "+3361" + String.format("%07d", RANDOM.nextInt(10_000_000));
    }

    private CustomerId customer(String name, Language language, String phone) {
        CustomerId id = new CustomerId(UUID.randomUUID());
        List<CustomerView.AliasEntry> aliases = phone == null
                ? List.of()
                : List.of(new CustomerView.AliasEntry(Alias.parse(AliasType.PHONE, null, phone, null), true));
        assertThat(directory.register(new NewCustomer(id, name, language, KycLevel.FULL, null, null, aliases)))
                .isInstanceOf(DirectoryResult.Done.class);
        return id;
    }

    private AccountId wallet(CustomerId customer) {
        AccountId wallet = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(
                wallet,
                EUR,
                customer.ownerRef(),
                AccountKind.CUSTOMER_WALLET,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        assertThat(directory.holdAccount(customer, wallet, true)).isInstanceOf(DirectoryResult.Done.class);
        return wallet;
    }

    private AccountId equity() {
        AccountId equity = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(equity, EUR, null, AccountKind.BANK_EQUITY, Set.of()));
        return equity;
    }

    /** A web-chat account linked to the customer (the sign-in flow is the linking tests' business). */
    private IdentityId linked(CustomerId customer) {
        return linked(customer, "web-" + UUID.randomUUID());
    }

    private IdentityId linked(CustomerId customer, String account) {
        IdentityId id =
                identities.identify(Network.WEBCHAT, account, null, null).id();
        jdbc.sql("UPDATE channel_identities SET customer_id = ?, linked_at = ? WHERE id = ?")
                .params(customer.value(), OffsetDateTime.now(ZoneOffset.UTC), id.value())
                .update();
        return id;
    }

    private TransferId post(AccountId debit, AccountId credit, long amountMinor) {
        TransferId id = new TransferId(UUID.randomUUID());
        assertThat(ledger.transfer(NewTransfer.posted(id, debit, credit, amountMinor, EUR, "deposit")))
                .isInstanceOf(TransferResult.Posted.class);
        return id;
    }

    private void drain() {
        for (int round = 0; round < 100 && alerts.follow() > 0; round++) {
            // each round takes one batch of the journal
        }
    }

    private List<String> statuses(TransferId transfer) {
        return jdbc.sql("SELECT kind, status FROM transaction_alerts WHERE transfer_id = ? ORDER BY kind")
                .param(transfer.value())
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2))
                .list();
    }

    /** A new customer with a phone and no chat is paid {@code amountMinor}: its alert is queued as an SMS. */
    private TransferId queuedBySms(String name, Language language, String phone, long amountMinor) {
        AccountId wallet = wallet(customer(name, language, phone));
        AccountId equity = equity();
        drain();
        TransferId paid = post(equity, wallet, amountMinor);
        drain();
        assertThat(statuses(paid)).containsExactly("incoming:sms");
        return paid;
    }

    private UUID alertId(TransferId transfer) {
        return jdbc.sql("SELECT id FROM transaction_alerts WHERE transfer_id = ?")
                .param(transfer.value())
                .query(UUID.class)
                .single();
    }

    /** The SMS row as it was {@code ago}: its claim or hand-over looks that old. */
    private void backdateSms(TransferId transfer, java.time.Duration ago) {
        jdbc.sql("UPDATE alert_sms SET updated_at = ? WHERE alert_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minus(ago), alertId(transfer))
                .update();
    }

    /** An alert SMS the gateway answered (PENDING or UNKNOWN), with the gateway's id of it. */
    private record Accepted(TransferId transfer, String phone, String delivery) {}

    private Accepted acceptedBySms(String name, Language language, long amountMinor) {
        String phone = phone();
        provider.reportLater(phone);
        return sentBySms(name, language, phone, amountMinor, "ACCEPTED");
    }

    /** An alert SMS the send left UNKNOWN (a timeout after the request left), with the gateway's id of it. */
    private Accepted unknownBySms(String name) {
        String phone = phone();
        provider.answerUnknown(phone);
        return sentBySms(name, Language.EN, phone, 80_000, "UNKNOWN");
    }

    private Accepted sentBySms(String name, Language language, String phone, long amountMinor, String status) {
        TransferId transfer = queuedBySms(name, language, phone, amountMinor);
        sms.sendPending();
        String delivery = jdbc.sql("SELECT delivery_id FROM alert_sms WHERE alert_id = ?")
                .param(alertId(transfer))
                .query(String.class)
                .single();
        assertThat(smsRow(transfer)).isEqualTo(status + " " + delivery);
        return new Accepted(transfer, phone, delivery);
    }

    /** The gateway reports an accepted alert SMS failed, and the janitor learns it. */
    private void failed(Accepted a) {
        provider.report(a.delivery(), SmsReport.failed("absent subscriber"));
        backdateSms(a.transfer(), RECHECK_AFTER.plusMinutes(1));
        smsReports.recheck();
        assertThat(smsReason(a.transfer())).isEqualTo("FAILED absent subscriber");
    }

    /** An SMS awaiting its report past wait-max: asked a last time, UNKNOWN for good. */
    private void giveUpOnReport(Accepted a) {
        jdbc.sql("UPDATE alert_sms SET created_at = ? WHERE alert_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minus(WAIT_MAX).minusMinutes(1), alertId(a.transfer()))
                .update();
        backdateSms(a.transfer(), RECHECK_AFTER.plusMinutes(1));
        smsReports.recheck();
    }

    private CustomerId customerOf(TransferId transfer) {
        return new CustomerId(jdbc.sql("SELECT customer_id FROM transaction_alerts WHERE transfer_id = ?")
                .param(transfer.value())
                .query(UUID.class)
                .single());
    }

    /** How the customer of a transfer's failed alert SMS was told of it. */
    private String failureTold(TransferId transfer) {
        return jdbc.sql("SELECT failure_told FROM alert_sms WHERE alert_id = ?")
                .param(alertId(transfer))
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1)))
                .single()
                .orElse(null);
    }

    /** The alert SMS of a transfer's one alert: its status and why. */
    private String smsReason(TransferId transfer) {
        return jdbc.sql("SELECT status, reason FROM alert_sms WHERE alert_id = ?")
                .param(alertId(transfer))
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
                .single();
    }

    private double count(String outcome) {
        return meters.counter(AlertSmsReports.COUNTER, "outcome", outcome).count();
    }

    /** The alert SMS of a transfer's one alert: its status and the gateway's delivery id. */
    private String smsRow(TransferId transfer) {
        return jdbc.sql("SELECT status, delivery_id FROM alert_sms WHERE alert_id = (SELECT id FROM "
                        + "transaction_alerts WHERE transfer_id = ?)")
                .param(transfer.value())
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
                .single();
    }

    private List<String> outbox(IdentityId identity) {
        return jdbc.sql("SELECT payload FROM outbox_messages WHERE identity_id = ? ORDER BY created_at, id")
                .param(identity.value())
                .query(String.class)
                .list();
    }
}
