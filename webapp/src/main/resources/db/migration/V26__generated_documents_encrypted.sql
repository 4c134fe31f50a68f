-- Generated confidential and secret documents (the Security Audit Report) are stored encrypted at rest like the
-- uploaded ones (C.3, 7.8.6-ei; ADR 0024): html and pdf sealed with AES-256-GCM under the key key_id of the
-- configured ring (NULL: stored as is — versions generated before this migration, and public or internal ones).
-- The digests stay those of the plaintext: the release certificate lists them.
ALTER TABLE document ADD COLUMN key_id text CHECK (key_id ~ '^[a-z0-9-]{1,32}$');
