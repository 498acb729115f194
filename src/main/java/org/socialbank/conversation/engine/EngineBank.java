package org.socialbank.conversation.engine;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.conversation.dialogue.Bank;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasMatch;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.IdentityId;
import org.socialbank.directory.Linking;
import org.socialbank.directory.Network;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.services.Branch;
import org.socialbank.services.Branches;
import org.socialbank.shared.CurrencyCode;

/**
 * The bank as the dialogue of one inbound message sees it: every call runs in the transaction
 * that handles the message.
 */
public final class EngineBank implements Bank {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where the engine's collaborators are; one per application. */
    public record Parts(Linking linking, Directory directory, Ledger ledger, Branches branches, JdbcConversations store,
            Clock clock, Duration buttonTtl) {
    }

    private final Parts parts;
    private final IdentityId identity;
    private final Network channel;
    private final String externalMessageId;

    public EngineBank(Parts parts, IdentityId identity, Network channel, String externalMessageId) {
        this.parts = parts;
        this.identity = identity;
        this.channel = channel;
        this.externalMessageId = externalMessageId;
    }

    /** The transfer id of a payment confirmed by this message: a redelivery can never pay twice. */
    public static TransferId transferId(Network channel, String externalMessageId) {
        return new TransferId(UUID.nameUUIDFromBytes(("chat-pay|" + channel.wireName() + "|" + externalMessageId)
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public java.time.Instant now() {
        return parts.clock().instant();
    }

    @Override
    public Optional<Linked> linked() {
        return parts.linking().linkedCustomer(identity).flatMap(c -> parts.directory().customer(c))
                .map(v -> new Linked(v.customer().id(), v.customer().language()));
    }

    @Override
    public String linkUrl() {
        return parts.linking().offerLink(identity).url();
    }

    @Override
    public boolean unlink() {
        return parts.linking().unlink(identity);
    }

    @Override
    public boolean linkByPhone(String phone) {
        try {
            return parts.linking().linkByNetworkPhone(identity, phone).isPresent();
        } catch (IllegalArgumentException notAPhone) {
            return false;
        }
    }

    @Override
    public void markUnreachable() {
        parts.linking().markUnreachable(identity);
    }

    @Override
    public List<Balance> balances(CustomerId customer) {
        return primaryAccounts(customer).stream().flatMap(a -> parts.ledger().account(a.accountId()).stream())
                .map(a -> new Balance(a.balanceMinor(), a.currency())).toList();
    }

    @Override
    public List<Movement> history(CustomerId customer, int limit) {
        Optional<AccountId> account = primaryAccounts(customer).stream().findFirst().map(CustomerView.HeldAccount::accountId);
        return account.flatMap(id -> parts.ledger().statement(id, Optional.empty(), limit)).stream()
                .flatMap(page -> page.transfers().stream())
                .map(t -> new Movement(t.debitAccountId().equals(account.get()), t.amountMinor(), t.currency(),
                        t.createdAt()))
                .toList();
    }

    @Override
    public Optional<CurrencyCode> primaryCurrency(CustomerId customer) {
        return primaryAccounts(customer).stream().findFirst().flatMap(a -> CurrencyCode.find(a.currency()));
    }

    @Override
    public Optional<AliasMatch> resolve(Alias alias) {
        return parts.directory().resolve(alias);
    }

    @Override
    public PayOutcome pay(CustomerId payer, CustomerId payee, long amountMinor, CurrencyCode currency) {
        Optional<AccountId> from = parts.directory().primaryAccount(payer, currency.code());
        if (from.isEmpty()) {
            return new Refused("payer_has_no_account");
        }
        Optional<AccountId> to = parts.directory().primaryAccount(payee, currency.code());
        if (to.isEmpty()) {
            return new Refused("payee_has_no_account");
        }
        TransferResult result = parts.ledger().transfer(NewTransfer.posted(transferId(channel, externalMessageId),
                from.get(), to.get(), amountMinor, currency, "p2p"));
        if (result instanceof TransferResult.Rejected rejected) {
            return new Refused(rejected.code().code());
        }
        return new Paid(((TransferResult.Posted) result).transfer().id().toString());
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
    public String button(String action, long formVersion) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String reference = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes); // 22 characters
        parts.store().insertButton(reference, identity, Json.action(action), formVersion,
                parts.clock().instant().plus(parts.buttonTtl()));
        return reference;
    }

    @Override
    public Optional<Press> press(String reference) {
        return parts.store().useButton(reference, identity, parts.clock().instant())
                .map(b -> new Press(Json.actionOf(b.action()), b.formVersion()));
    }

    private List<CustomerView.HeldAccount> primaryAccounts(CustomerId customer) {
        return parts.directory().customer(customer).map(v -> v.accounts().stream()
                .filter(CustomerView.HeldAccount::primary).toList()).orElse(List.of());
    }
}
