package io.mlconnector.sandbox.infor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayThrottleTest {
    private InforSandbox sandbox;
    private InforHttp http;

    @BeforeEach
    void start() {
        sandbox = InforSandbox.start();
        http = new InforHttp(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void callsAboveTheRateAreAnswered429WithRetryAfterAndNeverReachIon() {
        // given a gateway allowing 2 calls per second
        String token = http.accessToken();
        sandbox.gatewayThrottle().limit(2);
        // when ten calls arrive back to back
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(http.ping(token));
        }
        // then the first two pass and the rest are refused with a Retry-After in whole seconds
        assertThat(answers).extracting(HttpResponse::statusCode).startsWith(200, 200).contains(429);
        HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).contains("Quota policy exceeded");
        assertThat(sandbox.gatewayThrottle().refusedCount())
                .isEqualTo(answers.stream().filter(a -> a.statusCode() == 429).count());
        assertThat(sandbox.gatewayThrottle().admittedCount()).isLessThan(10);
    }

    @Test
    void tokenEndpointIsNotCountedAndAnOffThrottleLetsEveryCallThrough() {
        // given the throttle off (the default) and then on with logins in between
        String token = http.accessToken();
        for (int i = 0; i < 5; i++) {
            assertThat(http.ping(token).statusCode()).isEqualTo(200);
        }
        sandbox.gatewayThrottle().limit(2);
        // when the client logs in five times and then calls once
        for (int i = 0; i < 5; i++) {
            assertThat(http.passwordGrant().statusCode()).isEqualTo(200);
        }
        HttpResponse<String> call = http.ping(token);
        // then the logins did not use the gateway's quota
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(sandbox.gatewayThrottle().refusedCount()).isZero();
        assertThat(sandbox.gatewayThrottle().admittedCount()).isEqualTo(6);
    }
}
