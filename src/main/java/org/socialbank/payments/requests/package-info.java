/**
 * Money requests and bill splits: a customer asks someone (a customer, or anyone by a pay link and
 * an interbank payment reference) for money, the payer pushes the payment through {@code Payments}
 * (never a debit the payer did not make), and a split is one request per member.
 */
@org.springframework.modulith.NamedInterface("requests")
package org.socialbank.payments.requests;
