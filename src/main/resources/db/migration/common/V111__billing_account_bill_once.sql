-- Review 2026-12-07 billing follow-up: a due bill paid by account number is paid once. Two
-- inquiries of the same account gave two Confirm offers, and each made its own payment (its own id,
-- so the switch's idempotency by payment id did not see the second). bill_key holds
-- 'biller_id|account|due date' while the payment is live or paid (PENDING, UNKNOWN, COMPLETED) and
-- is NULL once it ended without paying (REJECTED, FAILED), so the UNIQUE constraint refuses a second
-- payment of the same due bill, concurrent ones included (as billing_bill_payments.pair_key: a
-- UNIQUE column takes any number of NULLs on H2 and PostgreSQL alike; no partial index on H2). The
-- biller's next bill has another due date, hence another key.
ALTER TABLE billing_account_bill_payments ADD COLUMN bill_key VARCHAR(128);

-- Live payments made before this version hold their bill's key; of two live payments of the same
-- due bill (the double payment this version refuses) the earlier keeps it.
UPDATE billing_account_bill_payments
SET bill_key = (SELECT billing_account_bill_payments.biller_id || '|' || billing_account_bill_payments.account
                           || '|' || TO_CHAR(q.due_date, 'YYYY-MM-DD')
                FROM billing_account_bill_inquiries q
                WHERE q.id = billing_account_bill_payments.inquiry_id)
WHERE status IN ('PENDING', 'UNKNOWN', 'COMPLETED')
  AND NOT EXISTS (
      SELECT 1
      FROM billing_account_bill_payments o
               JOIN billing_account_bill_inquiries oq ON oq.id = o.inquiry_id
               JOIN billing_account_bill_inquiries pq ON pq.id = billing_account_bill_payments.inquiry_id
      WHERE o.status IN ('PENDING', 'UNKNOWN', 'COMPLETED')
        AND o.biller_id = billing_account_bill_payments.biller_id
        AND o.account = billing_account_bill_payments.account
        AND oq.due_date = pq.due_date
        AND (o.created_at < billing_account_bill_payments.created_at
            OR (o.created_at = billing_account_bill_payments.created_at AND o.id < billing_account_bill_payments.id)));

ALTER TABLE billing_account_bill_payments ADD CONSTRAINT billing_account_bill_payments_bill UNIQUE (bill_key);
