package io.mlconnector.infor.mule.internal;

import org.mule.runtime.extension.api.annotation.Configuration;
import org.mule.runtime.extension.api.annotation.Operations;
import org.mule.runtime.extension.api.annotation.connectivity.ConnectionProviders;

/** One ION tenant reached through the ION API Gateway with one .ionapi credentials file. */
@Configuration(name = "config")
@ConnectionProviders(IonApiConnectionProvider.class)
@Operations(InforIonOperations.class)
public class InforIonConfig {
}
