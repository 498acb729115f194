package org.socialbank.channels.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.Directory;
import org.socialbank.shared.MarketingMessages;
import org.socialbank.shared.Network;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends the engine's replies on WhatsApp. Inside the user's 24-hour customer-service window a
 * free-form message; outside it (or when Meta says it closed: 131047) the approved alert template
 * for texts, receipts and links, and for anything else a final failure, so that the outbox reports
 * it and another channel can be used. A campaign's message ({@link MarketingMessages}) never goes
 * as that utility template: outside the window it goes as the approved MARKETING template, only
 * while the recipient's marketing consent is given, its quick-reply button carrying the message's
 * "Stop offers" (issue 17, 3.13); Meta's marketing refusals (131049 the per-user marketing limit,
 * 131050 marketing stopped by the user, 130472 an experiment, 132001/132015/132016 the template
 * missing, paused or disabled) are final failures with Meta's reason. Meta's answers become outcomes:
 * a rate limit of every send (130429 the number's throughput, 4 the app's API calls, 80007 the
 * business account's, or HTTP 429) pauses all sending and 131056 (the pair rate) that one user,
 * and each (with every send asked for during a pause) is a wait the relay does not count as a try
 * ({@code NotNow}; review 2026-12-07 channels #3); a refused token (190) pauses sending and, like server
 * errors, is tried again later; 131026 (undeliverable) marks the chat unreachable; a timeout after the request was
 * written is {@code Unknown}; any other "no" is final.
 */
final class WhatsAppSender implements ChannelSender {

    /** The number's message throughput was reached (a rate limit: {@link RateLimits}). */
    static final int THROUGHPUT = RateLimits.THROUGHPUT;
    /** The pair rate limit: too many messages from the number to this one user; only they wait. */
    static final int PAIR_RATE = RateLimits.PAIR_RATE;

    static final int UNDELIVERABLE = 131026;
    static final int TOKEN = 190;
    /**
     * Meta's "try again later" codes: unknown error, service unavailable, undeliverable for now, and
     * 131057 the business account in maintenance mode (a throughput upgrade; review 2026-12-07
     * whatsapp follow-up #6).
     */
    static final Set<Integer> TRY_LATER = Set.of(1, 2, 131000, 131016, 131057, 133004);
    /** Meta's per-user marketing limit (ecosystem engagement): not retried, the recipient fails. */
    static final int MARKETING_LIMIT = 131049;
    /** The user stopped marketing messages from the business. */
    static final int MARKETING_STOPPED = 131050;
    /** The template does not exist in that language or is not approved. */
    static final int TEMPLATE_MISSING = 132001;

    private static final Logger log = LoggerFactory.getLogger(WhatsAppSender.class);
    private static final Pattern WA_ID = Pattern.compile("[1-9][0-9]{6,14}");

    private final WhatsAppApi api;
    private final WhatsAppStore store;
    private final WhatsAppStatuses statuses;
    private final Pacing pacing;
    private final ChannelIdentities identities;
    private final Directory directory;
    private final WhatsAppProperties properties;
    private final MarketingMessages marketing;
    private final Clock clock;

    WhatsAppSender(
            WhatsAppApi api,
            WhatsAppStore store,
            WhatsAppStatuses statuses,
            Pacing pacing,
            ChannelIdentities identities,
            Directory directory,
            WhatsAppProperties properties,
            MarketingMessages marketing,
            Clock clock) {
        this.api = api;
        this.store = store;
        this.statuses = statuses;
        this.pacing = pacing;
        this.identities = identities;
        this.directory = directory;
        this.properties = properties;
        this.marketing = marketing;
        this.clock = clock;
    }

    @Override
    public Network network() {
        return Network.WHATSAPP;
    }

    @Override
    public SendOutcome send(OutboundMessage message, String idempotencyKey) {
        String to = message.recipient();
        if (!WA_ID.matcher(to).matches()) {
            return new SendOutcome.Failed(false, "not a WhatsApp user id: " + to);
        }
        // faults of the reads before a call are no send: the relay tries again (review 2026-12-07 channels follow-up)
        Optional<Pacing.Wait> wait = ChannelSender.beforeSend(() -> pacing.take(to));
        if (wait.isPresent()) { // a wait for a rate limit is no send attempt
            return new SendOutcome.NotNow(wait.get().retryAfter(), wait.get().reason());
        }
        if (!ChannelSender.beforeSend(() -> store.windowOpen(to, clock.instant(), properties.windowMargin()))) {
            return template(message);
        }
        ObjectNode body;
        try {
            body = WhatsAppReplies.free(message.content(), to);
        } catch (IllegalArgumentException e) {
            return new SendOutcome.Failed(false, e.getMessage());
        }
        WhatsAppApi.Answer answer = api.send(body);
        if (answer instanceof WhatsAppApi.Refused refused && refused.code() == WhatsAppStatuses.WINDOW_CLOSED) {
            closeWindow(to);
            return template(message);
        }
        return outcome(answer, message, "free");
    }

    /**
     * Outside the window: a campaign's message as the marketing template; else the alert template
     * for what may go as one; else a failure the outbox reports.
     */
    private SendOutcome template(OutboundMessage message) {
        // reached before any call, or after a refused one: nothing was sent either way, so a fault
        // of these reads (the language's too) is a failed try the relay repeats, never Unknown
        Optional<MarketingMessages.Marketing> offer = ChannelSender.beforeSend(() -> marketing.marketing(message.id()));
        if (offer.isPresent()) {
            return marketingTemplate(message, offer.get());
        }
        WhatsAppProperties.Template template = properties.templates().get("alert");
        if (template == null || !TemplateParameters.templatable(message.content())) {
            return new SendOutcome.Failed(
                    false,
                    "outside WhatsApp's 24-hour customer-service window, and no " + "approved template for a "
                            + message.content().getClass().getSimpleName().toLowerCase());
        }
        Instant now = clock.instant();
        String language = template.languageFor(ChannelSender.beforeSend(() -> languageOf(message)));
        return outcome(
                api.send(WhatsAppReplies.template(template, language, message.content(), message.recipient(), now)),
                message,
                "template");
    }

    /** A campaign's message outside the window: only by the approved MARKETING template, only with consent. */
    private SendOutcome marketingTemplate(OutboundMessage message, MarketingMessages.Marketing offer) {
        if (!offer.consented()) {
            return new SendOutcome.Failed(false, "marketing consent withdrawn before WhatsApp carried it");
        }
        WhatsAppProperties.Template template = properties.templates().get("marketing");
        if (template == null) {
            return new SendOutcome.Failed(
                    false,
                    "outside WhatsApp's 24-hour customer-service window, and no approved marketing template"
                            + " (a utility template never carries marketing)");
        }
        if (!(message.content() instanceof org.socialbank.conversation.Outbound.Buttons b)
                || b.buttons().isEmpty()) {
            return new SendOutcome.Failed(
                    false, "a marketing message without its Stop offers button cannot fill the template's opt-out");
        }
        String language = template.languageFor(ChannelSender.beforeSend(() -> languageOf(message)));
        return outcome(
                api.send(WhatsAppReplies.marketing(
                        template, language, message.content(), message.recipient(), clock.instant())),
                message,
                "marketing");
    }

    /**
     * Meta said the window is closed (131047): remembered if the store takes it. A fault here is
     * only logged: the message goes as the template all the same, and the next free-form message
     * meets 131047 again (review 2026-12-07 whatsapp follow-up #2).
     */
    private void closeWindow(String to) {
        try {
            store.closeWindow(to);
        } catch (RuntimeException e) {
            log.warn("whatsapp: the closed window was not recorded: {}", e.toString());
        }
    }

    /**
     * The language the engine wrote the message in: the linked customer's (alerts and answers to a
     * linked chat are in hers, issue 17); null for a chat nobody linked.
     */
    private String languageOf(OutboundMessage message) {
        return identities
                .linkedCustomer(message.identityId())
                .flatMap(directory::customer)
                .map(v -> v.customer().language().tag())
                .orElse(null);
    }

    private SendOutcome outcome(WhatsAppApi.Answer answer, OutboundMessage message, String kind) {
        if (answer instanceof WhatsAppApi.Accepted accepted) {
            return accepted(accepted.wamid(), message, kind);
        }
        if (answer instanceof WhatsAppApi.NoAnswer none) {
            return none.maybeDelivered()
                    ? new SendOutcome.Unknown(none.reason())
                    : new SendOutcome.Failed(true, none.reason());
        }
        return refused((WhatsAppApi.Refused) answer, message);
    }

    /**
     * Meta took it; a status that overtook the answer (a failure) is acted on now, while the row is
     * ours: a rate limit there is a wait too (review 2026-12-07 channels follow-up).
     */
    private SendOutcome accepted(String wamid, OutboundMessage message, String kind) {
        WhatsAppStore.Sent sent = store.accepted(wamid, message.id(), message.recipient(), kind, clock.instant());
        if (!"failed".equals(sent.status())) {
            statuses.apply(sent, clock.instant());
            return new SendOutcome.Sent();
        }
        if (!store.claimFailure(wamid, clock.instant())) {
            return new SendOutcome.Sent(); // applied elsewhere already (a lease lost meanwhile)
        }
        if (sent.errorCode() == WhatsAppStatuses.WINDOW_CLOSED && "free".equals(kind)) {
            closeWindow(message.recipient());
            return template(message);
        }
        String reason = "WhatsApp error " + sent.errorCode() + ": " + sent.errorTitle();
        Duration wait = pacing.pause(RateLimits.reported(sent.errorCode(), properties), message.recipient(), reason);
        return wait.isZero() ? new SendOutcome.Failed(false, reason) : new SendOutcome.NotNow(wait, reason);
    }

    /** A failure Meta reported while the relay still held the row is applied now (review 2026-12-07 channels follow-up). */
    @Override
    public void recordedSent(java.util.UUID outboxId) {
        statuses.recordedSent(outboxId);
    }

    private SendOutcome refused(WhatsAppApi.Refused refused, OutboundMessage message) {
        int code = refused.code();
        // a rate limit pauses every send (or this user's), and none of them is a try
        Duration wait =
                pacing.pause(RateLimits.of(code, refused.status(), properties), message.recipient(), refused.reason());
        if (!wait.isZero()) {
            return new SendOutcome.NotNow(wait, refused.reason());
        }
        if (code == TOKEN || refused.status() == 401) {
            log.error(
                    "whatsapp: the access token was refused; sending paused for {}: {}",
                    properties.tokenPause(),
                    refused.reason());
            pacing.pauseAll(properties.tokenPause(), "the access token was refused");
            return new SendOutcome.Failed(true, refused.reason());
        }
        if (code == UNDELIVERABLE) {
            identities.markUnreachable(message.identityId());
            return new SendOutcome.Failed(false, refused.reason());
        }
        boolean later = TRY_LATER.contains(code) || refused.status() >= 500;
        return new SendOutcome.Failed(later, refused.reason());
    }
}
