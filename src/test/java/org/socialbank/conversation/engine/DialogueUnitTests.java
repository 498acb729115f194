package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Bank;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.conversation.dialogue.DialogueState;
import org.socialbank.conversation.dialogue.Texts;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/** The dialogue's logic without Spring or a database: slots, confirmation, stale buttons, limits. */
class DialogueUnitTests {

    /** Texts as "language:key[args]", so that tests see which sentence was chosen. */
    static final Texts KEYS = (language, key, args) -> language.tag() + ":" + key
            + (args.length == 0
                    ? ""
                    : Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(",", "[", "]")));

    final Dialogue dialogue = new Dialogue(KEYS, java.time.Duration.ofMinutes(10));
    FakeBank bank;
    DialogueState state;
    CustomerId bob;

    @BeforeEach
    void setUp() {
        bank = new FakeBank();
        state = DialogueState.NEW;
        bob = bank.knows(new Alias(AliasType.HANDLE, Network.TELEGRAM, "bob"), "Bob B.");
    }

    Dialogue.Step last;

    List<Outbound> send(Inbound content) {
        last = dialogue.handle(state, Network.TELEGRAM, content, false, bank);
        state = last.state();
        return last.replies();
    }

    List<Outbound> say(String text) {
        return send(new Inbound.Text(text));
    }

    static String text(List<Outbound> replies) {
        assertThat(replies).hasSize(1);
        Outbound reply = replies.get(0);
        if (reply instanceof Outbound.Text t) {
            return t.text();
        }
        if (reply instanceof Outbound.Buttons b) {
            return b.text();
        }
        if (reply instanceof Outbound.Link l) {
            return l.text();
        }
        return ((Outbound.Receipt) reply).title();
    }

    String button(List<Outbound> replies, int index) {
        return ((Outbound.Buttons) replies.get(0)).buttons().get(index).reference();
    }

    @Test
    void helpAndHintsAreForEveryoneInTheLanguageOfTheText() {
        assertThat(text(say("help"))).isEqualTo("en:conversation.help");
        assertThat(text(say("aide"))).isEqualTo("fr:conversation.help");
        assertThat(text(say("blah blah"))).startsWith("Sorry");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("issue 13: thanks get a short friendly answer, not the help")
    void thanksGetAShortAnswerInTheLanguageOfTheText() {
        assertThat(text(say("thanks!"))).isEqualTo("en:conversation.thanks");
        assertThat(text(say("merci"))).isEqualTo("fr:conversation.thanks");
        assertThat(text(say("спасибо"))).isEqualTo("ru:conversation.thanks");
        assertThat(text(say("ممنون"))).isEqualTo("fa:conversation.thanks");
        assertThat(text(say("谢谢"))).isEqualTo("zh:conversation.thanks");
        assertThat(last.shareable())
                .as("nothing private: the group may read it")
                .isTrue();
    }

    @Test
    void anUnlinkedChatIsOfferedALinkForPrivateAnswers() {
        for (String text : List.of("balance", "history", "pay @bob 10")) {
            List<Outbound> replies = say(text);
            assertThat(replies.get(0)).isInstanceOf(Outbound.Link.class);
            assertThat(((Outbound.Link) replies.get(0)).url()).isEqualTo(bank.linkUrl());
        }
        assertThat(bank.payments).isEmpty();
    }

    @Test
    void linkOnANetworkThatVouchesForPhonesAlsoOffersToShareThePhone() {
        List<Outbound> replies = say("link");
        assertThat(replies.get(0)).isInstanceOf(Outbound.Link.class);
        assertThat(replies.get(1))
                .isEqualTo(new Outbound.AskPhone(
                        "en:conversation.link.share_phone", "en:conversation.link.share_phone_button"));
        Dialogue.Step onWeChat =
                dialogue.handle(DialogueState.NEW, Network.WECHAT, new Inbound.Text("link"), false, bank);
        assertThat(onWeChat.replies()).hasSize(1); // WeChat cannot vouch for a phone: the link alone
    }

    @Test
    void theLanguageChosenInChatWinsOverTheCustomersAndTheTexts() {
        bank.linkedIn(Language.RU);
        assertThat(text(say("balance"))).startsWith("ru:conversation.balance.title");
        assertThat(text(say("language french"))).isEqualTo("fr:conversation.language.switched");
        assertThat(text(say("balance"))).startsWith("fr:conversation.balance.title");
        assertThat(state.language()).isEqualTo(Language.FR);
    }

    @Test
    void aLinkedCustomerSeesBalanceAndHistoryFormatted() {
        bank.linkedIn(Language.EN);
        assertThat(text(say("balance"))).contains("€123.45");
        assertThat(text(say("history"))).contains("en:conversation.history.out[€10.00,—,", "2026");
    }

    @Test
    void historyTakesHowManyLinesInAnyDigits() {
        assertThat(Dialogue.historyCount("history 12")).isEqualTo(12);
        assertThat(Dialogue.historyCount("تاریخچه ۱۲")).isEqualTo(12);
        assertThat(Dialogue.historyCount("记录20")).isEqualTo(20);
        assertThat(Dialogue.historyCount("history 500")).isEqualTo(Dialogue.HISTORY_PAGE_MAX);
        assertThat(Dialogue.historyCount("history")).isEqualTo(Dialogue.HISTORY_MAX);
        assertThat(Dialogue.historyCount("history 0")).isEqualTo(Dialogue.HISTORY_MAX);
    }

    @Test
    void asksForTheMissingSlotsThenConfirmsAndPaysOnce() {
        bank.linkedIn(Language.EN);
        assertThat(text(say("pay"))).isEqualTo("en:conversation.pay.ask_payee");
        assertThat(text(say("@bob"))).isEqualTo("en:conversation.pay.ask_amount[Bob B.]");
        List<Outbound> confirm = say("10");
        assertThat(text(confirm)).isEqualTo("en:conversation.pay.confirm[€10.00,Bob B.]");
        String yes = button(confirm, 0);
        List<Outbound> receipt = send(new Inbound.Button(yes));
        assertThat(receipt.get(0)).isInstanceOf(Outbound.Receipt.class);
        assertThat(bank.payments)
                .containsExactly(new FakeBank.Payment(
                        bank.me,
                        new Alias(AliasType.HANDLE, Network.TELEGRAM, "bob"),
                        1_000,
                        org.socialbank.shared.CurrencyCode.of("EUR")));
        assertThat(text(send(new Inbound.Button(yes)))).isEqualTo("en:conversation.pay.stale");
        assertThat(bank.payments).hasSize(1);
    }

    @Test
    void backUndoesTheLastSlotAndMakesTheShownConfirmationStale() {
        bank.linkedIn(Language.EN);
        List<Outbound> confirm = say("pay @bob 10");
        String yes = button(confirm, 0);
        assertThat(text(say("back"))).isEqualTo("en:conversation.pay.ask_amount[Bob B.]");
        assertThat(text(send(new Inbound.Button(yes)))).isEqualTo("en:conversation.pay.stale");
        assertThat(text(say("назад"))).isEqualTo("en:conversation.pay.ask_payee");
        assertThat(text(say("@bob"))).isEqualTo("en:conversation.pay.ask_amount[Bob B.]");
        List<Outbound> again = say("12");
        assertThat(text(again)).isEqualTo("en:conversation.pay.confirm[€12.00,Bob B.]");
        send(new Inbound.Button(button(again, 0)));
        assertThat(bank.payments).extracting(FakeBank.Payment::amountMinor).containsExactly(1_200L);
        assertThat(text(say("back"))).isEqualTo("en:conversation.back.nothing");
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "security review #9: one long 'branches ...' text makes a bounded number of lookups")
    void theBranchSearchLooksUpAFewWordsOnly() {
        StringBuilder text = new StringBuilder("branches");
        for (int i = 0; text.length() + 4 <= 1000; i++) {
            text.append(' ')
                    .append((char) ('a' + i % 26))
                    .append((char) ('a' + i / 26 % 26))
                    .append('x');
        }
        List<Outbound> answer = say(text.toString());
        assertThat(text(answer)).isEqualTo("en:conversation.branches.ask_location");
        assertThat(bank.branchLookups).isPositive().isLessThanOrEqualTo(8);
    }

    @Test
    void branchesByPlaceNameOrSharedLocationAreShareableInGroups() {
        bank.branches.add(new org.socialbank.branches.Branch(
                "PAR-01", "Opéra", "12 bd des Capucines", "Paris", 48.8707, 2.3316, "9-17", false));
        bank.branches.add(new org.socialbank.branches.Branch(
                "BOM-01", "Nariman Point", "Marg", "Mumbai", 18.9256, 72.8242, "", false));
        List<Outbound> inParis = say("branches in Paris");
        assertThat(((Outbound.Places) inParis.get(0)).places())
                .extracting(Outbound.Place::name)
                .containsExactly("Opéra");
        assertThat(last.shareable()).isTrue();
        assertThat(text(say("where is the nearest branch"))).isEqualTo("en:conversation.branches.ask_location");
        List<Outbound> near = send(new Inbound.Location(19.0, 72.8));
        assertThat(((Outbound.Places) near.get(0)).places())
                .extracting(Outbound.Place::name)
                .containsExactly("Nariman Point", "Opéra");
        assertThat(((Outbound.Places) near.get(0)).places().get(0).detail()).contains("km");
    }

    @Test
    void privateAnswersAreNeverMarkedShareable() {
        bank.linkedIn(Language.EN);
        for (String text : List.of("balance", "history", "pay @bob 10", "link", "unlink")) {
            say(text);
            assertThat(last.shareable()).as(text).isFalse();
        }
        say("help");
        assertThat(last.shareable()).isTrue();
        assertThat(dialogue.privateNote(Language.EN, "alice")).isEqualTo("@alice en:conversation.group.private");
        assertThat(dialogue.openPrivateChatNote(Language.FA, "alice"))
                .isEqualTo("@alice fa:conversation.group.open_private");
        assertThat(dialogue.openPrivateChatNote(Language.EN, null)).isEqualTo("en:conversation.group.open_private");
    }

    @Test
    void aRequestAsksACustomerOrGivesALinkForAnyoneElse() {
        bank.linkedIn(Language.EN);
        assertThat(text(say("request 20 from @bob"))).isEqualTo("en:conversation.request.sent[€20.00,Bob B.]");
        assertThat(bank.asked).extracting(FakeBank.Asking::amountMinor).containsExactly(2_000L);
        List<Outbound> forward = say("request 5 from @stranger");
        assertThat(((Outbound.Link) forward.get(0)).url()).isEqualTo("https://bank.example/pay-request/t");
        assertThat(text(say("request"))).isEqualTo("en:conversation.request.how");
        assertThat(bank.payments).isEmpty(); // asking moves no money
    }

    @Test
    @DisplayName("security review #12: past the lookup allowance, pay, request and split refuse instead of resolving")
    void pastTheLookupAllowanceAliasesAreNotResolved() {
        bank.linkedIn(Language.EN);
        bank.lookupsLeft = 1;
        assertThat(text(say("pay @bob 10"))).startsWith("en:conversation.pay.confirm");
        assertThat(text(say("pay @bob 10"))).as("no masked name any more").isEqualTo("en:conversation.lookups.spent");
        assertThat(text(say("request 20 from @bob"))).isEqualTo("en:conversation.lookups.spent");
        assertThat(text(say("split 60 with @bob and @stranger"))).isEqualTo("en:conversation.lookups.spent");
        assertThat(bank.asked).isEmpty();
        assertThat(bank.payments).isEmpty();
    }

    @Test
    @DisplayName("security review #12: a requester past their hourly requests hears so clearly")
    void aRequestRefusedForTooManyRequestsSaysSo() {
        bank.linkedIn(Language.EN);
        bank.askRefusal = org.socialbank.payments.requests.RequestRejection.TOO_MANY_REQUESTS;
        assertThat(text(say("request 20 from @bob"))).isEqualTo("en:conversation.request.too_many");
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "issue 13: a payment naming several payees is refused, never paid to the first alone")
    void aPaymentNamingSeveralPayeesIsRefusedNotPaidToTheFirst() {
        bank.linkedIn(Language.EN);
        bank.knows(new Alias(AliasType.HANDLE, Network.TELEGRAM, "carol"), "Carol C.");
        bank.lookupsLeft = 100;
        assertThat(text(say("pay @bob 5 and @carol 6"))).isEqualTo("en:conversation.pay.one_payee[@bob, @carol]");
        assertThat(text(say("send 5 to $ann and $ivan"))).isEqualTo("en:conversation.pay.one_payee[$ann, $ivan]");
        assertThat(text(say("#pay @bob @carol 500"))).isEqualTo("en:conversation.pay.one_payee[@bob, @carol]");
        assertThat(bank.lookupsLeft).as("nobody was looked up").isEqualTo(100);
        assertThat(state.form()).as("no form was started").isNull();
        assertThat(text(say("pay 10"))).isEqualTo("en:conversation.pay.ask_payee");
        assertThat(text(say("@bob @carol"))).isEqualTo("en:conversation.pay.one_payee[@bob, @carol]");
        assertThat(text(say("@carol")))
                .as("the form under way is kept")
                .isEqualTo("en:conversation.pay.confirm[€10.00,Carol C.]");
        assertThat(text(say("envoie 5 € à @bob et @carol")))
                .as("the customer reads English")
                .isEqualTo("en:conversation.pay.one_payee[@bob, @carol]");
        assertThat(bank.payments).isEmpty();
        assertThat(text(List.of(say("split 60 with @bob and @carol").get(0))))
                .as("a split takes several")
                .startsWith("en:conversation.split.made");
        assertThat(text(say("@mybank #pay @bob 5")))
                .as("issue 13: the handle a tweet is addressed to is no payee")
                .isEqualTo("en:conversation.pay.confirm[€5.00,Bob B.]");
    }

    @Test
    void aSplitInEqualOrGivenSharesIncludesTheOrganiserOnlyForEqualOnes() {
        bank.linkedIn(Language.EN);
        bank.knows(new Alias(AliasType.HANDLE, Network.TELEGRAM, "carol"), "Carol C.");
        List<Outbound> equal = say("split 60 with @bob and @carol");
        assertThat(text(List.of(equal.get(0))))
                .startsWith("en:conversation.split.made[€60.00,2]")
                .contains("Bob B.: €20.00", "Carol C.: €20.00", "en:conversation.split.yours[€20.00]");
        assertThat(bank.lastSplitIncludesOrganiser).isTrue();
        say("split 100 EUR: @bob 60, @carol 40");
        assertThat(bank.lastSplitShares).containsExactly(6_000L, 4_000L);
        assertThat(bank.lastSplitIncludesOrganiser).isFalse();
        assertThat(text(say("split 100 EUR: @bob 60, @carol 30")))
                .isEqualTo("en:conversation.split.shares_do_not_add_up");
        List<Outbound> mixed = say("split 30 with @bob and @stranger");
        assertThat(mixed).hasSize(2);
        assertThat(((Outbound.Link) mixed.get(1)).url()).isEqualTo("https://bank.example/p/stranger");
    }

    @Test
    void aRequestAlertsButtonsPayOrDeclineOnceAndOnlyWhenLinked() {
        bank.openRequests.put("r1", 1_500L);
        bank.openRequests.put("r2", 700L);
        bank.buttons.put("pay-r1", new org.socialbank.conversation.dialogue.Bank.Press("request.pay:r1", 0));
        bank.buttons.put("pay-r1-again", new org.socialbank.conversation.dialogue.Bank.Press("request.pay:r1", 0));
        bank.buttons.put("decline-r2", new org.socialbank.conversation.dialogue.Bank.Press("request.decline:r2", 0));
        assertThat(send(new Inbound.Button("pay-r1")).get(0)).isInstanceOf(Outbound.Link.class); // unlinked: sign in
        bank.linkedIn(Language.EN);
        assertThat(send(new Inbound.Button("pay-r1-again")).get(0)).isInstanceOf(Outbound.Receipt.class);
        assertThat(bank.payments).extracting(FakeBank.Payment::amountMinor).containsExactly(1_500L);
        assertThat(text(send(new Inbound.Button("decline-r2")))).isEqualTo("en:conversation.request.declined_done");
        bank.buttons.put("pay-r2", new org.socialbank.conversation.dialogue.Bank.Press("request.pay:r2", 0));
        assertThat(text(send(new Inbound.Button("pay-r2")))).isEqualTo("en:conversation.request.closed");
        assertThat(bank.payments).hasSize(1);
    }

    @Test
    void aNewPayeeWithAnUnreadableAmountMakesTheShownConfirmationStale() {
        bank.linkedIn(Language.EN);
        bank.knows(new Alias(AliasType.HANDLE, Network.TELEGRAM, "carol"), "Carol C.");
        String yes = button(say("pay @bob 10"), 0);
        say("@carol 10.555"); // the payee changed; the amount could not be read
        assertThat(text(send(new Inbound.Button(yes)))).isEqualTo("en:conversation.pay.stale");
        assertThat(bank.payments).isEmpty();
    }

    @Test
    void aButtonOfAnOlderFormIsStale() {
        bank.linkedIn(Language.EN);
        String first = button(say("pay @bob 10"), 0);
        String second = button(say("pay @bob 20"), 0);
        assertThat(text(send(new Inbound.Button(first)))).isEqualTo("en:conversation.pay.stale");
        assertThat(bank.payments).isEmpty();
        assertThat(send(new Inbound.Button(second)).get(0)).isInstanceOf(Outbound.Receipt.class);
        assertThat(bank.payments).extracting(FakeBank.Payment::amountMinor).containsExactly(2_000L);
    }

    @Test
    void aConfirmationShownBeforeTheAmountChangedIsStale() {
        bank.linkedIn(Language.EN);
        String tenEuros = button(say("pay @bob 10"), 0);
        assertThat(text(say("5"))).isEqualTo("en:conversation.pay.confirm[€5.00,Bob B.]");
        assertThat(text(send(new Inbound.Button(tenEuros)))).isEqualTo("en:conversation.pay.stale");
        assertThat(bank.payments).isEmpty();
    }

    @Test
    void aFormOlderThanItsTtlIsForgotten() {
        bank.linkedIn(Language.EN);
        assertThat(text(say("pay @bob"))).isEqualTo("en:conversation.pay.ask_amount[Bob B.]");
        bank.now = bank.now.plus(java.time.Duration.ofMinutes(10));
        assertThat(text(say("10"))).startsWith("Sorry");
        assertThat(state.form()).isNull();
        assertThat(bank.payments).isEmpty();
    }

    @Test
    void cancelByTextOrButtonPaysNothing() {
        bank.linkedIn(Language.EN);
        String yes = button(say("pay @bob 10"), 0);
        assertThat(text(say("cancel"))).isEqualTo("en:conversation.pay.cancelled");
        assertThat(text(send(new Inbound.Button(yes)))).isEqualTo("en:conversation.pay.stale");
        String no = button(say("pay @bob 10"), 1);
        assertThat(text(send(new Inbound.Button(no)))).isEqualTo("en:conversation.pay.cancelled");
        assertThat(text(say("cancel"))).isEqualTo("en:conversation.cancel.nothing");
        assertThat(bank.payments).isEmpty();
    }

    @Test
    void aboveTheStepUpThresholdThePaymentWaitsForTheBanksPage() {
        bank.linkedIn(Language.EN);
        bank.stepUpAboveMinor = 100_000;
        List<Outbound> held = send(new Inbound.Button(button(say("pay @bob 1000.01"), 0)));
        assertThat(held.get(0)).isInstanceOf(Outbound.Link.class);
        assertThat(((Outbound.Link) held.get(0)).url()).isEqualTo("https://bank.example/confirm/abc");
        assertThat(text(held))
                .isEqualTo("en:conversation.pay.held[€1,000.01,Bob B.] "
                        + "en:conversation.pay.held_reason.above_threshold"); // the customer sees why
        assertThat(state.form()).isNull();
        assertThat(bank.payments).isEmpty();
    }

    @Test
    void aNonCustomerIsPaidThroughAClaimAndAnUnknownTagIsRefused() {
        bank.linkedIn(Language.EN);
        List<Outbound> confirm = say("pay @nobody 10");
        assertThat(text(confirm)).isEqualTo("en:conversation.pay.confirm_claim[€10.00,@nobody]");
        List<Outbound> waiting = send(new Inbound.Button(button(confirm, 0)));
        assertThat(((Outbound.Link) waiting.get(0)).url()).isEqualTo("https://bank.example/claim/xyz");
        // issue 13 (P10): the payer forwards the link; the button says so, not "Claim the money"
        assertThat(((Outbound.Link) waiting.get(0)).label()).isEqualTo("en:conversation.pay.share_link_button");
        assertThat(text(waiting)).startsWith("en:conversation.pay.awaiting_claim_forward[€10.00,@nobody,");
        assertThat(bank.payments).extracting(p -> p.payee().value()).containsExactly("nobody");
        assertThat(text(say("pay $nobody 10"))).isEqualTo("en:conversation.pay.payee_unknown[nobody]");
    }

    @Test
    void aLimitSaysWhichAndWhenItResets() {
        bank.linkedIn(Language.EN);
        bank.refusal = org.socialbank.payments.PaymentRejection.EXCEEDS_DAILY_LIMIT;
        bank.refusalLimitMinor = 50_000L;
        bank.refusalResetsAt = java.time.Instant.parse("2026-11-23T00:00:00Z");
        String yes = button(say("pay @bob 600"), 0);
        assertThat(text(send(new Inbound.Button(yes))))
                .startsWith(
                        "en:conversation.pay.refused.limit_resets[en:conversation.limit.exceeds_daily_limit,€500.00,")
                .contains("2026");
    }

    @Test
    void recentPayeesAreNamedAndClaimCodesAreAnswered() {
        bank.linkedIn(Language.EN);
        bank.recent.add(new org.socialbank.conversation.dialogue.Bank.RecentPayee(
                List.of("Bob Brown", "Bob"), new Alias(AliasType.HANDLE, Network.TELEGRAM, "bob"), bob, "Bob B."));
        say("balance");
        say("help");
        assertThat(bank.recentReads)
                .as("no payee in sight: the recent payees are not read")
                .isZero();
        assertThat(text(say("pay Bob 7"))).isEqualTo("en:conversation.pay.confirm[€7.00,Bob B.]");
        say("cancel");
        assertThat(text(say("pay"))).isEqualTo("en:conversation.pay.ask_payee");
        assertThat(text(say("Bob"))).isEqualTo("en:conversation.pay.ask_amount[Bob B.]"); // a name alone, in the form
        assertThat(text(say("CLAIM-GOOD01"))).isEqualTo("en:conversation.claim.proven");
        assertThat(text(say("CLAIM-BAD001"))).isEqualTo("en:conversation.claim.unknown");
    }

    @Test
    @DisplayName("a claim code in a group or a public post is not used; the answer there does not repeat it")
    void aClaimCodeInAGroupIsNotUsed() {
        bank.linkedIn(Language.EN);
        for (String text : List.of("CLAIM-7K3Q9X", "my code is CLAIM-7K3Q9X", " claim-7k3q9x ")) {
            Dialogue.Step step = dialogue.handle(state, Network.X, new Inbound.Text(text), true, bank);
            assertThat(text(step.replies())).isEqualTo("en:conversation.claim.public");
            assertThat(step.shareable()).isTrue();
        }
        assertThat(bank.claimCodesRead).as("not even looked up").isEmpty();
        assertThat(text(say("CLAIM-GOOD01"))).isEqualTo("en:conversation.claim.proven"); // a private chat
        assertThat(bank.claimCodesRead).containsExactly("CLAIM-GOOD01");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("an ended payment or a request's refusal is said by its reason, never its code"
            + " (review 2026-12-07 words follow-up)")
    void anEndedPaymentOrARequestsRefusalIsSaidByItsReasonNotItsCode() {
        bank.linkedIn(Language.EN);
        bank.payOutcome = new Bank.Ended(org.socialbank.payments.PaymentStatus.NOT_CONFIRMED);
        assertThat(text(send(new Inbound.Button(button(say("pay @bob 10"), 0)))))
                .isEqualTo("en:conversation.pay.refused.because[en:conversation.reason.not_confirmed]");
        bank.payOutcome = new Bank.RequestRefused(org.socialbank.payments.requests.RequestRejection.REQUEST_EXPIRED);
        assertThat(text(send(new Inbound.Button(button(say("pay @bob 11"), 0)))))
                .isEqualTo("en:conversation.pay.refused.because[en:conversation.reason.request_expired]");
    }

    @Test
    void aLedgerRefusalBecomesASentence() {
        bank.linkedIn(Language.EN);
        // payments turns the ledger's exceeds_credits into insufficient_funds: the dialogue meets only the latter
        bank.refusal = org.socialbank.payments.PaymentRejection.INSUFFICIENT_FUNDS;
        String yes = button(say("pay @bob 10"), 0);
        assertThat(text(send(new Inbound.Button(yes)))).isEqualTo("en:conversation.pay.refused.funds");
        assertThat(state.form()).isNull();
    }

    @Test
    void aPaymentThatCannotGoIsRefusedBeforeAnyConfirmButtonWithWhatIsPossible() {
        // issue 13: "Confirmed", then "not paid" was the truth told too late
        bank.linkedIn(Language.EN);
        bank.precheckRefusal = new org.socialbank.conversation.dialogue.Bank.Refused(
                org.socialbank.payments.PaymentRejection.INSUFFICIENT_FUNDS, null, null, 32_350L);
        List<Outbound> refused = say("pay @bob 400");
        assertThat(refused).noneMatch(Outbound.Buttons.class::isInstance);
        assertThat(refused).hasSize(2);
        assertThat(((Outbound.Text) refused.get(0)).text())
                .isEqualTo("en:conversation.pay.refused.funds_available[€323.50,€400.00]");
        assertThat(((Outbound.Text) refused.get(1)).text()).isEqualTo("en:conversation.pay.other_amount");
        assertThat(bank.checks).isEqualTo(1);
        bank.precheckRefusal = null;
        // the payee stays in the form: a smaller amount goes straight to the confirmation
        List<Outbound> confirm = say("300");
        assertThat(text(confirm)).isEqualTo("en:conversation.pay.confirm[€300.00,Bob B.]");
        send(new Inbound.Button(button(confirm, 0)));
        assertThat(bank.payments).extracting(FakeBank.Payment::amountMinor).containsExactly(30_000L);
    }

    @Test
    void aLimitIsToldBeforeTheConfirmButtonToo() {
        bank.linkedIn(Language.EN);
        bank.precheckRefusal = new org.socialbank.conversation.dialogue.Bank.Refused(
                org.socialbank.payments.PaymentRejection.EXCEEDS_TRANSACTION_LIMIT, 50_000L, null);
        List<Outbound> refused = say("pay @bob 600");
        assertThat(refused).noneMatch(Outbound.Buttons.class::isInstance);
        assertThat(((Outbound.Text) refused.get(0)).text())
                .isEqualTo(
                        "en:conversation.pay.refused.limit[en:conversation.limit.exceeds_transaction_limit,€500.00]");
        assertThat(bank.payments).isEmpty();
    }

    @Test
    void unlinkDropsTheFormAndTheLink() {
        bank.linkedIn(Language.EN);
        String yes = button(say("pay @bob 10"), 0);
        assertThat(text(say("unlink"))).isEqualTo("en:conversation.unlink.done");
        assertThat(text(send(new Inbound.Button(yes)))).isEqualTo("en:conversation.pay.stale");
        assertThat(bank.payments).isEmpty();
    }

    @Test
    void aFormOfTheCustomerBeforeARelinkIsStale() {
        bank.linkedIn(Language.EN);
        String yes = button(say("pay @bob 10"), 0);
        bank.linked = new org.socialbank.conversation.dialogue.Bank.Linked(
                new CustomerId(java.util.UUID.randomUUID()), Language.EN); // the chat was re-linked meanwhile
        assertThat(text(send(new Inbound.Button(yes)))).isEqualTo("en:conversation.pay.stale");
        assertThat(bank.payments).isEmpty();
    }

    @Test
    void everySentenceExistsInEveryLanguage() throws java.io.IOException {
        List<String> keys = new java.util.ArrayList<>(Dialogue.messageKeys());
        keys.addAll(List.of("conversation.linked", "conversation.link_alert")); // LinkAlerts
        for (String suffix : List.of("", "_fr", "_ru", "_fa", "_zh")) {
            java.util.Properties bundle = new java.util.Properties();
            try (var in = new java.io.InputStreamReader(
                    getClass().getResourceAsStream("/messages" + suffix + ".properties"),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                bundle.load(in);
            }
            assertThat(bundle.stringPropertyNames()).as("messages%s", suffix).containsAll(keys);
        }
    }

    @Test
    void inboundMessagesAreValidated() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new org.socialbank.conversation.InboundMessage(
                        Network.TELEGRAM, "", "u1", null, null, new Inbound.Start()));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new org.socialbank.conversation.InboundMessage(
                        Network.TELEGRAM, "m1", "u\n1", null, null, new Inbound.Start()));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new Inbound.Button("x".repeat(65)));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new Inbound.Location(91, 0));
    }

    @Test
    void blockedMarksTheChatUnreachableAndSaysNothing() {
        assertThat(send(new Inbound.Blocked())).isEmpty();
        assertThat(bank.unreachable).isTrue();
    }
}
