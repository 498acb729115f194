package org.socialbank.channels.wechat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.socialbank.shared.Language;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the WeChat Official Account channel ({@code socialbank.channels.wechat.*}). The
 * channel is on when {@code app-id} is set; then {@code app-secret} and {@code token} are required.
 *
 * @param appId the account's AppID; empty: the channel is off
 * @param appSecret the AppSecret, to fetch access tokens
 * @param token the callback token of the admin console, the key of the request signatures: 32
 *     random letters and digits (the longest the console takes; one signed URL is enough to guess
 *     a shorter one offline)
 * @param encodingAesKey the 43-character EncodingAESKey; set, only safe mode is accepted (every callback
 *     encrypted and signed over its body); empty, plain mode only, whose passive replies say nothing
 * @param apiBaseUrl where WeChat's API is
 * @param menu whether the custom menu is set when the application starts
 * @param language the language of the menu and of answers to messages the bank cannot read
 * @param passiveReplyBudget how long a callback waits for the answer before it answers empty
 *     (WeChat gives up after 5 s)
 * @param httpTimeout timeout of each call to WeChat's API
 * @param tokenRefreshMargin an access token this close to its expiry is refreshed
 * @param customMessagesMax customer-service messages sent per 48-hour window before templates take over
 * @param alertTemplateId the template of alerts sent outside the 48-hour window; empty: none are sent
 * @param alertTemplateFields the template's fields, each filled from {@code title}, {@code body},
 *     {@code time} or {@code line1}..{@code line20} of the message
 * @param alertTemplateIds a template per customer language ({@code en: ...}, {@code zh: ...}) for
 *     customers who read another language than {@code alert-template-id}'s; the same fields
 *     (issue 17: an alert written in English goes in the English template)
 * @param oauthBaseUrl where WeChat's web authorisation page is ({@code open.weixin.qq.com})
 * @param oauthPaths the bank's pages whose links are opened through WeChat's web authorisation, so
 *     that only the follower they were sent to gets through: {@code link}, {@code confirm},
 *     {@code unlink}, {@code claim}, {@code pay-request}; empty: no link is wrapped
 * @param lateWorkLease how long a run of a message that outlived its callback holds its {@code
 *     wechat_retries} row before another node may run it; renewed every third of it while the run
 *     goes on (review 2026-12-07 channels follow-up)
 * @param lateWorkRunMax how long such a run's lease is renewed at most: a run still going is logged
 *     and counted, and its row is left to its lease's end (a stuck node does not hold it for ever)
 */
@ConfigurationProperties("socialbank.channels.wechat")
public record WeChatProperties(
        @DefaultValue("") String appId,
        @DefaultValue("") String appSecret,
        @DefaultValue("") String token,
        @DefaultValue("") String encodingAesKey,
        @DefaultValue("https://api.weixin.qq.com") URI apiBaseUrl,
        @DefaultValue("true") boolean menu,
        @DefaultValue("zh") String language,
        @DefaultValue("3500ms") Duration passiveReplyBudget,
        @DefaultValue("10s") Duration httpTimeout,
        @DefaultValue("5m") Duration tokenRefreshMargin,
        @DefaultValue("20") int customMessagesMax,
        @DefaultValue("") String alertTemplateId,
        Map<String, String> alertTemplateFields,
        Map<String, String> alertTemplateIds,
        @DefaultValue("https://open.weixin.qq.com") URI oauthBaseUrl,
        @DefaultValue({"link", "confirm", "unlink"}) Set<String> oauthPaths,
        @DefaultValue("5m") Duration lateWorkLease,
        @DefaultValue("30m") Duration lateWorkRunMax) {

    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** The console takes 3..32 letters and digits; only the longest is accepted (security review #2). */
    static final int TOKEN_LENGTH = 32;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{" + TOKEN_LENGTH + "}");
    private static final Pattern AES_KEY = Pattern.compile("[A-Za-z0-9+/]{43}");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_]{1,32}");
    private static final List<String> LANGUAGES = Language.tags();

    public WeChatProperties {
        alertTemplateFields = alertTemplateFields == null || alertTemplateFields.isEmpty()
                ? Map.of("first", "title", "keyword1", "body", "keyword2", "time")
                : Map.copyOf(alertTemplateFields);
        if (!appId.isEmpty()) {
            require(APP_ID.matcher(appId).matches(), "app-id must be 1..64 letters, digits, - or _");
            require(!appSecret.isBlank(), "app-secret is required when app-id is set");
            require(
                    TOKEN.matcher(token).matches(),
                    "token must be " + TOKEN_LENGTH + " random letters or digits "
                            + "(the longest the admin console takes: a shorter one can be guessed offline from one signed URL)");
        }
        require(
                encodingAesKey.isEmpty() || AES_KEY.matcher(encodingAesKey).matches(),
                "encoding-aes-key must be 43 characters of base64");
        require(
                apiBaseUrl != null && ("https".equals(apiBaseUrl.getScheme()) || "http".equals(apiBaseUrl.getScheme())),
                "api-base-url must be an http(s) URL");
        require(
                oauthBaseUrl != null
                        && ("https".equals(oauthBaseUrl.getScheme()) || "http".equals(oauthBaseUrl.getScheme())),
                "oauth-base-url must be an http(s) URL");
        oauthPaths = oauthPaths == null ? Set.of() : Set.copyOf(oauthPaths);
        require(WeChatOAuth.PAGES.containsAll(oauthPaths), "oauth-paths must be among " + WeChatOAuth.PAGES);
        require(LANGUAGES.contains(language), "language must be one of " + LANGUAGES);
        require(
                between(passiveReplyBudget, Duration.ofMillis(100), Duration.ofMillis(4500)),
                "passive-reply-budget must be 100ms..4500ms (WeChat waits 5s)");
        require(between(httpTimeout, Duration.ofSeconds(1), Duration.ofSeconds(60)), "http-timeout must be 1s..60s");
        require(
                between(tokenRefreshMargin, Duration.ofSeconds(30), Duration.ofMinutes(30)),
                "token-refresh-margin must be 30s..30m");
        require(
                between(lateWorkLease, Duration.ofSeconds(30), Duration.ofHours(1)),
                "late-work-lease must be 30s..1h (longer than the engine's lock waits, 3 x 10s)");
        require(
                between(lateWorkRunMax, Duration.ofMinutes(1), Duration.ofHours(24))
                        && lateWorkRunMax.compareTo(lateWorkLease) > 0,
                "late-work-run-max must be 1m..24h and longer than late-work-lease");
        require(customMessagesMax >= 1 && customMessagesMax <= 1000, "custom-messages-max must be 1..1000");
        require(
                alertTemplateId.isEmpty() || APP_ID.matcher(alertTemplateId).matches(),
                "alert-template-id must be 1..64 letters, digits, - or _");
        alertTemplateIds = alertTemplateIds == null ? Map.of() : Map.copyOf(alertTemplateIds);
        alertTemplateIds.forEach((tag, id) -> require(
                LANGUAGES.contains(tag) && id != null && APP_ID.matcher(id).matches(),
                "alert-template-ids." + tag
                        + ": a bank language (en, fr, ru, fa, zh) and a template id of 1..64 letters, digits, - or _"));
        alertTemplateFields.forEach((field, source) -> require(
                FIELD.matcher(field).matches() && TemplateFields.known(source),
                "alert-template-fields." + field + " = " + source
                        + ": a field is 1..32 letters, digits or _, filled from title, body, time or line1..line20"));
    }

    /** The alert template for a customer reading {@code tag}; empty when there is none at all. */
    String alertTemplateFor(String tag) {
        return tag == null ? alertTemplateId : alertTemplateIds.getOrDefault(tag, alertTemplateId);
    }

    /** Whether the channel is configured at all. */
    public boolean enabled() {
        return !appId.isEmpty();
    }

    /** Whether safe mode (encrypted callbacks) can be served. */
    public boolean canDecrypt() {
        return !encodingAesKey.isEmpty();
    }

    private static boolean between(Duration d, Duration min, Duration max) {
        return d != null && d.compareTo(min) >= 0 && d.compareTo(max) <= 0;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.channels.wechat." + message);
        }
    }
}
