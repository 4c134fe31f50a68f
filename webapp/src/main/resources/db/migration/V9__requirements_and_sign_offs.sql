-- Security requirements, the risk assessment and consensus sign-offs of a release (issue 6;
-- B.1.3.1-ib, 8.2-ek/el, 8.3-em..eo: requirements analysed, recommendations agreed by the named parties).

-- One security requirement of a release: a stable key (SR-…), from the baseline catalog or the
-- project, optionally tied to a ticket of the external tracker, with its key security test point
-- (the Security Test Recommendations). Withdrawn, never deleted.
CREATE TABLE security_requirement (
    id           uuid        PRIMARY KEY,
    release_id   uuid        NOT NULL REFERENCES release (id),
    req_key      text        NOT NULL CHECK (req_key ~ '^SR-[A-Za-z0-9][A-Za-z0-9.-]{0,39}$'),
    clause       text        CHECK (length(clause) <= 40),
    title        text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    title_zh     text        CHECK (length(title_zh) <= 300),
    description  text        CHECK (length(description) <= 4000),
    ticket_key   text        CHECK (ticket_key ~ '^[A-Z][A-Z0-9]{1,15}-[0-9]{1,9}$'),
    test_point   text        CHECK (length(test_point) <= 4000),
    origin       text        NOT NULL CHECK (origin IN ('BASELINE', 'PROJECT')),
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    withdrawn_at timestamptz,
    CONSTRAINT security_requirement_key_unique UNIQUE (release_id, req_key)
);

-- The risk assessment of a release (8.2-ek/el): asset value, likelihood and impact on a 1..3 scale,
-- the threats and the business loss considered; the level it yields (8.3: protection in proportion).
CREATE TABLE risk_assessment (
    release_id     uuid        PRIMARY KEY REFERENCES release (id),
    asset_value    smallint    NOT NULL CHECK (asset_value BETWEEN 1 AND 3),
    likelihood     smallint    NOT NULL CHECK (likelihood BETWEEN 1 AND 3),
    impact         smallint    NOT NULL CHECK (impact BETWEEN 1 AND 3),
    assessed_level smallint    NOT NULL CHECK (assessed_level BETWEEN 1 AND 3),
    threats        text        NOT NULL CHECK (length(threats) BETWEEN 1 AND 4000),
    business_loss  text        NOT NULL CHECK (length(business_loss) BETWEEN 1 AND 4000),
    assessed_by    text        NOT NULL,
    assessed_at    timestamptz NOT NULL
);

-- A sign-off: one person, in one role, agrees to the content of a subject as it was (its SHA-256);
-- a change of the content leaves the sign-off standing for the old content only. Signed and
-- time-stamped like every decision (decision_signature); append-only.
CREATE TABLE sign_off (
    id             uuid        PRIMARY KEY,
    release_id     uuid        NOT NULL REFERENCES release (id),
    subject        text        NOT NULL CHECK (subject IN ('RISK_ASSESSMENT', 'SECURITY_REQUIREMENTS',
                                   'TEST_RECOMMENDATIONS', 'DESIGN_RECOMMENDATIONS', 'SECURITY_AUDIT_REPORT',
                                   'PRE_PRODUCTION_REVIEW', 'CODING_STANDARD')),
    content_sha256 text        NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
    role           text        NOT NULL,
    signer         text        NOT NULL,
    signed_at      timestamptz NOT NULL,
    comment        text        CHECK (length(comment) <= 4000),
    CONSTRAINT sign_off_one_person_per_role UNIQUE (release_id, subject, content_sha256, role),
    CONSTRAINT sign_off_one_role_per_person UNIQUE (release_id, subject, content_sha256, signer)
);
CREATE INDEX sign_off_release_idx ON sign_off (release_id, subject, signed_at);

CREATE TRIGGER sign_off_append_only BEFORE UPDATE OR DELETE ON sign_off
    FOR EACH ROW EXECUTE FUNCTION lifecycle_record_is_append_only();
CREATE TRIGGER sign_off_no_truncate BEFORE TRUNCATE ON sign_off
    FOR EACH STATEMENT EXECUTE FUNCTION lifecycle_record_is_append_only();

GRANT SELECT, INSERT, UPDATE ON security_requirement, risk_assessment TO ${appRole};
GRANT SELECT, INSERT ON sign_off TO ${appRole};
