package org.socialbank.alerts.web;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.socialbank.alerts.AlertDelivery;
import org.socialbank.alerts.AlertKind;
import org.socialbank.alerts.AlertSettings;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Digits;
import org.socialbank.shared.Network;

/**
 * The alert settings page's form as posted: a checkbox per kind ({@code "on"} or absent), the
 * minimum in units of her currency (Persian or Arabic digits, a comma as decimal point), the chat
 * network's wire name (empty: the latest linked chat), the delivery, and quiet hours as "HH:mm"
 * (both empty: none). Pure.
 */
record AlertSettingsForm(
        String incoming,
        String outgoing,
        String fee,
        String minAmount,
        String channel,
        String delivery,
        String quietFrom,
        String quietTo) {

    /** The longest text a field is read with. */
    static final int FIELD_LENGTH_MAX = 32;

    /** What the form asks for, or the stable code of what is wrong with it. */
    sealed interface Read {}

    record Valid(AlertSettings settings) implements Read {}

    /** @param code {@code min_invalid}, {@code channel_unknown}, {@code delivery_unknown} or {@code quiet_hours_invalid} */
    record Invalid(String code) implements Read {}

    /** The form showing {@code s}, the minimum in units of {@code currency}. */
    static AlertSettingsForm of(AlertSettings s, CurrencyCode currency, Locale locale) {
        return new AlertSettingsForm(
                on(s, AlertKind.INCOMING),
                on(s, AlertKind.OUTGOING),
                on(s, AlertKind.FEE),
                BigDecimal.valueOf(s.minAmountMinor(), currency.exponent())
                        .stripTrailingZeros()
                        .toPlainString(),
                s.preferredChannel() == null ? "" : s.preferredChannel().wireName(),
                s.delivery().wireName(),
                s.quietFrom() == null ? "" : hhmm(s.quietFrom()),
                s.quietTo() == null ? "" : hhmm(s.quietTo()));
    }

    /** The settings the form asks for over {@code current}, the network among {@code linked} (wire names). */
    Read over(AlertSettings current, CurrencyCode currency, List<String> linked) {
        Long min = minor(minAmount, currency);
        if (min == null) {
            return new Invalid("min_invalid");
        }
        String network = blank(channel) ? "" : channel.strip();
        if (!network.isEmpty()
                && (!linked.contains(network) || Network.fromWireName(network).isEmpty())) {
            return new Invalid("channel_unknown");
        }
        var how = AlertDelivery.fromWireName(blank(delivery) ? "" : delivery.strip());
        if (how.isEmpty()) {
            return new Invalid("delivery_unknown");
        }
        LocalTime from = time(quietFrom);
        LocalTime to = time(quietTo);
        boolean none = blank(quietFrom) && blank(quietTo);
        if (!none && (from == null || to == null || from.equals(to))) {
            return new Invalid("quiet_hours_invalid");
        }
        EnumSet<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
        addIf(kinds, AlertKind.INCOMING, incoming);
        addIf(kinds, AlertKind.OUTGOING, outgoing);
        addIf(kinds, AlertKind.FEE, fee);
        return new Valid(new AlertSettings(
                current.customerId(),
                kinds,
                min,
                none ? null : from,
                none ? null : to,
                current.zone(),
                network.isEmpty() ? null : Network.fromWireName(network).orElseThrow(),
                how.get(),
                current.chatOrder()));
    }

    private static void addIf(EnumSet<AlertKind> kinds, AlertKind kind, String box) {
        if (box != null && !box.isBlank()) {
            kinds.add(kind);
        }
    }

    /** "100", "12,50", "۱۲۰" in units of the currency as minor units; null when it is no such amount. */
    static Long minor(String text, CurrencyCode currency) {
        if (blank(text)) {
            return 0L;
        }
        if (text.length() > FIELD_LENGTH_MAX) {
            return null;
        }
        String plain = Digits.toAscii(text.strip())
                .replace('\u066B', '.')
                .replace(',', '.')
                .replace(" ", "")
                .replace("\u00A0", "");
        if (!plain.matches("\\d{1,12}(\\.\\d{1,4})?")) {
            return null;
        }
        try {
            return new BigDecimal(plain).movePointRight(currency.exponent()).longValueExact();
        } catch (ArithmeticException more) {
            return null; // more decimals than the currency has
        }
    }

    private static LocalTime time(String hhmm) {
        if (blank(hhmm) || hhmm.length() > FIELD_LENGTH_MAX) {
            return null;
        }
        String t = Digits.toAscii(hhmm.strip());
        return t.matches("([01]\\d|2[0-3]):[0-5]\\d(:00)?") ? LocalTime.parse(t.substring(0, 5)) : null;
    }

    private static String on(AlertSettings s, AlertKind kind) {
        return s.kinds().contains(kind) ? "on" : null;
    }

    private static String hhmm(LocalTime t) {
        return t.toString().substring(0, 5);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
