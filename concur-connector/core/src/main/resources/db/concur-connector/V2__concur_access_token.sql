-- The current access token too, so a restart within its hour needs no refresh grant: every refresh rotates the
-- refresh token, and a process killed between Concur's answer and this write would keep only a dead one.
ALTER TABLE concur_token_state ADD COLUMN access_token VARCHAR(4000);
ALTER TABLE concur_token_state ADD COLUMN access_expires_at TIMESTAMP WITH TIME ZONE;
