-- A web-chat rating may be followed by a comment (issues 19 and 20): until when the case waits
-- for it (the customer's next text in the web chat). The comment becomes a listening mention of
-- source webchat; the column is cleared when it came or the time ran out.
ALTER TABLE handoff_cases ADD COLUMN comment_due_until TIMESTAMP WITH TIME ZONE;
