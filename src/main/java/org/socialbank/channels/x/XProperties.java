package org.socialbank.channels.x;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the X channel ({@code socialbank.channels.x.*}). The channel is on when
 * {@code consumer-secret} is set; then {@code user-id}, {@code screen-name} and credentials to post
 * (the four OAuth 1.0a values, else a bearer token) are required.
 *
 * @param consumerSecret the app's API secret: key of the webhook's CRC answers and signatures, and of OAuth signing
 * @param consumerKey the app's API key (OAuth 1.0a)
 * @param accessToken the bank account's access token (OAuth 1.0a, user context)
 * @param accessTokenSecret the bank account's access token secret
 * @param bearerToken a user-context OAuth 2.0 bearer token, used when the OAuth 1.0a values are not all set
 * @param userId the bank account's numeric id: its own tweets are ignored, DMs to it are read
 * @param screenName the bank account's handle without '@': tweets that mention it are read
 * @param apiBaseUrl where X's API is
 * @param blockedUserIds accounts whose tweets and messages are ignored (at most 1000)
 * @param requestTimeout one call to X's API
 * @param retriesMax immediate retries of a call that could not connect (never of one that was sent)
 * @param publicTextMax the longest public reply, in characters; anything longer goes by DM
 * @param choiceTtl how long after a DM with numbered choices (a Buttons message) a reply that is just
 *     one of the numbers still presses that button; later it is read as text
 */
@ConfigurationProperties("socialbank.channels.x")
public record XProperties(
        @DefaultValue("") String consumerSecret,
        @DefaultValue("") String consumerKey,
        @DefaultValue("") String accessToken,
        @DefaultValue("") String accessTokenSecret,
        @DefaultValue("") String bearerToken,
        @DefaultValue("") String userId,
        @DefaultValue("") String screenName,
        @DefaultValue("https://api.x.com") URI apiBaseUrl,
        @DefaultValue({}) List<String> blockedUserIds,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("2") int retriesMax,
        @DefaultValue("200") int publicTextMax,
        @DefaultValue("15m") Duration choiceTtl) {

    static final int BLOCKED_MAX = 1000;
    private static final Pattern USER_ID = Pattern.compile("[0-9]{1,19}");
    private static final Pattern SCREEN_NAME = Pattern.compile("[A-Za-z0-9_]{1,15}");
    private static final Pattern CREDENTIAL = Pattern.compile("[\\x21-\\x7e]{1,512}");

    public XProperties {
        blockedUserIds = blockedUserIds == null ? List.of() : List.copyOf(blockedUserIds);
        require(blockedUserIds.size() <= BLOCKED_MAX, "blocked-user-ids holds at most " + BLOCKED_MAX + " ids");
        require(
                blockedUserIds.stream().allMatch(id -> USER_ID.matcher(id).matches()),
                "blocked-user-ids are numeric X user ids");
        require(
                apiBaseUrl != null
                        && ("https".equals(apiBaseUrl.getScheme()) || "http".equals(apiBaseUrl.getScheme()))
                        && apiBaseUrl.getHost() != null,
                "api-base-url must be an http(s) URL");
        require(
                requestTimeout != null
                        && requestTimeout.compareTo(Duration.ofMillis(100)) >= 0
                        && requestTimeout.compareTo(Duration.ofMinutes(2)) <= 0,
                "request-timeout must be 100ms..2m");
        require(retriesMax >= 0 && retriesMax <= 5, "retries-max must be 0..5");
        require(
                publicTextMax >= 20 && publicTextMax <= 280,
                "public-text-max must be 20..280 (a tweet is at most 280)");
        require(
                choiceTtl != null
                        && choiceTtl.compareTo(Duration.ofMinutes(1)) >= 0
                        && choiceTtl.compareTo(Duration.ofDays(1)) <= 0,
                "choice-ttl must be 1m..1d");
        if (!consumerSecret.isEmpty()) { // enabled(), before the fields are assigned
            require(CREDENTIAL.matcher(consumerSecret).matches(), "consumer-secret must be printable ASCII");
            require(USER_ID.matcher(userId).matches(), "user-id (the bank account's numeric id) is required");
            require(
                    SCREEN_NAME.matcher(screenName).matches(),
                    "screen-name (the bank account's handle without '@', 1..15 of A-Z a-z 0-9 _) is required");
            boolean oauth1 = !consumerKey.isEmpty() && !accessToken.isEmpty() && !accessTokenSecret.isEmpty();
            require(
                    oauth1 || CREDENTIAL.matcher(bearerToken).matches(),
                    "credentials to post are required: "
                            + "consumer-key, access-token and access-token-secret (OAuth 1.0a), else bearer-token");
        }
    }

    /** Whether the channel is on. */
    boolean enabled() {
        return !consumerSecret.isEmpty();
    }

    /** Whether every OAuth 1.0a value is set: then requests are signed as the bank's account. */
    boolean oauth1() {
        return !consumerKey.isEmpty() && !accessToken.isEmpty() && !accessTokenSecret.isEmpty();
    }

    Set<String> blocked() {
        return Set.copyOf(blockedUserIds);
    }

    /** Never the secrets. */
    @Override
    public String toString() {
        return "XProperties[" + apiBaseUrl + ", user " + userId + " @" + screenName + "]";
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.channels.x." + message);
        }
    }
}
