package io.egressstudio.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressstudio.model.Names;
import io.egressstudio.model.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every Kubernetes object read from a file must look like before anything reads its fields: the identifying
 * fields as text, no empty list items (Kubernetes rejects them; the readers would find a null), and no null-valued
 * fields (Kubernetes treats {@code field: null} as absent, so they are dropped here). Typed fields are then checked by
 * the conversion to fabric8's classes, which names the field it failed at.
 */
final class ManifestShapes {
    static final String DEFAULT_NAMESPACE = "default";
    /**
     * Namespaced kinds that the mesh model reads. One without a namespace goes to {@code default}, as
     * {@code istioctl analyze} reads files (and {@code kubectl apply} places them with a context on the default
     * namespace).
     */
    private static final Set<String> NEEDS_NAMESPACE = Set.of("ServiceEntry", "DestinationRule", "VirtualService",
            "Gateway", "Sidecar", "PeerAuthentication", "AuthorizationPolicy", "ServiceMeshControlPlane", "ServiceMeshMemberRoll",
            "ServiceMeshMember", "ServiceMeshPeer", "ExportedServiceSet", "ImportedServiceSet", "Service", "Deployment",
            "Pod", "Secret", "Route");

    /**
     * Fields that the API server's validation (Kubernetes, or Istio's webhook) requires, so that an object without
     * them never reaches a cluster; {@code []} stands for every item of a list.
     */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "Service", List.of("spec.ports[].port"),
            "ServiceEntry", List.of("spec.hosts", "spec.ports[].number"),
            "DestinationRule", List.of("spec.host"),
            "Gateway", List.of("spec.servers[].port.number", "spec.servers[].hosts"));

    /**
     * Host fields, which Istio's validation requires to be DNS names (a {@code *.} wildcard allowed; Gateway and
     * Sidecar hosts may start with {@code namespace/}); the analysis puts them in URLs.
     */
    private static final Map<String, List<String>> HOSTS = Map.of(
            "ServiceEntry", List.of("spec.hosts[]"),
            "DestinationRule", List.of("spec.host"),
            "VirtualService", List.of("spec.hosts[]"),
            "Gateway", List.of("spec.servers[].hosts[]"),
            "Sidecar", List.of("spec.egress[].hosts[]"));
    private static final Set<String> LABEL_NAMED = Set.of("Service", "Namespace");

    private ManifestShapes() {
    }

    /** {@code Kind/namespace/name} as far as the object says them, for messages. */
    static String describe(ObjectNode object) {
        String kind = text(object.get("kind"));
        String namespace = text(object.path("metadata").get("namespace"));
        String name = text(object.path("metadata").get("name"));
        if (kind == null) {
            return "";
        }
        StringBuilder what = new StringBuilder(kind);
        if (namespace != null) {
            what.append('/').append(namespace);
        }
        if (name != null) {
            what.append('/').append(name);
        }
        return what.toString();
    }

    /** The first thing wrong with the object's shape; drops its null-valued fields on the way. */
    static Optional<Problem> check(ObjectNode object) {
        Optional<Problem> nulls = dropNulls(object, "");
        if (nulls.isPresent()) {
            return nulls;
        }
        if (text(object.get("apiVersion")) == null) {
            return problem("apiVersion", object.get("apiVersion"), "missing required field 'apiVersion'");
        }
        if (text(object.get("kind")) == null) {
            return problem("kind", object.get("kind"), "missing required field 'kind'");
        }
        JsonNode metadata = object.get("metadata");
        if (metadata == null) {
            return Optional.of(new Problem("", "missing required field 'metadata.name'"));
        }
        if (!metadata.isObject()) {
            return Optional.of(new Problem("metadata", "wrong type: expected a mapping"));
        }
        if (text(metadata.get("name")) == null) {
            return problem("metadata.name", metadata.get("name"), "missing required field 'metadata.name'");
        }
        if (metadata.has("namespace") && text(metadata.get("namespace")) == null) {
            return Optional.of(new Problem("metadata.namespace", "wrong type: expected text"));
        }
        String kind = object.get("kind").asText();
        Optional<Problem> badName = names(kind, metadata);
        if (badName.isPresent()) {
            return badName;
        }
        if (!metadata.has("namespace") && NEEDS_NAMESPACE.contains(kind)) {
            ((ObjectNode) metadata).put("namespace", DEFAULT_NAMESPACE);
        }
        for (String required : REQUIRED.getOrDefault(kind, List.of())) {
            Optional<Problem> missing = missing(object, required.split("\\."), 0, "");
            if (missing.isPresent()) {
                return missing;
            }
        }
        List<Problem> badHosts = new ArrayList<>();
        for (String hosts : HOSTS.getOrDefault(kind, List.of())) {
            visit(object, hosts.split("\\."), 0, "", (path, value) -> {
                String host = value.isTextual() ? value.asText() : null;
                String name = host != null && host.indexOf('/') >= 0 && (kind.equals("Gateway") || kind.equals("Sidecar"))
                        ? host.substring(host.indexOf('/') + 1) : host;
                if (name == null || !Names.isHost(name)) {
                    badHosts.add(new Problem(path, host == null ? "wrong type: expected text" : "'" + host
                            + "' is not a valid host: a DNS name, optionally starting with '*.'"));
                }
            });
        }
        return badHosts.stream().findFirst();
    }

    /** Kubernetes object names: DNS-1123 subdomains (labels for Services and Namespaces); namespaces are labels. */
    private static Optional<Problem> names(String kind, JsonNode metadata) {
        String name = metadata.get("name").asText();
        boolean label = LABEL_NAMED.contains(kind);
        if (label ? !Names.isDns1123Label(name) : !Names.isDns1123Subdomain(name)) {
            return Optional.of(new Problem("metadata.name", "'" + name + "' is not a valid name: " + (label
                    ? "at most 63 lowercase letters, digits or '-'" : "lowercase letters, digits, '-' and '.'")
                    + ", starting and ending with a letter or digit"));
        }
        JsonNode namespace = metadata.get("namespace");
        if (namespace != null && !Names.isDns1123Label(namespace.asText())) {
            return Optional.of(new Problem("metadata.namespace", "'" + namespace.asText() + "' is not a valid "
                    + "namespace: at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit"));
        }
        return Optional.empty();
    }

    /** Calls {@code action} with the path and value of every node that the path {@code parts[from..]} reaches. */
    private static void visit(JsonNode node, String[] parts, int from, String path,
                              java.util.function.BiConsumer<String, JsonNode> action) {
        if (from == parts.length) {
            action.accept(path, node);
            return;
        }
        boolean each = parts[from].endsWith("[]");
        String field = each ? parts[from].substring(0, parts[from].length() - 2) : parts[from];
        JsonNode value = node.get(field);
        if (value == null) {
            return;
        }
        String fieldPath = path.isEmpty() ? field : path + "." + field;
        if (!each) {
            visit(value, parts, from + 1, fieldPath, action);
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                visit(value.get(i), parts, from + 1, fieldPath + "[" + i + "]", action);
            }
        }
    }

    /** The first place where the required path {@code parts[from..]} is absent under {@code node}. */
    private static Optional<Problem> missing(JsonNode node, String[] parts, int from, String path) {
        if (from == parts.length) {
            return Optional.empty();
        }
        boolean each = parts[from].endsWith("[]");
        String field = each ? parts[from].substring(0, parts[from].length() - 2) : parts[from];
        String fieldPath = path.isEmpty() ? field : path + "." + field;
        JsonNode value = node.get(field);
        if (value == null) { // a list may be absent; only its items need the field
            return each ? Optional.empty() : Optional.of(new Problem(path, "missing required field '" + field + "'"));
        }
        if (!each) {
            return value.isObject() || from == parts.length - 1 ? missing(value, parts, from + 1, fieldPath)
                    : Optional.empty(); // a wrong type: the conversion names it
        }
        for (int i = 0; value.isArray() && i < value.size(); i++) {
            Optional<Problem> found = missing(value.get(i), parts, from + 1, fieldPath + "[" + i + "]");
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A missing field is said at the document ("missing required field 'kind'"), a wrong one at the field. */
    private static Optional<Problem> problem(String path, JsonNode value, String missing) {
        boolean absent = value == null || (value.isTextual() && value.asText().isBlank());
        return Optional.of(absent ? new Problem("", missing) : new Problem(path, "wrong type: expected text"));
    }

    private static Optional<Problem> dropNulls(JsonNode node, String path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    fields.remove();
                    continue;
                }
                Optional<Problem> found = dropNulls(field.getValue(),
                        path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String item = path + "[" + i + "]";
                if (node.get(i).isNull()) {
                    return Optional.of(new Problem(item, "empty list item: remove the '-' or give the item a value"));
                }
                Optional<Problem> found = dropNulls(node.get(i), item);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Non-blank text, or null for anything else (absent, a number, a mapping). */
    private static String text(JsonNode value) {
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
