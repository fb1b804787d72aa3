-- The pace of calls to a rate-limited API (the ION API Gateway, Concur), shared by every app instance on this database:
-- the next free call slot and the current spacing, in microseconds (slot: since 1970-01-01 UTC). last_slot_us is the
-- slot the latest caller took (read back by the caller that set it).
CREATE TABLE call_pace (
    name          VARCHAR(50)  NOT NULL PRIMARY KEY,
    next_slot_us  BIGINT       NOT NULL,
    last_slot_us  BIGINT       NOT NULL DEFAULT 0,
    interval_us   BIGINT       NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row whose lock every inbox claim on the embedded H2 database takes first: claims there run one at a time, so the check that no
-- other event of the same document is in progress cannot race with another claim (PostgreSQL uses advisory locks instead).
CREATE TABLE inbox_claim_lock (
    id  INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO inbox_claim_lock (id) VALUES (1);
