-- C.4 (only licensed software is used): the licence policy of each project and the software
-- inventory of each release, the components of its imported bills of materials (CycloneDX) with
-- their licences and the verdicts the policy gave them at import (ADR 0020). Inventory rows are
-- written by the import pipeline in the import's transaction and never changed afterwards: a new
-- import of the same scanner and category is the release's new inventory.

CREATE TABLE licence_policy (
    project_key      text        PRIMARY KEY REFERENCES project (project_key),
    allowed          text[]      NOT NULL CHECK (cardinality(allowed) <= 500),
    denied           text[]      NOT NULL CHECK (cardinality(denied) <= 500),
    unknown_licences text        NOT NULL CHECK (unknown_licences IN ('FINDING', 'ALLOW')),
    row_version      bigint      NOT NULL,
    updated_by       text        NOT NULL,
    updated_at       timestamptz NOT NULL
);

CREATE TABLE component_import (
    import_id   uuid        PRIMARY KEY REFERENCES report_import (id),
    release_id  uuid        NOT NULL REFERENCES release (id),
    scanner     text        NOT NULL,
    category    text        NOT NULL,
    components  integer     NOT NULL CHECK (components >= 0),
    imported_at timestamptz NOT NULL
);

-- the latest import of each scanner and category of a release
CREATE INDEX component_import_latest ON component_import (release_id, scanner, category, imported_at DESC);

CREATE TABLE release_component (
    id        uuid    PRIMARY KEY,
    import_id uuid    NOT NULL REFERENCES component_import (import_id),
    ordinal   integer NOT NULL,
    depth     integer NOT NULL CHECK (depth >= 0),
    bom_ref   text    CHECK (length(bom_ref) <= 2000),
    type      text    NOT NULL CHECK (length(type) <= 2000),
    grp       text    NOT NULL CHECK (length(grp) <= 2000),
    name      text    NOT NULL CHECK (length(name) BETWEEN 1 AND 2000),
    version   text    NOT NULL CHECK (length(version) <= 2000),
    purl      text    CHECK (length(purl) <= 2000),
    identity  text    NOT NULL CHECK (length(identity) <= 2000),
    hashes    text[]  NOT NULL,
    verdict   text    NOT NULL CHECK (verdict IN ('ALLOWED', 'NOT_LISTED', 'UNKNOWN', 'DENIED')),
    UNIQUE (import_id, ordinal)
);

-- the inventory listing: by name, keyset (name, id), per import
CREATE INDEX release_component_by_name ON release_component (import_id, name, id);

CREATE TABLE release_component_licence (
    component_id uuid    NOT NULL REFERENCES release_component (id),
    position     integer NOT NULL,
    kind         text    NOT NULL CHECK (kind IN ('ID', 'NAME', 'EXPRESSION', 'NONE')),
    value        text    NOT NULL CHECK (length(value) <= 2000),
    verdict      text    NOT NULL CHECK (verdict IN ('ALLOWED', 'NOT_LISTED', 'UNKNOWN', 'DENIED')),
    PRIMARY KEY (component_id, position)
);

GRANT SELECT, INSERT, UPDATE ON licence_policy TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON component_import TO ${appRole};
GRANT SELECT, INSERT ON release_component, release_component_licence TO ${appRole};

-- C.4: flags on a project's components, by versionless identity (they hold for every release):
-- self-written cryptography (dual control) and key security designs (restricted distribution);
-- and the reviews of self-written cryptography per release, implementer and reviewer two people.
CREATE TABLE component_flag (
    project_key text        NOT NULL REFERENCES project (project_key),
    identity    text        NOT NULL CHECK (length(identity) BETWEEN 1 AND 2000),
    flag        text        NOT NULL CHECK (flag IN ('SELF_WRITTEN_CRYPTO', 'KEY_SECURITY_DESIGN')),
    reason      text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    set_by      text        NOT NULL,
    set_at      timestamptz NOT NULL,
    PRIMARY KEY (project_key, identity, flag)
);

CREATE TABLE crypto_review (
    release_id  uuid        NOT NULL REFERENCES release (id),
    identity    text        NOT NULL CHECK (length(identity) BETWEEN 1 AND 2000),
    implementer text        NOT NULL,
    reviewer    text        NOT NULL,
    note        text        NOT NULL CHECK (length(note) <= 2000),
    reviewed_at timestamptz NOT NULL,
    PRIMARY KEY (release_id, identity),
    CONSTRAINT crypto_review_two_people CHECK (implementer <> reviewer)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON component_flag TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON crypto_review TO ${appRole};
