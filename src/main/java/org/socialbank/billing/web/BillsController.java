package org.socialbank.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.socialbank.billing.BillPaymentId;
import org.socialbank.billing.BillPaymentOrder;
import org.socialbank.billing.BillPaymentResult;
import org.socialbank.billing.BillReading;
import org.socialbank.billing.Bills;
import org.socialbank.billing.IranianBill;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.web.BadRequest;
import org.socialbank.shared.web.Created;
import org.socialbank.shared.web.RequiredFields;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Iranian bills for the bank's apps: an inquiry (no money moves) and a payment, idempotent by its
 * id; a bad pair is 422 {@code invalid_bill_id} / {@code invalid_payment_id}, a pair taken by
 * another payment 422 {@code bill_already_paid}.
 */
@RestController
@Tag(name = "Bills")
@RequestMapping(path = "/api/v1/bills", produces = MediaType.APPLICATION_JSON_VALUE)
class BillsController {

    private final Bills bills;

    BillsController(Bills bills) {
        this.bills = bills;
    }

    /** A bill by its two ids (typed in any digits, with spaces or dashes) or by its 26-digit barcode. */
    record BillRef(String billId, String paymentId, String barcode) {

        BillReading read() {
            if (barcode != null) {
                if (billId != null || paymentId != null) {
                    throw new BadRequest("give either barcode or billId and paymentId, not both");
                }
                return IranianBill.fromBarcode(barcode);
            }
            if (billId == null || paymentId == null) {
                throw new BadRequest("missing: billId and paymentId, or barcode");
            }
            return IranianBill.read(billId, paymentId);
        }
    }

    /** An inquiry; {@code customerId}, who asks, is optional and not used yet. */
    record Inquiry(String billId, String paymentId, String barcode, UUID customerId) {}

    /**
     * A payment; {@code amountMinor} and {@code currency} are optional and, when given, must be the
     * bill's own (the amount the payment id says, IRR), so an app never pays what it did not show.
     */
    record Pay(
            UUID id,
            UUID customerId,
            String billId,
            String paymentId,
            String barcode,
            Long amountMinor,
            String currency,
            String channel) {}

    @Operation(summary = "What a bill is and what is due on it: service, company, amount (rial and toman), period")
    @ApiResponse(
            responseCode = "200",
            description = "the bill",
            content = @Content(schema = @Schema(implementation = BillJson.Inquiry.class)))
    @ApiResponse(
            responseCode = "422",
            description = "invalid_bill_id, invalid_payment_id or invalid_barcode",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/inquiries", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> inquire(@RequestBody Inquiry body) {
        BillReading reading = new BillRef(body.billId(), body.paymentId(), body.barcode()).read();
        if (reading instanceof BillReading.Unreadable unreadable) {
            return unreadable(unreadable.code());
        }
        return ResponseEntity.ok(BillJson.Inquiry.of(bills.inquire(((BillReading.Read) reading).bill())));
    }

    @Operation(summary = "Pay a bill from the customer's rial account; the id makes it idempotent")
    @ApiResponse(
            responseCode = "201",
            description = "the payment: completed, awaiting_confirmation (see "
                    + "confirmationUrl), pending, unknown, failed (the money is back) or rejected (see code)",
            content = @Content(schema = @Schema(implementation = BillJson.Payment.class)))
    @ApiResponse(
            responseCode = "200",
            description = "a replay of the id: the payment as it is now",
            content = @Content(schema = @Schema(implementation = BillJson.Payment.class)))
    @ApiResponse(
            responseCode = "409",
            description = "id_reused",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "invalid_bill_id, invalid_payment_id, invalid_barcode, "
                    + "bill_already_paid, customer_not_found, amount_mismatch or currency_mismatch",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> pay(@RequestBody Pay body) {
        RequiredFields.require(body.id(), "id", body.customerId(), "customerId");
        BillReading reading = new BillRef(body.billId(), body.paymentId(), body.barcode()).read();
        if (reading instanceof BillReading.Unreadable unreadable) {
            return unreadable(unreadable.code());
        }
        IranianBill bill = ((BillReading.Read) reading).bill();
        if (body.currency() != null && !"IRR".equals(body.currency())) {
            return Answers.unprocessable("currency_mismatch", "An Iranian bill is paid in IRR.");
        }
        if (body.amountMinor() != null && body.amountMinor() != bill.amountRial()) {
            return Answers.unprocessable(
                    "amount_mismatch", "The bill's amount is " + bill.amountRial() + " IRR, as its payment id says.");
        }
        BillPaymentOrder order = BadRequest.whenRefused(() -> new BillPaymentOrder(
                new BillPaymentId(body.id()),
                new CustomerId(body.customerId()),
                bill,
                Answers.channel(body.channel())));
        BillPaymentResult result = bills.pay(order);
        if (result instanceof BillPaymentResult.Refused refused) {
            return refusal(refused.code());
        }
        BillPaymentResult.Done done = (BillPaymentResult.Done) result;
        return Created.unlessReplayed(done.replayed(), BillJson.Payment.of(done.payment()));
    }

    @Operation(summary = "A bill payment as it is now")
    @ApiResponse(
            responseCode = "200",
            description = "the payment",
            content = @Content(schema = @Schema(implementation = BillJson.Payment.class)))
    @ApiResponse(
            responseCode = "404",
            description = "bill_payment_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/payments/{id}")
    ResponseEntity<?> get(@PathVariable UUID id) {
        return Answers.found(
                bills.payment(new BillPaymentId(id)),
                BillJson.Payment::of,
                "bill_payment_not_found",
                "There is no bill payment " + id + ".");
    }

    private static ResponseEntity<?> unreadable(String code) {
        String detail = switch (code) {
            case BillReading.INVALID_BILL_ID -> "The bill id is not 6 to 13 digits with a valid check digit.";
            case BillReading.INVALID_PAYMENT_ID ->
                "The payment id is not 6 to 13 digits with valid check digits for " + "this bill.";
            default -> "The barcode is not 26 digits.";
        };
        return Answers.unprocessable(code, detail);
    }

    private static ResponseEntity<?> refusal(String code) {
        return switch (code) {
            case BillPaymentResult.ID_REUSED -> Answers.idReused(code, "bill payment");
            case BillPaymentResult.BILL_ALREADY_PAID ->
                Answers.unprocessable(
                        code, "This bill id and payment id pair is paid, or being paid, by another payment.");
            default -> Answers.unprocessable(code, "The customer is not an active customer of this bank.");
        };
    }
}
