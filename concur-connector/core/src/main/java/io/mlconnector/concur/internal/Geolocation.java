package io.mlconnector.concur.internal;

import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Geolocation values are base URLs; one published example carries a path, so keep scheme and host only
 * (https://developer.concur.com/api-reference/authentication/company-refresh-tool.html).
 */
public final class Geolocation {
    private Geolocation() {
    }

    /** Scheme and host (and a non-default port) of the value, lower-case, without path, query or trailing slash. */
    public static URI normalize(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, "geolocation is not an absolute URL: " + value);
            }
            return new URI(uri.getScheme().toLowerCase(Locale.ROOT), null, uri.getHost().toLowerCase(Locale.ROOT),
                    uri.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, "geolocation is not a URL: " + value, e);
        }
    }

    public static URI normalize(URI value) {
        return value == null ? null : normalize(value.toString());
    }
}
