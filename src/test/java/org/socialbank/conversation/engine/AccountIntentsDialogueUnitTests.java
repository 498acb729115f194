package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Bank;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.conversation.dialogue.DialogueState;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * Issue 13 (UX walk-through P8, P9): "my requests", "remind $camille", "cancel my request", "my
 * account number", "my limits" and "spending this month" in chat, in the five languages, without
 * Spring: which request a text means, the reminder's rate limit, the buttons when several fit,
 * and that nothing of it is answered to an unlinked chat or shown in a group.
 */
class AccountIntentsDialogueUnitTests {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");

    final Dialogue dialogue = new Dialogue(DialogueUnitTests.KEYS, java.time.Duration.ofMinutes(10));
    FakeBank bank;
    DialogueState state;
    CustomerId camille;
    Alias camilleTag;
    Dialogue.Step last;

    @BeforeEach
    void setUp() {
        bank = new FakeBank();
        state = DialogueState.NEW;
        camilleTag = new Alias(AliasType.TAG, null, "camille");
        camille = bank.knows(camilleTag, "Camille D.");
    }

    List<Outbound> say(String text) {
        last = dialogue.handle(state, Network.TELEGRAM, new Inbound.Text(text), false, bank);
        state = last.state();
        return last.replies();
    }

    List<Outbound> press(String reference) {
        last = dialogue.handle(state, Network.TELEGRAM, new Inbound.Button(reference), false, bank);
        state = last.state();
        return last.replies();
    }

    static String text(List<Outbound> replies) {
        return DialogueUnitTests.text(replies);
    }

    @Test
    void anUnlinkedChatIsOfferedTheLinkForEveryNewIntent() {
        bank.sentRequest("r1", "Camille D.", camille, camilleTag, 2_000, null);
        for (String text : List.of(
                "my requests", "remind $camille", "cancel my request", "my IBAN", "my limits", "spending this month")) {
            assertThat(say(text).get(0)).as(text).isInstanceOf(Outbound.Link.class);
            assertThat(last.shareable()).as(text).isFalse();
        }
        assertThat(bank.reminded).isEmpty();
        assertThat(bank.withdrawn).isEmpty();
    }

    @Test
    @DisplayName("issue 13: \"my requests\" lists those sent and those received, with their note, in any language")
    void myRequestsListsSentAndReceived() {
        bank.linkedIn(Language.EN);
        assertThat(text(say("my requests"))).isEqualTo("en:conversation.requests.none");
        bank.sentRequest("r1", "Camille D.", camille, camilleTag, 2_000, "pizza");
        bank.open.add(new Bank.OpenRequest(
                "r2", false, "Ivan P.", new CustomerId(java.util.UUID.randomUUID()), null, 500, EUR, null, bank.now));
        String list = text(say("my requests"));
        assertThat(list)
                .startsWith("en:conversation.requests.title")
                .contains(
                        "en:conversation.requests.sent[Camille D.,€20.00,",
                        "en:conversation.requests.note[pizza]",
                        "en:conversation.requests.received[Ivan P.,€5.00,",
                        "en:conversation.requests.what_next");
        assertThat(last.shareable()).isFalse();
        assertThat(text(say("我的请求"))).startsWith("en:conversation.requests.title"); // the customer's language
        bank.linkedIn(Language.FA);
        state = DialogueState.NEW;
        assertThat(text(say("درخواست‌های من")))
                .startsWith("fa:conversation.requests.title")
                .contains("۲۰");
    }

    @Test
    @DisplayName("issue 13: \"remind $camille\" reminds once; again too soon says when, and sends nothing")
    void remindRemindsOnceThenSaysWhenAgain() {
        bank.linkedIn(Language.EN);
        assertThat(text(say("remind $camille"))).isEqualTo("en:conversation.remind.none");
        bank.sentRequest("r1", "Camille D.", camille, camilleTag, 2_000, null);
        assertThat(text(say("remind $camille"))).isEqualTo("en:conversation.remind.sent[Camille D.,€20.00]");
        assertThat(text(say("remind $camille"))).startsWith("en:conversation.remind.too_soon[Camille D.,");
        assertThat(bank.reminded).containsExactly("r1");
        assertThat(text(say("remind $ivan"))).as("no open request to Ivan").isEqualTo("en:conversation.remind.none");
    }

    @Test
    @DisplayName("issue 13: a request made to another alias of the person named is found through whose it is")
    void remindFindsTheRequestByThePersonNotOnlyTheAlias() {
        bank.linkedIn(Language.ZH);
        Alias phone = Alias.phone("+33611223344", null);
        bank.sentRequest("r1", "Camille D.", camille, phone, 2_000, null);
        assertThat(text(say("提醒$camille付款"))).isEqualTo("zh:conversation.remind.sent[Camille D.,€20.00]");
    }

    @Test
    @DisplayName("issue 13: several fitting requests are offered as buttons; a press reminds or withdraws that one")
    void severalFittingRequestsAreOfferedAsButtons() {
        bank.linkedIn(Language.EN);
        bank.sentRequest("r1", "Camille D.", camille, camilleTag, 2_000, null);
        bank.sentRequest("r2", "Camille D.", camille, camilleTag, 700, "cinema");
        List<Outbound> which = say("remind $camille");
        assertThat(text(which)).isEqualTo("en:conversation.remind.which");
        List<Outbound.Button> buttons = ((Outbound.Buttons) which.get(0)).buttons();
        assertThat(buttons)
                .extracting(Outbound.Button::label)
                .containsExactly(
                        "en:conversation.requests.choice[Camille D.,€20.00]",
                        "en:conversation.requests.choice[Camille D.,€7.00]");
        assertThat(text(press(buttons.get(1).reference()))).isEqualTo("en:conversation.remind.sent[Camille D.,€7.00]");
        assertThat(bank.reminded).containsExactly("r2");
        List<Outbound.Button> withdraw =
                ((Outbound.Buttons) say("cancel my request to $camille").get(0)).buttons();
        assertThat(text(press(withdraw.get(0).reference())))
                .isEqualTo("en:conversation.cancel_request.done[Camille D.,€20.00]");
        assertThat(text(press(withdraw.get(0).reference()))).as("a used button").isEqualTo("en:conversation.pay.stale");
        assertThat(bank.withdrawn).containsExactly("r1");
    }

    @Test
    @DisplayName("issue 13 (P8): \"cancel request\" withdraws a request and leaves a payment being put together alone")
    void cancelRequestIsNotCancel() {
        bank.linkedIn(Language.FR);
        bank.knows(new Alias(AliasType.HANDLE, Network.TELEGRAM, "bob"), "Bob B.");
        assertThat(text(say("envoie 10 € à @bob"))).startsWith("fr:conversation.pay.confirm");
        assertThat(text(say("annule ma demande"))).isEqualTo("fr:conversation.cancel_request.none");
        assertThat(state.form()).as("the payment form is still there").isNotNull();
        bank.sentRequest("r1", "Camille D.", camille, camilleTag, 2_000, null);
        assertThat(text(say("annule ma demande à $camille")))
                .startsWith("fr:conversation.cancel_request.done[Camille D.,20,00");
        assertThat(bank.withdrawn).containsExactly("r1");
        assertThat(text(say("لغو درخواست"))).isEqualTo("fr:conversation.cancel_request.none");
    }

    @Test
    void myAccountNumberIsPrivateAndSaysThereIsNoIbanYet() {
        bank.linkedIn(Language.RU);
        String answer = text(say("мои реквизиты"));
        assertThat(answer)
                .startsWith("ru:conversation.account.title")
                .contains(
                        "ru:conversation.account.line[EUR,0b8f6c2e-5d0a-4c1e-9a57-3f3c1d2e4b6a]",
                        "ru:conversation.account.no_iban");
        assertThat(last.shareable())
                .as("never shown in a group or a public timeline")
                .isFalse();
        Dialogue.Step inGroup =
                dialogue.handle(DialogueState.NEW, Network.TELEGRAM, new Inbound.Text("my IBAN"), true, bank);
        assertThat(inGroup.shareable()).isFalse();
    }

    @Test
    @DisplayName("issue 13: \"my limits\" names each limit, what is left today and when it resets")
    void myLimitsSayWhatIsLeft() {
        bank.linkedIn(Language.EN);
        assertThat(text(say("my limits"))).isEqualTo("en:conversation.limits.none");
        Instant midnight = Instant.parse("2026-11-23T00:00:00Z");
        bank.limits.add(new Bank.Limit("transaction_limit", 1_000_000, 0, EUR, null));
        bank.limits.add(new Bank.Limit("daily_limit", 200_000, 50_000, EUR, midnight));
        String answer = text(say("how much can I send today?"));
        assertThat(answer)
                .startsWith("en:conversation.limits.title[EUR]")
                .contains(
                        "en:conversation.limits.transaction_limit[€10,000.00]",
                        "en:conversation.limits.daily_limit[€1,500.00,€2,000.00,");
        assertThat(text(say("还能转多少"))).contains("en:conversation.limits.daily_limit[€1,500.00");
    }

    @Test
    @DisplayName("issue 13: \"how much did I spend this month\" sums money out since the 1st, by counterparty")
    void spendingThisMonthByCounterparty() {
        bank.linkedIn(Language.EN);
        assertThat(text(say("how much did I spend this month?"))).startsWith("en:conversation.spending.none[");
        assertThat(bank.spentFrom).isEqualTo(Instant.parse("2026-11-01T00:00:00Z")); // London: the 1st, 00:00
        bank.spent.add(new Bank.Spent(EUR, "Camille D.", 15_000, 2));
        bank.spent.add(new Bank.Spent(EUR, "bank:fees", 100, 1));
        String answer = text(say("spending"));
        assertThat(answer)
                .startsWith("en:conversation.spending.title[")
                .contains(
                        "en:conversation.spending.line[€150.00,Camille D.,2]",
                        "en:conversation.spending.line[€1.00,en:alerts.counterparty.bank,1]",
                        "en:conversation.spending.total[€151.00]");
        bank.linkedIn(Language.FA);
        state = DialogueState.NEW;
        say("این ماه چقدر خرج کردم؟");
        assertThat(bank.spentFrom)
                .as("the Solar Hijri month in Tehran: 1 Azar 1405 is 22 November, 00:00 +03:30")
                .isEqualTo(Instant.parse("2026-11-21T20:30:00Z"));
    }
}
