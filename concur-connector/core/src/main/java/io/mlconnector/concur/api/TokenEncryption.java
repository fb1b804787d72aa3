package io.mlconnector.concur.api;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts the tokens {@link JdbcTokenStore} keeps at rest with AES-GCM (NIST SP 800-38D,
 * https://csrc.nist.gov/pubs/sp/800/38/d/final): a random 96-bit IV per value, a 128-bit tag, and the row's token key
 * as additional authenticated data, so a ciphertext copied to another row does not decrypt. Stored as
 * {@code aesgcm1:<base64 of IV and ciphertext>}; a value without that prefix is a token stored in clear by an older
 * version, which the store re-saves encrypted.
 */
public final class TokenEncryption {
    static final String PREFIX = "aesgcm1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private TokenEncryption(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * @param base64Key an AES key of 16, 24 or 32 bytes, base64-encoded (e.g. {@code openssl rand -base64 32})
     * @throws ConcurException CONFIGURATION when the key is empty, not base64 or not an AES key size; the message
     *                         never contains the key
     */
    public static TokenEncryption withKey(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "the token store's encryption key is not set");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "the token store's encryption key is not base64");
        }
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "the token store's encryption key has "
                    + key.length + " bytes; AES needs 16, 24 or 32 (32 recommended)");
        }
        return new TokenEncryption(key);
    }

    /** A new random 256-bit key, base64-encoded. */
    public static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    String encrypt(String token, String tokenKey) {
        if (token == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, tokenKey);
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "cannot encrypt the token of " + tokenKey
                    + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * @throws ConcurException CONFIGURATION when the value does not decrypt with this key (a wrong key, or a value
     *                         changed in the database)
     */
    String decrypt(String stored, String tokenKey) {
        if (stored == null) {
            return null;
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "the stored token of " + tokenKey
                    + " is damaged (not base64)");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(sealed, IV_BYTES), tokenKey);
            byte[] token = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            return new String(token, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "the stored tokens of " + tokenKey
                    + " do not decrypt with the configured key: it is not the key they were encrypted with", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "cannot decrypt the token of " + tokenKey
                    + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String tokenKey) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(tokenKey.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "TokenEncryption[AES-GCM, key ****]";
    }
}
