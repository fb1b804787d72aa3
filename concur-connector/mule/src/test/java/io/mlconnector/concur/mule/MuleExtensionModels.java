package io.mlconnector.concur.mule;

import org.mule.runtime.api.dsl.DslResolvingContext;
import org.mule.runtime.api.meta.model.ExtensionModel;
import org.mule.runtime.extension.api.loader.ExtensionModelLoader;
import org.mule.runtime.extension.api.loader.ExtensionModelValidator;
import org.mule.runtime.module.extension.api.loader.java.DefaultJavaExtensionModelLoader;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads an extension's ExtensionModel with Mule's own Java loader ({@link DefaultJavaExtensionModelLoader}, the one a
 * Mule runtime and mule-extensions-maven-plugin use): every annotation is read, every declaration enricher runs and
 * every model validator runs — except {@code NameClashModelValidator}.
 *
 * <p>Why that one is left out: in mule-extensions-api 1.1.1, {@code XmlDslSyntaxResolver.resolve} fills its cache
 * with {@code HashMap.computeIfAbsent} whose mapping function resolves the configuration's connection providers
 * through the same map. Since Java 9, {@code HashMap.computeIfAbsent} throws {@link
 * java.util.ConcurrentModificationException} when its function changes the map
 * (https://bugs.openjdk.org/browse/JDK-8071667), so on Java 17 that validator fails for every extension that has a
 * configuration with a connection provider, before it checks anything. {@link
 * MuleExtensionModelLoaderTest#stockLoaderFailsOnJava17InTheXmlDslResolver} keeps the evidence. The validator list
 * is read from the loader, not written here: the other validators are Mule's, unchanged.
 */
public final class MuleExtensionModels {
    static final String NAME_CLASH_VALIDATOR = "NameClashModelValidator";

    private MuleExtensionModels() {
    }

    /** The ExtensionModel of {@code extensionType}, as Mule's loader declares, enriches and validates it. */
    public static ExtensionModel load(Class<?> extensionType, String version) {
        return load(withoutNameClashValidator(new DefaultJavaExtensionModelLoader()), extensionType, version);
    }

    /** Loads with {@code loader} as it is, for the evidence test. */
    static ExtensionModel load(ExtensionModelLoader loader, Class<?> extensionType, String version) {
        Map<String, Object> attributes = Map.of("type", extensionType.getName(), "version", version);
        return loader.loadExtensionModel(extensionType.getClassLoader(), DslResolvingContext.getDefault(Set.of()),
                attributes);
    }

    /** The names of the validators the loader would run. */
    static List<String> validatorNames(ExtensionModelLoader loader) {
        List<String> names = new ArrayList<>();
        validators(loader).forEach(v -> names.add(v.getClass().getSimpleName()));
        return names;
    }

    static ExtensionModelLoader withoutNameClashValidator(ExtensionModelLoader loader) {
        List<ExtensionModelValidator> kept = new ArrayList<>(validators(loader));
        if (!kept.removeIf(v -> v.getClass().getSimpleName().equals(NAME_CLASH_VALIDATOR))) {
            throw new IllegalStateException("this Mule loader has no " + NAME_CLASH_VALIDATOR
                    + ": check whether the Java 9+ failure is gone and load with every validator");
        }
        try {
            Field list = factory(loader).getClass().getDeclaredField("extensionModelValidators");
            list.setAccessible(true);
            list.set(factory(loader), List.copyOf(kept));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot configure the validators of " + loader, e);
        }
        return loader;
    }

    @SuppressWarnings("unchecked")
    private static List<ExtensionModelValidator> validators(ExtensionModelLoader loader) {
        try {
            Object factory = factory(loader);
            Field list = factory.getClass().getDeclaredField("extensionModelValidators");
            list.setAccessible(true);
            return (List<ExtensionModelValidator>) list.get(factory);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the validators of " + loader, e);
        }
    }

    private static Object factory(ExtensionModelLoader loader) throws ReflectiveOperationException {
        Field factory = ExtensionModelLoader.class.getDeclaredField("factory");
        factory.setAccessible(true);
        return factory.get(loader);
    }
}
