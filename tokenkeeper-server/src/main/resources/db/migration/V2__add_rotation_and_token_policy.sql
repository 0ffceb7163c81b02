-- Rotation: a token keeps its current secret hash, at most one previous hash that still works
-- until a deadline (the overlap window), and the hashes of secrets rotated out, to recognise a
-- leaked old secret when it is presented again. secret_version guards concurrent rotations.
ALTER TABLE access_token ADD COLUMN previous_secret_hash BYTEA;
ALTER TABLE access_token ADD COLUMN previous_secret_valid_until BIGINT;
ALTER TABLE access_token ADD COLUMN secret_version BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE retired_secret (
    token_id     VARCHAR(12) NOT NULL,
    secret_hash  BYTEA       NOT NULL,
    retired_date BIGINT      NOT NULL,
    CONSTRAINT fk_retired_secret_token FOREIGN KEY (token_id) REFERENCES access_token (id) ON DELETE CASCADE
);
CREATE INDEX ix_retired_secret_token ON retired_secret (token_id, retired_date);

-- The token policy as edited by administrators: one row; without it the configured defaults apply.
CREATE TABLE token_policy (
    id                         INTEGER NOT NULL PRIMARY KEY,
    require_expiry             BOOLEAN NOT NULL,
    max_expiry_days            INTEGER,
    max_tokens_per_owner       INTEGER NOT NULL,
    renew_expired_within_days  INTEGER NOT NULL,
    self_rotation              BOOLEAN NOT NULL,
    max_rotation_grace_minutes INTEGER NOT NULL,
    updated_date               BIGINT  NOT NULL,
    CONSTRAINT ck_token_policy_single_row CHECK (id = 1)
);
