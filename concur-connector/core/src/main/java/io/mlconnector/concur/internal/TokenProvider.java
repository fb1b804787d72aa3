package io.mlconnector.concur.internal;

import java.net.URI;

/** A source of bearer tokens for one principal and the base URL (geolocation) they are valid at. */
public interface TokenProvider {

    /** A valid access token, obtaining or refreshing one when needed. */
    String accessToken();

    /** The base URL for API calls with this token. */
    URI baseUri();

    /** Concur refused this token (401): forget it so the next {@link #accessToken()} gets a fresh one. */
    void invalidate(String accessToken);
}
