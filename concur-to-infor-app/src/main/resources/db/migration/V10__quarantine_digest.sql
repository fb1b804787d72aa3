-- A refused delivery without a valid Concur signature is kept bounded: its size, its SHA-256 and its first few KB,
-- not the whole body, with the sender's address. Retention deletes quarantine rows by age, hence the index.
ALTER TABLE quarantine ADD COLUMN body_bytes BIGINT;
ALTER TABLE quarantine ADD COLUMN body_sha256 VARCHAR(64);
ALTER TABLE quarantine ADD COLUMN client_address VARCHAR(100);
CREATE INDEX quarantine_received_ix ON quarantine (received_at);
