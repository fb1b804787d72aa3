package io.mlconnector.infor.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the inbound IMS endpoint, where ION pushes BODs to this application (the "Application has IMS End
 * Point" side of an Infor application (IMS) connection point).
 *
 * <p>ION authenticates to an application's IMS endpoint with the connection point's "IMS Endpoint – OAuth Consumer
 * Key" and "OAuth Consumer Secret" (OAuth 1.0, https://docs.infor.com/inforosltr/2025.x/en-us/useradminlib_onpremises/iondeskopug/zuy1703772018016.html;
 * https://docs.infor.com/inforos/latest/en-us/useradminlib_cloud/ioncedg_cloud_osm/mhn1519993806956.html): every
 * request must carry a valid OAuth 1.0a HMAC signature by that consumer (RFC 5849). An empty key or secret refuses
 * every call: there is no anonymous access.
 *
 * @param host          interface to listen on
 * @param port          port to listen on ({@code 0} = ephemeral)
 * @param path          the application's IMS base path; ION calls {@code <path>/ping}, {@code <path>/protocol},
 *                      {@code <path>/v3/multipartMessage}, {@code <path>/v3/message/multipart}
 * @param consumerKey   the OAuth consumer key configured on the connection point
 * @param consumerSecret the OAuth consumer secret configured on the connection point
 * @param publicBaseUrl the scheme, host and port ION addresses (behind a TLS proxy the signature covers that URL,
 *                      not the local one); empty = taken from the request's Host header
 * @param maxClockSkew  how far an {@code oauth_timestamp} may be from now before the call is refused
 * @param maxBodyBytes  largest request body accepted
 */
public record ImsInboundSettings(String host, int port, String path, String consumerKey, String consumerSecret,
                                 String publicBaseUrl, Duration maxClockSkew, int maxBodyBytes) {
    /** ION's message limit is 5 MB on the Essentials tier (+1 MB buffer); an answer BOD is far smaller. */
    public static final int DEFAULT_MAX_BODY_BYTES = 6 * 1024 * 1024;
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    public ImsInboundSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        consumerKey = consumerKey == null ? "" : consumerKey;
        consumerSecret = consumerSecret == null ? "" : consumerSecret;
        publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
        Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        path = ("/" + path).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        if (port < 0 || port > 65535 || maxBodyBytes < 1) {
            throw new InforIonException(InforIonErrorType.CONFIGURATION, "IMS endpoint port or maxBodyBytes invalid");
        }
    }

    /** Defaults for skew and body size. */
    public static ImsInboundSettings of(String host, int port, String path, String consumerKey, String consumerSecret,
                                        String publicBaseUrl) {
        return new ImsInboundSettings(host, port, path, consumerKey, consumerSecret, publicBaseUrl,
                DEFAULT_MAX_CLOCK_SKEW, DEFAULT_MAX_BODY_BYTES);
    }

    /** True when a consumer key and secret are configured; otherwise every call is refused. */
    public boolean hasCredentials() {
        return !consumerKey.isBlank() && !consumerSecret.isBlank();
    }

    @Override
    public String toString() {
        return "ImsInboundSettings[listen=" + host + ":" + port + path + ", consumerKey=" + consumerKey
                + ", consumerSecret=" + (consumerSecret.isEmpty() ? "(none)" : "****") + "]";
    }
}
