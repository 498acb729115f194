package org.socialbank.conversation.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialbank.branches.Branch;
import org.socialbank.branches.Branches;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasMatch;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;

/**
 * What a dialogue may ask of the bank, for the one chat account whose message it handles, inside
 * the transaction that handles it.
 */
public interface Bank {

    /** The action of a request alert's Pay button, followed by the request id. */
    String PAY_REQUEST = "request.pay:";

    /** The action of a request alert's Decline button, followed by the request id. */
    String DECLINE_REQUEST = "request.decline:";

    /** The action of an appointment reminder's Cancel button, followed by the appointment id. */
    String CANCEL_APPOINTMENT = "appointment.cancel:";

    /** The action of an appointment reminder's Reschedule button, followed by the appointment id. */
    String RESCHEDULE_APPOINTMENT = "appointment.reschedule:";

    /** The action of a transaction alert's "This wasn't me" button, followed by the alert id. */
    String NOT_ME = "alert.not_me:";

    /** The action of a campaign message's one-tap "stop offers" button, then the campaign's id (issue 17). */
    String STOP_OFFERS = "campaign.stop:";

    /**
     * The action of a campaign's own action button (issue 17 3.6), then
     * {@code <campaign id>:<position>:<action>}: counted for the campaign, then done as if typed.
     */
    String CAMPAIGN_BUTTON = "campaign.button:";

    /** Counts a press of a campaign's action button from this chat account (nothing when none is kept). */
    default void campaignButtonPressed(java.util.UUID campaignId, int position) {}

    /** The time now, from the application's clock. */
    Instant now();

    /** The customer this chat account is linked to now, with their preferred language. */
    Optional<Linked> linked();

    /** A one-time link to the bank's sign-in page for this chat account. */
    String linkUrl();

    boolean unlink();

    /** Links by a phone the network vouches is the sender's own; false when it is no customer's. */
    boolean linkByPhone(String phone);

    void markUnreachable();

    /**
     * Withdraws marketing for this chat account on this network at once, linked or not (a STOP
     * word, a platform's stop or block event); service alerts go on.
     *
     * @param text what the customer wrote, or the event's name
     */
    void stopMarketing(String text, boolean byPlatform);

    /**
     * Changes the customer's transaction alert settings as a chat command asks (issue 17).
     *
     * @return the reply's message key and its one argument: an amount already formatted in
     *     {@code language}, or a network's wire name (the dialogue names it)
     */
    AlertsAnswer changeAlerts(
            CustomerId customer, org.socialbank.conversation.language.AlertCommand command, Language language);

    record AlertsAnswer(String key, String argument) {}

    List<Balance> balances(CustomerId customer);

    /**
     * The latest movements of the customer's primary accounts in every currency, newest first, at
     * most {@code limit}: one per payment (a payment into escrow is one movement with its state,
     * not a pending transfer and its post).
     */
    List<Movement> history(CustomerId customer, int limit);

    Optional<CurrencyCode> primaryCurrency(CustomerId customer);

    Optional<AliasMatch> resolve(Alias alias);

    /**
     * Takes one alias lookup from the customer's allowance (security review #12: a resolved alias
     * shows whether it is a customer's and their masked name); false when it is spent, and then
     * the alias must not be resolved.
     */
    boolean takeLookup(CustomerId asker);

    /**
     * Pays by alias (a customer, or anyone else through a claim); the payment's id comes from the
     * message being handled, so a replay pays once. Limits and step-up apply.
     */
    PayOutcome pay(CustomerId payer, Alias payee, long amountMinor, CurrencyCode currency);

    /**
     * The refusal paying would meet now (no account or payee in the currency, a limit, too little
     * money), found without paying: asked before a Confirm button is shown. Empty when nothing
     * stands in the way yet; the payment checks everything again.
     */
    Optional<Refused> check(CustomerId payer, Alias payee, long amountMinor, CurrencyCode currency);

    /**
     * Uses a claim code sent from this chat account (a non-customer proving they own the handle a
     * payment was sent to); empty when the text is no claim code at all. Asked only in a private
     * chat: a code in a group or a public post is everyone's.
     */
    Optional<Boolean> claimCode(String text);

    /** The payer's recent payees, newest first, whom they may name instead of an alias. */
    List<RecentPayee> recentPayees(CustomerId payer);

    /** The bank's branches nearest to a place, nearest first. */
    List<Branches.Nearby> branchesNear(double lat, double lon, int limit);

    /** The bank's branches in a city or street the text names. */
    List<Branch> branchesIn(String text, int limit);

    /**
     * Asks someone for money (a customer in their chat, anyone else through a pay link); the
     * request's id comes from the message being handled, so a replay asks once.
     */
    AskOutcome ask(CustomerId requester, Alias from, long amountMinor, CurrencyCode currency);

    /**
     * The same with a note (issue 13: "ask $alice 20 for pizza"): what it is for, shown to the payer;
     * null for none.
     */
    AskOutcome ask(CustomerId requester, Alias from, long amountMinor, CurrencyCode currency, String note);

    /**
     * Splits a bill: each member is asked for their share (equal shares when {@code sharesMinor}
     * is empty); the organiser's share is included when {@code includeOrganiser}.
     */
    SplitOutcome split(
            CustomerId organiser,
            List<Alias> members,
            List<Long> sharesMinor,
            long totalMinor,
            CurrencyCode currency,
            boolean includeOrganiser);

    /** The same with a note each member sees ("split 60 with $ivan for dinner"); null for none. */
    SplitOutcome split(
            CustomerId organiser,
            List<Alias> members,
            List<Long> sharesMinor,
            long totalMinor,
            CurrencyCode currency,
            boolean includeOrganiser,
            String note);

    /** Pays a request the customer was asked (a push payment, never a debit); empty when it is not theirs. */
    Optional<Settlement> payRequest(String requestId, CustomerId payer);

    /** Declines a request the customer was asked; false when it is not theirs or no longer open. */
    boolean declineRequest(String requestId, CustomerId payer);

    /** The action of a quick reply (issue 13), followed by its name: a press does what typing its command would. */
    String QUICK_REPLY = "quick:";

    /** The action of a "remind" button under "which request?", followed by the request id (issue 13). */
    String REMIND_REQUEST = "request.remind:";

    /** The action of a "withdraw" button under "which request?", followed by the request id (issue 13). */
    String CANCEL_REQUEST = "request.cancel:";

    /**
     * The customer's open requests (issue 13: "my requests"), those they sent and those they were
     * asked, newest first, at most {@code limit}.
     */
    List<OpenRequest> openRequests(CustomerId customer, int limit);

    /**
     * Reminds the payer of an open request the customer sent, at most once per the bank's reminder
     * interval (a second reminder too soon is no reminder: it answers when one may be sent); empty
     * when the request is not the customer's or no longer open.
     */
    Optional<Reminder> remindRequest(CustomerId requester, String requestId);

    /** Withdraws an open request the customer sent; false when it is not theirs or no longer open. */
    boolean cancelRequest(CustomerId requester, String requestId);

    /**
     * One open request.
     *
     * @param sent whether the customer asked (else they were asked)
     * @param counterparty the other person as the chat names them: a masked name, or the alias asked
     * @param counterpartyId the other person when a customer; else null
     * @param counterpartyAlias the alias the customer asked (a sent request); else null
     * @param note what the request is for; null when none
     */
    record OpenRequest(
            String id,
            boolean sent,
            String counterparty,
            CustomerId counterpartyId,
            Alias counterpartyAlias,
            long amountMinor,
            CurrencyCode currency,
            String note,
            Instant createdAt) {}

    /** @param sent whether the payer is reminded now; else {@code nextAt} says when they may be */
    record Reminder(boolean sent, Instant nextAt) {}

    /**
     * The customer's limits for a payment in a currency from this chat (issue 13: "my limits"), in
     * the order a payment meets them, with what is used of each; empty when the currency cannot be paid in.
     */
    List<Limit> limits(CustomerId customer, CurrencyCode currency);

    /**
     * One limit.
     *
     * @param rule {@code transaction_limit}, {@code channel_transaction_limit}, {@code daily_limit},
     *     {@code channel_daily_limit} or {@code monthly_limit}
     * @param resetsAt when what is used goes back to zero; null for a per-payment limit
     */
    record Limit(String rule, long limitMinor, long usedMinor, CurrencyCode currency, Instant resetsAt) {

        public long remainingMinor() {
            return Math.max(0, limitMinor - usedMinor);
        }
    }

    /**
     * What the customer paid out of their primary accounts since {@code from} (issue 13: "spending
     * this month"), by currency and counterparty, the largest first; money that came back (a
     * payment nobody claimed) is not spent.
     */
    List<Spent> spending(CustomerId customer, Instant from);

    /**
     * @param counterparty as {@link Movement#counterparty()} names it
     * @param payments how many payments make it up
     */
    record Spent(CurrencyCode currency, String counterparty, long amountMinor, int payments) {}

    /** The numbers of the customer's primary accounts, to quote to the bank (issue 13: "my account number"). */
    List<AccountNumber> accountNumbers(CustomerId customer);

    record AccountNumber(CurrencyCode currency, String number) {}

    /**
     * What the assistant understood of a text the command parser declined (issue 18), read in the
     * text's own language (its script and words decide, not the chat's language); empty when the
     * assistant cannot read it (blank, too long, or it failed).
     */
    Optional<Guess> guess(String text);

    /**
     * The assistant's reading of a longer text that the parser read as a command from one word in
     * it ("I did a transfer but it is still pending" as {@code pay}; issue 18): as {@link
     * #guess}, but not a handoff trigger when unsure, since the command then answers it.
     */
    Optional<Guess> secondOpinion(String text);

    /**
     * Counts a customer's "did this help?" on one of the assistant's answers (issue 18), by intent,
     * language and the text voted on ({@code answerHash}, null when the button predates it: the
     * text shown now) only (no customer data); false when that answer already has a vote.
     */
    boolean answerFeedback(
            java.util.UUID answerId, String intent, Language language, String answerHash, boolean helpful);

    /**
     * An intent (BANKING77's name), whether the assistant is sure of it, and the three most probable
     * intents, most probable first.
     */
    record Guess(Language language, String intent, boolean sure, List<String> alternatives) {
        public Guess {
            alternatives = List.copyOf(alternatives);
        }
    }

    /**
     * The assistant's answer to an intent in a language, as staff last left it (issue 18: the
     * knowledge base); empty when it has none.
     */
    default Optional<org.socialbank.assistant.KnowledgeBase.Answer> knowledge(Language language, String intent) {
        return Optional.empty();
    }

    /**
     * The customer said the assistant's answer was not what she asked ("no, that's not it", or a
     * 👎): this turn counts as one the assistant could not answer, toward the handoff (issue 18).
     */
    default void notHelped() {}

    /**
     * The chat answered "not sure" with this second opinion instead of carrying out the command it
     * was asked about (a question read as pay or request opens no form): the turn counts as one the
     * assistant could not answer, toward the handoff, as an unsure {@link #guess} does.
     */
    default void notSure(Guess opinion) {}

    /**
     * Her newest card's issue day and the day the card bureau sent it, null until the bank records
     * it (issue 18: "card_arrival"); an older card's dispatch is never named for a new one.
     */
    record CardDays(java.time.LocalDate issuedOn, java.time.LocalDate dispatchedOn) {}

    /** The days of the customer's newest card, if she has one: one read for both of card_arrival's variables. */
    default Optional<CardDays> newestCardDays(CustomerId customer) {
        return Optional.empty();
    }

    /**
     * The customer's newest payment of the last {@link #NOT_PAID_DAYS} days that paid nobody (issue
     * 18: "why was my transfer declined?" answered with it): refused, not confirmed, returned or
     * held on its way back ({@code return_held}).
     */
    default Optional<NotPaid> latestNotPaid(CustomerId customer) {
        return Optional.empty();
    }

    /**
     * The newest payment that any of the customer's chats refused at its check (never stored: no
     * Confirm button was shown) and told her, whoever it was told in; only hers.
     */
    default Optional<DialogueState.Refusal> lastRefusalTold(CustomerId customer) {
        return Optional.empty();
    }

    /** How far back "my latest payment that did not go through" looks. */
    int NOT_PAID_DAYS = 30;

    /**
     * A payment that paid nobody, as its payer may hear of it in her private chat.
     *
     * @param payee the payee's masked name, or the alias paid when not a customer
     * @param status {@code rejected}, {@code not_confirmed} or {@code returned}
     * @param code the rejection's code while rejected; {@code expired} or {@code payout_failed}
     *     when returned; else null
     * @param limitMinor the limit that refused it, when one did
     * @param resetsAt when that limit resets, when it does
     */
    record NotPaid(
            long amountMinor,
            CurrencyCode currency,
            String payee,
            Instant at,
            org.socialbank.payments.PaymentStatus status,
            String code,
            Long limitMinor,
            Instant resetsAt) {}

    /** A branch by its id (issue 16 s5: an appointment names its branch by id). */
    default Optional<Branch> branch(String branchId) {
        return Optional.empty();
    }

    /** What the branch books and when; empty for an ATM or a branch that takes no appointments. */
    default Optional<org.socialbank.branches.BranchSchedule> branchSchedule(String branchId) {
        return Optional.empty();
    }

    /** The branch's slots of a day (in its zone) that have not started, with the places left. */
    default List<org.socialbank.branches.Slot> slots(String branchId, java.time.LocalDate date) {
        return List.of();
    }

    /**
     * Books a place for the customer; the appointment's id comes from the message being handled,
     * so a redelivered press books once.
     */
    org.socialbank.branches.BookingResult bookAppointment(
            CustomerId customer, String branchId, java.time.OffsetDateTime start, String service);

    /** The customer's own appointment; empty when there is none or it is another's. */
    default Optional<org.socialbank.branches.Appointment> appointment(
            CustomerId customer, org.socialbank.branches.AppointmentId id) {
        return Optional.empty();
    }

    /** The customer's booked appointments that have not started, soonest first. */
    default List<org.socialbank.branches.Appointment> appointments(CustomerId customer) {
        return List.of();
    }

    /** The customer's own appointment a booking code names; empty when there is none or it is another's. */
    default Optional<org.socialbank.branches.Appointment> appointmentByCode(CustomerId customer, String code) {
        return Optional.empty();
    }

    /** Cancels the customer's own appointment. */
    org.socialbank.branches.BookingResult cancelAppointment(
            CustomerId customer, org.socialbank.branches.AppointmentId id);

    /** Moves the customer's own appointment to another slot of its branch. */
    org.socialbank.branches.BookingResult rescheduleAppointment(
            CustomerId customer, org.socialbank.branches.AppointmentId id, java.time.OffsetDateTime start);

    /** An opaque reference to a new button row bound to this chat account and form version. */
    String button(String action, long formVersion);

    /** The button behind a reference, used up now; empty when unknown, expired, used or another's. */
    Optional<Press> press(String reference);

    record Linked(CustomerId customerId, Language language) {}

    /**
     * One account's money in its currency.
     *
     * @param amountMinor what can be spent now (available)
     * @param reservedMinor what pending operations hold back: payments waiting to be claimed or
     *     confirmed; not in {@code amountMinor}
     */
    record Balance(long amountMinor, CurrencyCode currency, long reservedMinor) {
        public Balance(long amountMinor, CurrencyCode currency) {
            this(amountMinor, currency, 0);
        }
    }

    /**
     * One movement of money.
     *
     * @param counterparty who was paid or paid: a masked name ("Bob B."), an alias ("@bob"),
     *     {@code bank:<account kind>} for the bank's own accounts, or null when unknown
     * @param state for money held in escrow: {@code pending} (waiting to be claimed), {@code posted}
     *     (claimed), {@code voided} or {@code expired} (came back); null for a settled transfer
     * @param reference the transfer's short reference, to quote to the bank
     */
    record Movement(
            boolean outgoing,
            long amountMinor,
            CurrencyCode currency,
            Instant at,
            String counterparty,
            String state,
            String reference) {
        public Movement(boolean outgoing, long amountMinor, CurrencyCode currency, Instant at) {
            this(outgoing, amountMinor, currency, at, null, null, null);
        }
    }

    record Press(String action, long formVersion) {}

    /** Someone the payer paid before, with the names they may be called by and an alias to pay. */
    record RecentPayee(List<String> names, Alias alias, CustomerId customerId, String maskedName) {
        public RecentPayee {
            names = List.copyOf(names);
        }
    }

    sealed interface AskOutcome {}

    /**
     * A request was made.
     *
     * @param forward the pay link for the requester to forward, when the payer is no customer
     */
    record Asked(String payerName, String forward) implements AskOutcome {}

    /** The bank's "no" to a request or a split. */
    record NotAsked(org.socialbank.payments.requests.RequestRejection rejection) implements AskOutcome, SplitOutcome {}

    sealed interface SplitOutcome {}

    /** A split was made: what each member owes, and the links to forward to non-customers. */
    record SplitMade(List<Asked> members, List<Long> sharesMinor, long organiserShareMinor) implements SplitOutcome {
        public SplitMade {
            members = List.copyOf(members);
            sharesMinor = List.copyOf(sharesMinor);
        }
    }

    /** What paying a request did, and what was paid to whom. */
    record Settlement(PayOutcome outcome, long amountMinor, CurrencyCode currency, String payeeName) {}

    sealed interface PayOutcome {}

    /**
     * The money moved.
     *
     * @param at when, for the receipt; null when unknown
     * @param balanceMinor what the payer can spend after it in the payment's currency; null when unknown
     */
    record Paid(String reference, Instant at, Long balanceMinor) implements PayOutcome {
        public Paid(String reference) {
            this(reference, null, null);
        }
    }

    /**
     * The money waits in escrow for a non-customer to claim it.
     *
     * @param forward the claim link for the payer to forward, when the bank cannot reach the payee
     *     itself; null when the payee was told
     */
    record AwaitingClaim(Instant expiresAt, String forward) implements PayOutcome {}

    /** The payment waits for the payer's confirmation on the bank's page. */
    /** @param reason why the bank holds it (a risk rule's name, e.g. {@code new_payee_above_threshold}), may be null */
    record Held(String confirmationUrl, String reason) implements PayOutcome {}

    /**
     * The bank's "no" (e.g. {@code insufficient_funds}, {@code exceeds_daily_limit}).
     *
     * @param limitMinor the limit that said no, when one did
     * @param resetsAt when that limit resets, when it does
     * @param availableMinor what the payer can spend now, when the money was short; else null
     */
    record Refused(
            org.socialbank.payments.PaymentRejection rejection, Long limitMinor, Instant resetsAt, Long availableMinor)
            implements PayOutcome {
        public Refused(org.socialbank.payments.PaymentRejection rejection) {
            this(rejection, null, null, null);
        }

        public Refused(org.socialbank.payments.PaymentRejection rejection, Long limitMinor, Instant resetsAt) {
            this(rejection, limitMinor, resetsAt, null);
        }
    }

    /**
     * A replay of a payment that has since ended without paying here (cancelled, returned, not
     * confirmed) or is being paid out: nothing more is done.
     */
    record Ended(org.socialbank.payments.PaymentStatus status) implements PayOutcome {}

    /** Paying a request was refused by the request (it ended, its attempts are used up, its requester cannot receive). */
    record RequestRefused(org.socialbank.payments.requests.RequestRejection rejection) implements PayOutcome {}

    // cards (issue 16); defaults so that a bank without cards answers "none"

    /** The customer's cards, oldest first, numbers masked. */
    default List<CardLine> cards(CustomerId customer) {
        return List.of();
    }

    /**
     * "This wasn't me" under an alert: locks every active card of the customer at once and puts a
     * person on it (a fraud case in this chat, see {@link org.socialbank.conversation.FraudReported});
     * returns how many cards it locked.
     */
    int reportNotMe(CustomerId customer, java.util.UUID alertId);

    /** Locks every active card of the customer at once; returns how many it locked. */
    default int lockCards(CustomerId customer) {
        return 0;
    }

    /** The latest statement of the customer's first credit card that has one. */
    default Optional<CardBill> creditCardBill(CustomerId customer) {
        return Optional.empty();
    }

    /**
     * Starts the confirmation, on the bank's page, of a repayment of the customer's credit card
     * from their own account ("repay in full", "repay minimum", "repay 500").
     */
    default CardRepayment repayCard(CustomerId customer, org.socialbank.conversation.language.CardCommand command) {
        return new CardRepayment(null, 0, null, null, "no_credit_card");
    }

    /**
     * A repayment to confirm on the bank's page at {@code url}, or {@code refusal}'s stable code
     * ({@code no_credit_card}, {@code nothing_due}, {@code exceeds_amount_owed}, {@code amount_not_valid},
     * {@code confirmation_unavailable}) and no url.
     */
    record CardRepayment(String url, long amountMinor, CurrencyCode currency, String maskedNumber, String refusal) {}

    /**
     * A card as the chat shows it.
     *
     * @param credit whether it is a credit card ({@code owedMinor} and {@code limitMinor} are 0 for a debit card)
     * @param status {@code active}, {@code locked}, {@code blocked} or {@code expired}
     */
    record CardLine(
            boolean credit,
            String maskedNumber,
            String status,
            CurrencyCode currency,
            long owedMinor,
            long limitMinor) {}

    /** The customer's accounts at other banks and their consents (issue 16 s6), revoked ones too. */
    default List<org.socialbank.sweeping.Consent> externalAccounts(CustomerId customer) {
        return List.of();
    }

    /**
     * Asks for a collection from one of the customer's consents, of {@code amountMinor} (null: all it
     * allows), idempotent by this message; above the step-up threshold, a link to the bank's page.
     */
    org.socialbank.sweeping.CollectInChat.Offer collect(
            CustomerId customer, org.socialbank.sweeping.ConsentId consent, Long amountMinor);

    /** Revokes the customer's own consent; empty when it is not theirs. */
    Optional<org.socialbank.sweeping.Consent> revokeExternalAccount(
            CustomerId customer, org.socialbank.sweeping.ConsentId id);

    /**
     * What an Iranian bill's ids say and whether the pair is paid or being paid (issue 15); the
     * biller is not asked inside the message's transaction.
     */
    org.socialbank.billing.BillInquiry readBill(org.socialbank.billing.IranianBill bill);

    /**
     * Pays a bill: recorded and its money reserved (or held for the step-up) in the message's
     * transaction, the biller asked afterwards; the receipt comes through the outbox. The
     * payment's id comes from the message being handled, so a replay pays once.
     */
    org.socialbank.billing.BillPaymentResult payBill(CustomerId customer, org.socialbank.billing.IranianBill bill);

    /**
     * Asks the biller about a bill (issue 15 s1) after the message's transaction: the confirmation,
     * with the biller's own name and the masked holder, comes through the outbox. False when this
     * bank cannot ask, and the bill is to be confirmed from what its ids say.
     */
    default boolean askBill(CustomerId customer, org.socialbank.billing.IranianBill bill) {
        return false;
    }

    /**
     * Saves the customer's latest bill under a name (issue 15 s1: "save this bill as home water");
     * reminders with a one-tap Pay button come before its due dates.
     */
    default org.socialbank.billing.BillSaved saveBill(CustomerId customer, String name) {
        return new org.socialbank.billing.BillSaved(name, null, "unavailable");
    }

    /** The mobile operators and the amounts each sells (issue 15), to read and check a top-up before Confirm. */
    org.socialbank.billing.Operators topUpOperators();

    /**
     * Tops up a phone with the operator the customer confirmed: recorded and its money reserved in
     * the message's transaction, the operator asked afterwards; the outcome comes through the
     * outbox. The top-up's id comes from the message being handled, so a replay tops up once.
     */
    org.socialbank.billing.TopUpResult topUp(
            CustomerId customer, String phone, long amountMinor, CurrencyCode currency, String operator);

    /**
     * A top-up of a kind (issue 15 s2: a bonus charge, a PIN voucher whose PIN is shown once on the
     * bank's page) confirmed in chat, as {@link #topUp(CustomerId, String, long, CurrencyCode, String)}.
     * A bank that sells only the direct charge refuses the others.
     */
    default org.socialbank.billing.TopUpResult topUp(
            CustomerId customer,
            String phone,
            long amountMinor,
            CurrencyCode currency,
            String operator,
            org.socialbank.billing.TopUpKind kind) {
        return kind == org.socialbank.billing.TopUpKind.DIRECT
                ? topUp(customer, phone, amountMinor, currency, operator)
                : new org.socialbank.billing.TopUpResult.Refused("top_up_kind_unavailable", java.util.List.of());
    }

    /**
     * Card-to-card asked in chat (issue 15 s3): the card goes to the bank's vault in the message's
     * transaction and the switch is asked who holds it afterwards; the question with Confirm and
     * Cancel comes through the outbox. The quote's id comes from the message, so a replay asks once.
     */
    default org.socialbank.billing.CardQuoteResult quoteCardTransfer(
            CustomerId customer, org.socialbank.billing.CardNumber card, long amountMinor, CurrencyCode currency) {
        return new org.socialbank.billing.CardQuoteResult.Refused("card_transfers_unavailable");
    }

    /**
     * Confirm under a card-to-card question: the transfer is recorded from the customer's own card
     * and held for the step-up on the bank's page. The transfer's id comes from the message.
     */
    default org.socialbank.billing.CardTransferResult sendToCard(CustomerId customer, java.util.UUID quoteId) {
        return new org.socialbank.billing.CardTransferResult.Refused("card_transfers_unavailable");
    }

    /**
     * Other countries' billers, paid by account number (issue 15 s1.13): to read "交电费 1234567890"
     * and check the account's format before anything is recorded. None by default.
     */
    default java.util.List<org.socialbank.billing.BillerRegistry.ForeignBiller> foreignBillers() {
        return java.util.List.of();
    }

    /**
     * Asks a biller what is due on the customer's account there, after the message's transaction:
     * the answer with Confirm and Cancel (or why nothing can be paid) comes through the outbox. The
     * question's id comes from the message, so a replay asks once. False when nothing was asked.
     */
    default boolean askAccountBill(CustomerId customer, String billerId, String account) {
        return false;
    }

    /**
     * Confirm under an account bill's answer: the payment is recorded and its money reserved in the
     * message's transaction (one per answer, whoever presses how often); the biller is paid
     * afterwards and the receipt comes through the outbox.
     */
    default org.socialbank.billing.AccountBillResult payAccountBill(CustomerId customer, java.util.UUID inquiryId) {
        return new org.socialbank.billing.AccountBillResult.Refused(org.socialbank.billing.AccountBillResult.NOT_DUE);
    }

    /** As {@link #payAccountBill(CustomerId, java.util.UUID)}, with the customer's loyalty points taken off (issue 16 s3.7). */
    default org.socialbank.billing.AccountBillResult payAccountBill(
            CustomerId customer, java.util.UUID inquiryId, boolean usePoints) {
        return usePoints
                ? new org.socialbank.billing.AccountBillResult.Refused("points_unavailable")
                : payAccountBill(customer, inquiryId);
    }

    /**
     * Issue 16 s3.7: what the customer's loyalty points may take off a bill or a top-up of
     * {@code amountMinor} (at most half), to offer a third button before Confirm; empty without.
     */
    default java.util.Optional<org.socialbank.loyalty.PointsDiscounts.Offer> pointsOffer(
            CustomerId customer, CurrencyCode currency, long amountMinor) {
        return java.util.Optional.empty();
    }

    /** As {@link #payBill(CustomerId, org.socialbank.billing.IranianBill)}, with the customer's points taken off. */
    default org.socialbank.billing.BillPaymentResult payBill(
            CustomerId customer, org.socialbank.billing.IranianBill bill, boolean usePoints) {
        return usePoints
                ? new org.socialbank.billing.BillPaymentResult.Refused("points_unavailable")
                : payBill(customer, bill);
    }

    /** As {@link #topUp(CustomerId, String, long, CurrencyCode, String, org.socialbank.billing.TopUpKind)}, with points. */
    default org.socialbank.billing.TopUpResult topUp(
            CustomerId customer,
            String phone,
            long amountMinor,
            CurrencyCode currency,
            String operator,
            org.socialbank.billing.TopUpKind kind,
            boolean usePoints) {
        return usePoints
                ? new org.socialbank.billing.TopUpResult.Refused("points_unavailable", java.util.List.of())
                : topUp(customer, phone, amountMinor, currency, operator, kind);
    }

    /** A credit card's latest statement. */
    record CardBill(
            String maskedNumber,
            java.time.LocalDate statementDate,
            java.time.LocalDate dueDate,
            long balanceMinor,
            long minimumPaymentMinor,
            CurrencyCode currency) {}

    /**
     * Sets the auto-repayment of the customer's first credit card ({@code full}, {@code minimum} or
     * {@code off}) from the primary account in its currency.
     */
    default AutoRepaySetting setAutoRepayment(CustomerId customer, String mode) {
        return new AutoRepaySetting(null, null, "no_credit_card");
    }

    /** The auto-repayment set ({@code mode} {@code full}/{@code minimum}/{@code off}), or {@code refusal}'s code. */
    record AutoRepaySetting(String maskedNumber, String mode, String refusal) {}

    /** Starts the confirmation, on the bank's page, of unlocking the customer's (oldest) locked card. */
    default CardUnlock unlockCard(CustomerId customer) {
        return new CardUnlock(null, null, "none_locked");
    }

    /** An unlocking to confirm at {@code url}, or {@code refusal} ({@code none_locked}, {@code confirmation_unavailable}). */
    record CardUnlock(String url, String maskedNumber, String refusal) {}

    // loyalty points (issue 16 s3)

    /** The customer's points: balance, what expires soon, the last movements; empty without a loyalty book. */
    default Optional<org.socialbank.loyalty.PointsSummary> points(CustomerId customer) {
        return Optional.empty();
    }

    /**
     * Starts the confirmation, on the bank's page, of redeeming {@code points} for a statement credit
     * on the customer's credit card; the redemption's id comes from the message, so a redelivery asks once.
     */
    org.socialbank.loyalty.RedeemOnPage.Offer redeemPoints(CustomerId customer, long points);

    /** What the rewards partner offers for points, cheapest first; none without a partner. */
    default List<org.socialbank.loyalty.Rewards.Reward> rewards() {
        return List.of();
    }

    /**
     * Starts the confirmation, on the bank's page, of points for the partner's voucher the text names;
     * the order's id comes from the message, so a redelivery asks once.
     */
    default org.socialbank.loyalty.VoucherOnPage.Offer orderVoucher(CustomerId customer, String reward) {
        return new org.socialbank.loyalty.VoucherOnPage.Offer(null, null, "confirmation_unavailable");
    }

    /** A signed link to the bank's page listing the customer's linked accounts (issue 16 s6); empty without one. */
    default Optional<String> linkedAccountsPage(CustomerId customer) {
        return Optional.empty();
    }

    // applications (issue 16 s4)

    /**
     * Starts the customer's application for a product (or sends a new link to the one still waiting
     * for its form); its id comes from the message, so a redelivery starts nothing more.
     */
    org.socialbank.applications.Applications.Start apply(
            CustomerId customer, org.socialbank.applications.Product product);

    /** The customer's applications, newest first. */
    default List<org.socialbank.applications.Application> applications(CustomerId customer) {
        return List.of();
    }

    /** The customer's newest loan, what it still owes and its schedule; empty when they have none. */
    default java.util.Optional<org.socialbank.applications.Loans.Statement> loan(CustomerId customer) {
        return java.util.Optional.empty();
    }

    // one language and one zone per customer (issue 13)

    /**
     * The linked customer reads {@code language} from now on, in every chat and on every page;
     * nothing when the chat is not linked (its own choice is kept in its state).
     */
    default void chooseLanguage(Language language) {}

    /** The zone the linked customer chose, if she chose one; else her language's zone is used. */
    default Optional<java.time.ZoneId> chosenZone() {
        return Optional.empty();
    }

    /** The linked customer's dates and times are in {@code zone} from now on; false if not linked. */
    default boolean chooseZone(java.time.ZoneId zone) {
        return false;
    }
}
