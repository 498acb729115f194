package org.socialbank.channels.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.Directory;
import org.socialbank.shared.MarketingMessages;
import org.socialbank.shared.Network;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers the bank's replies to WeChat followers that were not answered inside the callback:
 * as customer-service messages while the follower's 48-hour window is open and its quota lasts,
 * else (alerts: texts, receipts, links) as the configured template message, else not at all. A
 * campaign's message ({@link MarketingMessages}) is never a template message (templates are not
 * for marketing): outside the window it goes by WeChat's mass send ({@link WeChatMassSends}), only
 * while the follower's marketing consent is given (issue 17, 3.13).
 */
public class WeChatSender implements ChannelSender {

    static final String CUSTOM_SEND = "/cgi-bin/message/custom/send";
    static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";
    /** Window closed (45015), quota used (45047). */
    static final Set<Integer> WINDOW_CLOSED = Set.of(45015, 45047);
    /** API call quota for the day used up (45009): not before the quota may be raised or reset. */
    static final int DAILY_QUOTA = 45009;
    /** Calls too frequent (45011): not before the next minute. */
    static final int MINUTE_QUOTA = 45011;

    private final WeChatClient client;
    private final WeChatFollowers followers;
    private final OpenCallbacks openCallbacks;
    private final WeChatOAuth oauth;
    private final WeChatProperties properties;
    private final ChannelIdentities identities;
    private final Directory directory;
    private final Campaigns campaigns;
    private final Clock clock;

    /** What campaign messages need: which messages are marketing, and the mass send that carries them. */
    record Campaigns(WeChatMassSends massSends, MarketingMessages marketing) {}

    public WeChatSender(
            WeChatClient client,
            WeChatFollowers followers,
            OpenCallbacks openCallbacks,
            WeChatOAuth oauth,
            WeChatProperties properties,
            ChannelIdentities identities,
            Directory directory,
            Campaigns campaigns,
            Clock clock) {
        this.campaigns = campaigns;
        this.client = client;
        this.followers = followers;
        this.openCallbacks = openCallbacks;
        this.oauth = oauth;
        this.properties = properties;
        this.identities = identities;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public Network network() {
        return Network.WECHAT;
    }

    @Override
    public SendOutcome send(OutboundMessage message, String idempotencyKey) {
        if (!properties.enabled()) {
            return new SendOutcome.Failed(false, "the WeChat channel is not configured");
        }
        String openId = message.recipient();
        if (openCallbacks.isOpen(openId)) {
            // the callback open on this node may carry it; the relay gives the row back and tries later
            return new SendOutcome.NotNow(
                    Duration.ofSeconds(1), "a WeChat callback of this follower is being answered");
        }
        // faults of the reads before a call are no send: the relay tries again (review 2026-12-07 channels follow-up)
        Optional<SendOutcome> massSent =
                ChannelSender.beforeSend(() -> campaigns.massSends().known(message.id()));
        if (massSent.isPresent()) {
            return massSent.get(); // it joined a mass send: never sent a second way
        }
        if (ChannelSender.beforeSend(() -> followers.takeCustomMessage(openId))) {
            WeChatApi.Answer answer = client.post(CUSTOM_SEND, custom(openId, message.content()));
            if (!(answer instanceof WeChatApi.Refused refused && WINDOW_CLOSED.contains(refused.errcode()))) {
                return outcome(answer);
            }
            followers.closeWindow(openId);
        }
        Optional<MarketingMessages.Marketing> offer =
                ChannelSender.beforeSend(() -> campaigns.marketing().marketing(message.id()));
        if (offer.isPresent()) {
            return massSend(message, offer.get());
        }
        String templateId = properties.alertTemplateFor(languageOf(message));
        if (templateId.isEmpty() || !TemplateFields.templatable(message.content())) {
            return new SendOutcome.Failed(false, "outside WeChat's 48-hour window and no template for it");
        }
        return outcome(client.post(TEMPLATE_SEND, template(openId, templateId, message.content(), idempotencyKey)));
    }

    /** A campaign's message outside the window: by the mass send, only with consent, never a template. */
    private SendOutcome massSend(OutboundMessage message, MarketingMessages.Marketing offer) {
        if (!offer.consented()) {
            return new SendOutcome.Failed(false, "marketing consent withdrawn before WeChat carried it");
        }
        String text = message.content() instanceof Outbound.Buttons b
                ? b.text()
                : message.content() instanceof Outbound.Text t ? t.text() : null;
        if (text == null) {
            return new SendOutcome.Failed(false, "a WeChat mass send carries a text only");
        }
        return campaigns.massSends().join(message.id(), offer.campaignId(), message.recipient(), offer.shared(text));
    }

    /** The linked customer's language, which the engine wrote the message in; null for an unlinked follower. */
    private String languageOf(OutboundMessage message) {
        return identities
                .linkedCustomer(message.identityId())
                .flatMap(directory::customer)
                .map(v -> v.customer().language().tag())
                .orElse(null);
    }

    private String custom(String openId, Outbound content) {
        ObjectNode body =
                WeChatApi.JSON.createObjectNode().put("touser", openId).put("msgtype", "text");
        body.putObject("text").put("content", oauth.render(openId, content));
        return WeChatApi.JSON.writeValueAsString(body);
    }

    private String template(String openId, String templateId, Outbound content, String idempotencyKey) {
        ObjectNode body = WeChatApi.JSON
                .createObjectNode()
                .put("touser", openId)
                .put("template_id", templateId)
                .put("client_msg_id", idempotencyKey);
        if (content instanceof Outbound.Link link) {
            body.put("url", oauth.wrap(openId, link.url()));
        }
        ObjectNode data = body.putObject("data");
        for (Map.Entry<String, String> field : TemplateFields.fill(
                        properties.alertTemplateFields(), content, clock.instant())
                .entrySet()) {
            data.putObject(field.getKey()).put("value", field.getValue());
        }
        return WeChatApi.JSON.writeValueAsString(body);
    }

    private static SendOutcome outcome(WeChatApi.Answer answer) {
        if (answer instanceof WeChatApi.Ok) {
            return new SendOutcome.Sent();
        }
        if (answer instanceof WeChatApi.Refused refused) {
            String reason = "WeChat errcode " + refused.errcode() + ": " + refused.errmsg();
            if (refused.errcode() == MINUTE_QUOTA || refused.errcode() == DAILY_QUOTA) {
                // a rate limit is no send attempt: the message waits, within rate-limit-wait-max
                return new SendOutcome.NotNow(
                        refused.errcode() == MINUTE_QUOTA ? Duration.ofMinutes(1) : Duration.ofHours(1), reason);
            }
            return new SendOutcome.Failed(false, reason);
        }
        if (answer instanceof WeChatApi.Unavailable unavailable) {
            return new SendOutcome.Failed(true, unavailable.reason());
        }
        return new SendOutcome.Unknown(((WeChatApi.Lost) answer).reason());
    }
}
