-- Tickets move through gates too (issue 6, ADR 0018): a release holds the tickets of the external
-- tracker (features, stories, bugs, keyed like SHOP-123); each carries the security requirements that
-- name its key and moves through a small lifecycle of its own: REQUIREMENTS_ASSIGNED → DESIGN_REVIEWED
-- → IMPLEMENTED → VERIFIED (and back one step, or reopened from VERIFIED). The gate tickets.verified
-- reads these states: a release cannot leave testing while a ticket with security requirements is not
-- VERIFIED (B.1.3.1-ih).
--
-- release_ticket is the ticket's current state (state_version is its optimistic version, the ETag);
-- ticket_transition is the append-only record of every move, like release_transition (V7).

CREATE TABLE release_ticket (
    id             uuid        PRIMARY KEY,
    release_id     uuid        NOT NULL REFERENCES release (id),
    -- the external tracker's key, the same form as security_requirement.ticket_key (V9)
    ticket_key     text        NOT NULL CHECK (ticket_key ~ '^[A-Z][A-Z0-9]{1,15}-[0-9]{1,9}$'),
    title          text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    kind           text        NOT NULL CHECK (kind IN ('FEATURE', 'STORY', 'BUG')),
    tracker_url    text        CHECK (length(tracker_url) <= 2000 AND tracker_url ~ '^https?://'),
    state          text        NOT NULL CHECK (state IN ('REQUIREMENTS_ASSIGNED', 'DESIGN_REVIEWED', 'IMPLEMENTED',
                                                         'VERIFIED')),
    state_version  bigint      NOT NULL CHECK (state_version >= 1),
    -- who moved it to IMPLEMENTED last: that person may not verify it (separation of duties)
    implemented_by text,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CONSTRAINT release_ticket_key UNIQUE (release_id, ticket_key)
);

CREATE TABLE ticket_transition (
    ticket_id   uuid        NOT NULL REFERENCES release_ticket (id),
    -- the state_version the move produced
    version     bigint      NOT NULL,
    from_state  text        NOT NULL,
    to_state    text        NOT NULL,
    actor       text        NOT NULL,
    actor_roles text[]      NOT NULL,
    occurred_at timestamptz NOT NULL,
    -- the active requirements the ticket carried at the move: what the decision was based on
    requirements text[]     NOT NULL,
    PRIMARY KEY (ticket_id, version)
);

CREATE TRIGGER ticket_transition_append_only BEFORE UPDATE OR DELETE ON ticket_transition
    FOR EACH ROW EXECUTE FUNCTION lifecycle_record_is_append_only();
CREATE TRIGGER ticket_transition_no_truncate BEFORE TRUNCATE ON ticket_transition
    FOR EACH STATEMENT EXECUTE FUNCTION lifecycle_record_is_append_only();

GRANT SELECT, INSERT, UPDATE ON release_ticket TO ${appRole};
GRANT SELECT, INSERT ON ticket_transition TO ${appRole};

-- Requirements written before tickets were data name keys of tickets that do not exist yet: each
-- becomes a ticket whose title is its key, a story at the start of its lifecycle. From now on a
-- requirement naming an unknown key creates the ticket the same way (Tickets.onRequirementLinked), so
-- every ticket key of a requirement has its row, which the foreign key below keeps true.
INSERT INTO release_ticket (id, release_id, ticket_key, title, kind, state, state_version, created_by, created_at,
                            updated_at)
SELECT gen_random_uuid(), r.release_id, r.ticket_key, r.ticket_key, 'STORY', 'REQUIREMENTS_ASSIGNED', 1, 'migration',
       min(r.created_at), min(r.created_at)
FROM security_requirement r
WHERE r.ticket_key IS NOT NULL
GROUP BY r.release_id, r.ticket_key;

ALTER TABLE security_requirement ADD CONSTRAINT security_requirement_ticket
    FOREIGN KEY (release_id, ticket_key) REFERENCES release_ticket (release_id, ticket_key);
CREATE INDEX security_requirement_ticket_idx ON security_requirement (release_id, ticket_key)
    WHERE ticket_key IS NOT NULL;
