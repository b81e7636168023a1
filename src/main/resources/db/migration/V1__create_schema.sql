-- Roles and the permissions they grant, in Shiro wildcard syntax (domain:action:instance).
CREATE TABLE role (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY
);

CREATE TABLE role_permission (
    role_name   VARCHAR(64)  NOT NULL REFERENCES role (name) ON DELETE CASCADE,
    permission  VARCHAR(200) NOT NULL,
    PRIMARY KEY (role_name, permission)
);

-- email keeps the address as registered; email_key is its lower-case form, unique for lookup.
CREATE TABLE app_user (
    id             UUID                     NOT NULL PRIMARY KEY,
    email          VARCHAR(254)             NOT NULL,
    email_key      VARCHAR(254)             NOT NULL,
    password_hash  VARCHAR(60)              NOT NULL,
    role_name      VARCHAR(64)              NOT NULL REFERENCES role (name),
    enabled        BOOLEAN                  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT                   NOT NULL,
    CONSTRAINT app_user_email_key_unique UNIQUE (email_key)
);

-- Permissions granted to one user on top of the role's.
CREATE TABLE user_permission (
    user_id     UUID         NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    permission  VARCHAR(200) NOT NULL,
    PRIMARY KEY (user_id, permission)
);

-- One row per issued refresh token. Tokens issued by rotation share the family_id of the login
-- that started the chain; replaced_by links a rotated token to its successor.
CREATE TABLE refresh_token (
    jti            UUID                     NOT NULL PRIMARY KEY,
    family_id      UUID                     NOT NULL,
    user_id        UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at     TIMESTAMP WITH TIME ZONE,
    revoke_reason  VARCHAR(32),
    replaced_by    UUID,
    client_ip      VARCHAR(45),
    user_agent     VARCHAR(512)
);

CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_user_idx ON refresh_token (user_id);

-- The example resource that shows @RequiresPermission.
CREATE TABLE property (
    id          UUID                     NOT NULL PRIMARY KEY,
    name        VARCHAR(200)             NOT NULL,
    city        VARCHAR(200)             NOT NULL,
    created_by  UUID                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO role (name) VALUES ('user'), ('admin');
INSERT INTO role_permission (role_name, permission) VALUES ('user', 'properties:read'), ('admin', '*');
