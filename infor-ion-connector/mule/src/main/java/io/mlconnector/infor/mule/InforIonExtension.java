package io.mlconnector.infor.mule;

import io.mlconnector.infor.mule.api.InforIonError;
import io.mlconnector.infor.mule.internal.InforIonConfig;
import org.mule.runtime.extension.api.annotation.Configurations;
import org.mule.runtime.extension.api.annotation.Extension;
import org.mule.runtime.extension.api.annotation.dsl.xml.Xml;
import org.mule.runtime.extension.api.annotation.error.ErrorTypes;

/**
 * The Infor ION connector as a Mule 4 extension: declarations only. The {@code infor-ion:} namespace holds one
 * configuration ({@link InforIonConfig}) with the .ionapi connection provider and the BOD and M3 REST operations.
 */
@Extension(name = "Infor ION", vendor = "ml-connector")
@Xml(prefix = "infor-ion", namespace = "http://www.mlconnector.io/schema/mule/infor-ion")
@Configurations(InforIonConfig.class)
@ErrorTypes(InforIonError.class)
public class InforIonExtension {
}
