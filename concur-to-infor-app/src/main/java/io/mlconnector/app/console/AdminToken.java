package io.mlconnector.app.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** The configured {@code admin.token}: the console's login and the admin API's bearer credential. */
public final class AdminToken {
    private final byte[] token;

    public AdminToken(String token) {
        this.token = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
    }

    /** False for every input when no token is configured. */
    public boolean matches(String presented) {
        // constant-time: the time to refuse does not tell how much of the token matched
        return token.length > 0 && presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** True when {@code Authorization: Bearer <admin.token>} is presented. */
    public boolean authorises(WebRequest request) {
        Optional<String> header = request.header("Authorization");
        return header.filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> matches(h.substring(7).trim())).orElse(false);
    }

    public boolean isConfigured() {
        return token.length > 0;
    }
}
