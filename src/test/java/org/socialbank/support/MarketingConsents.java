package org.socialbank.support;

import java.util.UUID;
import org.socialbank.consent.ConsentChange;
import org.socialbank.consent.ConsentSource;
import org.socialbank.consent.ConsentStatus;
import org.socialbank.consent.Consents;
import org.socialbank.consent.Purpose;
import org.socialbank.shared.Network;

/** Marketing consent given elsewhere (the bank's app) for a chat account, as campaign tests need it. */
public final class MarketingConsents {

    private MarketingConsents() {}

    public static void give(Consents consents, Network channel, String externalUserId) {
        consents.record(new ConsentChange(
                channel,
                externalUserId,
                Purpose.MARKETING,
                ConsentStatus.GIVEN,
                "Offers from the bank on " + channel.wireName(),
                "evidence-" + UUID.randomUUID(),
                ConsentSource.API));
    }
}
