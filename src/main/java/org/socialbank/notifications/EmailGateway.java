package org.socialbank.notifications;

/**
 * Sends e-mails. One implementation per provider (SMTP, an HTTP e-mail API); the embedded
 * developer inbox is used only while no other bean of this type exists.
 *
 * <p>As with {@link SmsGateway}, an implementation bounds every call with a timeout and answers
 * rather than throws: {@link DeliveryStatus#FAILED} when the message was refused, {@link
 * DeliveryStatus#UNKNOWN} when it cannot tell, so that nobody gets a code twice by a blind retry.
 */
public interface EmailGateway {

    EmailDelivery send(EmailMessage message);
}
