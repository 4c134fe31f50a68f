-- The personnel register (C.1, issue 9; ADR 0019). Dates are calendar days in UTC: an agreement or a
-- training "expiring on D" holds through the whole of D and no longer. The background check and the
-- confidentiality agreement are one current row per person (corrections overwrite; every change is in
-- the audit trail with its values); trainings are kept, a renewal is a new row. The signed agreement
-- itself is not stored here: its SHA-256 is (the documents store holds generated documents only).

CREATE TABLE person_background_check (
    account_id  uuid        PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    status      text        NOT NULL CHECK (status IN ('PENDING', 'PASSED', 'FAILED')),
    checked_on  date        NOT NULL,
    checked_by  text        NOT NULL CHECK (length(checked_by) BETWEEN 1 AND 200),
    note        text        CHECK (length(note) <= 2000),
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL
);

CREATE TABLE person_confidentiality_agreement (
    account_id      uuid        PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    signed_on       date        NOT NULL,
    expires_on      date        NOT NULL,
    document_sha256 text        NOT NULL CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
    document_name   text        CHECK (length(document_name) BETWEEN 1 AND 255),
    recorded_by     text        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    CONSTRAINT person_agreement_dates CHECK (expires_on >= signed_on)
);

CREATE TABLE person_training (
    id           uuid        PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    course       text        NOT NULL CHECK (length(course) BETWEEN 1 AND 200),
    kind         text        NOT NULL CHECK (kind IN ('SECURITY_AWARENESS', 'SECURE_CODING')),
    language     text        CHECK (language ~ '^[a-z0-9+#.-]{1,32}$'),
    completed_on date        NOT NULL,
    expires_on   date        NOT NULL,
    recorded_by  text        NOT NULL,
    recorded_at  timestamptz NOT NULL,
    CONSTRAINT person_training_dates CHECK (expires_on >= completed_on),
    CONSTRAINT person_training_language CHECK (kind = 'SECURE_CODING' OR language IS NULL)
);
CREATE INDEX person_training_account_idx ON person_training (account_id, kind, expires_on);

-- What the sweep recorded as suspended (a row while a grant is suspended): inserting or deleting the row
-- is what concurrent sweeps race for, so each suspension and reinstatement is audited and announced once.
-- The suspension itself is decided at every request from the register, never from this table.
CREATE TABLE role_suspension (
    grant_id     uuid        PRIMARY KEY REFERENCES role_grant (id) ON DELETE CASCADE,
    account_id   uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    project_key  text        NOT NULL REFERENCES project (project_key),
    role         text        NOT NULL,
    missing      text[]      NOT NULL,
    suspended_at timestamptz NOT NULL
);
CREATE INDEX role_suspension_account_idx ON role_suspension (account_id);

GRANT SELECT, INSERT, UPDATE ON person_background_check, person_confidentiality_agreement TO ${appRole};
GRANT SELECT, INSERT ON person_training TO ${appRole};
GRANT SELECT, INSERT, DELETE ON role_suspension TO ${appRole};
