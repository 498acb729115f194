package org.socialbank.billing.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.socialbank.billing.BillInquiry;
import org.socialbank.billing.BillPayment;
import org.socialbank.billing.IranianBill;

/** The JSON the bills API answers with. Amounts are rials (IRR has no minor unit); tomans are shown too. */
final class BillJson {

    private BillJson() {}

    record Inquiry(
            String billId,
            String paymentId,
            String barcode,
            String serviceType,
            String companyCode,
            long amountMinor,
            String currency,
            long amountToman,
            int yearDigit,
            String periodCode,
            LocalDate dueDate,
            String holderMasked,
            String billerName,
            boolean paid) {

        static Inquiry of(BillInquiry inquiry) {
            IranianBill bill = inquiry.bill();
            // the biller's amount wins when it answered (services.md 1.7); else the payment id's
            long amount = inquiry.due().map(d -> d.amountRial()).orElse(bill.amountRial());
            return new Inquiry(
                    bill.billId(),
                    bill.paymentId(),
                    bill.barcode(),
                    inquiry.serviceType(),
                    bill.companyCode(),
                    amount,
                    "IRR",
                    amount / IranianBill.RIALS_PER_TOMAN,
                    bill.yearDigit(),
                    bill.periodCode(),
                    inquiry.due().map(d -> d.dueDate()).orElse(null),
                    inquiry.due().map(d -> d.holderMasked()).orElse(null),
                    inquiry.due().map(d -> d.billerName()).orElse(null),
                    inquiry.paid());
        }
    }

    record Payment(
            UUID id,
            UUID customerId,
            String billId,
            String paymentId,
            String serviceType,
            long amountMinor,
            String currency,
            long amountToman,
            String status,
            String code,
            String traceNumber,
            String confirmationUrl,
            Instant createdAt,
            Instant updatedAt) {

        static Payment of(BillPayment p) {
            return new Payment(
                    p.id().value(),
                    p.customerId().value(),
                    p.bill().billId(),
                    p.bill().paymentId(),
                    p.serviceType(),
                    p.amountMinor(),
                    p.currency(),
                    p.amountMinor() / IranianBill.RIALS_PER_TOMAN,
                    p.status().wireName(),
                    p.code(),
                    p.traceNumber(),
                    p.confirmationUrl(),
                    p.createdAt(),
                    p.updatedAt());
        }
    }
}
