-- The access token issued together with each refresh token. Logout and revocation denylist the
-- access tokens of a family that have not expired yet, and these columns are how they are found.
ALTER TABLE refresh_token ADD COLUMN access_jti UUID;
ALTER TABLE refresh_token ADD COLUMN access_expires_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX refresh_token_expires_idx ON refresh_token (expires_at);

-- Access tokens revoked before their expiry. A row is useless once expires_at has passed, because
-- the token is then rejected as expired, so the cleanup deletes it.
CREATE TABLE revoked_access_token (
    jti         UUID                     NOT NULL PRIMARY KEY,
    user_id     UUID                     NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX revoked_access_token_expires_idx ON revoked_access_token (expires_at);

-- Authentication events. user_id has no foreign key, so the history outlives a deleted account.
-- jti is the id of the token involved, never the token itself.
CREATE TABLE auth_event (
    id           UUID                     NOT NULL PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    type         VARCHAR(40)              NOT NULL,
    success      BOOLEAN                  NOT NULL,
    user_id      UUID,
    client_ip    VARCHAR(45),
    user_agent   VARCHAR(512),
    error_code   VARCHAR(64),
    jti          VARCHAR(64),
    detail       VARCHAR(1000)
);

CREATE INDEX auth_event_occurred_idx ON auth_event (occurred_at);
CREATE INDEX auth_event_user_idx ON auth_event (user_id, occurred_at);
