-- Issue 17 3.6: buttons of the staff's own under a campaign message, beside the tracked link and
-- "Stop offers". A button either opens an https address through the recipient's tracked link
-- (/c/<token>/<position>) or does a chat action the bot understands (a command such as balance).
-- Labels per language are kept as lines "<tag>=<label>" (labels have no line breaks).
CREATE TABLE campaign_buttons (
    campaign_id UUID          NOT NULL REFERENCES campaigns (id),
    position    INTEGER       NOT NULL,
    labels      VARCHAR(1000) NOT NULL,
    url         VARCHAR(2000),
    action      VARCHAR(32),
    CONSTRAINT campaign_buttons_pk PRIMARY KEY (campaign_id, position),
    CONSTRAINT campaign_buttons_position CHECK (position BETWEEN 1 AND 3),
    CONSTRAINT campaign_buttons_one_target CHECK ((url IS NULL AND action IS NOT NULL) OR (url IS NOT NULL AND action IS NULL))
);

-- Every press of a campaign button, a row each (append-only): a URL button's press through the
-- tracked link, an action button's press in the chat. The statistics count presses and recipients.
CREATE TABLE campaign_button_presses (
    id               UUID                     NOT NULL PRIMARY KEY,
    campaign_id      UUID                     NOT NULL REFERENCES campaigns (id),
    position         INTEGER                  NOT NULL,
    channel          VARCHAR(16)              NOT NULL,
    external_user_id VARCHAR(128)             NOT NULL,
    variant          VARCHAR(8)               NOT NULL,
    pressed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX campaign_button_presses_campaign ON campaign_button_presses (campaign_id, position);
