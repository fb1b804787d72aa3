package io.mlconnector.concur.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.mlconnector.concur.support.SandboxConfig;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import io.mlconnector.sandbox.http.SimRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Client secrets, request tokens, passwords, refresh and access tokens never reach logs, errors or toString. */
class SecretsTest {
    private ConcurSandbox concur;
    private ListAppender<ILoggingEvent> logs;
    private Logger logger;
    private Level previousLevel;
    private String lastRefreshToken;

    @BeforeEach
    void start() {
        concur = ConcurSandbox.start();
        logger = (Logger) LoggerFactory.getLogger("io.mlconnector.concur");
        previousLevel = logger.getLevel();
        logger.setLevel(Level.TRACE);
        logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(logs);
        logger.setLevel(previousLevel);
        concur.close();
    }

    @Test
    void secretsNeverAppearInLogsErrorsOrToString() {
        // given
        String requestToken = concur.newCompanyRequestToken();
        ConcurConfiguration config = SandboxConfig.of(concur).requestToken(requestToken)
                .userName(concur.userName()).userPassword(concur.userPassword()).build();
        List<String> texts = new ArrayList<>();

        // when: token grant, refresh, user grant, 401 retry, code 108, a refused secret
        try (ConcurConnection connection = new ConcurConnectionProvider(config).connect()) {
            new ConnectionOperations(connection).ping();
            connection.refreshCompanyToken();
            String reportId = concur.reports().addPublishedSampleReport();
            texts.add(failureText(() -> new ExpenseOperations(connection)
                    .getReport(concur.reports().reportHref(reportId).toString())));
            concur.faults().inject(io.mlconnector.sandbox.http.Fault.status(401), 1);
            new ConnectionOperations(connection).ping();
            texts.add(connection.toString());
            TokenState state = connection.companyTokenState().orElseThrow();
            lastRefreshToken = state.refreshToken();
            texts.add(state.toString());
            concur.revokeRefreshTokens();
            texts.add(failureText(connection::refreshCompanyToken));
        }
        ConcurConfiguration wrongSecret = SandboxConfig.of(concur).clientSecret("wrong-" + concur.clientSecret())
                .build();
        texts.add(failureText(() -> new ConnectionOperations(new ConcurConnectionProvider(wrongSecret).connect()).ping()));
        ConcurConfiguration wrongRequestToken = SandboxConfig.of(concur).requestToken("rt-" + requestToken).build();
        texts.add(failureText(() -> new ConnectionOperations(
                new ConcurConnectionProvider(wrongRequestToken).connect()).ping()));
        texts.add(config.toString());
        texts.add(wrongSecret.toString());
        logs.list.forEach(e -> {
            texts.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                texts.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
        });

        // then
        Set<String> secrets = secrets(requestToken);
        assertThat(secrets).contains(concur.clientSecret(), concur.userPassword()).hasSizeGreaterThan(6);
        assertThat(logs.list).isNotEmpty();
        assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(secrets));
    }

    /** Everything secret that crossed the wire: form credentials, refresh tokens, bearer tokens. */
    private Set<String> secrets(String requestToken) {
        Set<String> secrets = new HashSet<>();
        secrets.add(concur.clientSecret());
        secrets.add(concur.userPassword());
        secrets.add(requestToken);
        secrets.add(lastRefreshToken);
        Stream.of(concur.glzRequests(), concur.requests(), concur.otherDataCentreRequests()).flatMap(List::stream)
                .forEach(r -> collect(r, secrets));
        secrets.removeIf(s -> s == null || s.isBlank());
        return secrets;
    }

    private static void collect(SimRequest r, Set<String> secrets) {
        if (r.path().equals("/oauth2/v0/token")) {
            secrets.add(r.form().get("client_secret"));
            secrets.add(r.form().get("refresh_token"));
            if (!Objects.equals(r.form().get("credtype"), null)) {
                secrets.add(r.form().get("password"));
            }
        }
        secrets.add(r.bearerToken());
    }

    private static String failureText(Runnable call) {
        try {
            call.run();
            return "";
        } catch (ConcurException e) {
            return e.getMessage() + " " + e;
        }
    }
}
