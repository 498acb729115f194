package org.socialbank.conversation.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.conversation.dialogue.Bank;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasMatch;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Language;
import org.socialbank.services.Branch;
import org.socialbank.services.Branches;
import org.socialbank.shared.CurrencyCode;

/** A bank in memory for dialogue tests: one chat account, a few known aliases, payments recorded. */
final class FakeBank implements Bank {

    record Payment(CustomerId payer, Alias payee, long amountMinor, CurrencyCode currency) {
    }

    final CustomerId me = new CustomerId(UUID.randomUUID());
    final Map<Alias, AliasMatch> aliases = new HashMap<>();
    final Map<String, Press> buttons = new HashMap<>();
    final List<Payment> payments = new ArrayList<>();
    final List<Branch> branches = new ArrayList<>();
    int branchLookups;
    Linked linked;
    org.socialbank.payments.PaymentRejection refusal;
    Long refusalLimitMinor;
    Instant refusalResetsAt;
    /** What {@link #check} answers before a Confirm is shown; {@link #refusal} is what paying meets later. */
    Refused precheckRefusal;
    int checks;
    long stepUpAboveMinor = Long.MAX_VALUE;
    List<RecentPayee> recent = new ArrayList<>();
    int recentReads;
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

    FakeBank linkedIn(Language language) {
        linked = new Linked(me, language);
        return this;
    }

    CustomerId knows(Alias alias, String maskedName) {
        CustomerId id = new CustomerId(UUID.randomUUID());
        aliases.put(alias, new AliasMatch(id, maskedName));
        return id;
    }

    @Override
    public Optional<Guess> guess(String text) {
        guessed.add(text);
        return Optional.ofNullable(guesses.get(text));
    }

    @Override
    public List<Branches.Nearby> branchesNear(double lat, double lon, int limit) {
        return branches.stream().map(b -> new Branches.Nearby(b, b.metresTo(lat, lon)))
                .sorted(java.util.Comparator.comparingLong(Branches.Nearby::metres)).limit(limit).toList();
    }

    @Override
    public List<Branch> branchesIn(String text, int limit) {
        branchLookups++;
        String needle = text.toLowerCase(java.util.Locale.ROOT);
        return branches.stream().filter(b -> b.city().toLowerCase(java.util.Locale.ROOT).contains(needle)
                || b.address().toLowerCase(java.util.Locale.ROOT).contains(needle)).limit(limit).toList();
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
    public AlertsAnswer changeAlerts(CustomerId customer, org.socialbank.conversation.language.AlertCommand command,
            org.socialbank.directory.Language language) {
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
        return List.of(new Movement(true, 1_000, CurrencyCode.of("EUR"), Instant.parse("2026-11-20T10:00:00Z")));
    }

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
    public org.socialbank.services.BookingResult bookAppointment(CustomerId customer, String branchId,
            java.time.OffsetDateTime start, String service) {
        return new org.socialbank.services.BookingResult.Refused(org.socialbank.services.BookingRefusal.BRANCH_NOT_FOUND);
    }

    @Override
    public org.socialbank.services.BookingResult cancelAppointment(CustomerId customer,
            org.socialbank.services.AppointmentId id) {
        return new org.socialbank.services.BookingResult.Refused(
                org.socialbank.services.BookingRefusal.APPOINTMENT_NOT_FOUND);
    }

    @Override
    public org.socialbank.services.BookingResult rescheduleAppointment(CustomerId customer,
            org.socialbank.services.AppointmentId id, java.time.OffsetDateTime start) {
        return new org.socialbank.services.BookingResult.Refused(
                org.socialbank.services.BookingRefusal.APPOINTMENT_NOT_FOUND);
    }

    @Override
    public List<org.socialbank.sweeping.Consent> askCollection(CustomerId customer) {
        return List.of();
    }

    @Override
    public Optional<org.socialbank.sweeping.Consent> revokeExternalAccount(CustomerId customer,
            org.socialbank.sweeping.ConsentId id) {
        return Optional.empty();
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

    record Asking(CustomerId requester, Alias from, long amountMinor) {
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
        asked.add(new Asking(requester, from, amountMinor));
        return aliases.containsKey(from) ? new Asked(aliases.get(from).maskedName(), null)
                : new Asked(from.display(), "https://bank.example/pay-request/t");
    }

    @Override
    public SplitOutcome split(CustomerId organiser, List<Alias> members, List<Long> sharesMinor, long totalMinor,
            CurrencyCode currency, boolean includeOrganiser) {
        lastSplitShares = sharesMinor;
        lastSplitIncludesOrganiser = includeOrganiser;
        if (!sharesMinor.isEmpty() && sharesMinor.stream().mapToLong(Long::longValue).sum() != totalMinor) {
            return new NotAsked(org.socialbank.payments.requests.RequestRejection.SHARES_DO_NOT_ADD_UP);
        }
        long each = sharesMinor.isEmpty() ? totalMinor / (members.size() + 1) : 0;
        List<Long> shares = sharesMinor.isEmpty() ? members.stream().map(m -> each).toList() : sharesMinor;
        return new SplitMade(members.stream().map(m -> aliases.containsKey(m)
                ? new Asked(aliases.get(m).maskedName(), null) : new Asked(m.display(), "https://bank.example/p/" + m.value()))
                .toList(), shares, totalMinor - shares.stream().mapToLong(Long::longValue).sum());
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

    @Override
    public Optional<Boolean> claimCode(String text) {
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
}
