package org.socialbank.conversation.dialogue;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.conversation.language.AlertCommand;
import org.socialbank.conversation.language.CardCommand;
import org.socialbank.conversation.language.ServiceCommand;
import org.socialbank.conversation.language.ZoneCommand;
import org.socialbank.shared.Language;

/**
 * The features that read their own words before the command parser (alerts, card-to-card, saved
 * bills, cards, services, account bills, bills, top-ups, the zone) and the presses of their
 * buttons, routed to each feature's dialogue. Their answers are private: only a linked chat gets
 * them (others are offered the link), and a public network gets a feature's neutral answer.
 */
final class FeatureRoutes {

    private final Texts texts;
    private final LinkOffers links;
    private final HistoryDialogue history;
    private final RequestDialogue requests;
    private final OpenRequestsDialogue openRequests;
    private final SweepDialogue sweeping;
    private final AppointmentDialogue appointments;
    private final BillDialogue bills;
    private final TopUpDialogue topUps;
    private final CardToCardDialogue cardToCard;
    private final SavedBillDialogue savedBills;
    private final AccountBillDialogue accountBills;
    private final CardReplies cards;
    private final ServiceReplies services;

    FeatureRoutes(
            Texts texts,
            LinkOffers links,
            HistoryDialogue history,
            RequestDialogue requests,
            OpenRequestsDialogue openRequests,
            SweepDialogue sweeping,
            AppointmentDialogue appointments,
            CardReplies cards) {
        this.texts = texts;
        this.links = links;
        this.history = history;
        this.requests = requests;
        this.openRequests = openRequests;
        this.sweeping = sweeping;
        this.appointments = appointments;
        this.bills = new BillDialogue(texts);
        this.topUps = new TopUpDialogue(texts);
        this.cardToCard = new CardToCardDialogue(texts);
        this.savedBills = new SavedBillDialogue(texts);
        this.accountBills = new AccountBillDialogue(texts);
        this.cards = cards;
        this.services = new ServiceReplies(texts, appointments);
    }

    /** The answer of the feature whose words the text is, in the order the features are read; else empty. */
    Optional<Step> read(Turn turn, String text) {
        return settings(turn, text)
                .or(() -> billingFirst(turn, text))
                .or(() -> cardsAndServices(turn, text))
                .or(() -> billingThen(turn, text))
                .or(() -> zone(turn, text));
    }

    /** A press of a feature's button: the feature's answer in a linked chat, the link elsewhere; else empty. */
    Optional<Step> press(Turn turn, Language language, String action) {
        if (RequestDialogue.handles(action)) {
            return Optional.of(linked(turn, language, false, () -> requests.press(turn, language, action)));
        }
        if (OpenRequestsDialogue.handles(action)) {
            return Optional.of(linked(turn, language, false, () -> openRequests.press(turn, language, action)));
        }
        if (SweepDialogue.handles(action)) {
            return Optional.of(linked(
                    turn, language, SweepDialogue.publicHere(turn), () -> sweeping.press(turn, language, action)));
        }
        if (AppointmentDialogue.handles(action)) {
            return Optional.of(linked(
                    turn,
                    language,
                    AppointmentDialogue.publicHere(turn),
                    () -> appointments.press(turn, language, action)));
        }
        return billingPress(turn, language, action);
    }

    private Optional<Step> billingPress(Turn turn, Language language, String action) {
        boolean publicHere = BillDialogue.publicHere(turn);
        if (CardToCardDialogue.handles(action)) {
            return Optional.of(linked(turn, language, publicHere, () -> cardToCard.press(turn, language, action)));
        }
        if (TopUpDialogue.handles(action)) {
            return Optional.of(linked(turn, language, publicHere, () -> topUps.press(turn, language, action)));
        }
        if (AccountBillDialogue.handles(action)) { // issue 15 s1.13
            return Optional.of(linked(turn, language, publicHere, () -> accountBills.press(turn, language, action)));
        }
        if (BillDialogue.handles(action)) {
            return Optional.of(linked(turn, language, publicHere, () -> bills.press(turn, language, action)));
        }
        return Optional.empty();
    }

    /** The feature's answer in a linked chat on a private network, else the link. */
    private Step linked(Turn turn, Language language, boolean publicHere, Supplier<Step> answer) {
        return turn.linked().isPresent() && !publicHere ? answer.get() : links.offer(turn, language);
    }

    /** Issue 17: "alerts off", "alerts min 100", "send alerts to WeChat". */
    private Optional<Step> settings(Turn turn, String text) {
        Language chosen = turn.chosen() != null ? turn.chosen() : Language.EN;
        return AlertCommand.read(text)
                .map(alerts -> turn.linked().isEmpty() ? links.offer(turn, chosen) : alerts(turn, chosen, alerts));
    }

    /** Issue 15: "send 500000 rial to card 6037-9912-3456-1234", "save this bill as home water". */
    private Optional<Step> billingFirst(Turn turn, String text) {
        Optional<CardToCardDialogue.Request> toCard = CardToCardDialogue.read(text);
        if (toCard.isPresent()) {
            Language language =
                    turn.chosen() != null ? turn.chosen() : toCard.get().language();
            return Optional.of(
                    turn.linked().isEmpty() && !BillDialogue.publicHere(turn)
                            ? links.offer(turn, language)
                            : cardToCard.start(turn, toCard.get()));
        }
        return SavedBillDialogue.read(text).map(saveBill -> {
            Language language = turn.chosen() != null ? turn.chosen() : saveBill.language();
            return turn.linked().isEmpty() && !BillDialogue.publicHere(turn)
                    ? links.offer(turn, language)
                    : savedBills.start(turn, language, saveBill);
        });
    }

    /** Issue 16: "my cards", "lock my card", "信用卡账单"; "my points", "apply for a loan", "my appointments". */
    private Optional<Step> cardsAndServices(Turn turn, String text) {
        Optional<CardCommand> card = CardCommand.read(text);
        if (card.isPresent()) {
            return Optional.of(cardCommand(turn, card.get()));
        }
        return ServiceCommand.read(text).map(service -> serviceCommand(turn, service));
    }

    /**
     * Issue 15: "交电费 1234567897", "payer EDF 12345678901234" (s1.13), "pay bill 7748317800142
     * 1770160", "#TopUp 9876543210 airtel 100", "شارژ ۱۰ هزار تومانی ایرانسل برای ۰۹۳۵...".
     */
    private Optional<Step> billingThen(Turn turn, String text) {
        Optional<AccountBillDialogue.Request> accountBill =
                AccountBillDialogue.read(text, turn.bank().foreignBillers());
        if (accountBill.isPresent()) {
            Language language =
                    turn.chosen() != null ? turn.chosen() : accountBill.get().language();
            return Optional.of(billing(turn, language, () -> accountBills.start(turn, language, accountBill.get())));
        }
        Optional<BillDialogue.Request> bill = BillDialogue.read(text);
        if (bill.isPresent()) {
            return Optional.of(bill(turn, bill.get()));
        }
        return TopUpDialogue.read(text).map(topUp -> {
            Language language = turn.chosen() != null ? turn.chosen() : topUp;
            return billing(turn, language, () -> topUps.start(turn, language, text));
        });
    }

    /** A billing answer: a public network is told no, a chat not linked is offered the link. */
    private Step billing(Turn turn, Language language, Supplier<Step> answer) {
        if (BillDialogue.publicHere(turn)) {
            return bills.publicAnswer(turn, language);
        }
        return turn.linked().isEmpty() ? links.offer(turn, language) : answer.get();
    }

    /** Issue 13: "zone Europe/Paris", "fuseau horaire Paris", "时区 上海". */
    private Optional<Step> zone(Turn turn, String text) {
        return ZoneCommand.read(text).map(zone -> {
            Language language = turn.chosen() != null ? turn.chosen() : zone.language();
            return turn.linked().isEmpty() ? links.offer(turn, language) : history.zone(turn, language, zone.zone());
        });
    }

    /** A bill to pay: private, so only in a linked chat; others are offered the link, a public network is told no. */
    private Step bill(Turn turn, BillDialogue.Request request) {
        Language language = turn.chosen() != null ? turn.chosen() : request.language();
        return billing(turn, language, () -> bills.start(turn, language, request));
    }

    /** A card command: private, so only in a linked chat; others are offered the link. */
    private Step cardCommand(Turn turn, CardCommand command) {
        Language language = turn.chosen() != null ? turn.chosen() : command.language();
        if (turn.linked().isEmpty()) {
            return links.offer(turn, language);
        }
        return new Step(
                turn.state(), cards.answer(turn.bank(), turn.linked().get().customerId(), command, language), language);
    }

    /** A service command: private, so only in a linked chat and never on a public network. */
    private Step serviceCommand(Turn turn, ServiceCommand command) {
        Language language = turn.chosen() != null ? turn.chosen() : command.language();
        if (ServiceReplies.publicHere(turn)) {
            return services.publicAnswer(turn, command, language);
        }
        return turn.linked().isEmpty() ? links.offer(turn, language) : services.answer(turn, command, language);
    }

    private Step alerts(Turn turn, Language language, AlertCommand command) {
        Bank.AlertsAnswer answer =
                turn.bank().changeAlerts(turn.linked().orElseThrow().customerId(), command, language);
        if (answer.key().equals("alerts.settings.page")) { // the page's link, never the settings' values in a chat
            return new Step(
                    turn.state(),
                    List.of(new Outbound.Link(
                            texts.text(language, answer.key()),
                            texts.text(language, "alerts.settings.page.button"),
                            answer.argument())),
                    language);
        }
        String argument =
                answer.key().equals("alerts.settings.channel") || answer.key().equals("alerts.settings.channel_public")
                        ? texts.text(language, "channel." + answer.argument())
                        : answer.argument();
        return say(turn, language, answer.key(), argument);
    }

    private Step say(Turn turn, Language language, String key, Object... args) {
        return new Step(turn.state(), List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }
}
