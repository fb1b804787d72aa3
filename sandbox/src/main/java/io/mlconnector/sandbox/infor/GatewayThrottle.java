package io.mlconnector.sandbox.infor;

import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.http.SimServer;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API Gateway's quota: above a set rate a call is refused with 429 "Quota policy exceeded" and a Retry-After, and
 * never reaches ION or M3. Infor's throttling policy counts calls per period and rejects the surplus ("spike arrest",
 * https://docs.infor.com/inforos/2024.x/en-us/useradminlib_cloud/apigatewayag_cloud/fjq1551471864004.html; the 429
 * text is from https://docs.infor.com/inforos/latest/en-us/useradminlib_cloud/apigatewayag_cloud/zdq1489511424303.html).
 * Here it is a token bucket refilled at the rate that holds one second's calls (at least two): a client that keeps to
 * the rate is never refused, one that runs above it is within a second. Infor does not document Retry-After on
 * 429; the sandbox sends the whole seconds until the next call would pass, so clients can be tested honouring it.
 * Off (every call passes) until {@link #limit(double)} sets a rate.
 */
public final class GatewayThrottle implements SimServer.Gate {
    private final Pattern gatewayPaths;
    private double callsPerSecond;
    private double capacity;
    private double tokens;
    private long refilledAt;
    private long admitted;
    private long refused;

    GatewayThrottle(String... gatewayPathRegexes) {
        this.gatewayPaths = Pattern.compile(String.join("|", gatewayPathRegexes));
    }

    /** Refuses calls above {@code callsPerSecond} from now on; 0 switches the throttle off. */
    public synchronized void limit(double callsPerSecond) {
        if (callsPerSecond < 0) {
            throw new IllegalArgumentException("callsPerSecond must not be negative");
        }
        this.callsPerSecond = callsPerSecond;
        this.capacity = Math.max(2, Math.ceil(callsPerSecond));
        this.tokens = capacity;
        this.refilledAt = System.nanoTime();
    }

    /** The rate in force, 0 when off. */
    public synchronized double callsPerSecond() {
        return callsPerSecond;
    }

    /** Gateway calls let through so far (throttle on or off). */
    public synchronized long admittedCount() {
        return admitted;
    }

    /** Gateway calls answered 429 so far. */
    public synchronized long refusedCount() {
        return refused;
    }

    @Override
    public synchronized Optional<SimResponse> admit(SimRequest request) {
        if (!gatewayPaths.matcher(request.path()).matches()) {
            return Optional.empty();
        }
        if (callsPerSecond > 0) {
            refill();
            if (tokens < 1) {
                refused++;
                long retryAfterSeconds = (long) Math.max(1, Math.ceil((1 - tokens) / callsPerSecond));
                return Optional.of(SimResponse.json(429, Map.of("error", "Quota policy exceeded"))
                        .withHeader("Retry-After", Long.toString(retryAfterSeconds)));
            }
            tokens -= 1;
        }
        admitted++;
        return Optional.empty();
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * callsPerSecond);
        refilledAt = now;
    }
}
