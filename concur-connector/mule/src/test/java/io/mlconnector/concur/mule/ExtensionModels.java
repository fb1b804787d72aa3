package io.mlconnector.concur.mule;

import org.mule.runtime.api.meta.model.ExtensionModel;
import org.mule.runtime.api.meta.model.config.ConfigurationModel;
import org.mule.runtime.api.meta.model.connection.ConnectionProviderModel;
import org.mule.runtime.api.meta.model.error.ErrorModel;
import org.mule.runtime.api.meta.model.operation.OperationModel;
import org.mule.runtime.api.meta.model.parameter.ParameterModel;
import org.mule.runtime.api.meta.model.parameter.ParameterizedModel;
import org.mule.runtime.api.meta.model.source.SourceModel;
import org.mule.runtime.api.meta.model.ComponentModel;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reading a loaded ExtensionModel in tests: components and parameters by name, errors as NAMESPACE:TYPE. */
public final class ExtensionModels {
    /** Parameters Mule adds to every operation or source (output, target, reconnection, redelivery). */
    public static final Set<String> INFRASTRUCTURE = Set.of("outputMimeType", "outputEncoding", "target",
            "targetValue", "reconnectionStrategy", "reconnection", "expirationPolicy", "primaryNodeOnly",
            "redeliveryPolicy", "streamingStrategy");

    private ExtensionModels() {
    }

    public static ConfigurationModel config(ExtensionModel model, String name) {
        return model.getConfigurationModel(name).orElseThrow(() -> new AssertionError("no configuration " + name));
    }

    public static OperationModel operation(ConfigurationModel config, String name) {
        return config.getOperationModel(name).orElseThrow(() -> new AssertionError("no operation " + name));
    }

    public static SourceModel source(ConfigurationModel config, String name) {
        return config.getSourceModel(name).orElseThrow(() -> new AssertionError("no source " + name));
    }

    public static ConnectionProviderModel provider(ConfigurationModel config, String name) {
        return config.getConnectionProviders().stream().filter(p -> p.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no connection provider " + name));
    }

    public static ParameterModel parameter(ParameterizedModel component, String name) {
        return component.getAllParameterModels().stream().filter(p -> p.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(component.getName() + " has no parameter " + name));
    }

    /** The parameters the extension itself declares, without Mule's infrastructure ones. */
    public static List<String> declaredParameters(ParameterizedModel component) {
        return component.getAllParameterModels().stream().map(ParameterModel::getName)
                .filter(name -> !INFRASTRUCTURE.contains(name)).collect(Collectors.toList());
    }

    public static Set<String> names(List<? extends org.mule.runtime.api.meta.NamedObject> components) {
        return components.stream().map(org.mule.runtime.api.meta.NamedObject::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The errors a component can raise, as {@code NAMESPACE:TYPE}. */
    public static Set<String> errors(ComponentModel component) {
        return errorNames(component.getErrorModels());
    }

    public static Set<String> errorNames(Set<ErrorModel> errors) {
        return errors.stream().map(ExtensionModels::name).collect(Collectors.toCollection(TreeSet::new));
    }

    public static String name(ErrorModel error) {
        return error.getNamespace() + ":" + error.getType();
    }

    public static ErrorModel error(ExtensionModel model, String name) {
        return model.getErrorModels().stream().filter(e -> name(e).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no error type " + name));
    }

    public static boolean isPassword(ParameterModel parameter) {
        return parameter.getLayoutModel().map(layout -> layout.isPassword()).orElse(false);
    }
}
