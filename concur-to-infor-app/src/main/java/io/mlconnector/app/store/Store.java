package io.mlconnector.app.store;

import io.mlconnector.app.config.DatabaseSettings;
import io.mlconnector.app.config.RetryPolicy;
import java.time.Clock;

/** The database and its repositories, opened together. */
public final class Store implements AutoCloseable {
    private final Database database;
    private final Inbox inbox;
    private final Quarantine quarantine;
    private final PostingLedger ledger;
    private final AuditTrail audit;
    private final ExceptionRecords exceptions;
    private final ErpAnswers erpAnswers;

    public Store(Database database, Clock clock, RetryPolicy retryPolicy) {
        this.database = database;
        this.inbox = new Inbox(database, clock, retryPolicy);
        this.quarantine = new Quarantine(database, clock);
        this.ledger = new PostingLedger(database, clock);
        this.audit = new AuditTrail(database, clock);
        this.exceptions = new ExceptionRecords(database, clock);
        this.erpAnswers = new ErpAnswers(database, audit, clock);
    }

    /** Opens (and migrates) the database and builds the repositories on the system UTC clock. */
    public static Store open(DatabaseSettings settings, RetryPolicy retryPolicy) {
        return new Store(Database.open(settings), Clock.systemUTC(), retryPolicy);
    }

    public Database database() {
        return database;
    }

    public Inbox inbox() {
        return inbox;
    }

    public Quarantine quarantine() {
        return quarantine;
    }

    public PostingLedger ledger() {
        return ledger;
    }

    public AuditTrail audit() {
        return audit;
    }

    public ExceptionRecords exceptions() {
        return exceptions;
    }

    /** The ERP's answers (Acknowledge / ConfirmBOD) ION pushed to the IMS endpoint. */
    public ErpAnswers erpAnswers() {
        return erpAnswers;
    }

    @Override
    public void close() {
        database.close();
    }
}
