package io.mlconnector.concur.mule;

import io.mlconnector.concur.mule.api.ConcurError;
import io.mlconnector.concur.mule.internal.ConcurConfig;
import org.mule.runtime.extension.api.annotation.Configurations;
import org.mule.runtime.extension.api.annotation.Extension;
import org.mule.runtime.extension.api.annotation.dsl.xml.Xml;
import org.mule.runtime.extension.api.annotation.error.ErrorTypes;

/**
 * The SAP Concur connector as a Mule 4 extension: declarations only. The {@code concur:} namespace holds one
 * configuration ({@link ConcurConfig}) with its connection provider, operations and the webhook source.
 */
@Extension(name = "Concur", vendor = "ml-connector")
@Xml(prefix = "concur", namespace = "http://www.mlconnector.io/schema/mule/concur")
@Configurations(ConcurConfig.class)
@ErrorTypes(ConcurError.class)
public class ConcurExtension {
}
