package org.socialbank.billing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Digits;

/**
 * Billers of other countries than Iran (issue 15 s1): each with its name in the five languages,
 * country, currency, category and the format of its account numbers (a regex and an optional
 * check-digit rule), read from a properties file shipped in the jar ({@link #SHIPPED}). Pure and
 * immutable once read; a bad entry is refused with its key, so a bad file stops the start.
 */
public final class BillerRegistry {

    public static final String SHIPPED = "billing/billers.properties";
    public static final Set<String> CATEGORIES =
            Set.of("water", "electricity", "gas", "phone", "internet", "tax", "education", "municipality");
    public static final Set<String> LANGUAGES = Set.of("en", "fr", "ru", "fa", "zh");
    public static final int BILLERS_MAX = 500;
    static final Set<String> FIELDS = Set.of("country", "currency", "category", "account", "check");

    /** How an account number's last digit checks the others. */
    public enum Check {
        NONE,
        LUHN,
        MOD11;

        boolean valid(String account) {
            return switch (this) {
                case NONE -> true;
                case LUHN -> account.chars().allMatch(Character::isDigit) && CardNumber.luhn(account);
                case MOD11 ->
                    account.chars().allMatch(Character::isDigit)
                            && account.length() > 1
                            && IranianBill.checkDigit(account.substring(0, account.length() - 1))
                                    == account.charAt(account.length() - 1) - '0';
            };
        }
    }

    /** One biller; {@code names} by language tag. */
    public record ForeignBiller(
            String id,
            String country,
            CurrencyCode currency,
            String category,
            Map<String, String> names,
            Pattern account,
            Check check) {

        /** The biller's name in the language ({@code en}, {@code zh}...), English when it has none. */
        public String name(Locale locale) {
            return names.getOrDefault(locale.getLanguage(), names.get("en"));
        }

        /** The account number as typed (any digits, spaces, dashes), when it has this biller's format and check digit. */
        public Optional<String> account(String typed) {
            Optional<String> digits = Digits.only(typed);
            return digits.filter(d -> account.matcher(d).matches()).filter(check::valid);
        }
    }

    private final Map<String, ForeignBiller> billers;

    private BillerRegistry(Map<String, ForeignBiller> billers) {
        this.billers = Map.copyOf(billers);
    }

    /** The billers shipped in the jar. */
    public static BillerRegistry shipped() {
        try (InputStream in = BillerRegistry.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is missing from the jar");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code <id>.<field>} entries; throws IllegalArgumentException naming the first bad key. */
    public static BillerRegistry read(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<String, Map<String, String>> fields = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            int dot = key.indexOf('.');
            require(dot > 0, key, "is not <biller id>.<field>");
            fields.computeIfAbsent(key.substring(0, dot), id -> new TreeMap<>())
                    .put(key.substring(dot + 1), properties.getProperty(key).strip());
        }
        require(fields.size() <= BILLERS_MAX, "billers", "are more than " + BILLERS_MAX);
        Map<String, ForeignBiller> billers = new TreeMap<>();
        fields.forEach((id, values) -> billers.put(id, biller(id, values)));
        return new BillerRegistry(billers);
    }

    private static ForeignBiller biller(String id, Map<String, String> values) {
        require(id.matches("[a-z][a-z0-9_]{0,47}"), id, "is not 1 to 48 characters of a-z 0-9 _");
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(FIELDS);
        unknown.removeIf(f -> f.startsWith("name.") && LANGUAGES.contains(f.substring("name.".length())));
        require(unknown.isEmpty(), id + "." + unknown.stream().findFirst().orElse(""), "is not a biller's field");
        for (String field : FIELDS) {
            require(values.containsKey(field) && !values.get(field).isEmpty(), id + "." + field, "is missing");
        }
        String country = values.get("country");
        require(
                country.matches("[A-Z]{2}") && !country.equals("IR"),
                id + ".country",
                "must be an ISO 3166 country other than IR (Iranian bills are read from their ids)");
        Optional<CurrencyCode> currency = CurrencyCode.find(values.get("currency"));
        require(currency.isPresent(), id + ".currency", "is not a supported currency");
        require(
                CATEGORIES.contains(values.get("category")),
                id + ".category",
                "must be one of " + new TreeSet<>(CATEGORIES));
        Map<String, String> names = new TreeMap<>();
        for (String language : LANGUAGES) {
            String name = values.get("name." + language);
            require(
                    name != null && !name.isBlank() && name.length() <= 80,
                    id + ".name." + language,
                    "is missing or longer than 80 characters");
            names.put(language, name);
        }
        Pattern account;
        try {
            account = Pattern.compile(values.get("account"));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("billers: " + id + ".account is not a regex: " + e.getDescription(), e);
        }
        Check check;
        try {
            check = Check.valueOf(values.get("check").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("billers: " + id + ".check must be none, luhn or mod11", e);
        }
        return new ForeignBiller(
                id, country, currency.get(), values.get("category"), Map.copyOf(names), account, check);
    }

    public Optional<ForeignBiller> find(String id) {
        return Optional.ofNullable(billers.get(id));
    }

    /** Every biller, by id. */
    public List<ForeignBiller> all() {
        List<ForeignBiller> all = new ArrayList<>(billers.values());
        all.sort(Comparator.comparing(ForeignBiller::id));
        return List.copyOf(all);
    }

    /** The billers of a country in a category ("交电费" in China: State Grid), by id. */
    public List<ForeignBiller> of(String country, String category) {
        return all().stream()
                .filter(b -> b.country().equals(country) && b.category().equals(category))
                .toList();
    }

    /** The billers of a country that take this account number (format and check digit). */
    public List<ForeignBiller> taking(String country, String category, String typedAccount) {
        return of(country, category).stream()
                .filter(b -> b.account(typedAccount).isPresent())
                .toList();
    }

    private static void require(boolean valid, String key, String problem) {
        if (!valid) {
            throw new IllegalArgumentException("billers: " + key + " " + problem);
        }
    }
}
