package org.socialbank.billing;

import java.util.Optional;

/**
 * What the bank knows about a bill before paying it: what the ids say, what the biller says is
 * due (empty when it did not answer), and whether the pair is paid or being paid already.
 */
public record BillInquiry(IranianBill bill, String serviceType, Optional<BillDue> due, boolean paid) {}
