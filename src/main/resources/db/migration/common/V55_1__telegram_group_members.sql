-- Issue 20: the member count of a Telegram/Bale group the bot is in, asked of the Bot API
-- (getChatMemberCount) at most once a day per group, so that a group post's author has a reach:
-- the people who can read the post. Empty until asked, or when the platform did not say.
ALTER TABLE telegram_chats ADD COLUMN members BIGINT;
ALTER TABLE telegram_chats ADD COLUMN members_at TIMESTAMP WITH TIME ZONE;
