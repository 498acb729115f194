package org.socialbank.conversation;

import org.socialbank.alerts.Alerts;
import org.socialbank.applications.Applications;
import org.socialbank.assistant.Assistant;
import org.socialbank.billing.Bills;
import org.socialbank.billing.CardTransfers;
import org.socialbank.billing.TopUps;
import org.socialbank.branches.Appointments;
import org.socialbank.branches.Branches;
import org.socialbank.cards.AutoRepayments;
import org.socialbank.cards.Cards;
import org.socialbank.cards.RepayOnPage;
import org.socialbank.cards.Statements;
import org.socialbank.cards.UnlockOnPage;
import org.socialbank.consent.MarketingOptOut;
import org.socialbank.conversation.engine.ChatBank;
import org.socialbank.conversation.engine.JdbcConversations;
import org.socialbank.conversation.engine.PaymentAlerts;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.Directory;
import org.socialbank.directory.Linking;
import org.socialbank.directory.Unlinking;
import org.socialbank.ledger.Ledger;
import org.socialbank.loyalty.Points;
import org.socialbank.loyalty.RedeemOnPage;
import org.socialbank.payments.PaymentLimits;
import org.socialbank.payments.Payments;
import org.socialbank.payments.requests.Requests;
import org.socialbank.sweeping.CollectInChat;
import org.socialbank.sweeping.Sweeping;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConversationProperties.class)
class ConversationConfiguration {

    /**
     * The other modules the chat bank calls, gathered once (issue 14): {@link Conversations} takes
     * this one bean instead of every module's entry point, and a new chat service is added here and
     * to {@link ChatBank.Collaborators}, not to the conversation's constructor.
     */
    @Bean
    ChatBank.Collaborators chatBankCollaborators(
            Linking linking,
            Directory directory,
            Ledger ledger,
            Branches branches,
            Payments payments,
            Requests requests,
            PaymentAlerts alerts,
            JdbcConversations store,
            java.time.Clock clock,
            ConversationProperties properties,
            MarketingOptOut optOut,
            Alerts alertSettings,
            Assistant assistant,
            Appointments appointments,
            Cards cards,
            Statements statements,
            RepayOnPage cardRepayments,
            AutoRepayments autoRepayments,
            UnlockOnPage cardUnlocks,
            ApplicationEventPublisher events,
            Sweeping sweeping,
            Points points,
            RedeemOnPage pointRedemptions,
            Applications applications,
            CollectInChat collections,
            PaymentLimits paymentLimits,
            Bills bills,
            TopUps topUps,
            CardTransfers cardTransfers,
            ChannelIdentities identities,
            Unlinking unlinking) {
        return new ChatBank.Collaborators(
                linking,
                directory,
                ledger,
                branches,
                payments,
                requests,
                alerts,
                store,
                clock,
                properties.buttonTtl(),
                optOut,
                alertSettings,
                assistant,
                appointments,
                cards,
                statements,
                cardRepayments,
                autoRepayments,
                cardUnlocks,
                events,
                sweeping,
                points,
                pointRedemptions,
                applications,
                collections,
                paymentLimits,
                bills,
                topUps,
                cardTransfers,
                identities,
                unlinking);
    }
}
