-- The chat's type as the Telegram or Bale update said it (private, group, supergroup, channel), so
-- that the sender knows a group without guessing from the id: whatever the bot says in a chat that
-- is not private passes the public rule first (shared.PublicText). Empty for a chat remembered
-- before this column, until its next update.
ALTER TABLE telegram_chats ADD COLUMN chat_type VARCHAR(16);
