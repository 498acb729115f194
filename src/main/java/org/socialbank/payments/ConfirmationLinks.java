package org.socialbank.payments;

import java.util.Optional;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.security.otp.Sealer;
import org.springframework.stereotype.Component;

/**
 * Seals the step-up page's link of a held payment before it is stored (security review #13): the
 * link is a bearer secret, so the table keeps it only encrypted (AES-GCM under a key derived from
 * the one-time-code pepper, bound to the payment's id), and only while the payment waits for its
 * confirmation. A table or a backup read without the pepper yields no working link.
 */
@Component
class ConfirmationLinks {

    private static final String VERSION = "g1.";
    static final int URL_LENGTH_MAX = 600;

    private final Sealer sealer;

    ConfirmationLinks(OneTimeCodes codes) {
        this.sealer = new Sealer(codes, "payments confirmation link");
    }

    /** The link sealed for the payments table; at most 1024 characters. */
    String seal(PaymentId payment, String url) {
        if (url.length() > URL_LENGTH_MAX) {
            throw new IllegalArgumentException("a confirmation link is at most " + URL_LENGTH_MAX + " characters");
        }
        return VERSION + sealer.sealToken(url, owner(payment));
    }

    /** The link again; empty when nothing is stored or the value does not open (another pepper, another row). */
    Optional<String> open(PaymentId payment, String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            return Optional.empty();
        }
        return sealer.openToken(stored.substring(VERSION.length()), owner(payment));
    }

    private static String owner(PaymentId payment) {
        return "payment " + payment;
    }
}
