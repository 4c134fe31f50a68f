-- The design review, the Security Audit Report and the pre-production review of a release (issue 6;
-- B.1.3.1-ic, 8.4-ep..er, B.1.3.1-ih/ii, 8.6). Each is agreed by sign-offs over its content digest.

-- A design recommendation (B.1.3.1-ic): the threat or technology considered, the recommendation, the
-- requirements it serves (8.4: traceability), and the developers' decision on it.
CREATE TABLE design_recommendation (
    id            uuid        PRIMARY KEY,
    release_id    uuid        NOT NULL REFERENCES release (id),
    rec_key       text        NOT NULL CHECK (rec_key ~ '^DR-[0-9]{1,4}$'),
    topic         text        NOT NULL CHECK (topic IN ('THREAT', 'TECHNOLOGY', 'ARCHITECTURE')),
    subject       text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    recommendation text       NOT NULL CHECK (length(recommendation) BETWEEN 1 AND 4000),
    requirements  text        NOT NULL DEFAULT '' CHECK (length(requirements) <= 2000),
    decision      text        NOT NULL CHECK (decision IN ('PROPOSED', 'ACCEPTED', 'DISPUTED')),
    decision_note text        CHECK (length(decision_note) <= 4000),
    created_by    text        NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT design_recommendation_key_unique UNIQUE (release_id, rec_key)
);

-- The security reviewer's conclusion of the Security Audit Report (B.1.3.1-ih/ii); the report's
-- content adds the release's findings as they stand when it is signed.
CREATE TABLE audit_conclusion (
    release_id uuid        PRIMARY KEY REFERENCES release (id),
    verdict    text        NOT NULL CHECK (verdict IN ('APPROVE', 'REJECT')),
    conclusion text        NOT NULL CHECK (length(conclusion) BETWEEN 1 AND 8000),
    written_by text        NOT NULL,
    written_at timestamptz NOT NULL
);

-- The pre-production review checklist (8.6, 8.7): each item checked with a note.
CREATE TABLE pre_production_item (
    release_id uuid        NOT NULL REFERENCES release (id),
    item       text        NOT NULL CHECK (item ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
    checked    boolean     NOT NULL,
    note       text        CHECK (length(note) <= 4000),
    checked_by text        NOT NULL,
    checked_at timestamptz NOT NULL,
    PRIMARY KEY (release_id, item)
);

GRANT SELECT, INSERT, UPDATE ON design_recommendation, audit_conclusion, pre_production_item TO ${appRole};
