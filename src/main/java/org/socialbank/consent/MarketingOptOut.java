package org.socialbank.consent;

import org.socialbank.shared.Network;

/**
 * What the conversation engine asks of consent: a STOP word or a platform block event withdraws
 * marketing for that chat account on that network, at once, linked or not. Runs in the caller's
 * transaction; the message id is the evidence, so a redelivery records nothing twice.
 */
public interface MarketingOptOut {

    /**
     * @param text what the customer wrote, or the platform event's name
     * @param evidence the inbound message id
     */
    void stopMarketing(Network channel, String externalUserId, String text, String evidence, ConsentSource source);
}
