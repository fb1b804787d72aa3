package io.mlconnector.concur.api;

import io.mlconnector.concur.support.ConcurSandboxTest;
import io.mlconnector.concur.support.Databases;
import io.mlconnector.concur.support.SandboxConfig;
import io.mlconnector.sandbox.MutableClock;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import io.mlconnector.sandbox.http.Fault;
import io.mlconnector.sandbox.http.SimRequest;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.mlconnector.concur.support.SandboxConfig.calls;
import static io.mlconnector.concur.support.SandboxConfig.tokenCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * OAuth v0 company tokens against the Concur sandbox
 * (https://developer.concur.com/api-reference/authentication/apidoc.html).
 */
class CompanyTokenTest extends ConcurSandboxTest {
    private ConcurPingResult ping(ConcurConfiguration config) {
        try (ConcurConnection connection = new ConcurConnectionProvider(config).connect()) {
            return new ConnectionOperations(connection).ping();
        }
    }

    @Test
    void companyTokenIsObtainedAtGlzWithTheAuthtokenGrantAndApiCallsGoToTheGeolocation() {
        // given
        ConcurConfiguration config = SandboxConfig.of(concur).build();

        // when
        ConcurPingResult ping = ping(config);

        // then
        List<SimRequest> grants = tokenCalls(concur.glzRequests(), "password");
        assertThat(grants).singleElement().satisfies(r -> {
            assertThat(r.form()).containsEntry("credtype", "authtoken").containsEntry("username", concur.companyId())
                    .containsEntry("client_id", concur.clientId());
            assertThat(r.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
            assertThat(r.query()).isEmpty();
        });
        assertThat(ping.geolocation()).isEqualTo(concur.dataCentreUri());
        assertThat(calls(concur.requests(), "GET", FIS)).hasSize(1);
        assertThat(calls(concur.glzRequests(), "GET", "/")).isEmpty();
        assertThat(config.tokenStore().load(config.companyTokenKey())).hasValueSatisfying(state -> {
            assertThat(state.geolocation()).isEqualTo(concur.dataCentreUri());
            assertThat(state.refreshExpiresAt()).isAfter(Instant.now().plus(Duration.ofDays(170)));
        });
    }

    @Test
    void refreshStoresTheRotatedRefreshTokenAndKeepsWorking() {
        // given
        ConcurConfiguration config = SandboxConfig.of(concur).build();
        try (ConcurConnection connection = new ConcurConnectionProvider(config).connect()) {
            new ConnectionOperations(connection).ping();
            TokenState before = connection.companyTokenState().orElseThrow();

            // when
            connection.refreshCompanyToken();

            // then
            TokenState after = connection.companyTokenState().orElseThrow();
            assertThat(after.refreshToken()).isNotEqualTo(before.refreshToken());
            assertThat(tokenCalls(concur.requests(), "refresh_token")).singleElement()
                    .satisfies(r -> assertThat(r.form()).containsEntry("refresh_token", before.refreshToken()));
            // the refresh answer sends expires_in as a string
            assertThat(connection.companyAccessTokenExpiresAt()).hasValueSatisfying(t ->
                    assertThat(t).isCloseTo(Instant.now().plus(Duration.ofHours(1)), within(Duration.ofMinutes(1))));
            connection.refreshCompanyToken();
            assertThat(connection.companyTokenState().orElseThrow().refreshToken())
                    .isNotEqualTo(after.refreshToken());
            assertThat(new ConnectionOperations(connection).ping().geolocation()).isEqualTo(concur.dataCentreUri());
        }
    }

    @Test
    void refreshTokenRotatedByAnotherInstanceMeanwhileIsTakenFromTheStore() {
        // given two instances sharing one token store; B read the state just before A rotated it
        InMemoryTokenStore shared = new InMemoryTokenStore();
        ConcurConfiguration configA = SandboxConfig.of(concur).tokenStore(shared).build();
        try (ConcurConnection a = new ConcurConnectionProvider(configA).connect()) {
            new ConnectionOperations(a).ping();
            TokenState readByB = a.companyTokenState().orElseThrow();
            a.refreshCompanyToken();
            TokenState rotatedByA = a.companyTokenState().orElseThrow();
            ConcurConfiguration configB = SandboxConfig.of(concur).tokenStore(new StaleOnceTokenStore(shared, readByB))
                    .requestToken(null).build();
            try (ConcurConnection b = new ConcurConnectionProvider(configB).connect()) {

                // when
                b.refreshCompanyToken();

                // then B was refused the stale token (108), took A's from the store and rotated it once more
                assertThat(tokenCalls(concur.requests(), "refresh_token")).extracting(r -> r.form().get("refresh_token"))
                        .containsExactly(readByB.refreshToken(), readByB.refreshToken(), rotatedByA.refreshToken());
                assertThat(shared.load(configB.companyTokenKey()).orElseThrow().refreshToken())
                        .isNotIn(readByB.refreshToken(), rotatedByA.refreshToken());
                assertThat(new ConnectionOperations(b).ping().geolocation()).isEqualTo(concur.dataCentreUri());
            }
        }
    }

    /** A store whose first load answers a state read earlier, as a concurrent reader would have seen it. */
    private static final class StaleOnceTokenStore implements TokenStore {
        private final TokenStore delegate;
        private TokenState stale;

        StaleOnceTokenStore(TokenStore delegate, TokenState stale) {
            this.delegate = delegate;
            this.stale = stale;
        }

        @Override
        public synchronized Optional<TokenState> load(String key) {
            TokenState once = stale;
            stale = null;
            return once != null ? Optional.of(once) : delegate.load(key);
        }

        @Override
        public void save(TokenState state) {
            delegate.save(state);
        }

        @Override
        public void delete(String key) {
            delegate.delete(key);
        }
    }

    @Test
    void accessTokenIsRefreshedProactivelyBeforeItExpires() {
        // given a token valid for one hour, refreshed 5 minutes before expiry
        MutableClock clock = MutableClock.now();
        ConcurConfiguration config = SandboxConfig.of(concur).clock(clock)
                .accessTokenRefreshMargin(Duration.ofMinutes(5)).build();
        try (ConcurConnection connection = new ConcurConnectionProvider(config).connect()) {
            FisOperations fis = new FisOperations(connection);
            fis.getDocuments(FisDocType.EXPENSE, 0, 1, null);
            clock.advance(Duration.ofMinutes(54));
            fis.getDocuments(FisDocType.EXPENSE, 0, 1, null);
            assertThat(tokenCalls(concur.requests(), "refresh_token")).isEmpty();

            // when
            clock.advance(Duration.ofMinutes(2));
            fis.getDocuments(FisDocType.EXPENSE, 0, 1, null);

            // then
            assertThat(tokenCalls(concur.requests(), "refresh_token")).hasSize(1);
            List<String> bearers = calls(concur.requests(), "GET", FIS).stream().map(SimRequest::bearerToken).toList();
            assertThat(bearers).hasSize(3);
            assertThat(bearers.get(1)).isEqualTo(bearers.get(0));
            assertThat(bearers.get(2)).isNotEqualTo(bearers.get(0));
        }
    }

    @Test
    void refusedAccessTokenIsRefreshedOnceAndTheCallRepeated() {
        // given
        ConcurConfiguration config = SandboxConfig.of(concur).build();
        try (ConcurConnection connection = new ConcurConnectionProvider(config).connect()) {
            ConnectionOperations operations = new ConnectionOperations(connection);
            operations.ping();
            concur.faults().inject(Fault.status(401).onPath(FIS + ".*"), 1);

            // when
            operations.ping();

            // then
            assertThat(tokenCalls(concur.requests(), "refresh_token")).hasSize(1);
            List<SimRequest> reads = calls(concur.requests(), "GET", FIS);
            assertThat(reads).hasSize(3);
            assertThat(reads.get(2).bearerToken()).isNotEqualTo(reads.get(1).bearerToken());
        }
    }

    @Test
    void accessTokenExpiredAtConcurIsRefreshedOnTheFirst401() {
        // given a cached token that Concur has expired early
        ConcurConfiguration config = SandboxConfig.of(concur).build();
        try (ConcurConnection connection = new ConcurConnectionProvider(config).connect()) {
            FisOperations fis = new FisOperations(connection);
            fis.getDocuments(FisDocType.EXPENSE, 0, 1, null);
            concur.expireAccessTokens();

            // when
            FisDocumentPage page = fis.getDocuments(FisDocType.EXPENSE, 0, 1, null);

            // then
            assertThat(page.documents()).isEmpty();
            assertThat(tokenCalls(concur.requests(), "refresh_token")).hasSize(1);
            assertThat(calls(concur.requests(), "GET", FIS)).hasSize(3);
        }
    }

    @Test
    void persistentlyRefusedTokenIsUnauthorizedAfterOneRetry() {
        // given
        ConcurConfiguration config = SandboxConfig.of(concur).build();
        concur.faults().always(Fault.status(401).onPath(FIS + ".*"));

        // when / then
        assertThatThrownBy(() -> ping(config)).isInstanceOfSatisfying(ConcurException.class,
                e -> assertThat(e.type()).isEqualTo(ConcurErrorType.UNAUTHORIZED));
        assertThat(calls(concur.requests(), "GET", FIS)).hasSize(2);
    }

    @Test
    void codeSixteenIsRetriedAtTheReturnedGeolocation() {
        // given an auth base where this company does not live
        ConcurConfiguration config = SandboxConfig.of(concur).authBaseUri(concur.otherDataCentreUri()).build();

        // when
        ConcurPingResult ping = ping(config);

        // then
        assertThat(tokenCalls(concur.otherDataCentreRequests(), "password")).hasSize(1);
        assertThat(tokenCalls(concur.requests(), "password")).singleElement()
                .satisfies(r -> assertThat(r.form()).containsEntry("credtype", "authtoken"));
        assertThat(ping.geolocation()).isEqualTo(concur.dataCentreUri());
        assertThat(config.tokenStore().load(config.companyTokenKey()).orElseThrow().geolocation())
                .isEqualTo(concur.dataCentreUri());
    }

    @Test
    void staleStoredGeolocationSwitchesToTheOneConcurReturns() {
        // given token state whose geolocation is no longer the company's data centre
        ConcurConfiguration config = SandboxConfig.of(concur).build();
        ping(config);
        TokenState state = config.tokenStore().load(config.companyTokenKey()).orElseThrow();
        config.tokenStore().save(new TokenState(state.key(), state.refreshToken(), state.refreshExpiresAt(),
                concur.otherDataCentreUri(), state.updatedAt()));

        // when
        ConcurPingResult ping = ping(config.toBuilder().requestToken(null).build());

        // then: refresh went to the stored geolocation, code 16 sent it home, and home is stored again
        assertThat(tokenCalls(concur.otherDataCentreRequests(), "refresh_token")).hasSize(1);
        assertThat(tokenCalls(concur.requests(), "refresh_token")).hasSize(1);
        assertThat(ping.geolocation()).isEqualTo(concur.dataCentreUri());
        assertThat(config.tokenStore().load(config.companyTokenKey()).orElseThrow().geolocation())
                .isEqualTo(concur.dataCentreUri());
    }

    @Test
    void codeOneHundredEightIsReauthorizationRequiredAndANewRequestTokenFixesIt() {
        // given
        ConcurConfiguration config = SandboxConfig.of(concur).build();
        try (ConcurConnection connection = new ConcurConnectionProvider(config).connect()) {
            new ConnectionOperations(connection).ping();
            concur.revokeRefreshTokens();

            // when / then
            assertThatThrownBy(connection::refreshCompanyToken).isInstanceOfSatisfying(ConcurException.class, e -> {
                assertThat(e.type()).isEqualTo(ConcurErrorType.REAUTHORIZATION_REQUIRED);
                assertThat(e.concurCode()).contains(108);
            });
            connection.authorizeCompany(concur.newCompanyRequestToken());
            assertThat(new ConnectionOperations(connection).ping().geolocation()).isEqualTo(concur.dataCentreUri());
        }
    }

    @Test
    void withoutStoredStateOrRequestTokenReauthorizationIsRequired() {
        // given
        ConcurConfiguration config = SandboxConfig.of(concur).requestToken(null).build();

        // when / then
        assertThatThrownBy(() -> ping(config)).isInstanceOfSatisfying(ConcurException.class,
                e -> assertThat(e.type()).isEqualTo(ConcurErrorType.REAUTHORIZATION_REQUIRED));
        assertThat(concur.glzRequests()).isEmpty();
    }

    @Test
    void providerValidationPingsAndReportsTheFailureType() {
        // given
        ConcurConnectionProvider good = new ConcurConnectionProvider(SandboxConfig.of(concur).build());
        ConcurConnectionProvider bad = new ConcurConnectionProvider(SandboxConfig.of(concur)
                .clientSecret("not-the-secret").build());

        // when
        ConnectionValidation ok = good.validate(good.connect());
        ConnectionValidation refused = bad.validate(bad.connect());

        // then
        assertThat(ok.isValid()).isTrue();
        assertThat(ok.ping().geolocation()).isEqualTo(concur.dataCentreUri());
        assertThat(refused.isValid()).isFalse();
        assertThat(refused.errorType()).contains(ConcurErrorType.AUTHENTICATION_FAILED);
        assertThat(refused.failure().concurCode()).contains(64);
    }

    @Test
    void otherOAuthCodesAreTypedWithConcurCodeAndDescription() {
        // given a request token Concur never issued
        ConcurConfiguration config = SandboxConfig.of(concur).requestToken("not-a-request-token").build();

        // when / then
        assertThatThrownBy(() -> ping(config)).isInstanceOfSatisfying(ConcurException.class, e -> {
            assertThat(e.type()).isEqualTo(ConcurErrorType.AUTHENTICATION_FAILED);
            assertThat(e.concurCode()).contains(5);
            assertThat(e.getMessage()).contains("Incorrect Credentials").doesNotContain("not-a-request-token");
        });
    }

    @Test
    void refreshTokenExpiringWithinTheWarningPeriodIsLoggedAsWarning() {
        // given a company whose refresh tokens live only 10 days, warned 30 days ahead
        concur.close();
        concur = ConcurSandbox.start(io.mlconnector.sandbox.concur.ConcurSandboxSettings.builder()
                .refreshTokenLifetime(Duration.ofDays(10)).build());
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(io.mlconnector.concur.internal.RefreshingTokenManager.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            // when
            ping(SandboxConfig.of(concur).refreshTokenWarningPeriod(Duration.ofDays(30)).build());

            // then
            assertThat(logs.list).anySatisfy(e -> {
                assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
                assertThat(e.getFormattedMessage()).contains("refresh token").contains("company:" + concur.companyId());
            });
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void refreshTokenFarFromExpiryIsNotWarned() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(io.mlconnector.concur.internal.RefreshingTokenManager.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            ping(SandboxConfig.of(concur).refreshTokenWarningPeriod(Duration.ofDays(30)).build());

            assertThat(logs.list).noneMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN);
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void tokenStateSurvivesARestartInTheJdbcStoreOnH2() {
        restartNeedsNoNewRequestToken(Databases.withConnectorSchema(Databases.h2()));
    }

    @Test
    void tokenStateSurvivesARestartInTheJdbcStoreOnPostgres() throws Exception {
        try (Databases.PgSchema pg = Databases.postgres("concur_token")) {
            restartNeedsNoNewRequestToken(Databases.withConnectorSchema(pg.dataSource()));
        }
    }

    private void restartNeedsNoNewRequestToken(DataSource dataSource) {
        // given a first run that connected the company
        ConcurConfiguration first = SandboxConfig.of(concur).tokenStore(new JdbcTokenStore(dataSource)).build();
        ping(first);

        // when the process restarts: new store object, no request token configured
        ConcurConfiguration second = SandboxConfig.of(concur).requestToken(null)
                .tokenStore(new JdbcTokenStore(dataSource)).build();
        ConcurPingResult ping = ping(second);

        // then the stored access token is still good: neither a new grant nor a refresh (which would rotate the
        // refresh token, the write a process killed at the wrong moment would lose)
        assertThat(ping.geolocation()).isEqualTo(concur.dataCentreUri());
        assertThat(tokenCalls(concur.glzRequests(), "password")).hasSize(1);
        assertThat(tokenCalls(concur.requests(), "refresh_token")).isEmpty();
        assertThat(ping.refreshTokenExpiresAt()).isAfter(Instant.now().plus(Duration.ofDays(170)));

        // and once Concur no longer takes that access token, the restarted process refreshes with the stored one
        concur.expireAccessTokens();
        ConcurConfiguration third = SandboxConfig.of(concur).requestToken(null)
                .tokenStore(new JdbcTokenStore(dataSource)).build();
        assertThat(ping(third).geolocation()).isEqualTo(concur.dataCentreUri());
        assertThat(tokenCalls(concur.requests(), "refresh_token")).hasSize(1);
    }
}
