-- Issue 13: "my requests" in the chats lists the open requests a customer was asked, too (the
-- requester's side is indexed by V23_3's money_requests_requester_created).
CREATE INDEX money_requests_payer_status ON money_requests (payer_customer_id, status);
