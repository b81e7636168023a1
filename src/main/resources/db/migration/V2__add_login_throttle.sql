-- Consecutive failed logins per subject: "account:<email key>" for any email, existing or not,
-- and "device:<device id>" for browsers holding a device cookie. A lock ends at locked_until.
CREATE TABLE login_throttle (
    subject          VARCHAR(300)             NOT NULL PRIMARY KEY,
    failed_count     INTEGER                  NOT NULL,
    locked_until     TIMESTAMP WITH TIME ZONE,
    last_failure_at  TIMESTAMP WITH TIME ZONE
);
