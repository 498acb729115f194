package org.socialbank.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Bank;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.conversation.dialogue.DialogueState;
import org.socialbank.conversation.dialogue.Texts;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Network;

/**
 * The card commands in the dialogue, without Spring: private answers in a linked chat only (others
 * get the sign-in link), in the language of the chat or of the command.
 */
class CardsChatUnitTests {

    static final Texts KEYS = (language, key, args) -> language.tag() + ":" + key
            + (args.length == 0
                    ? ""
                    : Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(",", "[", "]")));

    final Dialogue dialogue = new Dialogue(KEYS, java.time.Duration.ofMinutes(10));
    final CustomerId alice = new CustomerId(UUID.randomUUID());
    final CurrencyCode eur = CurrencyCode.of("EUR");
    Bank.Linked linked;
    List<Bank.CardLine> cards = new ArrayList<>();
    Optional<Bank.CardBill> bill = Optional.empty();
    int lockCalls;
    List<String> autoModes = new ArrayList<>();
    Bank.CardUnlock unlock = new Bank.CardUnlock("https://bank.example/confirm/t", "400012******1234", null);

    /** A bank that knows only what these commands ask; anything else is a test failure. */
    final Bank bank = (Bank) Proxy.newProxyInstance(
            Bank.class.getClassLoader(),
            new Class<?>[] {Bank.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "now" -> Instant.parse("2026-12-02T10:00:00Z");
                case "linked" -> Optional.ofNullable(linked);
                case "linkUrl" -> "https://bank.example/link/abc";
                case "claimCode" -> Optional.empty();
                case "cards" -> cards;
                case "creditCardBill" -> bill;
                case "setAutoRepayment" -> {
                    autoModes.add((String) args[1]);
                    yield new Bank.AutoRepaySetting("510012******9876", (String) args[1], null);
                }
                case "unlockCard" -> unlock;
                case "lockCards" -> {
                    lockCalls++;
                    yield (int) cards.stream()
                            .filter(c -> c.status().equals("active"))
                            .count();
                }
                default -> throw new AssertionError("unexpected call " + method.getName());
            });

    String say(String text) {
        List<Outbound> replies = dialogue.handle(
                        DialogueState.NEW, Network.TELEGRAM, new Inbound.Text(text), false, bank)
                .replies();
        assertThat(replies).hasSize(1);
        return replies.get(0) instanceof Outbound.Link link
                ? "link:" + link.text()
                : ((Outbound.Text) replies.get(0)).text();
    }

    @Test
    void anUnlinkedChatIsOfferedTheLinkAndLocksNothing() {
        cards.add(new Bank.CardLine(false, "400012******1234", "active", eur, 0, 0));
        assertThat(say("my cards")).isEqualTo("link:en:conversation.link.needed");
        assertThat(say("锁卡")).isEqualTo("link:zh:conversation.link.needed");
        assertThat(lockCalls).isZero();
    }

    @Test
    void aLinkedChatSeesItsCardsMaskedInTheLanguageOfTheCommand() {
        linked = new Bank.Linked(alice, null);
        cards.add(new Bank.CardLine(false, "400012******1234", "active", eur, 0, 0));
        cards.add(new Bank.CardLine(true, "510012******9876", "locked", eur, 12_345, 300_000));
        String french = say("mes cartes").replaceAll("[\u00a0\u202f]", " "); // the French thousands space
        assertThat(french)
                .isEqualTo("fr:cards.chat.title\nfr:cards.chat.line_debit[400012******1234,"
                        + "fr:cards.chat.status.active]\nfr:cards.chat.line_credit[510012******9876,fr:cards.chat.status.locked,"
                        + "123,45 €,3 000,00 €]");
        assertThat(say("信用卡额度")).isEqualTo("zh:cards.chat.limit[510012******9876,€3,000.00,€2,876.55]");
        cards.clear();
        assertThat(say("my cards")).isEqualTo("en:cards.chat.none");
        assertThat(say("card limit")).isEqualTo("en:cards.chat.repay.no_credit_card");
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "review 2026-12-07 money #2: a card left in credit by a refund is shown in credit, not owing a negative sum")
    void aCardInCreditIsShownInCredit() {
        linked = new Bank.Linked(alice, null);
        cards.add(new Bank.CardLine(true, "510012******9876", "active", eur, -2_500, 300_000));
        assertThat(say("my cards"))
                .isEqualTo("en:cards.chat.title\nen:cards.chat.line_credit_in_credit[510012******9876,"
                        + "en:cards.chat.status.active,€25.00,€3,000.00]");
    }

    @Test
    void autoRepaymentIsSetInTheLanguageOfTheCommand() {
        linked = new Bank.Linked(alice, null);
        assertThat(say("автопогашение")).isEqualTo("ru:cards.chat.auto.full[510012******9876]");
        assertThat(say("auto-repay minimum")).isEqualTo("en:cards.chat.auto.minimum[510012******9876]");
        assertThat(say("取消自动还款")).isEqualTo("zh:cards.chat.auto.off[510012******9876]");
        assertThat(autoModes).containsExactly("full", "minimum", "off");
    }

    @Test
    void unlockingIsALinkToTheBanksPage() {
        linked = new Bank.Linked(alice, null);
        assertThat(say("разблокировать карту")).isEqualTo("link:ru:cards.chat.unlock.confirm[400012******1234]");
        assertThat(say("débloquer ma carte")).isEqualTo("link:fr:cards.chat.unlock.confirm[400012******1234]");
        unlock = new Bank.CardUnlock(null, null, "none_locked");
        assertThat(say("解锁卡")).isEqualTo("zh:cards.chat.unlock.none");
    }

    @Test
    void lockTakesEffectAtOnce() {
        linked = new Bank.Linked(alice, null);
        cards.add(new Bank.CardLine(false, "400012******1234", "active", eur, 0, 0));
        assertThat(say("заблокировать карту")).isEqualTo("ru:cards.chat.locked[1]");
        assertThat(lockCalls).isEqualTo(1);
        cards.clear();
        assertThat(say("lock my card")).isEqualTo("en:cards.chat.lock_none");
    }

    @Test
    void theBillShowsBalanceMinimumAndDueDate() {
        linked = new Bank.Linked(alice, null);
        assertThat(say("信用卡账单")).isEqualTo("zh:cards.chat.bill_none");
        bill = Optional.of(new Bank.CardBill(
                "510012******9876", LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 15), 20_000, 2_000, eur));
        assertThat(say("my credit card bill"))
                .startsWith("en:cards.chat.bill[510012******9876,Nov 27, 2026,€200.00," + "€20.00,Dec 15, 2026]");
        assertThat(say("счёт по кредитке")).startsWith("ru:cards.chat.bill[510012******9876,");
        assertThat(say("صورتحساب کارت اعتباری")).startsWith("fa:cards.chat.bill[510012******9876,");
    }
}
