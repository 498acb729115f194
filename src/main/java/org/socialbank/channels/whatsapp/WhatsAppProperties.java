package org.socialbank.channels.whatsapp;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.socialbank.shared.Language;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the WhatsApp Cloud API channel ({@code socialbank.channels.whatsapp.*}). The channel
 * is off while {@code app-secret}, {@code verify-token}, {@code access-token} and
 * {@code phone-number-id} are all empty; setting any of them requires all four.
 *
 * @param appSecret the Meta app's secret: the key of every webhook post's {@code X-Hub-Signature-256}
 * @param verifyToken the token typed in the app dashboard's webhook settings, echoed by Meta's verification GET
 * @param accessToken the system user's access token sent as {@code Authorization: Bearer}
 * @param phoneNumberId the business phone number's id (not the number): replies go to {@code /<id>/messages}
 * @param apiBaseUrl where the Graph API is
 * @param apiVersion the Graph API version in the path
 * @param requestTimeout one call to the Graph API
 * @param messagesPerSecond messages this number sends at most in any second (Meta's default throughput is 80)
 * @param throttlePause how long sending stops after a rate limit of every send (130429 throughput
 *     reached, 4 the app's API calls, 80007 the business account's, HTTP 429)
 * @param pairPause how long one user gets nothing after Meta's 131056 (too many messages to that user)
 * @param tokenPause how long sending stops after Meta refused the access token (190: expired or revoked)
 * @param windowMargin the 24-hour customer-service window is treated as closed this long before it ends
 * @param templates the approved message templates by use: {@code alert} (texts, receipts and links
 *     outside the window), category UTILITY; {@code marketing} (a campaign's message outside the
 *     window, issue 17 3.13), category MARKETING, approved with one quick-reply button, the opt-out
 * @param businessNumber the business phone number itself, digits only with the country code
 *     ({@code 33612345678}); the bank's pages link back to the chat at {@code https://wa.me/<number>};
 *     empty: no such link (issue 13)
 * @param webhookMaxBodyBytes the largest post {@code /webhooks/whatsapp} takes, in bytes (Meta's
 *     webhook payloads go up to 3 MB; the application's {@code socialbank.http.max-body-bytes} is
 *     for every other request); 65536..16777216
 * @param messageAgeMax a user's message whose Meta timestamp is older than this is recorded and not
 *     answered: Meta redelivers for at most 7 days, so only a replayed post is older (1h..30d)
 */
@ConfigurationProperties("socialbank.channels.whatsapp")
public record WhatsAppProperties(
        @DefaultValue("") String appSecret,
        @DefaultValue("") String verifyToken,
        @DefaultValue("") String accessToken,
        @DefaultValue("") String phoneNumberId,
        @DefaultValue("https://graph.facebook.com") URI apiBaseUrl,
        @DefaultValue("v23.0") String apiVersion,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("80") int messagesPerSecond,
        @DefaultValue("30s") Duration throttlePause,
        @DefaultValue("6s") Duration pairPause,
        @DefaultValue("1m") Duration tokenPause,
        @DefaultValue("10m") Duration windowMargin,
        Map<String, Template> templates,
        @DefaultValue("") String businessNumber,
        @DefaultValue("3145728") long webhookMaxBodyBytes,
        @DefaultValue("7d") Duration messageAgeMax) {

    /** The uses a template may be registered for. */
    static final Set<String> USES = Set.of("alert", "marketing");

    static final Duration WINDOW = Duration.ofHours(24);

    static final long DEFAULT_WEBHOOK_MAX_BODY_BYTES = 3L * 1024 * 1024;
    static final Duration DEFAULT_MESSAGE_AGE_MAX = Duration.ofDays(7);

    private static final Pattern PHONE_NUMBER_ID = Pattern.compile("[0-9]{1,32}");
    private static final Pattern VERSION = Pattern.compile("v[0-9]{1,3}\\.[0-9]{1,2}");
    private static final Pattern CREDENTIAL = Pattern.compile("[\\x21-\\x7e]{8,1024}");
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9_]{1,512}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");
    private static final List<String> BANK_LANGUAGES = Language.tags();

    private static final Pattern BUSINESS_NUMBER = Pattern.compile("[1-9][0-9]{5,14}");

    @ConstructorBinding
    public WhatsAppProperties {
        templates = checked(templates);
        businessNumber = businessNumber == null ? "" : businessNumber.strip();
        require(
                businessNumber.isEmpty()
                        || BUSINESS_NUMBER.matcher(businessNumber).matches(),
                "business-number must be the number's digits with the country code, 6 to 15, e.g. 33612345678");
        require(
                apiBaseUrl != null
                        && ("https".equals(apiBaseUrl.getScheme()) || "http".equals(apiBaseUrl.getScheme()))
                        && apiBaseUrl.getHost() != null,
                "api-base-url must be an http(s) URL");
        require(apiVersion != null && VERSION.matcher(apiVersion).matches(), "api-version must look like v23.0");
        require(
                within(requestTimeout, Duration.ofMillis(100), Duration.ofMinutes(2)),
                "request-timeout must be 100ms..2m");
        require(messagesPerSecond >= 1 && messagesPerSecond <= 1000, "messages-per-second must be 1..1000");
        require(within(throttlePause, Duration.ofSeconds(1), Duration.ofHours(1)), "throttle-pause must be 1s..1h");
        require(within(pairPause, Duration.ofSeconds(1), Duration.ofHours(1)), "pair-pause must be 1s..1h");
        require(within(tokenPause, Duration.ofSeconds(1), Duration.ofHours(1)), "token-pause must be 1s..1h");
        require(within(windowMargin, Duration.ZERO, Duration.ofHours(6)), "window-margin must be 0..6h");
        require(
                webhookMaxBodyBytes >= 65_536 && webhookMaxBodyBytes <= 16L * 1024 * 1024,
                "webhook-max-body-bytes must be 65536..16777216");
        require(within(messageAgeMax, Duration.ofHours(1), Duration.ofDays(30)), "message-age-max must be 1h..30d");
        boolean any =
                !appSecret.isEmpty() || !verifyToken.isEmpty() || !accessToken.isEmpty() || !phoneNumberId.isEmpty();
        if (any) {
            require(
                    CREDENTIAL.matcher(appSecret).matches(),
                    "app-secret is required: 8..1024 printable ASCII characters");
            require(
                    CREDENTIAL.matcher(verifyToken).matches(),
                    "verify-token is required: 8..1024 printable ASCII characters");
            require(
                    CREDENTIAL.matcher(accessToken).matches(),
                    "access-token is required: 8..1024 printable ASCII characters");
            require(
                    PHONE_NUMBER_ID.matcher(phoneNumberId).matches(),
                    "phone-number-id is required: the number's id in WhatsApp Manager (digits)");
        }
    }

    /**
     * One approved template.
     *
     * @param name its name in WhatsApp Manager
     * @param language the language code it was approved in ({@code en}, {@code en_US}, {@code fr}...)
     * @param category its category: {@code UTILITY} for alerts, {@code MARKETING} for campaigns;
     *     AUTHENTICATION templates are never used since one-time codes never go to chats
     * @param parameters the body's {{1}}, {{2}}... in order, each filled from the reply's
     *     {@code title}, {@code body}, {@code url}, {@code time} or {@code line1}..{@code line20}
     * @param languages the same template approved in other languages, by the customer's language
     *     ({@code fr: fr}, {@code zh: zh_CN}...): a customer gets it in hers, else in {@code language}
     *     (issue 17: an alert written in French goes in the French version of the template)
     */
    public record Template(
            String name,
            String language,
            @DefaultValue("UTILITY") String category,
            @DefaultValue("title") List<String> parameters,
            Map<String, String> languages) {

        public Template {
            languages = languages == null ? Map.of() : Map.copyOf(languages);
        }

        /** The language code to send for a customer writing in {@code tag} ({@code en}, {@code fr}...). */
        String languageFor(String tag) {
            return tag == null ? language : languages.getOrDefault(tag, language);
        }
    }

    /** Whether the channel is on. */
    boolean enabled() {
        return !appSecret.isEmpty();
    }

    /** {@code <api-base-url>/<api-version>/<phone-number-id>/messages} */
    URI messagesUri() {
        return URI.create(
                apiBaseUrl.toString().replaceAll("/+$", "") + "/" + apiVersion + "/" + phoneNumberId + "/messages");
    }

    /** Never the secrets. */
    @Override
    public String toString() {
        return "WhatsAppProperties[" + apiBaseUrl + "/" + apiVersion + ", number " + phoneNumberId + "]";
    }

    private static Map<String, Template> checked(Map<String, Template> templates) {
        Map<String, Template> checked = new TreeMap<>();
        if (templates == null) {
            return Map.of();
        }
        templates.forEach((use, t) -> {
            String where = "templates." + use;
            require(USES.contains(use), where + ": a template's use is one of " + USES);
            require(
                    t.name() != null && TEMPLATE_NAME.matcher(t.name()).matches(),
                    where + ".name is the template's name (a-z, 0-9, _)");
            require(
                    t.language() != null && LANGUAGE.matcher(t.language()).matches(),
                    where + ".language is the code it was approved in (en, en_US, fr...)");
            String expected = use.equals("marketing") ? "MARKETING" : "UTILITY";
            String category =
                    t.category() == null ? expected : t.category().strip().toUpperCase(Locale.ROOT);
            require(
                    category.equals(expected),
                    where + ".category must be " + expected + " (alerts are utility messages and never carry"
                            + " marketing; campaigns go only as a MARKETING template; AUTHENTICATION templates"
                            + " carry one-time codes, which never go to chats)");
            List<String> parameters = t.parameters() == null ? List.of("title") : List.copyOf(t.parameters());
            require(
                    parameters.size() <= TemplateParameters.PARAMETERS_MAX,
                    where + ".parameters: at most " + TemplateParameters.PARAMETERS_MAX);
            parameters.forEach(p -> require(
                    TemplateParameters.known(p),
                    where + ".parameters: " + p + " is not one of title, body, url, time, line1..line20"));
            Map<String, String> languages = t.languages() == null ? Map.of() : t.languages();
            languages.forEach((tag, code) -> require(
                    BANK_LANGUAGES.contains(tag)
                            && code != null
                            && LANGUAGE.matcher(code).matches(),
                    where + ".languages." + tag + ": a bank language (en, fr, ru, "
                            + "fa, zh) and the code its version was approved in (fr, zh_CN...)"));
            checked.put(use, new Template(t.name(), t.language(), category, parameters, languages));
        });
        return Map.copyOf(checked);
    }

    private static boolean within(Duration d, Duration min, Duration max) {
        return d != null && d.compareTo(min) >= 0 && d.compareTo(max) <= 0;
    }

    /** The settings without a business number (no "back to the chat" link). */
    public WhatsAppProperties(
            String appSecret,
            String verifyToken,
            String accessToken,
            String phoneNumberId,
            URI apiBaseUrl,
            String apiVersion,
            Duration requestTimeout,
            int messagesPerSecond,
            Duration throttlePause,
            Duration pairPause,
            Duration tokenPause,
            Duration windowMargin,
            Map<String, Template> templates) {
        this(
                appSecret,
                verifyToken,
                accessToken,
                phoneNumberId,
                apiBaseUrl,
                apiVersion,
                requestTimeout,
                messagesPerSecond,
                throttlePause,
                pairPause,
                tokenPause,
                windowMargin,
                templates,
                "",
                DEFAULT_WEBHOOK_MAX_BODY_BYTES,
                DEFAULT_MESSAGE_AGE_MAX);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.channels.whatsapp." + message);
        }
    }
}
