package org.socialbank.conversation.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.branches.Branch;
import org.socialbank.branches.Branches;
import org.socialbank.conversation.dialogue.Bank;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasMatch;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;

/** A bank in memory for dialogue tests: one chat account, a few known aliases, payments recorded. */
final class FakeBank implements Bank {

    record Payment(CustomerId payer, Alias payee, long amountMinor, CurrencyCode currency) {}

    final CustomerId me = new CustomerId(UUID.randomUUID());
    final Map<Alias, AliasMatch> aliases = new HashMap<>();
    final Map<String, Press> buttons = new HashMap<>();
    final List<Payment> payments = new ArrayList<>();
    final List<Branch> branches = new ArrayList<>();
    int branchLookups;
    Linked linked;
    org.socialbank.payments.PaymentRejection refusal;
    /** When set, what paying answers, whatever was asked (an ended payment, a request's refusal). */
    PayOutcome payOutcome;

    Long refusalLimitMinor;
    Instant refusalResetsAt;
    /** What {@link #check} answers before a Confirm is shown; {@link #refusal} is what paying meets later. */
    Refused precheckRefusal;

    int checks;
    long stepUpAboveMinor = Long.MAX_VALUE;
    List<RecentPayee> recent = new ArrayList<>();
    int recentReads;
    /** Every text the dialogue handed to {@link #claimCode}. */
    final List<String> claimCodesRead = new ArrayList<>();

    boolean unreachable;
    final List<String> marketingStopped = new java.util.ArrayList<>();
    final List<Object> alertCommands = new java.util.ArrayList<>();
    Instant now = Instant.parse("2026-11-22T12:00:00Z");
    /** Alias lookups left to the customer (security review #12); each resolve through the dialogue takes one. */
    int lookupsLeft = Integer.MAX_VALUE;

    private int issued;
    /** What the assistant understands of a text (issue 18); a text not here it cannot read. */
    final Map<String, Guess> guesses = new HashMap<>();
    /** The texts the dialogue asked the assistant about. */
    final List<String> guessed = new ArrayList<>();
    /** The texts read as commands that the assistant was asked about too (issue 18). */
    final List<String> secondOpinions = new ArrayList<>();

    FakeBank linkedIn(Language language) {
        linked = new Linked(me, language);
        return this;
    }

    CustomerId knows(Alias alias, String maskedName) {
        CustomerId id = new CustomerId(UUID.randomUUID());
        aliases.put(alias, new AliasMatch(id, maskedName));
        return id;
    }

    /** The votes on the assistant's answers, by answer id: one each. */
    final Map<java.util.UUID, String> votes = new java.util.LinkedHashMap<>();

    /** The text each vote was given on (its hash), by answer id. */
    final Map<java.util.UUID, String> votedTexts = new java.util.LinkedHashMap<>();

    @Override
    public boolean answerFeedback(
            java.util.UUID answerId, String intent, Language language, String answerHash, boolean helpful) {
        boolean first = votes.putIfAbsent(answerId, intent + ":" + language.tag() + ":" + helpful) == null;
        if (first) {
            votedTexts.put(answerId, answerHash);
        }
        return first;
    }

    /** How many times the customer said the assistant's answer was not it (issue 18). */
    int notHelped;

    @Override
    public void notHelped() {
        notHelped++;
    }

    /** The second opinions the chat answered "not sure" with, instead of the command (toward the handoff). */
    final List<Guess> notSure = new ArrayList<>();

    @Override
    public void notSure(Guess opinion) {
        notSure.add(opinion);
    }

    /** The issue date of the customer's newest card (issue 18: card_arrival's variable); none unless a test sets it. */
    java.time.LocalDate cardIssuedOn;

    /** The day the newest card was sent (issue 18: card_arrival's first variable); none unless a test sets it. */
    java.time.LocalDate cardDispatchedOn;

    /**
     * The knowledge base as message keys, so that a test reads which answer was shown
     * ("fr:assistant.answer.card_arrival"); card_arrival's variant names the issue date.
     */
    /** Two variants in the order a markdown file gives them: the first known one is shown. */
    private static Map<String, String> orderedVariants(
            String first, String firstText, String second, String secondText) {
        Map<String, String> variants = new java.util.LinkedHashMap<>();
        variants.put(first, firstText);
        variants.put(second, secondText);
        return variants;
    }

    /** Variants staff gave an intent's answer, instead of the shipped ones (a test's own, by intent). */
    final Map<String, Map<String, String>> edited = new HashMap<>();

    @Override
    public Optional<org.socialbank.assistant.KnowledgeBase.Answer> knowledge(Language language, String intent) {
        if (!org.socialbank.assistant.KnowledgeBase.ANSWERED.contains(intent)) {
            return Optional.empty();
        }
        String l = language.tag() + ":";
        Map<String, String> variants = edited.containsKey(intent)
                ? edited.get(intent)
                : intent.equals("card_arrival")
                        ? orderedVariants(
                                "card_dispatched_on",
                                l + "assistant.answer.card_arrival.dispatched {card_dispatched_on}",
                                "card_issued_on",
                                l + "assistant.answer.card_arrival.issued {card_issued_on}")
                        : intent.equals("declined_transfer") || intent.equals("failed_transfer")
                                ? Map.of(
                                        "last_payment_refused",
                                        l + "assistant.answer." + intent + ".not_paid {last_payment_refused}")
                                : Map.of();
        return Optional.of(new org.socialbank.assistant.KnowledgeBase.Answer(
                intent,
                language.tag(),
                l + "assistant.title." + intent,
                l + "assistant.answer." + intent,
                variants,
                edited.containsKey(intent) ? "# edited\n" + edited.get(intent) : "",
                edited.containsKey(intent) ? 1 : 0));
    }

    @Override
    public Optional<CardDays> newestCardDays(CustomerId customer) {
        return cardIssuedOn == null ? Optional.empty() : Optional.of(new CardDays(cardIssuedOn, cardDispatchedOn));
    }

    /** The customer's latest payment that paid nobody (issue 18: declined_transfer's variable); none unless a test sets it. */
    NotPaid notPaid;

    @Override
    public Optional<NotPaid> latestNotPaid(CustomerId customer) {
        return Optional.ofNullable(notPaid);
    }

    @Override
    public Optional<Guess> guess(String text) {
        guessed.add(text);
        return Optional.ofNullable(guesses.get(text));
    }

    @Override
    public Optional<Guess> secondOpinion(String text) {
        secondOpinions.add(text);
        return Optional.ofNullable(guesses.get(text));
    }

    @Override
    public List<Branches.Nearby> branchesNear(double lat, double lon, int limit) {
        return branches.stream()
                .map(b -> new Branches.Nearby(b, b.metresTo(lat, lon)))
                .sorted(java.util.Comparator.comparingLong(Branches.Nearby::metres))
                .limit(limit)
                .toList();
    }

    @Override
    public List<Branch> branchesIn(String text, int limit) {
        branchLookups++;
        String needle = text.toLowerCase(java.util.Locale.ROOT);
        return branches.stream()
                .filter(b -> b.city().toLowerCase(java.util.Locale.ROOT).contains(needle)
                        || b.address().toLowerCase(java.util.Locale.ROOT).contains(needle))
                .limit(limit)
                .toList();
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Optional<Linked> linked() {
        return Optional.ofNullable(linked);
    }

    @Override
    public String linkUrl() {
        return "https://bank.example/link/abc";
    }

    @Override
    public boolean unlink() {
        boolean was = linked != null;
        linked = null;
        return was;
    }

    @Override
    public boolean linkByPhone(String phone) {
        return false;
    }

    @Override
    public void stopMarketing(String text, boolean byPlatform) {
        marketingStopped.add(text);
    }

    @Override
    public AlertsAnswer changeAlerts(
            CustomerId customer,
            org.socialbank.conversation.language.AlertCommand command,
            org.socialbank.shared.Language language) {
        alertCommands.add(command);
        return new AlertsAnswer("alerts.settings.on", "");
    }

    @Override
    public void markUnreachable() {
        unreachable = true;
    }

    @Override
    public List<Balance> balances(CustomerId customer) {
        return List.of(new Balance(12_345, CurrencyCode.of("EUR")));
    }

    @Override
    public List<Movement> history(CustomerId customer, int limit) {
        return movements.isEmpty()
                ? List.of(new Movement(true, 1_000, CurrencyCode.of("EUR"), Instant.parse("2026-11-20T10:00:00Z")))
                : movements.stream().limit(limit).toList();
    }

    /** The history, newest first, when a test sets one; else one payment. */
    final List<Movement> movements = new ArrayList<>();

    @Override
    public Optional<CurrencyCode> primaryCurrency(CustomerId customer) {
        return Optional.of(CurrencyCode.of("EUR"));
    }

    @Override
    public boolean takeLookup(CustomerId asker) {
        if (lookupsLeft <= 0) {
            return false;
        }
        lookupsLeft--;
        return true;
    }

    @Override
    public Optional<AliasMatch> resolve(Alias alias) {
        return Optional.ofNullable(aliases.get(alias));
    }

    /** The fake bank has no branches and no accounts at other banks: every such request is refused or empty. */
    @Override
    public org.socialbank.branches.BookingResult bookAppointment(
            CustomerId customer, String branchId, java.time.OffsetDateTime start, String service) {
        return new org.socialbank.branches.BookingResult.Refused(
                org.socialbank.branches.BookingRefusal.BRANCH_NOT_FOUND);
    }

    @Override
    public org.socialbank.branches.BookingResult cancelAppointment(
            CustomerId customer, org.socialbank.branches.AppointmentId id) {
        return new org.socialbank.branches.BookingResult.Refused(
                org.socialbank.branches.BookingRefusal.APPOINTMENT_NOT_FOUND);
    }

    @Override
    public org.socialbank.branches.BookingResult rescheduleAppointment(
            CustomerId customer, org.socialbank.branches.AppointmentId id, java.time.OffsetDateTime start) {
        return new org.socialbank.branches.BookingResult.Refused(
                org.socialbank.branches.BookingRefusal.APPOINTMENT_NOT_FOUND);
    }

    @Override
    public Optional<org.socialbank.sweeping.Consent> revokeExternalAccount(
            CustomerId customer, org.socialbank.sweeping.ConsentId id) {
        return Optional.empty();
    }

    /** The fake bank keeps no points: every redemption is short of them. */
    @Override
    public org.socialbank.loyalty.RedeemOnPage.Offer redeemPoints(CustomerId customer, long points) {
        return new org.socialbank.loyalty.RedeemOnPage.Offer(null, 0, 0, null, null, "insufficient_points");
    }

    /** The fake bank takes no applications: the customer is unknown to it. */
    @Override
    public org.socialbank.applications.Applications.Start apply(
            CustomerId customer, org.socialbank.applications.Product product) {
        return new org.socialbank.applications.Applications.NotStarted(
                org.socialbank.applications.ApplicationRefusal.CUSTOMER_NOT_FOUND);
    }

    @Override
    public org.socialbank.sweeping.CollectInChat.Offer collect(
            CustomerId customer, org.socialbank.sweeping.ConsentId consent, Long amountMinor) {
        return new org.socialbank.sweeping.CollectInChat.NotOffered("consent_not_found");
    }

    /** Bill pairs the fake bank has taken: a second payment of one is refused, as the bank refuses it. */
    final java.util.Set<String> billsPaid = new java.util.HashSet<>();

    @Override
    public org.socialbank.billing.BillInquiry readBill(org.socialbank.billing.IranianBill bill) {
        return new org.socialbank.billing.BillInquiry(
                bill,
                new org.socialbank.billing.ServiceTypes(java.util.Map.of()).name(bill.serviceDigit()),
                Optional.empty(),
                billsPaid.contains(bill.pairKey()));
    }

    /** The fake bank has no biller: it takes the pair and answers a pending payment, the receipt never comes. */
    @Override
    public org.socialbank.billing.BillPaymentResult payBill(
            CustomerId customer, org.socialbank.billing.IranianBill bill) {
        if (!billsPaid.add(bill.pairKey())) {
            return new org.socialbank.billing.BillPaymentResult.Refused(
                    org.socialbank.billing.BillPaymentResult.BILL_ALREADY_PAID);
        }
        return new org.socialbank.billing.BillPaymentResult.Done(
                new org.socialbank.billing.BillPayment(
                        new org.socialbank.billing.BillPaymentId(java.util.UUID.randomUUID()),
                        customer,
                        bill,
                        readBill(bill).serviceType(),
                        bill.amountRial(),
                        "IRR",
                        org.socialbank.billing.BillPaymentStatus.PENDING,
                        null,
                        null,
                        null,
                        now(),
                        now()),
                false);
    }

    /** The fake bank sells nothing: no operator takes a top-up, so every number is refused as of no known operator. */
    @Override
    public org.socialbank.billing.Operators topUpOperators() {
        return new org.socialbank.billing.Operators(java.util.Map.of());
    }

    @Override
    public org.socialbank.billing.TopUpResult topUp(
            CustomerId customer, String phone, long amountMinor, CurrencyCode currency, String operator) {
        return new org.socialbank.billing.TopUpResult.Refused(
                org.socialbank.billing.Operators.UNKNOWN_OPERATOR, List.of());
    }

    int notMeReports;

    @Override
    public int reportNotMe(CustomerId customer, java.util.UUID alertId) {
        notMeReports++;
        return 1;
    }

    @Override
    public Optional<Refused> check(CustomerId payer, Alias payee, long amountMinor, CurrencyCode currency) {
        checks++;
        return Optional.ofNullable(precheckRefusal);
    }

    @Override
    public PayOutcome pay(CustomerId payer, Alias payee, long amountMinor, CurrencyCode currency) {
        if (payOutcome != null) {
            return payOutcome;
        }
        if (refusal != null) {
            return new Refused(refusal, refusalLimitMinor, refusalResetsAt);
        }
        if (amountMinor > stepUpAboveMinor) {
            return new Held("https://bank.example/confirm/abc", "above_threshold");
        }
        payments.add(new Payment(payer, payee, amountMinor, currency));
        if (!aliases.containsKey(payee)) {
            return new AwaitingClaim(now.plus(java.time.Duration.ofDays(14)), "https://bank.example/claim/xyz");
        }
        return new Paid("t-" + payments.size());
    }

    record Asking(CustomerId requester, Alias from, long amountMinor, String note) {}

    String lastSplitNote;

    @Override
    public AskOutcome ask(CustomerId requester, Alias from, long amountMinor, CurrencyCode currency, String note) {
        if (askRefusal != null) {
            return new NotAsked(askRefusal);
        }
        asked.add(new Asking(requester, from, amountMinor, note));
        return aliases.containsKey(from)
                ? new Asked(aliases.get(from).maskedName(), null)
                : new Asked(from.display(), "https://bank.example/pay-request/t");
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
        lastSplitNote = note;
        return split(organiser, members, sharesMinor, totalMinor, currency, includeOrganiser);
    }

    final List<Asking> asked = new ArrayList<>();
    final Map<String, Long> openRequests = new HashMap<>();
    List<Long> lastSplitShares;
    boolean lastSplitIncludesOrganiser;
    org.socialbank.payments.requests.RequestRejection askRefusal;

    @Override
    public AskOutcome ask(CustomerId requester, Alias from, long amountMinor, CurrencyCode currency) {
        if (askRefusal != null) {
            return new NotAsked(askRefusal);
        }
        asked.add(new Asking(requester, from, amountMinor, null));
        return aliases.containsKey(from)
                ? new Asked(aliases.get(from).maskedName(), null)
                : new Asked(from.display(), "https://bank.example/pay-request/t");
    }

    @Override
    public SplitOutcome split(
            CustomerId organiser,
            List<Alias> members,
            List<Long> sharesMinor,
            long totalMinor,
            CurrencyCode currency,
            boolean includeOrganiser) {
        lastSplitShares = sharesMinor;
        lastSplitIncludesOrganiser = includeOrganiser;
        if (!sharesMinor.isEmpty()
                && sharesMinor.stream().mapToLong(Long::longValue).sum() != totalMinor) {
            return new NotAsked(org.socialbank.payments.requests.RequestRejection.SHARES_DO_NOT_ADD_UP);
        }
        long each = sharesMinor.isEmpty() ? totalMinor / (members.size() + 1) : 0;
        List<Long> shares =
                sharesMinor.isEmpty() ? members.stream().map(m -> each).toList() : sharesMinor;
        return new SplitMade(
                members.stream()
                        .map(m -> aliases.containsKey(m)
                                ? new Asked(aliases.get(m).maskedName(), null)
                                : new Asked(m.display(), "https://bank.example/p/" + m.value()))
                        .toList(),
                shares,
                totalMinor - shares.stream().mapToLong(Long::longValue).sum());
    }

    @Override
    public Optional<Settlement> payRequest(String requestId, CustomerId payer) {
        Long amount = openRequests.remove(requestId);
        if (amount == null) {
            return Optional.empty();
        }
        payments.add(new Payment(payer, null, amount, CurrencyCode.of("EUR")));
        return Optional.of(new Settlement(new Paid("r-" + requestId), amount, CurrencyCode.of("EUR"), "Alice A."));
    }

    @Override
    public boolean declineRequest(String requestId, CustomerId payer) {
        return openRequests.remove(requestId) != null;
    }

    /** Issue 13: the customer's open requests, newest first, and what was done to them. */
    final List<OpenRequest> open = new ArrayList<>();

    final List<String> reminded = new ArrayList<>();
    final Map<String, Instant> remindedAt = new HashMap<>();
    final List<String> withdrawn = new ArrayList<>();
    final List<Limit> limits = new ArrayList<>();
    final List<Spent> spent = new ArrayList<>();
    Instant spentFrom;

    OpenRequest sentRequest(String id, String payerName, CustomerId payer, Alias alias, long amountMinor, String note) {
        OpenRequest r = new OpenRequest(
                id, true, payerName, payer, alias, amountMinor, CurrencyCode.of("EUR"), note, now.minusSeconds(3_600));
        open.add(r);
        return r;
    }

    @Override
    public List<OpenRequest> openRequests(CustomerId customer, int limit) {
        return open.stream().limit(limit).toList();
    }

    @Override
    public Optional<Reminder> remindRequest(CustomerId requester, String requestId) {
        if (open.stream().noneMatch(r -> r.sent() && r.id().equals(requestId))) {
            return Optional.empty();
        }
        Instant last = remindedAt.get(requestId);
        if (last != null && now.isBefore(last.plusSeconds(86_400))) {
            return Optional.of(new Reminder(false, last.plusSeconds(86_400)));
        }
        remindedAt.put(requestId, now);
        reminded.add(requestId);
        return Optional.of(new Reminder(true, null));
    }

    @Override
    public boolean cancelRequest(CustomerId requester, String requestId) {
        boolean removed = open.removeIf(r -> r.sent() && r.id().equals(requestId));
        if (removed) {
            withdrawn.add(requestId);
        }
        return removed;
    }

    @Override
    public List<Limit> limits(CustomerId customer, CurrencyCode currency) {
        return limits.stream().filter(l -> l.currency().equals(currency)).toList();
    }

    @Override
    public List<Spent> spending(CustomerId customer, Instant from) {
        spentFrom = from;
        return spent;
    }

    @Override
    public List<AccountNumber> accountNumbers(CustomerId customer) {
        return List.of(new AccountNumber(CurrencyCode.of("EUR"), "0b8f6c2e-5d0a-4c1e-9a57-3f3c1d2e4b6a"));
    }

    @Override
    public Optional<Boolean> claimCode(String text) {
        claimCodesRead.add(text);
        return text.startsWith("CLAIM-") ? Optional.of(text.equals("CLAIM-GOOD01")) : Optional.empty();
    }

    @Override
    public List<RecentPayee> recentPayees(CustomerId payer) {
        recentReads++;
        return recent;
    }

    @Override
    public String button(String action, long formVersion) {
        String reference = "ref-" + issued++; // never reused, like the random references
        buttons.put(reference, new Press(action, formVersion));
        return reference;
    }

    @Override
    public Optional<Press> press(String reference) {
        return Optional.ofNullable(buttons.remove(reference)); // used once
    }

    // issue 13 (cx13): one language and one zone per customer, as the directory keeps them

    /** The zone the customer chose, null while she chose none. */
    java.time.ZoneId zone;

    @Override
    public void chooseLanguage(Language language) {
        if (linked != null) {
            linked = new Linked(linked.customerId(), language);
        }
    }

    @Override
    public Optional<java.time.ZoneId> chosenZone() {
        return Optional.ofNullable(linked == null ? null : zone);
    }

    @Override
    public boolean chooseZone(java.time.ZoneId chosen) {
        if (linked == null || !org.socialbank.shared.CustomerTime.choosable(chosen)) {
            return false;
        }
        zone = chosen;
        return true;
    }

    // issue 13 (cx13, session 8): the loyalty points and appointments a customer holds, for the zone tests

    org.socialbank.loyalty.PointsSummary pointsSummary;
    final List<org.socialbank.branches.Appointment> appointmentsHeld = new ArrayList<>();

    @Override
    public Optional<org.socialbank.loyalty.PointsSummary> points(CustomerId customer) {
        return Optional.ofNullable(pointsSummary);
    }

    @Override
    public List<org.socialbank.branches.Appointment> appointments(CustomerId customer) {
        return List.copyOf(appointmentsHeld);
    }
}
