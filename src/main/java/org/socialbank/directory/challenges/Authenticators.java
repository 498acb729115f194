package org.socialbank.directory.challenges;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.security.otp.OtpAuthUri;
import org.socialbank.security.otp.QrCodes;
import org.socialbank.security.otp.Totp;
import org.socialbank.security.otp.TotpSecret;
import org.springframework.stereotype.Component;

/**
 * Authenticator apps (RFC 6238 TOTP) as an alternative to SMS codes. Secrets are stored sealed
 * with AES-GCM under a key derived from the server's pepper; an enrolment becomes active only
 * after a first right code; a code's time step is accepted once.
 */
@Component
public class Authenticators {

    static final String ISSUER = "socialbank";
    private static final int WINDOW_STEPS = 1;
    private static final long PENDING = -1;

    private final JdbcLinking store;
    private final SecretKeySpec sealKey;
    private final Totp totp = Totp.defaults();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    Authenticators(JdbcLinking store, OneTimeCodes codes, Clock clock) {
        this.store = store;
        this.sealKey = new SecretKeySpec(codes.deriveKey("totp secrets"), "AES");
        this.clock = clock;
    }

    /** What the enrolment page shows: a QR code of the otpauth URI, and the secret to type by hand. */
    public record Enrolment(String qrSvg, String secretBase32) {}

    public boolean active(CustomerId customer) {
        return store.enrolment(customer).filter(e -> e.lastStep() != PENDING).isPresent();
    }

    /** Starts (or restarts) an enrolment; the previous pending one, if any, is replaced. */
    public Enrolment begin(CustomerId customer, String accountName) {
        TotpSecret secret = TotpSecret.random(random);
        store.saveEnrolment(customer, seal(secret.bytes()), clock.instant());
        String uri = OtpAuthUri.of(ISSUER, accountName, secret).value();
        return new Enrolment(QrCodes.svg(uri, ISSUER), secret.base32());
    }

    /** Activates a pending enrolment with a first right code. */
    public boolean confirm(CustomerId customer, String code) {
        Optional<JdbcLinking.Enrolment> enrolment = store.enrolment(customer).filter(e -> e.lastStep() == PENDING);
        return enrolment.isPresent() && accept(customer, enrolment.get(), code);
    }

    /** Checks a code of an active enrolment; a time step already used is refused. */
    public boolean verify(CustomerId customer, String code) {
        Optional<JdbcLinking.Enrolment> enrolment = store.enrolment(customer).filter(e -> e.lastStep() != PENDING);
        return enrolment.isPresent() && accept(customer, enrolment.get(), code);
    }

    private boolean accept(CustomerId customer, JdbcLinking.Enrolment enrolment, String code) {
        OptionalLong step = totp.verify(open(enrolment.sealedSecret()), code, clock.instant(), WINDOW_STEPS);
        return step.isPresent() && step.getAsLong() > enrolment.lastStep() && store.useStep(customer, step.getAsLong());
    }

    private String seal(byte[] secret) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret);
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    private byte[] open(String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(128, bytes, 0, 12));
            return cipher.doFinal(bytes, 12, bytes.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an authenticator secret cannot be opened: was the pepper changed?", e);
        }
    }
}
