package org.socialbank.campaigns;

import java.time.Duration;
import org.springframework.context.ApplicationContext;

/**
 * A second node's campaign sender over the same database, with its own paces (they are in each
 * node's memory): a test drives two nodes' rounds at once, or a pace of its own.
 */
final class OtherNode {

    private OtherNode() {}

    static CampaignSender sender(ApplicationContext context, int messagesPerSecond, int roundMax) {
        return new CampaignSender(
                context.getBean(org.socialbank.campaigns.jdbc.JdbcCampaigns.class),
                context.getBean(org.socialbank.campaigns.jdbc.JdbcCapHolders.class),
                context.getBean(org.socialbank.consent.Consents.class),
                context.getBean(org.socialbank.directory.ChannelIdentities.class),
                context.getBean(org.socialbank.directory.Directory.class),
                context.getBean(org.socialbank.alerts.Alerts.class),
                context.getBean(CampaignAudience.class),
                context.getBean(CampaignSegments.class),
                context,
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class),
                context.getBean(java.time.Clock.class),
                new CampaignsProperties(Duration.ofHours(1), messagesPerSecond, roundMax, Duration.ZERO),
                context.getBean(org.socialbank.directory.DirectoryProperties.class),
                context.getBeanProvider(org.socialbank.directory.ChatLanguages.class));
    }
}
