-- Which app instance marked a chunk SENT: another instance treats the chunk as "in doubt" (and re-sends it) only
-- once that sender's lease has run out, never while it may still be waiting for ION's answer.
ALTER TABLE posting_ledger ADD COLUMN sent_by VARCHAR(64);
