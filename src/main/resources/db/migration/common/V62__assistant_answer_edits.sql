-- The assistant's answers as staff edit them in the console (issue 18): each save or revert is a
-- new version of one intent's answer in one language, never an update, so the history says who
-- changed what and when. The newest version wins over the markdown shipped in the jar
-- (assistant/answers/<lang>/<intent>.md); a NULL markdown means "back to the shipped answer".
CREATE TABLE assistant_answer_edits (
    intent    VARCHAR(80)              NOT NULL,
    language  VARCHAR(8)               NOT NULL,
    version   INTEGER                  NOT NULL,
    markdown  VARCHAR(4000),
    staff     VARCHAR(64)              NOT NULL,
    edited_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (intent, language, version)
);
