package io.mlconnector.concur.support;

import io.mlconnector.sandbox.concur.ConcurSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh {@link ConcurSandbox} with default settings for every test, closed after it. A test may close it and start
 * one with other settings in its place; the one in {@link #concur} at the end is closed.
 */
public abstract class ConcurSandboxTest {
    /** Path prefix of the FIS v4 API on the data centre. */
    protected static final String FIS = "/financialintegration/fi/v4/";

    protected ConcurSandbox concur;

    // named apart from subclasses' own @BeforeEach/@AfterEach so that none of them overrides (and so skips) these
    @BeforeEach
    protected final void startConcurSandbox() {
        concur = ConcurSandbox.start();
    }

    @AfterEach
    protected final void closeConcurSandbox() {
        concur.close();
    }
}
