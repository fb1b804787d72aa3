package io.mlconnector.app.store;

/** A database operation failed (unreachable, constraint, SQL error). The cause carries the driver's detail. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
