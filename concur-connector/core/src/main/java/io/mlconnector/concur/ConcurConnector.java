package io.mlconnector.concur;

import io.mlconnector.concur.api.ConcurConnectionProvider;
import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurWebhookSource;
import io.mlconnector.concur.api.ConnectionOperations;
import io.mlconnector.concur.api.EventSubscriptionOperations;
import io.mlconnector.concur.api.ExpenseOperations;
import io.mlconnector.concur.api.FisOperations;
import io.mlconnector.concur.api.InvoiceOperations;

import java.util.List;

/**
 * The SAP Concur connector: declarations only (Mule SDK shape).
 */
public final class ConcurConnector {
    public static final String NAME = "concur";
    public static final Class<?> CONNECTION_PROVIDER = ConcurConnectionProvider.class;
    public static final List<Class<?>> OPERATIONS = List.of(ConnectionOperations.class, FisOperations.class,
            EventSubscriptionOperations.class, ExpenseOperations.class, InvoiceOperations.class);
    public static final List<Class<?>> SOURCES = List.of(ConcurWebhookSource.class);
    public static final Class<ConcurErrorType> ERROR_TYPES = ConcurErrorType.class;

    private ConcurConnector() {
    }
}
