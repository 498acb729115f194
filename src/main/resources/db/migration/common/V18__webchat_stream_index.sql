-- An open web-chat stream asks twice a second for a visitor's rows by seq OR created_at, and every
-- message counts the visitor's recent ones: (visitor, created_at) serves both without a scan.
CREATE INDEX webchat_messages_visitor_created ON webchat_messages (visitor, created_at);
