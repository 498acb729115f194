package org.socialbank.billing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The issuing bank of a card by its BIN (first six digits). The defaults are Iran's banks from
 * persian-tools' table (shared/research/services.md 3.2); configuration adds or replaces BINs,
 * since banks merge.
 */
public final class CardBins {

    private final Map<String, String> banks;

    public CardBins(Map<String, String> configured) {
        Map<String, String> all = new HashMap<>(defaults());
        all.putAll(configured);
        for (String bin : all.keySet()) {
            if (!bin.matches("[0-9]{6}")) {
                throw new IllegalArgumentException("a BIN is six digits: " + bin);
            }
        }
        this.banks = Map.copyOf(all);
    }

    public Optional<String> bank(CardNumber card) {
        return Optional.ofNullable(banks.get(card.bin()));
    }

    static Map<String, String> defaults() {
        Map<String, String> banks = new HashMap<>();
        put(banks, "Bank Melli", "603799", "170019");
        put(banks, "Bank Sepah", "589210");
        put(banks, "Bank Mellat", "610433", "991975");
        put(banks, "Bank Saderat", "603769", "903769");
        put(banks, "Bank Tejarat", "627353", "585983");
        put(banks, "Bank Keshavarzi", "603770", "639217");
        put(banks, "Bank Maskan", "628023");
        put(banks, "Refah Bank", "589463");
        put(banks, "Post Bank", "627760");
        put(banks, "Export Development Bank", "627648", "207177");
        put(banks, "Bank of Industry and Mine", "627961");
        put(banks, "Saman Bank", "621986");
        put(banks, "Pasargad Bank", "502229", "639347");
        put(banks, "Parsian Bank", "622106", "627884", "639194");
        put(banks, "EN Bank", "627412");
        put(banks, "Ayandeh Bank", "636214");
        put(banks, "Shahr Bank", "502806", "504706");
        put(banks, "Dey Bank", "502938");
        put(banks, "Sina Bank", "639346");
        put(banks, "Sarmayeh Bank", "639607");
        put(banks, "Karafarin Bank", "627488", "502910");
        put(banks, "Gardeshgari Bank", "505416", "505426");
        put(banks, "Iran Zamin Bank", "505785");
        put(banks, "Tosee Taavon Bank", "502908");
        put(banks, "Middle East Bank", "585947");
        put(banks, "Resalat Bank", "504172");
        put(banks, "Mehr Iran Bank", "606373");
        put(banks, "Melal Credit Institution", "606256");
        put(banks, "Tosee Credit Institution", "628157");
        put(banks, "Noor Credit Institution", "507677");
        put(banks, "Central Bank of Iran", "636795", "636797");
        return banks;
    }

    private static void put(Map<String, String> banks, String bank, String... bins) {
        for (String bin : bins) {
            banks.put(bin, bank);
        }
    }
}
