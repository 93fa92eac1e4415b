package io.egressstudio.mesh;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Kubernetes objects indexed by kind, namespace and name: the one representation that the predictor, the analyzers,
 * the writers and the cluster connector read, whether it came from a scenario, from manifests or from a cluster.
 * Each entry remembers where it came from (a scenario element id, or a file and line) and whether it is meant to be
 * applied or only describes what is already there (a workload the scenario assumes, for example).
 */
public final class ResourceSet {
    /** Where a resource came from and what it is for. */
    public record Entry(HasMetadata resource, String origin, Role role, FieldSources fields) {
        public Entry {
            Objects.requireNonNull(resource, "resource");
            role = role == null ? Role.APPLY : role;
            fields = fields == null ? FieldSources.NONE : fields;
        }

        public Entry(HasMetadata resource, String origin, Role role) {
            this(resource, origin, role, FieldSources.NONE);
        }

        /** The same entry for another version of its resource (a redacted Secret). */
        public Entry withResource(HasMetadata replacement) {
            return new Entry(replacement, origin, role, fields);
        }

        public Key key() {
            return Key.of(resource);
        }
    }

    /** APPLY: generated or read for applying. CONTEXT: describes the cluster (workloads, namespaces) for analysis. */
    public enum Role { APPLY, CONTEXT }

    /**
     * A resource's identity. Cluster-scoped objects have a null namespace. The API group is part of it only where two
     * groups name a kind alike (the Gateway API's Gateway beside Istio's): {@code group} is empty for every other object,
     * and for the group that owns the kind's plain name.
     */
    public record Key(String kind, String namespace, String name, String group) {
        /** Kinds whose plain name belongs to one group, while another group defines a kind of the same name too. */
        private static final Map<String, String> PLAIN_NAME_GROUP = Map.of("Gateway", "networking.istio.io");

        public Key {
            group = group == null ? "" : group;
        }

        /** The key of an object whose kind's plain name says its group. */
        public Key(String kind, String namespace, String name) {
            this(kind, namespace, name, "");
        }

        public static Key of(HasMetadata resource) {
            return of(resource.getApiVersion(), resource.getKind(), resource.getMetadata().getNamespace(),
                    resource.getMetadata().getName());
        }

        public static Key of(String apiVersion, String kind, String namespace, String name) {
            int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
            String group = slash < 0 ? "" : apiVersion.substring(0, slash);
            String plain = PLAIN_NAME_GROUP.get(kind);
            return new Key(kind, namespace, name, plain == null || plain.equals(group) ? "" : group);
        }

        /** {@code Kind/namespace/name}, or {@code Kind/name}; the kind as {@code Kind.group} where the group is part of it. */
        @Override
        public String toString() {
            String k = group.isEmpty() ? kind : kind + "." + group;
            return namespace == null ? k + "/" + name : k + "/" + namespace + "/" + name;
        }

        /** The key {@link #toString} wrote ({@code Kind/namespace/name}, or {@code Kind/name}); empty for other text. */
        public static Optional<Key> parse(String text) {
            String[] parts = text == null ? new String[0] : text.split("/", -1);
            if (parts.length < 2 || parts.length > 3) {
                return Optional.empty();
            }
            int dot = parts[0].indexOf('.');
            String kind = dot < 0 ? parts[0] : parts[0].substring(0, dot);
            String group = dot < 0 ? "" : parts[0].substring(dot + 1);
            return Optional.of(parts.length == 2 ? new Key(kind, null, parts[1], group)
                    : new Key(kind, parts[1], parts[2], group));
        }
    }

    private final List<Entry> entries;
    private final Map<Key, Entry> byKey;
    private final Map<String, List<Entry>> byKind;

    private ResourceSet(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Map<Key, Entry> keys = new LinkedHashMap<>();
        Map<String, List<Entry>> kinds = new HashMap<>();
        for (Entry entry : this.entries) {
            keys.put(entry.key(), entry);
            kinds.computeIfAbsent(entry.resource().getKind(), k -> new ArrayList<>()).add(entry);
        }
        this.byKey = Collections.unmodifiableMap(keys);
        kinds.replaceAll((kind, list) -> List.copyOf(list));
        this.byKind = Collections.unmodifiableMap(kinds);
    }

    public static ResourceSet of(List<Entry> entries) {
        return new ResourceSet(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The resources meant for applying, in order. */
    public List<HasMetadata> applicable() {
        return entries.stream().filter(e -> e.role() == Role.APPLY).map(Entry::resource).toList();
    }

    public List<HasMetadata> all() {
        return entries.stream().map(Entry::resource).toList();
    }

    public List<Entry> ofKind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** Resources of a kind as a given class (entries of that kind held as another class are skipped). */
    public <T extends HasMetadata> List<T> ofKind(String kind, Class<T> type) {
        return ofKind(kind).stream().map(Entry::resource).filter(type::isInstance).map(type::cast).toList();
    }

    public Optional<Entry> get(String kind, String namespace, String name) {
        return Optional.ofNullable(byKey.get(new Key(kind, namespace, name)));
    }

    public Optional<Entry> get(Key key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public int size() {
        return entries.size();
    }

    /** A new set with these entries added; a later entry with the same key replaces an earlier one. */
    public ResourceSet plus(ResourceSet other) {
        return builder().addAll(this).addAll(other).build();
    }

    public static final class Builder {
        private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>();

        public Builder add(HasMetadata resource, String origin) {
            return add(new Entry(resource, origin, Role.APPLY));
        }

        /** A resource with the element fields its fields came from. */
        public Builder add(HasMetadata resource, String origin, FieldSources fields) {
            return add(new Entry(resource, origin, Role.APPLY, fields));
        }

        public Builder addContext(HasMetadata resource, String origin) {
            return add(new Entry(resource, origin, Role.CONTEXT));
        }

        /** Adds an entry; an entry with the same kind, namespace and name replaces the earlier one in place. */
        public Builder add(Entry entry) {
            entries.put(entry.key(), entry);
            return this;
        }

        public Builder addAll(ResourceSet set) {
            set.entries().forEach(this::add);
            return this;
        }

        public boolean contains(Key key) {
            return entries.containsKey(key);
        }

        public ResourceSet build() {
            return new ResourceSet(new ArrayList<>(entries.values()));
        }
    }
}
