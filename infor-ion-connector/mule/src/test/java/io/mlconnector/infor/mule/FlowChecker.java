package io.mlconnector.infor.mule;

import org.mule.metadata.api.model.ArrayType;
import org.mule.metadata.api.model.MetadataType;
import org.mule.metadata.api.model.ObjectFieldType;
import org.mule.metadata.api.model.ObjectType;
import org.mule.runtime.api.dsl.DslResolvingContext;
import org.mule.runtime.api.meta.NamedObject;
import org.mule.runtime.api.meta.model.ExtensionModel;
import org.mule.runtime.api.meta.model.config.ConfigurationModel;
import org.mule.runtime.api.meta.model.connection.ConnectionProviderModel;
import org.mule.runtime.api.meta.model.parameter.ParameterModel;
import org.mule.runtime.api.meta.model.parameter.ParameterizedModel;
import org.mule.runtime.extension.api.dsl.syntax.DslElementSyntax;
import org.mule.runtime.extension.api.dsl.syntax.resolver.DslSyntaxResolver;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a Mule configuration file against ExtensionModels: every element in an extension's namespace must be one of
 * its configurations, connection providers, operations or sources; every attribute one of that component's
 * parameters; every required parameter given; every child element a parameter Mule's XML DSL writes as a child, and
 * the children of list and object parameters the items and fields the model declares. Element and attribute names
 * come from Mule's own {@link DslSyntaxResolver}.
 */
final class FlowChecker {
    private static final String DOC_NAMESPACE = "http://www.mulesoft.org/schema/mule/documentation";

    private final Map<String, Namespace> namespaces = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int checkedElements;

    FlowChecker(List<ExtensionModel> models) {
        DslResolvingContext context = DslResolvingContext.getDefault(Set.copyOf(models));
        models.forEach(model -> namespaces.put(model.getXmlDslModel().getNamespace(), new Namespace(model, context)));
    }

    /** The problems found in {@code flow}, each naming the element and what is wrong; empty when it matches. */
    List<String> check(Document flow) {
        walk(flow.getDocumentElement());
        return problems;
    }

    /** How many extension elements were checked (components, parameter children and their items). */
    int checkedElements() {
        return checkedElements;
    }

    private void walk(Element element) {
        for (Element child : children(element)) {
            Namespace namespace = namespaces.get(child.getNamespaceURI());
            if (namespace == null) {
                walk(child);
            } else if (isTopLevel(child)) {
                checkConfiguration(namespace, child);
            } else {
                checkComponent(namespace, child);
            }
        }
    }

    private void checkConfiguration(Namespace namespace, Element element) {
        checkedElements++;
        Optional<ConfigurationModel> config = namespace.model.getConfigurationModels().stream()
                .filter(c -> namespace.syntax(c).getElementName().equals(element.getLocalName())).findFirst();
        if (config.isEmpty()) {
            problems.add(describe(element) + ": " + namespace.prefix() + " has no configuration of that name");
            return;
        }
        checkParameters(namespace, element, config.get(), Set.of("name"), config.get().getConnectionProviders());
    }

    private void checkComponent(Namespace namespace, Element element) {
        checkedElements++;
        Optional<ParameterizedModel> component = namespace.model.getConfigurationModels().stream()
                .flatMap(c -> java.util.stream.Stream.concat(c.getOperationModels().stream(),
                        c.getSourceModels().stream()))
                .map(ParameterizedModel.class::cast)
                .filter(c -> namespace.syntax(c).getElementName().equals(element.getLocalName())).findFirst();
        if (component.isEmpty()) {
            problems.add(describe(element) + ": " + namespace.prefix() + " has no operation or source of that name");
            return;
        }
        checkParameters(namespace, element, component.get(), Set.of("config-ref"), List.of());
    }

    private void checkParameters(Namespace namespace, Element element, ParameterizedModel component,
                                 Set<String> frameworkAttributes, List<ConnectionProviderModel> providers) {
        List<ParameterModel> parameters = component.getAllParameterModels();
        for (Attr attribute : attributes(element)) {
            String name = attribute.getLocalName();
            boolean known = frameworkAttributes.contains(name) || parameters.stream().anyMatch(p ->
                    namespace.syntax(p).supportsAttributeDeclaration()
                            && namespace.syntax(p).getAttributeName().equals(name));
            if (!known) {
                problems.add(describe(element) + ": " + component.getName() + " has no parameter '" + name + "'");
            }
        }
        List<String> given = new ArrayList<>();
        for (Element child : children(element)) {
            Optional<ConnectionProviderModel> provider = providers.stream()
                    .filter(p -> matches(namespace.syntax(p), child)).findFirst();
            Optional<ParameterModel> parameter = parameters.stream()
                    .filter(p -> namespace.syntax(p).supportsChildDeclaration() && matches(namespace.syntax(p), child))
                    .findFirst();
            if (provider.isPresent()) {
                checkedElements++;
                checkParameters(namespace, child, provider.get(), Set.of(), List.of());
            } else if (parameter.isPresent()) {
                given.add(parameter.get().getName());
                checkParameterValue(namespace, child, parameter.get());
            } else {
                problems.add(describe(child) + ": not a parameter of " + component.getName());
            }
        }
        for (ParameterModel parameter : parameters) {
            boolean required = parameter.isRequired() && parameter.getDefaultValue() == null;
            if (required && !given.contains(parameter.getName())
                    && element.getAttributeNode(namespace.syntax(parameter).getAttributeName()) == null) {
                problems.add(describe(element) + ": required parameter '" + parameter.getName() + "' of "
                        + component.getName() + " is missing");
            }
        }
        if (!providers.isEmpty() && children(element).stream()
                .noneMatch(child -> providers.stream().anyMatch(p -> matches(namespace.syntax(p), child)))) {
            problems.add(describe(element) + ": no connection (" + providers.stream()
                    .map(p -> namespace.syntax(p).getElementName()).collect(Collectors.joining(", ")) + ")");
        }
    }

    /** A list's items or an object's fields, as Mule's DSL writes them. */
    private void checkParameterValue(Namespace namespace, Element element, ParameterModel parameter) {
        if (!namespaces.containsKey(element.getNamespaceURI())) {
            return; // Mule's own infrastructure parameters (reconnection, streaming): core namespace, not ours
        }
        checkedElements++;
        checkValue(namespace, element, parameter.getType(), namespace.syntax(parameter));
    }

    private void checkValue(Namespace namespace, Element element, MetadataType type, DslElementSyntax syntax) {
        if (type instanceof ArrayType array) {
            MetadataType itemType = array.getType();
            Optional<DslElementSyntax> item = syntax.getGeneric(itemType);
            for (Element child : children(element)) {
                checkedElements++;
                if (item.isEmpty() || !item.get().getElementName().equals(child.getLocalName())) {
                    problems.add(describe(child) + ": items of " + describe(element) + " are "
                            + item.map(i -> "<" + i.getPrefix() + ":" + i.getElementName() + ">").orElse("not elements"));
                } else if (itemType instanceof ObjectType object) {
                    checkFields(namespace, child, object);
                } else if (attributes(child).stream().anyMatch(a -> !a.getLocalName().equals("value"))) {
                    problems.add(describe(child) + ": a simple item has only a 'value' attribute");
                }
            }
        } else if (type instanceof ObjectType object) {
            checkFields(namespace, element, object);
        }
    }

    private void checkFields(Namespace namespace, Element element, ObjectType type) {
        Set<String> fields = type.getFields().stream().map(f -> f.getKey().getName().getLocalPart())
                .collect(Collectors.toSet());
        for (Attr attribute : attributes(element)) {
            if (!fields.contains(attribute.getLocalName())) {
                problems.add(describe(element) + ": has no field '" + attribute.getLocalName() + "'");
            }
        }
        for (ObjectFieldType field : type.getFields()) {
            String name = field.getKey().getName().getLocalPart();
            if (field.isRequired() && element.getAttributeNode(name) == null) {
                problems.add(describe(element) + ": required field '" + name + "' is missing");
            }
        }
        if (!children(element).isEmpty()) {
            problems.add(describe(element) + ": fields of " + type + " are given as attributes here");
        }
    }

    private static boolean matches(DslElementSyntax syntax, Element element) {
        return syntax.getElementName().equals(element.getLocalName())
                && (syntax.getNamespace() == null || syntax.getNamespace().isEmpty()
                || syntax.getNamespace().equals(element.getNamespaceURI()) || isCore(syntax, element));
    }

    private static boolean isCore(DslElementSyntax syntax, Element element) {
        return "mule".equals(syntax.getPrefix())
                && "http://www.mulesoft.org/schema/mule/core".equals(element.getNamespaceURI());
    }

    private static boolean isTopLevel(Element element) {
        Node parent = element.getParentNode();
        return parent instanceof Element p && p.getParentNode() instanceof Document;
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    private static List<Attr> attributes(Element element) {
        List<Attr> attributes = new ArrayList<>();
        NamedNodeMap all = element.getAttributes();
        for (int i = 0; i < all.getLength(); i++) {
            Attr attribute = (Attr) all.item(i);
            String namespace = attribute.getNamespaceURI();
            if (namespace == null || (!namespace.equals(DOC_NAMESPACE)
                    && !namespace.equals("http://www.w3.org/2000/xmlns/"))) {
                attributes.add(attribute);
            }
        }
        return attributes;
    }

    private static String describe(Element element) {
        StringBuilder name = new StringBuilder("<" + element.getTagName());
        Attr docName = element.getAttributeNodeNS(DOC_NAMESPACE, "name");
        if (docName != null) {
            name.append(" doc:name=\"").append(docName.getValue()).append('"');
        }
        return name.append('>').toString();
    }

    /**
     * One extension's names. Mule 1.1.1's resolver caches with HashMap.computeIfAbsent and fails on Java 9+ when a
     * component's entry needs a new nested entry (see MuleExtensionModels); resolving every parameter and connection
     * provider before the component that holds it means the component's entry never adds one.
     */
    private static final class Namespace {
        private final ExtensionModel model;
        private final DslSyntaxResolver resolver;
        private final Map<Object, DslElementSyntax> resolved = new HashMap<>();

        Namespace(ExtensionModel model, DslResolvingContext context) {
            this.model = model;
            this.resolver = DslSyntaxResolver.getDefault(model, context);
            for (ConfigurationModel config : model.getConfigurationModels()) {
                config.getConnectionProviders().forEach(this::syntax);
                config.getOperationModels().forEach(this::syntax);
                config.getSourceModels().forEach(this::syntax);
                syntax(config);
            }
        }

        String prefix() {
            return model.getXmlDslModel().getPrefix() + ":";
        }

        DslElementSyntax syntax(NamedObject component) {
            DslElementSyntax known = resolved.get(component);
            if (known != null) {
                return known;
            }
            if (component instanceof ParameterizedModel parameterized) {
                parameterized.getAllParameterModels().forEach(this::syntax);
            }
            DslElementSyntax syntax = resolver.resolve(component);
            resolved.put(component, syntax);
            return syntax;
        }

        DslElementSyntax syntax(ParameterModel parameter) {
            return resolved.computeIfAbsent(parameter, p -> resolver.resolve(parameter));
        }
    }
}
