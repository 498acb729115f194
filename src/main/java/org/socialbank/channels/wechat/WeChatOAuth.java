package org.socialbank.channels.wechat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.DirectoryProperties;
import org.socialbank.security.otp.OneTimeCodes;

/**
 * Links to the bank's pages opened through WeChat's web authorisation ({@code snsapi_base}): the
 * link goes to WeChat, which sends the browser back to {@code /wechat/oauth} with a code for the
 * OpenID of whoever opened it; the bank lets only the follower the link was sent to through to the
 * page. The {@code state} binds the page and the follower with a key derived from the OTP pepper:
 * its first part proves the bank issued the link for that page, its second part for whom.
 */
public class WeChatOAuth {

    /** Where WeChat sends the browser back. */
    public static final String CALLBACK = "/wechat/oauth";
    /** The bank's pages a link may lead to (the first segment of the path). */
    public static final Set<String> PAGES = Set.of("link", "confirm", "unlink", "claim", "pay-request");
    /** WeChat's "no" to a code: invalid (40029), already used (40163), missing (41008). */
    static final Set<Integer> CODE_REFUSED = Set.of(40029, 40163, 41008);

    private static final Logger log = LoggerFactory.getLogger(WeChatOAuth.class);
    private static final Pattern NEXT =
            Pattern.compile("/(link|confirm|unlink|claim|pay-request)(/[A-Za-z0-9_-]{1,128}){1,3}");
    private static final Pattern URL_IN_TEXT = Pattern.compile("https?://[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern OPEN_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final int PAGE_TAG_HEX = 16;
    private static final int FOLLOWER_TAG_HEX = 32;
    private static final Pattern STATE = Pattern.compile("[0-9a-f]{" + (PAGE_TAG_HEX + FOLLOWER_TAG_HEX) + "}");

    private final WeChatApi api;
    private final WeChatProperties properties;
    private final DirectoryProperties directory;
    private final SecretKeySpec key;

    public WeChatOAuth(WeChatApi api, WeChatProperties properties, DirectoryProperties directory, OneTimeCodes codes) {
        this.api = api;
        this.properties = properties;
        this.directory = directory;
        this.key = new SecretKeySpec(codes.deriveKey("wechat oauth state " + properties.appId()), "HmacSHA256");
    }

    /** What opening a link through {@link #CALLBACK} comes to. */
    public sealed interface Opened permits Redirect, Malformed, OtherAccount, CodeRefused, Unavailable {}

    /** The follower the link was sent to: on to the bank's page. */
    public record Redirect(String url) implements Opened {}

    /** Not a link the bank issued (another page, a changed state, no code): {@code code} names what. */
    public record Malformed(String code, String detail) implements Opened {}

    /** Someone else opened it (a forwarded link). */
    public record OtherAccount() implements Opened {}

    /** WeChat refused the code: expired, used, or not WeChat's. */
    public record CodeRefused(int errcode) implements Opened {}

    /** WeChat could not be asked, or answered something the bank cannot use. */
    public record Unavailable(String reason) implements Opened {}

    /**
     * The URL to show {@code openId} for {@code url}: WeChat's authorisation URL when it is one of
     * the bank's pages listed in {@code oauth-paths}, else {@code url} itself.
     */
    public String wrap(String openId, String url) {
        String base = directory.url("");
        if (!properties.enabled() || !OPEN_ID.matcher(openId).matches() || !url.startsWith(base + "/")) {
            return url;
        }
        String path = url.substring(base.length());
        if (!NEXT.matcher(path).matches() || !properties.oauthPaths().contains(page(path))) {
            return url;
        }
        String redirect = directory.url(CALLBACK) + "?next=" + enc(path);
        return properties.oauthBaseUrl().toString().replaceAll("/+$", "") + "/connect/oauth2/authorize?appid="
                + enc(properties.appId()) + "&redirect_uri=" + enc(redirect)
                + "&response_type=code&scope=snsapi_base&state=" + state(openId, path) + "#wechat_redirect";
    }

    /** A reply as WeChat text for {@code openId}, its links to the bank's pages wrapped. */
    public String render(String openId, Outbound content) {
        return WeChatReplies.text(content, url -> wrap(openId, url), text -> wrapInText(openId, text));
    }

    /** The text with each link to a wrapped page of the bank made a WeChat {@code <a href>} to its wrapped URL. */
    public String wrapInText(String openId, String text) {
        Matcher m = URL_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String url = m.group().replaceAll("[.,;:!?)']+$", "");
            String wrapped = wrap(openId, url);
            String replacement = wrapped.equals(url)
                    ? m.group()
                    : "<a href=\"" + WeChatReplies.html(wrapped) + "\">" + url + "</a>"
                            + m.group().substring(url.length());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    /** Checks a return from WeChat's authorisation page and asks WeChat whose it is. */
    public Opened open(String code, String state, String next) {
        if (!NEXT.matcher(next).matches()) {
            return new Malformed(
                    "bad_next", "Only the bank's link, confirmation, unlink, claim and pay-request pages.");
        }
        if (!STATE.matcher(state).matches() || !equal(state.substring(0, PAGE_TAG_HEX), pageTag(next))) {
            return new Malformed("bad_state", "The state was not issued by this bank for this page.");
        }
        if (!CODE.matcher(code).matches()) {
            return new Malformed("bad_code", "WeChat's code is missing or malformed.");
        }
        WeChatApi.Answer answer = api.exchangeCode(properties.appId(), properties.appSecret(), code);
        if (answer instanceof WeChatApi.Refused refused) {
            if (CODE_REFUSED.contains(refused.errcode())) {
                return new CodeRefused(refused.errcode());
            }
            log.warn("WeChat refused a web authorisation code: errcode {} {}", refused.errcode(), refused.errmsg());
            return new Unavailable("errcode " + refused.errcode());
        }
        if (!(answer instanceof WeChatApi.Ok ok)) {
            return new Unavailable(answer.toString());
        }
        String openId = ok.body().path("openid").asString("");
        if (!OPEN_ID.matcher(openId).matches()) {
            return new Unavailable("no openid in WeChat's answer");
        }
        return equal(state.substring(PAGE_TAG_HEX), followerTag(openId, next))
                ? new Redirect(directory.url(next))
                : new OtherAccount();
    }

    String state(String openId, String path) {
        return pageTag(path) + followerTag(openId, path);
    }

    private String pageTag(String path) {
        return mac("page\n" + path).substring(0, PAGE_TAG_HEX);
    }

    private String followerTag(String openId, String path) {
        return mac("follower\n" + openId + "\n" + path).substring(0, FOLLOWER_TAG_HEX);
    }

    private String mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static String page(String path) {
        int slash = path.indexOf('/', 1);
        return path.substring(1, slash);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
