package io.mlconnector.sandbox.concur;

import io.mlconnector.sandbox.concur.ConcurOAuth.AccessToken;
import io.mlconnector.sandbox.concur.ConcurOAuth.PrincipalType;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.http.SimServer;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Registers the data centre's API endpoints: every one checks the bearer token (401 when unknown or expired, 403 when
 * the principal type is not accepted by that API, as each API's reference page says) and answers with a
 * {@code concur-correlationid} header, as every FIS response does
 * (https://developer.concur.com/api-reference/financial-integration/v4.financial-integration.html).
 */
final class ApiRoutes {
    /** An API handler that also receives the authenticated token. */
    @FunctionalInterface
    interface AuthenticatedHandler {
        SimResponse handle(SimRequest request, AccessToken token) throws Exception;
    }

    private final SimServer server;
    private final ConcurOAuth oauth;

    ApiRoutes(SimServer server, ConcurOAuth oauth) {
        this.server = server;
        this.oauth = oauth;
    }

    void route(String method, String pathRegex, Set<PrincipalType> accepted, AuthenticatedHandler handler) {
        server.route(method, pathRegex, request -> withCorrelationId(request, authorised(request, accepted, handler)));
    }

    static Set<PrincipalType> only(PrincipalType first, PrincipalType... more) {
        return EnumSet.of(first, more);
    }

    private SimResponse authorised(SimRequest request, Set<PrincipalType> accepted, AuthenticatedHandler handler)
            throws Exception {
        Optional<AccessToken> token = oauth.authenticate(request);
        if (token.isEmpty()) {
            return SimResponse.json(401, Map.of("message", "Unauthorized: missing, unknown or expired access token"))
                    .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        if (!accepted.contains(token.get().type())) {
            return SimResponse.json(403, Map.of("message",
                    "Forbidden: this API does not accept a " + token.get().type().name().toLowerCase() + " token"));
        }
        return handler.handle(request, token.get());
    }

    static SimResponse withCorrelationId(SimRequest request, SimResponse response) {
        String correlationId = request.header("concur-correlationid");
        return response.withHeader("concur-correlationid",
                correlationId != null ? correlationId : UUID.randomUUID().toString());
    }
}
