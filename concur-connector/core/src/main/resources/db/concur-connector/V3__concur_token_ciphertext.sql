-- Tokens are stored encrypted (AES-GCM, base64 with a version prefix): room for a long access token's ciphertext.
ALTER TABLE concur_token_state ALTER COLUMN refresh_token SET DATA TYPE VARCHAR(8000);
ALTER TABLE concur_token_state ALTER COLUMN access_token SET DATA TYPE VARCHAR(8000);
