package io.mlconnector.infor.api;

import io.mlconnector.infor.MemoryAppender;
import io.mlconnector.sandbox.MutableClock;
import io.mlconnector.sandbox.http.Fault;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.infor.InforSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.mlconnector.infor.api.SandboxFixture.connect;
import static io.mlconnector.infor.api.SandboxFixture.syncBod;
import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {
    private final InforSandbox sandbox = InforSandbox.start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void secretsNeverReachLogsExceptionsOrToString() {
        // given every path that touches a secret: login, proactive refresh, 401 re-login, retries, failures, revoke
        List<String> texts = new ArrayList<>();
        int logLinesBefore = MemoryAppender.count();
        MutableClock clock = MutableClock.now();
        InforIonConnection connection = connect(sandbox, b -> b, clock);
        MessagingOperations ims = new MessagingOperations(connection);
        ims.postMessage(syncBod(connection, "S-1"));
        clock.advance(Duration.ofSeconds(7100));
        ims.postMessage(syncBod(connection, "S-2"));
        sandbox.expireAllTokens();
        sandbox.faults().inject(Fault.status(503).onPath(".*/multipartMessage"), 1);
        ims.postMessage(syncBod(connection, "S-3"));
        sandbox.refuseDocument("Sync.SourceSystemJournalEntry");
        collect(texts, () -> ims.postMessage(syncBod(connection, "S-4")));
        texts.addAll(ims.ping().problems());
        texts.add(connection.toString());
        texts.add(connection.credentials().toString());
        texts.add(connection.settings().toString());
        connection.close();
        IonApiCredentials wrong = IonApiCredentials.parse(sandbox.ionapi().put("cs", "wrong-" + sandbox.clientSecret()).toString());
        try (InforIonConnection refused = new InforIonConnectionProvider(wrong, connection.settings()).connect()) {
            collect(texts, refused::authenticate);
        }

        // then no secret the sandbox issued or was sent appears anywhere
        List<String> secrets = secrets();
        assertThat(secrets).hasSizeGreaterThan(5);
        String logs = MemoryAppender.all();
        assertThat(MemoryAppender.count()).isGreaterThan(logLinesBefore); // the connector did log at DEBUG/INFO
        for (String secret : secrets) {
            assertThat(logs).doesNotContain(secret);
            assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContain(secret));
        }
    }

    private List<String> secrets() {
        List<String> secrets = new ArrayList<>(List.of(sandbox.clientSecret(), sandbox.serviceAccountSecretKey(),
                sandbox.serviceAccountAccessKey()));
        for (SimRequest r : sandbox.requests()) {
            if (r.bearerToken() != null) {
                secrets.add(r.bearerToken());
            }
            if (r.path().endsWith(".oauth2")) {
                r.form().forEach((k, v) -> {
                    if (k.equals("refresh_token") || k.equals("token")) {
                        secrets.add(v);
                    }
                });
            }
        }
        return secrets.stream().distinct().toList();
    }

    private static void collect(List<String> texts, Runnable call) {
        try {
            call.run();
        } catch (InforIonException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                texts.add(String.valueOf(t.getMessage()));
                texts.add(t.toString());
            }
        }
    }
}
