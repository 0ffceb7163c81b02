-- When each token last authenticated, in a narrow table of its own. The use flush rewrites these
-- rows every minute for every token in use; in access_token, H2 also took each updated row out of
-- every index of that table and put it back, several times the work. A token gets its row when
-- its first use is flushed, and loses it with the token.
CREATE TABLE token_use (
    token_id           VARCHAR(12) NOT NULL PRIMARY KEY,
    last_authenticated BIGINT      NOT NULL,
    CONSTRAINT fk_token_use_token FOREIGN KEY (token_id) REFERENCES access_token (id) ON DELETE CASCADE
);

INSERT INTO token_use (token_id, last_authenticated)
SELECT id, last_authenticated FROM access_token WHERE last_authenticated IS NOT NULL;

-- access_token.last_authenticated is no longer read nor written. It stays so that nodes of the
-- previous version keep working against this schema during a rolling upgrade; a later migration
-- drops it.
