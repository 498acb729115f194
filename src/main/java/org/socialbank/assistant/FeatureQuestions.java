package org.socialbank.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Questions about features BANKING77 has no intent for (issue 18 R.2): topping up a phone
 * (BANKING77's top-ups fill the bank account itself), paying a utility bill and, since session 26,
 * sending money to someone (BANKING77 has the transfer's problems, not the wish to make one). They
 * are intents of our own: the fr, ru, fa and zh phrase sets teach them to those languages' models;
 * English keeps BANKING77's 77 intents, so the classify API answers a BANKING77 name for every
 * English banking question, and the chat reads the first two from English by the narrow rule
 * below, which no question of BANKING77's training split matches ({@code FeatureQuestionsUnitTests}).
 * English needs no rule for sending: its command parser reads "send", "pay" and "transfer" itself.
 */
public final class FeatureQuestions {

    /** Topping up a phone's credit: the chat's top-up. */
    public static final String MOBILE_TOP_UP = "mobile_top_up";

    /** Paying a utility bill (electricity, water, gas, phone, internet): the chat's bill payment. */
    public static final String BILL_PAYMENT = "bill_payment";

    /**
     * Sending money to another person ("I want to send money to my friend"): the chat's payment.
     * Without it the phrase languages' models read such a wish as receiving_money, the intent whose
     * phrases share its words ("how can my friend send me money?"), and sure of it.
     */
    public static final String SENDING_MONEY = "sending_money";

    /** Our own intents, beside BANKING77's 77. */
    public static final List<String> INTENTS = List.of(MOBILE_TOP_UP, BILL_PAYMENT, SENDING_MONEY);

    private static final String PHONE = "(?:phone|mobile|cell(?: ?phone)?|sim(?: card)?|prepaid)";
    private static final String UTILITY =
            "(?:electricity|electric|power|water|gas|utility|utilities|internet|broadband|phone|mobile|council tax)";

    /** Checked in this order; each names its feature's object, never a card or the account alone. */
    private static final Map<String, Pattern> ENGLISH = Map.of(
            MOBILE_TOP_UP,
            Pattern.compile("\\b(?:airtime"
                    + "|(?:top[- ]?up|topup|recharge|refill|reload|add credit to|put credit on) (?:my |a |the |her |his )?"
                    + PHONE + "(?: credit| number| plan)?"
                    + "|" + PHONE + " (?:credit|top[- ]?up|topup|recharge)"
                    + "|credit (?:on|for|to) (?:my |a |the )?" + PHONE + ")\\b"),
            BILL_PAYMENT,
            Pattern.compile("\\b(?:" + UTILITY + " bills?"
                    + "|pay (?:my |the |a |our )?(?:" + UTILITY + ")(?: company| provider)?"
                    + "|bill payments?|pay (?:my |the |a |our )?bills?)\\b"));

    private FeatureQuestions() {}

    /** The own intent an English text asks about, if it names a phone top-up or a bill. */
    public static Optional<String> english(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (String intent : List.of(MOBILE_TOP_UP, BILL_PAYMENT)) {
            if (ENGLISH.get(intent).matcher(lower).find()) {
                return Optional.of(intent);
            }
        }
        return Optional.empty();
    }
}
