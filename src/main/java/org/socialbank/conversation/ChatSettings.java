package org.socialbank.conversation;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.socialbank.conversation.dialogue.DialogueState;
import org.socialbank.conversation.engine.JdbcConversations;
import org.socialbank.conversation.engine.Json;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.ChatLanguages;
import org.socialbank.directory.CustomerSettings;
import org.socialbank.directory.Directory;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13: the page language and the bot's language are one setting. A linked chat speaks its
 * customer's language (the directory's); a chat not linked yet keeps its own in its state. A page
 * opened from the chat (the sign-in page, the web chat itself) reads the same setting, and a
 * language chosen on that page becomes it, so the next answer in the chat is in that language.
 */
@Service
public class ChatSettings implements ChatLanguages {

    /** The language and zone of one chat: its customer's when linked, else its own (zone: its language's). */
    public record Setting(Language language, ZoneId chosenZone) {}

    private final JdbcConversations store;
    private final ChannelIdentities identities;
    private final Directory directory;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    ChatSettings(
            JdbcConversations store,
            ChannelIdentities identities,
            Directory directory,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.identities = identities;
        this.directory = directory;
        this.transactions = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    @Override
    public Optional<Language> chosen(IdentityId chat) {
        return store.state(chat).map(json -> Json.state(json).language());
    }

    /** The chat's setting, if it has one (a linked customer always has). */
    public Optional<Setting> of(IdentityId chat) {
        Optional<CustomerSettings> customer = identities.linkedCustomer(chat).flatMap(directory::settings);
        if (customer.isPresent()) {
            return Optional.of(
                    new Setting(customer.get().language(), customer.get().chosenZone()));
        }
        return chosen(chat).map(language -> new Setting(language, null));
    }

    /** The setting of the chat a network's account writes from, if the bank knows that account. */
    public Optional<Setting> of(Network network, String externalUserId) {
        return identities.identity(network, externalUserId).flatMap(i -> of(i.id()));
    }

    /**
     * The chat (its customer, when linked) speaks {@code language} from now on; a chat account the
     * bank does not know yet is recorded first, as its first message would.
     */
    public void choose(Network network, String externalUserId, Language language) {
        transactions.executeWithoutResult(status -> {
            ChannelIdentity identity = identities.identify(network, externalUserId, null, null);
            choose(identity.id(), language);
        });
    }

    @Override
    public void choose(IdentityId chat, Language language) {
        transactions.executeWithoutResult(status -> {
            identities.linkedCustomer(chat).ifPresent(customer -> directory.chooseLanguage(customer, language));
            Optional<JdbcConversations.Conversation> conversation = store.lockConversation(chat);
            if (conversation.isEmpty()) {
                ChannelIdentity identity = identities.identity(chat).orElseThrow();
                JdbcConversations.Chat row =
                        new JdbcConversations.Chat(chat, identity.channel(), identity.externalId());
                try {
                    savepoint.executeWithoutResult(s -> store.insertConversation(
                            row, Json.state(DialogueState.NEW.speaking(language)), clock.instant()));
                    return;
                } catch (DuplicateKeyException raced) {
                    conversation = store.lockConversation(chat); // its first message created it meanwhile
                }
            }
            DialogueState state = Json.state(conversation.orElseThrow().state());
            if (state.language() != language) {
                store.updateConversation(
                        chat,
                        Json.state(state.speaking(language)),
                        conversation.get().version() + 1,
                        identities.linkedCustomer(chat).orElse(null),
                        clock.instant());
            }
        });
    }
}
