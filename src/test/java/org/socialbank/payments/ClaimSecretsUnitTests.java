package org.socialbank.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.shared.Network;

/** The claim's secrets: stable for the payer, unguessable without the pepper, stored only hashed. */
class ClaimSecretsUnitTests {

    static final byte[] PEPPER = "a test pepper of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);

    final ClaimSecrets secrets = new ClaimSecrets(new OneTimeCodes(PEPPER, new SecureRandom()));
    final ClaimSecrets otherBank = new ClaimSecrets(new OneTimeCodes(
            "another pepper of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8), new SecureRandom()));

    @Test
    void theLinkAndTheNetworkCodeAreTheSameOnEveryReplayAndDifferUnderAnotherPepper() {
        PaymentId id = new PaymentId(UUID.fromString("7d4f9a52-1b7e-4c1e-9b0e-3f6a2d9c8e11"));
        assertThat(secrets.token(id)).isEqualTo(secrets.token(id)).hasSize(43).isNotEqualTo(otherBank.token(id));
        assertThat(secrets.networkCode(id))
                .isEqualTo(secrets.networkCode(id))
                .matches("CLAIM-[2-9A-HJKMNP-TV-Z]{6}")
                .isNotEqualTo(otherBank.networkCode(id));
        assertThat(secrets.tokenHash(secrets.token(id))).hasSize(64).doesNotContain(secrets.token(id));
        assertThat(secrets.token(new PaymentId(UUID.randomUUID()))).isNotEqualTo(secrets.token(id));
    }

    @Test
    void aNetworkCodeIsRecognisedAndHashedWhateverItsCaseAndSpacing() {
        String code = secrets.networkCode(new PaymentId(UUID.randomUUID()));
        assertThat(Payments.looksLikeClaimCode(code)).isTrue();
        assertThat(Payments.looksLikeClaimCode("  " + code.toLowerCase() + "\n"))
                .isTrue();
        assertThat(secrets.networkCodeHash(" " + code.toLowerCase())).isEqualTo(secrets.networkCodeHash(code));
        for (String not : new String[] {
            null,
            "",
            "CLAIM-",
            "CLAIM-12345",
            "CLAIM-OOOOOO",
            "claim 7K3Q9X",
            "pay @bob 10",
            "CLAIM-7K3Q9XY",
            "x".repeat(100)
        }) {
            assertThat(Payments.looksLikeClaimCode(not)).as(String.valueOf(not)).isFalse();
        }
    }

    @Test
    void aSentCodeProvesOnlyTheClaimAndTheAliasItWasSentFor() {
        PaymentId id = new PaymentId(UUID.randomUUID());
        String code = secrets.newSentCode();
        String hash = secrets.sentCodeHash(code, id, "+33612345678");
        assertThat(secrets.sentCodeMatches(code, id, "+33612345678", hash)).isTrue();
        assertThat(secrets.sentCodeMatches(code, new PaymentId(UUID.randomUUID()), "+33612345678", hash))
                .isFalse();
        assertThat(secrets.sentCodeMatches(code, id, "+33612345679", hash)).isFalse();
        assertThat(secrets.sentCodeMatches("not a code", id, "+33612345678", hash))
                .isFalse();
    }

    @Test
    void theClaimPageShowsAliasesMasked() {
        assertThat(ClaimPayment.mask(Alias.parse(AliasType.PHONE, null, "+33612345678", null)))
                .isEqualTo("+33•••78");
        assertThat(ClaimPayment.mask(Alias.parse(AliasType.EMAIL, null, "Dana.Doe@Example.org", null)))
                .isEqualTo("d•••@example.org");
        assertThat(ClaimPayment.mask(Alias.parse(AliasType.HANDLE, Network.TELEGRAM, "@Carol", null)))
                .isEqualTo("@carol");
    }
}
