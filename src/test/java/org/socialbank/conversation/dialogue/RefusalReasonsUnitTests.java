package org.socialbank.conversation.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socialbank.conversation.dialogue.RefusalReasons.Reason;
import org.socialbank.ledger.RejectionCode;
import org.socialbank.payments.PaymentRejection;
import org.socialbank.payments.PaymentStatus;
import org.socialbank.payments.requests.RequestRejection;
import org.socialbank.shared.Language;

/**
 * Review 2026-12-07 words follow-up: a refusal tells the customer why in her words, in each of the
 * five languages, never as the code (unknown_operator, request_expired, payment_expired...).
 */
class RefusalReasonsUnitTests {

    private static final Map<Language, Properties> BUNDLES = bundles();

    /** The bundles as the application reads them: {@link MessageFormat} over each language's file. */
    private static final Texts TEXTS = (language, key, args) -> {
        String pattern = BUNDLES.get(language).getProperty(key);
        assertThat(pattern).as("%s in %s", key, language).isNotBlank();
        return new MessageFormat(pattern, language.locale()).format(args);
    };

    private static Map<Language, Properties> bundles() {
        Map<Language, Properties> bundles = new EnumMap<>(Language.class);
        Map<Language, String> suffixes =
                Map.of(Language.EN, "", Language.FR, "_fr", Language.RU, "_ru", Language.FA, "_fa", Language.ZH, "_zh");
        suffixes.forEach((language, suffix) -> {
            Properties bundle = new Properties();
            try (Reader reader = Files.newBufferedReader(
                    Path.of("src", "main", "resources", "messages" + suffix + ".properties"), StandardCharsets.UTF_8)) {
                bundle.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundles.put(language, bundle);
        });
        return bundles;
    }

    /** Every code a refusal in the chat may carry, with the reason the mapper gives it. */
    private static Map<String, Reason> everyCode() {
        Map<String, Reason> codes = new java.util.LinkedHashMap<>();
        for (PaymentRejection rejection : PaymentRejection.values()) {
            codes.put(rejection.code(), RefusalReasons.of(rejection));
        }
        for (RequestRejection rejection : RequestRejection.values()) {
            codes.put("request:" + rejection.code(), RefusalReasons.of(rejection));
        }
        for (PaymentStatus status : PaymentStatus.values()) {
            codes.put("payment_" + status.wireName(), RefusalReasons.of(status));
        }
        for (RejectionCode code : RejectionCode.values()) {
            codes.put(code.code(), RefusalReasons.of(code.code()));
        }
        for (String code : RefusalReasons.knownCodes()) {
            codes.put(code, RefusalReasons.of(code));
        }
        return codes;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Language.class)
    @DisplayName("every code the mapper knows is said as a sentence without the code, in each language"
            + " (review 2026-12-07 words follow-up)")
    void everyCodeIsSaidWithoutTheCode(Language language) {
        List<String> failures = new ArrayList<>();
        everyCode().forEach((code, reason) -> {
            String sentence = reason.sentence(TEXTS, language);
            String bare = code.startsWith("request:") ? code.substring("request:".length()) : code;
            // a one-word code ("cancelled", "expired") is also an English word: a code is its form in brackets
            if (sentence.contains("_") || sentence.contains("{") || sentence.contains("(" + bare + ")")) {
                failures.add(code + " -> " + sentence);
            }
        });
        for (RequestRejection rejection : RequestRejection.values()) {
            String sentence = TEXTS.text(language, Refusals.key(rejection));
            if (sentence.contains("_") || sentence.contains("{") || sentence.contains("(" + rejection.code() + ")")) {
                failures.add("asking " + rejection.code() + " -> " + sentence);
            }
        }
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Language.class)
    @DisplayName("each key a refusal is said with is in each of the five bundles (review 2026-12-07 words follow-up)")
    void everyKeyIsInEachBundle(Language language) {
        for (String key : Refusals.messageKeys()) {
            assertThat(BUNDLES.get(language).getProperty(key))
                    .as("%s in %s", key, language)
                    .isNotBlank();
        }
    }

    @Test
    @DisplayName("an unknown code is a generic refusal without the code; a ledger code the bank's, not unknown"
            + " (review 2026-12-07 words follow-up)")
    void anUnknownCodeIsGenericAndALedgerCodeIsTheBanks() {
        for (String code : new String[] {null, "", "failed", "rejected", "http_409", "Account 4992 is closed"}) {
            assertThat(RefusalReasons.of(code)).as("%s", code).isEqualTo(Reason.UNKNOWN);
            assertThat(RefusalReasons.of(code).sentence(TEXTS, Language.EN))
                    .isEqualTo("We could not make this payment. Nothing was paid.");
        }
        for (RejectionCode code : RejectionCode.values()) {
            assertThat(RefusalReasons.of(code.code())).as(code.code()).isNotEqualTo(Reason.UNKNOWN);
        }
        assertThat(RefusalReasons.of("unknown_operator").sentence(TEXTS, Language.EN))
                .isEqualTo("This was not paid: we do not know which operator this number belongs to.");
        assertThat(RefusalReasons.of(RequestRejection.REQUEST_EXPIRED).sentence(TEXTS, Language.EN))
                .isEqualTo("This was not paid: this request has expired.");
        assertThat(RefusalReasons.of(PaymentStatus.NOT_CONFIRMED).sentence(TEXTS, Language.EN))
                .isEqualTo("This was not paid: it was not confirmed.");
    }
}
