package org.socialbank.conversation.engine;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.alerts.Alerts;
import org.socialbank.assistant.Assistant;
import org.socialbank.billing.AccountBillResult;
import org.socialbank.billing.BillInquiry;
import org.socialbank.billing.BillPaymentResult;
import org.socialbank.billing.IranianBill;
import org.socialbank.billing.TopUpKind;
import org.socialbank.billing.TopUpResult;
import org.socialbank.branches.Appointment;
import org.socialbank.branches.AppointmentId;
import org.socialbank.branches.BookingResult;
import org.socialbank.branches.Branch;
import org.socialbank.branches.BranchSchedule;
import org.socialbank.branches.Branches;
import org.socialbank.branches.Slot;
import org.socialbank.cards.Cards;
import org.socialbank.cards.RepayOnPage;
import org.socialbank.cards.Statements;
import org.socialbank.consent.ConsentSource;
import org.socialbank.consent.MarketingOptOut;
import org.socialbank.conversation.dialogue.Bank;
import org.socialbank.conversation.dialogue.DialogueState;
import org.socialbank.conversation.language.AlertCommand;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasMatch;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.IdentityId;
import org.socialbank.directory.Linking;
import org.socialbank.ledger.Ledger;
import org.socialbank.payments.Payments;
import org.socialbank.payments.requests.Requests;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * The bank as the dialogue of one inbound message sees it: every call runs in the transaction
 * that handles the message.
 */
public final class ChatBank implements Bank {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where the engine's collaborators are; one per application. */
    public record Collaborators(
            Linking linking,
            Directory directory,
            Ledger ledger,
            Branches branches,
            Payments payments,
            Requests requests,
            PaymentAlerts alerts,
            JdbcConversations store,
            Clock clock,
            Duration buttonTtl,
            MarketingOptOut optOut,
            Alerts alertSettings,
            Assistant assistant,
            org.socialbank.branches.Appointments appointments,
            Cards cards,
            Statements statements,
            RepayOnPage cardRepayments,
            org.socialbank.cards.AutoRepayments autoRepayments,
            org.socialbank.cards.UnlockOnPage cardUnlocks,
            org.springframework.context.ApplicationEventPublisher events,
            org.socialbank.sweeping.Sweeping sweeping,
            org.socialbank.loyalty.Points points,
            org.socialbank.loyalty.RedeemOnPage pointRedemptions,
            org.socialbank.applications.Applications applications,
            org.socialbank.sweeping.CollectInChat collections,
            org.socialbank.payments.PaymentLimits paymentLimits,
            org.socialbank.billing.Bills bills,
            org.socialbank.billing.TopUps topUps,
            org.socialbank.billing.CardTransfers cardTransfers,
            org.socialbank.directory.ChannelIdentities identities,
            org.socialbank.directory.Unlinking unlinking) {}

    private final Collaborators parts;
    private final ChatHistory history;
    private final ChatBilling billing;
    private final ChatCards cards;
    private final ChatBranches branches;
    private final ChatAssistant assistant;
    private final ChatPayments payments;
    private final IdentityId identity;
    private final Network channel;
    private final String externalMessageId;
    private final String externalUserId;
    private final String handle;
    /** What the assistant made of this message's text, if it was asked (issue 19: "not confident"). */
    private Optional<Optional<Guess>> guessed = Optional.empty();
    /**
     * The linked customer as read for this message, their accounts and chosen zone: read once, not once per
     * question (issue 22); forgotten by whatever this message does to the link or the settings.
     */
    private Optional<Optional<org.socialbank.directory.Customer>> linkedCustomer = Optional.empty();

    private List<CustomerView.HeldAccount> linkedAccounts;

    private Optional<Optional<java.time.ZoneId>> zone = Optional.empty();

    /** The link as the engine read it for this message; null when unknown or no longer true. */
    private Optional<CustomerId> linkedNow;

    /**
     * @param linkedNow the customer the chat account is linked to as the engine just read it in
     *     this transaction (its {@code identify}), so that the link is not read again (issue 22)
     */
    public ChatBank(
            Collaborators parts,
            IdentityId identity,
            Network channel,
            String externalMessageId,
            String externalUserId,
            String handle,
            Optional<CustomerId> linkedNow) {
        this.parts = parts;
        this.identity = identity;
        this.channel = channel;
        this.externalMessageId = externalMessageId;
        this.externalUserId = externalUserId;
        this.handle = handle;
        this.linkedNow = linkedNow;
        this.history = new ChatHistory(parts.ledger(), parts.directory(), parts.payments());
        this.billing =
                new ChatBilling(parts.bills(), parts.topUps(), parts.cardTransfers(), channel, externalMessageId);
        this.cards = new ChatCards(parts, channel, externalMessageId);
        this.branches = new ChatBranches(parts.appointments(), channel, externalMessageId);
        this.assistant = new ChatAssistant(parts.assistant(), channel);
        this.payments = new ChatPayments(parts, channel, externalMessageId, this::primaryAccounts);
    }

    @Override
    public Optional<Guess> guess(String text) {
        Optional<Guess> guess = assistant.classify(text);
        guessed = Optional.of(guess);
        return guess;
    }

    @Override
    public Optional<Guess> secondOpinion(String text) {
        return assistant.classify(text); // not remembered: an unsure opinion leaves the command to answer
    }

    @Override
    public boolean answerFeedback(UUID answerId, String intent, Language language, String answerHash, boolean helpful) {
        return assistant.feedback(answerId, intent, language, answerHash, helpful);
    }

    /**
     * Whether the assistant was asked about this message and could not answer it with confidence
     * (no guess, an unsure one, or a sure one the bank has no answer for): a handoff trigger.
     */
    public boolean assistantUnsure() {
        return guessed.map(g -> g.isEmpty() || !org.socialbank.conversation.dialogue.Dialogue.answersSurely(g.get()))
                .orElse(false);
    }

    /** Whether the assistant answered this message with confidence (see {@link #assistantUnsure}). */
    public boolean assistantSure() {
        return guessed.map(g -> g.isPresent() && org.socialbank.conversation.dialogue.Dialogue.answersSurely(g.get()))
                .orElse(false);
    }

    @Override
    public void chooseLanguage(Language language) {
        linked().ifPresent(l -> parts.directory().chooseLanguage(l.customerId(), language));
        forgetLinked();
    }

    @Override
    public Optional<java.time.ZoneId> chosenZone() {
        if (zone.isEmpty()) {
            zone = Optional.of(linked().flatMap(l -> parts.directory().settings(l.customerId()))
                    .map(org.socialbank.directory.CustomerSettings::chosenZone));
        }
        return zone.get();
    }

    @Override
    public boolean chooseZone(java.time.ZoneId zone) {
        Optional<Linked> linked = linked();
        forgetLinked();
        return linked.isPresent() && parts.directory().chooseZone(linked.get().customerId(), zone);
    }

    @Override
    public java.time.Instant now() {
        return parts.clock().instant();
    }

    @Override
    public Optional<Linked> linked() {
        return linkedRow().map(c -> new Linked(c.id(), c.language()));
    }

    /**
     * The customer the chat is linked to after this message, as read for it (re-read when the
     * message changed the link): the conversation's row records it without another read.
     */
    public Optional<CustomerId> linkedCustomer() {
        return linkedRow().map(org.socialbank.directory.Customer::id);
    }

    private Optional<org.socialbank.directory.Customer> linkedRow() {
        if (linkedCustomer.isEmpty()) {
            Optional<CustomerId> customer =
                    linkedNow != null ? linkedNow : parts.identities().linkedCustomer(identity);
            linkedCustomer = Optional.of(customer.flatMap(c -> parts.directory().find(c)));
        }
        return linkedCustomer.get();
    }

    /** The next question reads the link and the customer again: this message may have changed them. */
    private void forgetLinked() {
        linkedNow = null;
        linkedCustomer = Optional.empty();
        linkedAccounts = null;
        zone = Optional.empty();
    }

    @Override
    public String linkUrl() {
        forgetLinked();
        return parts.linking().offerLink(identity).url();
    }

    @Override
    public boolean unlink() {
        forgetLinked();
        return parts.unlinking().unlink(identity);
    }

    @Override
    public boolean linkByPhone(String phone) {
        forgetLinked();
        return parts.linking().offerPhoneLink(identity, phone).isPresent();
    }

    @Override
    public void markUnreachable() {
        parts.identities().markUnreachable(identity);
    }

    @Override
    public void stopMarketing(String text, boolean byPlatform) {
        parts.optOut()
                .stopMarketing(
                        channel,
                        externalUserId,
                        text,
                        externalMessageId,
                        byPlatform ? ConsentSource.PLATFORM : ConsentSource.CHAT);
    }

    @Override
    public AlertsAnswer changeAlerts(CustomerId customer, AlertCommand command, Language language) {
        return AlertChanges.apply(
                parts.alertSettings(), parts.identities(), customer, command, language, primaryCurrency(customer));
    }

    @Override
    public List<Balance> balances(CustomerId customer) {
        return primaryAccounts(customer).stream()
                .flatMap(a -> parts.ledger().account(a.accountId()).stream())
                .map(a -> new Balance(a.availableMinor(), a.currency(), a.debitsPending()))
                .toList();
    }

    @Override
    public List<Movement> history(CustomerId customer, int limit) {
        return history.history(primaryAccounts(customer), limit);
    }

    @Override
    public Optional<CurrencyCode> primaryCurrency(CustomerId customer) {
        return primaryAccounts(customer).stream().findFirst().flatMap(a -> CurrencyCode.find(a.currency()));
    }

    @Override
    public boolean takeLookup(CustomerId asker) {
        return parts.payments().takePayeeLookup(asker);
    }

    @Override
    public Optional<AliasMatch> resolve(Alias alias) {
        return parts.directory().resolve(alias);
    }

    @Override
    public PayOutcome pay(CustomerId payer, Alias payee, long amountMinor, CurrencyCode currency) {
        return payments.pay(payer, payee, amountMinor, currency);
    }

    @Override
    public Optional<Refused> check(CustomerId payer, Alias payee, long amountMinor, CurrencyCode currency) {
        return payments.check(payer, payee, amountMinor, currency);
    }

    @Override
    public AskOutcome ask(CustomerId requester, Alias from, long amountMinor, CurrencyCode currency) {
        return requests().ask(requester, from, amountMinor, currency, null);
    }

    @Override
    public AskOutcome ask(CustomerId requester, Alias from, long amountMinor, CurrencyCode currency, String note) {
        return requests().ask(requester, from, amountMinor, currency, note);
    }

    @Override
    public SplitOutcome split(
            CustomerId organiser,
            List<Alias> members,
            List<Long> sharesMinor,
            long totalMinor,
            CurrencyCode currency,
            boolean includeOrganiser) {
        return requests().split(organiser, members, sharesMinor, totalMinor, currency, includeOrganiser, null);
    }

    @Override
    public SplitOutcome split(
            CustomerId organiser,
            List<Alias> members,
            List<Long> sharesMinor,
            long totalMinor,
            CurrencyCode currency,
            boolean includeOrganiser,
            String note) {
        return requests().split(organiser, members, sharesMinor, totalMinor, currency, includeOrganiser, note);
    }

    @Override
    public Optional<Settlement> payRequest(String requestId, CustomerId payer) {
        // the payment's id is the request's and the payer's: a press in another chat pays the same once
        return requests().pay(requestId, payer, payments::outcome);
    }

    @Override
    public boolean declineRequest(String requestId, CustomerId payer) {
        return requests().decline(requestId, payer);
    }

    @Override
    public List<OpenRequest> openRequests(CustomerId customer, int limit) {
        return requests().open(customer, limit);
    }

    @Override
    public Optional<Reminder> remindRequest(CustomerId requester, String requestId) {
        return requests().remind(requestId, requester);
    }

    @Override
    public boolean cancelRequest(CustomerId requester, String requestId) {
        return requests().cancel(requestId, requester);
    }

    @Override
    public List<Limit> limits(CustomerId customer, CurrencyCode currency) {
        return parts.paymentLimits().of(customer, currency, channel.wireName()).stream()
                .map(l -> new Limit(l.rule(), l.limitMinor(), l.usedMinor(), l.currency(), l.resetsAt()))
                .toList();
    }

    @Override
    public List<Spent> spending(CustomerId customer, java.time.Instant from) {
        return history.spending(primaryAccounts(customer), from);
    }

    @Override
    public List<AccountNumber> accountNumbers(CustomerId customer) {
        return primaryAccounts(customer).stream()
                .flatMap(a -> CurrencyCode.find(a.currency()).stream()
                        .map(c -> new AccountNumber(c, a.accountId().value().toString())))
                .toList();
    }

    private ChatRequests requests() {
        return new ChatRequests(parts.requests(), parts.directory(), channel, externalMessageId);
    }

    @Override
    public Optional<Boolean> claimCode(String text) {
        String code = text.strip();
        if (!Payments.looksLikeClaimCode(code)) {
            return Optional.empty();
        }
        forgetLinked(); // a claim may open the claimant's wallet
        return Optional.of(parts.payments().claimByNetworkCode(code, channel, externalUserId, handle));
    }

    @Override
    public List<RecentPayee> recentPayees(CustomerId payer) {
        return payments.recentPayees(payer);
    }

    @Override
    public List<Branches.Nearby> branchesNear(double lat, double lon, int limit) {
        return parts.branches().nearest(lat, lon, limit);
    }

    @Override
    public List<Branch> branchesIn(String text, int limit) {
        return parts.branches().search(text, limit);
    }

    @Override
    public Optional<Branch> branch(String branchId) {
        return parts.branches().find(branchId);
    }

    @Override
    public Optional<BranchSchedule> branchSchedule(String branchId) {
        return parts.appointments().schedule(branchId);
    }

    @Override
    public List<Slot> slots(String branchId, java.time.LocalDate date) {
        return parts.appointments().slots(branchId, date).orElse(List.of());
    }

    @Override
    public BookingResult bookAppointment(CustomerId customer, String branchId, OffsetDateTime start, String service) {
        return branches.book(customer, branchId, start, service);
    }

    @Override
    public Optional<Appointment> appointment(CustomerId customer, AppointmentId id) {
        return branches.appointment(customer, id);
    }

    @Override
    public List<Appointment> appointments(CustomerId customer) {
        return parts.appointments().upcoming(customer);
    }

    @Override
    public Optional<Appointment> appointmentByCode(CustomerId customer, String code) {
        return branches.byCode(customer, code);
    }

    @Override
    public BookingResult cancelAppointment(CustomerId customer, AppointmentId id) {
        return branches.cancel(customer, id);
    }

    @Override
    public BookingResult rescheduleAppointment(CustomerId customer, AppointmentId id, OffsetDateTime start) {
        return branches.reschedule(customer, id, start);
    }

    @Override
    public List<org.socialbank.sweeping.Consent> externalAccounts(CustomerId customer) {
        return parts.sweeping().consents(customer);
    }

    @Override
    public Optional<String> linkedAccountsPage(CustomerId customer) {
        return Optional.of(parts.sweeping().pageUrl(customer));
    }

    @Override
    public org.socialbank.sweeping.CollectInChat.Offer collect(
            CustomerId customer, org.socialbank.sweeping.ConsentId consent, Long amountMinor) {
        return parts.collections()
                .ask(ChatIds.collectionId(channel, externalMessageId), customer, consent, amountMinor);
    }

    @Override
    public Optional<org.socialbank.sweeping.Consent> revokeExternalAccount(
            CustomerId customer, org.socialbank.sweeping.ConsentId id) {
        return parts.sweeping().revoke(customer, id);
    }

    @Override
    public BillInquiry readBill(IranianBill bill) {
        return parts.bills().read(bill);
    }

    @Override
    public BillPaymentResult payBill(CustomerId customer, IranianBill bill) {
        return billing.payBill(customer, bill);
    }

    @Override
    public BillPaymentResult payBill(CustomerId customer, IranianBill bill, boolean usePoints) {
        return billing.payBill(customer, bill, usePoints);
    }

    @Override
    public org.socialbank.billing.Operators topUpOperators() {
        return parts.topUps().operators();
    }

    @Override
    public TopUpResult topUp(
            CustomerId customer, String phone, long amountMinor, CurrencyCode currency, String operator) {
        return billing.topUp(customer, phone, amountMinor, currency, operator, TopUpKind.DIRECT);
    }

    @Override
    public TopUpResult topUp(
            CustomerId customer,
            String phone,
            long amountMinor,
            CurrencyCode currency,
            String operator,
            TopUpKind kind) {
        return billing.topUp(customer, phone, amountMinor, currency, operator, kind);
    }

    @Override
    public TopUpResult topUp(
            CustomerId customer,
            String phone,
            long amountMinor,
            CurrencyCode currency,
            String operator,
            TopUpKind kind,
            boolean usePoints) {
        return billing.topUp(customer, phone, amountMinor, currency, operator, kind, usePoints);
    }

    @Override
    public boolean askBill(CustomerId customer, IranianBill bill) {
        return billing.askBill(customer, bill);
    }

    @Override
    public org.socialbank.billing.BillSaved saveBill(CustomerId customer, String name) {
        return parts.bills().save(customer, name);
    }

    @Override
    public org.socialbank.billing.CardQuoteResult quoteCardTransfer(
            CustomerId customer, org.socialbank.billing.CardNumber card, long amountMinor, CurrencyCode currency) {
        return billing.quoteCardTransfer(customer, card, amountMinor, currency);
    }

    @Override
    public org.socialbank.billing.CardTransferResult sendToCard(CustomerId customer, UUID quoteId) {
        return billing.sendToCard(customer, quoteId);
    }

    @Override
    public List<org.socialbank.billing.BillerRegistry.ForeignBiller> foreignBillers() {
        return parts.bills().billers().all();
    }

    @Override
    public boolean askAccountBill(CustomerId customer, String billerId, String account) {
        return billing.askAccountBill(customer, billerId, account);
    }

    @Override
    public AccountBillResult payAccountBill(CustomerId customer, UUID inquiryId) {
        return parts.bills().payAccountBill(customer, inquiryId);
    }

    @Override
    public AccountBillResult payAccountBill(CustomerId customer, UUID inquiryId, boolean usePoints) {
        return parts.bills().payAccountBill(customer, inquiryId, usePoints);
    }

    @Override
    public Optional<org.socialbank.loyalty.PointsDiscounts.Offer> pointsOffer(
            CustomerId customer, CurrencyCode currency, long amountMinor) {
        return parts.bills().pointsOffer(customer, currency, amountMinor);
    }

    /** A random button reference: 16 bytes, 22 base64url characters. */
    static String newReference() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String button(String action, long formVersion) {
        String reference = newReference();
        parts.store()
                .insertButton(
                        reference,
                        identity,
                        Json.action(action),
                        formVersion,
                        parts.clock().instant().plus(parts.buttonTtl()));
        return reference;
    }

    @Override
    public Optional<Press> press(String reference) {
        return parts.store()
                .useButton(reference, identity, parts.clock().instant())
                .map(b -> new Press(Json.actionOf(b.action()), b.formVersion()));
    }

    private List<CustomerView.HeldAccount> primaryAccounts(CustomerId customer) {
        boolean linkedOne = linkedRow().filter(c -> c.id().equals(customer)).isPresent();
        if (linkedOne && linkedAccounts == null) {
            linkedAccounts = parts.directory().accounts(customer); // read once per message (issue 22)
        }
        return (linkedOne ? linkedAccounts : parts.directory().accounts(customer))
                .stream().filter(CustomerView.HeldAccount::primary).toList();
    }

    @Override
    public Optional<org.socialbank.assistant.KnowledgeBase.Answer> knowledge(Language language, String intent) {
        return assistant.knowledge(language, intent);
    }

    @Override
    public void notHelped() {
        guessed = Optional.of(Optional.empty()); // counts as an unsure turn (assistantUnsure)
    }

    @Override
    public void notSure(Guess opinion) {
        guessed = Optional.of(Optional.of(opinion)); // unsure: counts toward the handoff (assistantUnsure)
    }

    @Override
    public Optional<CardDays> newestCardDays(CustomerId customer) {
        return cards.newestCardDays(customer);
    }

    @Override
    public Optional<DialogueState.Refusal> lastRefusalTold(CustomerId customer) {
        return payments.lastRefusalTold(customer);
    }

    @Override
    public Optional<NotPaid> latestNotPaid(CustomerId customer) {
        return payments.latestNotPaid(customer, now());
    }

    @Override
    public List<CardLine> cards(CustomerId customer) {
        return cards.lines(customer);
    }

    @Override
    public void campaignButtonPressed(UUID campaignId, int position) {
        parts.events()
                .publishEvent(new org.socialbank.campaigns.CampaignButtonPressed(
                        campaignId,
                        position,
                        channel,
                        externalUserId,
                        parts.clock().instant()));
    }

    @Override
    public int reportNotMe(CustomerId customer, java.util.UUID alertId) {
        int locked = lockCards(customer);
        parts.events()
                .publishEvent(new org.socialbank.conversation.FraudReported(
                        identity, customer, alertId, locked, parts.clock().instant()));
        return locked;
    }

    @Override
    public int lockCards(CustomerId customer) {
        return cards.lock(customer);
    }

    @Override
    public Optional<CardBill> creditCardBill(CustomerId customer) {
        return cards.creditCardBill(customer);
    }

    @Override
    public CardRepayment repayCard(CustomerId customer, org.socialbank.conversation.language.CardCommand command) {
        return cards.repay(customer, command);
    }

    @Override
    public AutoRepaySetting setAutoRepayment(CustomerId customer, String mode) {
        return cards.setAutoRepayment(customer, mode);
    }

    @Override
    public CardUnlock unlockCard(CustomerId customer) {
        return cards.unlock(customer);
    }

    @Override
    public Optional<org.socialbank.loyalty.PointsSummary> points(CustomerId customer) {
        return parts.points().summary(customer, org.socialbank.conversation.dialogue.Dialogue.HISTORY_MAX);
    }

    @Override
    public org.socialbank.loyalty.RedeemOnPage.Offer redeemPoints(CustomerId customer, long points) {
        // the redemption's id comes from the message: a redelivery asks for the same redemption
        UUID id = ChatIds.of("chat-points-redeem", channel, externalMessageId);
        return parts.pointRedemptions().start(customer, id, points);
    }

    @Override
    public List<org.socialbank.loyalty.Rewards.Reward> rewards() {
        return parts.pointRedemptions().vouchers().catalogue();
    }

    @Override
    public org.socialbank.loyalty.VoucherOnPage.Offer orderVoucher(CustomerId customer, String reward) {
        // the order's id comes from the message: a redelivery asks for the same order
        UUID id = ChatIds.of("chat-voucher", channel, externalMessageId);
        return parts.pointRedemptions().vouchers().start(customer, id, reward);
    }

    @Override
    public org.socialbank.applications.Applications.Start apply(
            CustomerId customer, org.socialbank.applications.Product product) {
        org.socialbank.applications.ApplicationId id = new org.socialbank.applications.ApplicationId(
                ChatIds.of("chat-application", channel, externalMessageId));
        return parts.applications().start(id, customer, product, channel.wireName());
    }

    @Override
    public List<org.socialbank.applications.Application> applications(CustomerId customer) {
        return parts.applications().ofCustomer(customer);
    }

    @Override
    public java.util.Optional<org.socialbank.applications.Loans.Statement> loan(CustomerId customer) {
        return parts.applications().latestLoan(customer);
    }
}
