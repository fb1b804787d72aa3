package io.mlconnector.infor;

import io.mlconnector.infor.api.BodOperations;
import io.mlconnector.infor.api.InforIonConnectionProvider;
import io.mlconnector.infor.api.InforIonErrorType;
import io.mlconnector.infor.api.M3Operations;
import io.mlconnector.infor.api.MessagingOperations;
import io.mlconnector.infor.api.ValidationOperations;

import java.util.List;

/**
 * The Infor ION connector, in the Mule SDK shape: declarations only. Connect with
 * {@link InforIonConnectionProvider}, build BODs with {@link BodOperations}, post and ping with
 * {@link MessagingOperations}, post over REST with {@link M3Operations}, validate codes with
 * {@link ValidationOperations}. Errors are {@link io.mlconnector.infor.api.InforIonException} carrying an
 * {@link InforIonErrorType}. The Camel adapter is {@code io.mlconnector.infor.camel.InforIonComponent} ({@code infor-ion:}).
 */
public final class InforIonConnector {
    public static final String NAME = "infor-ion";
    public static final Class<InforIonConnectionProvider> CONNECTION_PROVIDER = InforIonConnectionProvider.class;
    public static final List<Class<?>> OPERATIONS = List.of(MessagingOperations.class, BodOperations.class,
            M3Operations.class, ValidationOperations.class);
    public static final Class<InforIonErrorType> ERROR_TYPES = InforIonErrorType.class;

    private InforIonConnector() {
    }
}
