package org.socialbank.directory;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.socialbank.shared.Network;
import org.socialbank.shared.Digits;

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

    /**
     * Parses what a person typed.
     *
     * @param region the ISO 3166 region to read local phone numbers in (e.g. "IR"), may be null
     *     when numbers come with their country code
     * @throws IllegalArgumentException with a message fit for the caller when it is not an alias
     */
    public static Alias parse(AliasType type, Network network, String raw, String region) {
        Objects.requireNonNull(type, "type");
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("the " + type.wireName() + " is empty");
        }
        String stripped = raw.strip();
        if (stripped.length() > 320 || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the " + type.wireName() + " has control characters or is too long");
        }
        String text = Digits.toAscii(stripped);
        return switch (type) {
            case PHONE -> phone(text, region);
            case EMAIL -> email(text);
            case TAG -> tag(text);
            case HANDLE -> handle(network, text);
        };
    }

    public static Alias phone(String raw, String region) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(Digits.toAscii(raw),
                    region == null ? "ZZ" : region.toUpperCase(Locale.ROOT));
            if (!PHONES.isValidNumber(number)) {
                throw new IllegalArgumentException("not a valid phone number: " + raw);
            }
            return new Alias(AliasType.PHONE, null, PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("not a phone number: " + raw);
        }
    }

    private static Alias email(String raw) {
        int at = raw.lastIndexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("not an e-mail address: " + raw);
        }
        String domain;
        try {
            domain = IDN.toASCII(raw.substring(at + 1), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an e-mail address: " + raw);
        }
        String address = raw.substring(0, at).toLowerCase(Locale.ROOT) + "@" + domain;
        if (!EMAIL.matcher(address).matches() || address.length() > 254) {
            throw new IllegalArgumentException("not an e-mail address: " + raw);
        }
        return new Alias(AliasType.EMAIL, null, address);
    }

    private static Alias tag(String raw) {
        String tag = (raw.startsWith("$") ? raw.substring(1) : raw).toLowerCase(Locale.ROOT);
        if (!TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException(
                    "a $tag is 3 to 20 letters, digits or _ and starts with a letter: " + raw);
        }
        return new Alias(AliasType.TAG, null, tag);
    }

    private static Alias handle(Network network, String raw) {
        if (network == null) {
            throw new IllegalArgumentException("a handle needs its network");
        }
        String handle = raw.startsWith("@") ? raw.substring(1) : raw;
        if (network == Network.WHATSAPP) {
            handle = handle.replaceAll("[^0-9]", ""); // a wa_id is the phone number's digits
        } else if (network != Network.WECHAT) {
            handle = handle.toLowerCase(Locale.ROOT); // WeChat openids are case-sensitive
        }
        if (!(network == Network.WECHAT ? handle.matches("[A-Za-z0-9_-]{1,64}") : HANDLE.matcher(handle).matches())) {
            throw new IllegalArgumentException("not a " + network.wireName() + " handle: " + raw);
        }
        return new Alias(AliasType.HANDLE, network, handle);
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
