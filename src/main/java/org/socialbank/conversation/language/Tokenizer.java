package org.socialbank.conversation.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.conversation.language.Token.Kind;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.shared.Network;

/**
 * Cuts normalized text into tokens in one pass. Each step looks ahead a bounded distance (an
 * e-mail's local part, a phone's 24 characters), so the work is linear in the text: no regular
 * expression runs over the whole input.
 */
final class Tokenizer {

    static final int LOCAL_PART_MAX = 64;
    static final int DOMAIN_MAX = 253;
    static final int HANDLE_MAX = 64;
    static final int TAG_MAX = 21;
    static final int NETWORK_NAME_MAX = 10;
    private static final String NUMBER_SEPARATORS = ",.'’ \u066B\u066C";

    private final int[] cps;
    private final Context context;
    private final String region;
    private final Names names;
    private final Lexicon lexicon = Lexicon.get();
    private final List<Token> tokens = new ArrayList<>();
    private int i;

    private Tokenizer(String normalized, Context context, String region, Names names) {
        this.cps = normalized.codePoints().toArray();
        this.context = context;
        this.region = region;
        this.names = names;
    }

    /** @param region where local phone numbers are read; null reads only international ones */
    static List<Token> scan(String normalized, Context context, String region, Names names) {
        return new Tokenizer(normalized, context, region, names).run();
    }

    private List<Token> run() {
        while (i < cps.length) {
            int c = cps[i];
            if (c == ' ' || !step(c)) {
                i++;
            }
        }
        return tokens;
    }

    /** Reads one token at {@code i} and moves past it; false for a character that is none. */
    private boolean step(int c) {
        if (c == '@') {
            return handle(null, i);
        }
        if (c == '$') {
            return dollarOrTag();
        }
        if (c == '#' || (c == '/' && (i == 0 || cps[i - 1] == ' '))) {
            return command();
        }
        if ((Text.isAsciiLetter(c) || Text.isAsciiDigit(c)) && (email() || networkHandle())) {
            return true;
        }
        if ((c == '+' || Text.isAsciiDigit(c)) && phone()) {
            return true;
        }
        if (Text.isAsciiDigit(c)) {
            return number();
        }
        if (lexicon.sign(c).isPresent()) {
            return add(Kind.SYMBOL, i + 1);
        }
        if (Text.isHan(c)) {
            return han();
        }
        return Text.isLetter(c) && word();
    }

    private boolean add(Kind kind, int end) {
        String piece = new String(cps, i, end - i);
        tokens.add(new Token(kind, piece, Text.key(piece), null, i, end));
        i = end;
        return true;
    }

    private boolean addPayee(Payee payee, int end) {
        tokens.add(new Token(Kind.PAYEE, new String(cps, i, end - i), payee.value(), payee, i, end));
        i = end;
        return true;
    }

    private boolean word() {
        int j = i;
        while (j < cps.length && Text.isLetter(cps[j]) && !Text.isHan(cps[j])) {
            j++;
        }
        return add(Kind.WORD, j);
    }

    /** Names of recent payees first, then the longest lexicon word, then a numeral, else one character. */
    private boolean han() {
        Optional<Names.Match> name = names.hanAt(cps, i);
        if (name.isPresent()) {
            return addPayee(Payee.name(name.get().display()), i + name.get().length());
        }
        int length = lexicon.hanWordAt(cps, i);
        if (length > 0) {
            return add(Kind.HAN, i + length);
        }
        if (Lexicon.isHanNumeral(cps[i])) {
            return add(Kind.HAN_NUMBER, hanNumberEnd(i));
        }
        return add(Kind.HAN, i + 1);
    }

    /** A Chinese numeral with the digits mixed into it: 两千五, 1.5万, 1万5千, 一点五. */
    private int hanNumberEnd(int from) {
        int j = from;
        while (j < cps.length) {
            int c = cps[j];
            boolean numeral = Text.isAsciiDigit(c) || Lexicon.isHanNumeral(c);
            boolean point = (c == '.' || c == '点')
                    && j > from
                    && j + 1 < cps.length
                    && (Text.isAsciiDigit(cps[j + 1]) || Lexicon.isHanNumeral(cps[j + 1]));
            if (!numeral && !point) {
                break;
            }
            j++;
        }
        return j;
    }

    /**
     * Digits with group and decimal separators; a space separates groups only before exactly
     * three digits ({@code 1 234,56}). Which separator is the decimal one is decided later,
     * knowing the currency ({@link Numbers}).
     */
    private boolean number() {
        int j = digitsEnd(i);
        int afterFraction = j < cps.length - 1 && cps[j] == '.' && Text.isAsciiDigit(cps[j + 1]) ? digitsEnd(j + 1) : j;
        if (afterFraction < cps.length && Lexicon.isHanNumeral(cps[afterFraction])) {
            return add(Kind.HAN_NUMBER, hanNumberEnd(i));
        }
        while (j + 1 < cps.length && NUMBER_SEPARATORS.indexOf(cps[j]) >= 0 && Text.isAsciiDigit(cps[j + 1])) {
            int groupEnd = digitsEnd(j + 1);
            if (cps[j] == ' ' && groupEnd - j - 1 != 3) {
                break;
            }
            j = groupEnd;
        }
        boolean negative = i > 0 && cps[i - 1] == '-' && (i == 1 || cps[i - 2] == ' ');
        String digits = new String(cps, i, j - i);
        tokens.add(new Token(Kind.NUMBER, negative ? "-" + digits : digits, digits, null, i, j));
        i = j;
        return true;
    }

    private int digitsEnd(int from) {
        int j = from;
        while (j < cps.length && Text.isAsciiDigit(cps[j])) {
            j++;
        }
        return j;
    }

    private boolean command() {
        int j = i + 1;
        while (j < cps.length && Text.isLetter(cps[j])) {
            j++;
        }
        if (j == i + 1) {
            return false;
        }
        String piece = new String(cps, i, j - i);
        tokens.add(new Token(Kind.COMMAND, piece, Text.key(piece.substring(1)), null, i, j));
        i = j;
        return true;
    }

    /** {@code $bob} is a tag; {@code $10} and a lone {@code $} are dollars. */
    private boolean dollarOrTag() {
        if (i + 1 < cps.length && Text.isAsciiLetter(cps[i + 1])) {
            int j = i + 1;
            while (j < cps.length && j - i <= TAG_MAX && isHandleChar(cps[j]) && cps[j] != '.') {
                j++;
            }
            Optional<Alias> tag = Alias.tryParse(AliasType.TAG, null, new String(cps, i, j - i), null)
                    .alias();
            if (tag.isPresent()) {
                return addPayee(Payee.of(tag.get()), j);
            } // else a dollar sign before a word
        }
        return add(Kind.SYMBOL, i + 1);
    }

    private boolean email() {
        int at = i;
        while (at < cps.length && at - i < LOCAL_PART_MAX && isLocalPartChar(cps[at])) {
            at++;
        }
        if (at == i || at >= cps.length || cps[at] != '@') {
            return false;
        }
        int end = at + 1;
        while (end < cps.length && end - at <= DOMAIN_MAX && isDomainChar(cps[end])) {
            end++;
        }
        while (end > at + 1 && (cps[end - 1] == '.' || cps[end - 1] == '-')) {
            end--;
        }
        String candidate = new String(cps, i, end - i);
        if (candidate.indexOf('.', at - i) < 0) {
            return false;
        }
        Optional<Alias> email =
                Alias.tryParse(AliasType.EMAIL, null, candidate, null).alias();
        return email.isPresent() && addPayee(Payee.of(email.get()), end);
    }

    /** {@code x:@bob}: a handle that names its network. */
    private boolean networkHandle() {
        int colon = i;
        while (colon < cps.length && colon - i < NETWORK_NAME_MAX && Text.isAsciiLetter(cps[colon])) {
            colon++;
        }
        if (colon == i || colon + 1 >= cps.length || cps[colon] != ':' || cps[colon + 1] != '@') {
            return false;
        }
        Optional<Network> network = Network.fromWireName(new String(cps, i, colon - i).toLowerCase(Locale.ROOT));
        return network.isPresent() && handle(network.get(), colon + 1);
    }

    /**
     * A handle after {@code @}. The bank's own handles are skipped, and so is the bot's name
     * Telegram appends to a command in groups ({@code /pay@socialbank_bot}).
     */
    private boolean handle(Network named, int at) {
        int end = at + 1;
        while (end < cps.length && end - at <= HANDLE_MAX && isHandleChar(cps[end])) {
            end++;
        }
        while (end > at + 1 && cps[end - 1] == '.') {
            end--;
        }
        if (end == at + 1) {
            return false;
        }
        String raw = new String(cps, at + 1, end - at - 1);
        Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        boolean botName = last != null && last.is(Kind.COMMAND) && last.end() == at;
        if (botName || context.bankHandles().contains(raw.toLowerCase(Locale.ROOT))) {
            i = end;
            return true;
        }
        return addPayee(handlePayee(named != null ? named : context.network(), raw), end);
    }

    private static Payee handlePayee(Network network, String raw) {
        Optional<Alias> handle = network == null
                ? Optional.empty()
                : Alias.tryParse(AliasType.HANDLE, network, raw, null).alias();
        // not valid there: reported without a network, the dialogue cannot resolve it on this channel
        return handle.map(Payee::of).orElseGet(() -> new Payee(PayeeType.HANDLE, raw.toLowerCase(Locale.ROOT), null));
    }

    /** A phone number, or digits shaped like one that are not valid in the region. */
    private boolean phone() {
        Optional<Phones.Found> found = Phones.at(cps, i, tokens, region, lexicon);
        if (found.isEmpty()) {
            return false;
        }
        return found.get().payee() == null
                ? add(Kind.PHONE_LIKE, found.get().end())
                : addPayee(found.get().payee(), found.get().end());
    }

    private static boolean isHandleChar(int c) {
        return Text.isAsciiLetter(c) || Text.isAsciiDigit(c) || c == '_' || c == '.';
    }

    private static boolean isLocalPartChar(int c) {
        return Text.isAsciiLetter(c)
                || Text.isAsciiDigit(c)
                || c == '.'
                || c == '_'
                || c == '%'
                || c == '+'
                || c == '-';
    }

    private static boolean isDomainChar(int c) {
        return Text.isAsciiLetter(c) || Text.isAsciiDigit(c) || c == '.' || c == '-';
    }
}
