package org.socialbank.directory;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.ibm.icu.text.IDNA;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.socialbank.shared.Digits;
import org.socialbank.shared.Network;

/**
 * A normalized alias: the form stored UNIQUE and compared, whatever way a person typed it.
 *
 * @param network the network of a handle; null for phones, e-mails and tags
 * @param value phones in E.164, e-mails lower-cased with an ASCII domain, tags and handles without
 *     their {@code $} or {@code @}
 */
public record Alias(AliasType type, Network network, String value) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[a-z0-9.-]{1,253}\\.[a-z0-9-]{2,63}");
    private static final Pattern TAG = Pattern.compile("[a-z][a-z0-9_]{2,19}");
    private static final Pattern HANDLE = Pattern.compile("[a-z0-9_.:-]{1,64}");

    public Alias {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if ((type == AliasType.HANDLE) != (network != null)) {
            throw new IllegalArgumentException("a handle, and only a handle, belongs to a network");
        }
    }

    /** What a person typed, read as an alias: {@link Valid} or, with the reason, {@link Invalid}. */
    public sealed interface Parsed permits Valid, Invalid {

        /** The alias, or empty when the text is not one. */
        Optional<Alias> alias();

        /** The alias, or {@code refusal} of the reason thrown (a web adapter's 400). */
        <X extends RuntimeException> Alias orElseThrow(Function<String, X> refusal);
    }

    /** The text is this alias. */
    public record Valid(Alias value) implements Parsed {

        @Override
        public Optional<Alias> alias() {
            return Optional.of(value);
        }

        @Override
        public <X extends RuntimeException> Alias orElseThrow(Function<String, X> refusal) {
            return value;
        }
    }

    /** The text is not an alias; {@code reason} is fit for whoever typed it. */
    public record Invalid(String reason) implements Parsed {

        @Override
        public Optional<Alias> alias() {
            return Optional.empty();
        }

        @Override
        public <X extends RuntimeException> Alias orElseThrow(Function<String, X> refusal) {
            throw refusal.apply(reason);
        }
    }

    /**
     * Reads what a person typed; a text that is not an alias is a value, not an exception.
     *
     * @param region the ISO 3166 region to read local phone numbers in (e.g. "IR"), may be null
     *     when numbers come with their country code
     */
    public static Parsed tryParse(AliasType type, Network network, String raw, String region) {
        Objects.requireNonNull(type, "type");
        if (raw == null || raw.isBlank()) {
            return new Invalid("the " + type.wireName() + " is empty");
        }
        String stripped = raw.strip();
        if (stripped.length() > 320 || stripped.chars().anyMatch(Character::isISOControl)) {
            return new Invalid("the " + type.wireName() + " has control characters or is too long");
        }
        String text = Digits.toAscii(stripped);
        return switch (type) {
            case PHONE -> tryPhone(text, region);
            case EMAIL -> email(text);
            case TAG -> tag(text);
            case HANDLE -> invisible(text) ? new Invalid("the handle has invisible characters") : handle(network, text);
        };
    }

    /**
     * Parses a text the caller vouches is an alias (a seed, a number the network reported).
     *
     * @throws IllegalArgumentException when it is not one: the caller's bug; for what a person
     *     typed, use {@link #tryParse}
     */
    public static Alias parse(AliasType type, Network network, String raw, String region) {
        return valid(tryParse(type, network, raw, region));
    }

    /** A phone number the caller vouches for; see {@link #parse}. */
    public static Alias phone(String raw, String region) {
        return valid(tryPhone(raw, region));
    }

    private static Alias valid(Parsed parsed) {
        return parsed.orElseThrow(IllegalArgumentException::new);
    }

    private static Parsed tryPhone(String raw, String region) {
        try {
            Phonenumber.PhoneNumber number =
                    PHONES.parse(Digits.toAscii(raw), region == null ? "ZZ" : region.toUpperCase(Locale.ROOT));
            if (!PHONES.isValidNumber(number)) {
                return new Invalid("not a valid phone number: " + raw);
            }
            return new Valid(
                    new Alias(AliasType.PHONE, null, PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)));
        } catch (NumberParseException e) { // libphonenumber's own way of saying "not a number"
            return new Invalid("not a phone number: " + raw);
        }
    }

    /**
     * Review 2026-12-07 (alias follow-up): zero-width and bidi controls (U+200B..U+200F,
     * U+202A..U+202E, U+2066..U+2069, U+FEFF: Unicode's format characters) make two addresses
     * look alike that are not; refused in e-mails and handles rather than silently dropped (UTS
     * #46 itself drops a U+200B). A phone number may carry them (copied from a right-to-left
     * page): libphonenumber reads past them.
     */
    static boolean invisible(String text) {
        return text.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT);
    }

    /** ZWNJ and ZWJ, which a domain label may need (Persian, Indic): CONTEXTJ decides where. */
    private static boolean joiner(int c) {
        return c == 0x200C || c == 0x200D;
    }

    private static Parsed email(String raw) {
        int at = raw.lastIndexOf('@');
        if (at <= 0) {
            return new Invalid("not an e-mail address: " + raw);
        }
        String typedDomain = raw.substring(at + 1);
        if (invisible(raw.substring(0, at))
                || typedDomain.codePoints().anyMatch(c -> !joiner(c) && Character.getType(c) == Character.FORMAT)) {
            return new Invalid("the e-mail address has invisible characters");
        }
        Optional<String> domain = asciiDomain(typedDomain);
        // NFC: "é" typed as one character or as e + U+0301 is one address
        String local = Normalizer.normalize(raw.substring(0, at), Normalizer.Form.NFC);
        String address = local.toLowerCase(Locale.ROOT) + "@" + domain.orElse("");
        if (domain.isEmpty() || !EMAIL.matcher(address).matches() || address.length() > 254) {
            return new Invalid("not an e-mail address: " + raw);
        }
        return new Valid(new Alias(AliasType.EMAIL, null, address));
    }

    /**
     * UTS #46 non-transitional, as browsers and mail servers read domains today (IDNA2008): "ß",
     * "ς" and the joiners are kept, not mapped away as IDNA2003 did (java.net.IDN made
     * {@code straße.de} into {@code strasse.de}, another domain: a claim code would have gone to
     * it). A joiner is kept only where its script needs it (CONTEXTJ), so a Persian label keeps
     * its ZWNJ and a Latin one with a ZWNJ is refused.
     */
    private static final IDNA DOMAINS = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE
            | IDNA.CHECK_BIDI
            | IDNA.CHECK_CONTEXTJ
            | IDNA.CHECK_CONTEXTO
            | IDNA.USE_STD3_RULES);

    /** The domain in ASCII (punycode), lower case; empty when UTS #46 refuses it. */
    static Optional<String> asciiDomain(String domain) {
        StringBuilder ascii = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        DOMAINS.nameToASCII(domain, ascii, info);
        return info.hasErrors() || ascii.isEmpty()
                ? Optional.empty()
                : Optional.of(ascii.toString().toLowerCase(Locale.ROOT));
    }

    private static Parsed tag(String raw) {
        String tag = (raw.startsWith("$") ? raw.substring(1) : raw).toLowerCase(Locale.ROOT);
        if (!TAG.matcher(tag).matches()) {
            return new Invalid("a $tag is 3 to 20 letters, digits or _ and starts with a letter: " + raw);
        }
        return new Valid(new Alias(AliasType.TAG, null, tag));
    }

    private static Parsed handle(Network network, String raw) {
        if (network == null) {
            return new Invalid("a handle needs its network");
        }
        String handle = raw.startsWith("@") ? raw.substring(1) : raw;
        if (network == Network.WHATSAPP) {
            handle = handle.replaceAll("[^0-9]", ""); // a wa_id is the phone number's digits
        } else if (network != Network.WECHAT) {
            handle = handle.toLowerCase(Locale.ROOT); // WeChat openids are case-sensitive
        }
        if (!(network == Network.WECHAT
                ? handle.matches("[A-Za-z0-9_-]{1,64}")
                : HANDLE.matcher(handle).matches())) {
            return new Invalid("not a " + network.wireName() + " handle: " + raw);
        }
        return new Valid(new Alias(AliasType.HANDLE, network, handle));
    }

    /** How the alias is shown to the person who typed it. */
    public String display() {
        return switch (type) {
            case PHONE, EMAIL -> value;
            case TAG -> "$" + value;
            case HANDLE -> network == Network.WECHAT || network == Network.WHATSAPP ? value : "@" + value;
        };
    }
}
