package io.egressstudio.generate;

import io.egressstudio.io.AtomicFile;
import io.egressstudio.mesh.ResourceSet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the resources to apply, in dependency order: one multi-document YAML, a folder per namespace with a
 * kustomization.yaml, or those folders plus an apply.sh. Same resources, same bytes.
 */
public final class ManifestWriter {
    /** How the output is laid out. */
    public enum Layout { SINGLE, FOLDERS, SCRIPT }

    /** Kinds in the order a cluster needs them: what others refer to comes first. */
    static final List<String> ORDER = List.of("Namespace", "ServiceMeshControlPlane", "ServiceMeshMemberRoll",
            "ServiceMeshMember", "Istio", "IstioCNI", "Secret", "ConfigMap", "Role", "RoleBinding", "ServiceEntry", "DestinationRule",
            "Gateway", "VirtualService", "Sidecar", "PeerAuthentication", "AuthorizationPolicy", "Route", "ServiceMeshPeer",
            "ExportedServiceSet", "ImportedServiceSet");
    static final String SINGLE_FILE = "manifests.yaml";
    static final String CLUSTER_FOLDER = "_cluster";

    /**
     * One YAML mapper for every document, configured like fabric8's own YAML output (double-quoted strings,
     * {@code ---} before each document, no nulls or empty collections) but built once instead of per call.
     */
    private static final com.fasterxml.jackson.databind.ObjectWriter YAML = new com.fasterxml.jackson.databind.ObjectMapper(
            com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder().build())
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            .writer();

    private ManifestWriter() {
    }

    /** Applicable resources in dependency order; within a kind, in the order they were generated. */
    public static List<HasMetadata> ordered(ResourceSet resources) {
        List<HasMetadata> list = new ArrayList<>(resources.applicable());
        list.sort(Comparator.comparingInt(ManifestWriter::rank));
        return list;
    }

    static int rank(HasMetadata resource) {
        int index = ORDER.indexOf(resource.getKind());
        return index >= 0 ? index : ORDER.size();
    }

    /** A Secret or ConfigMap whose data the user must still supply (never invented). */
    public static boolean isPending(HasMetadata resource) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations != null && annotations.containsKey(ResourceNames.DATA_PENDING_ANNOTATION);
    }

    public static List<HasMetadata> pending(ResourceSet resources) {
        return ordered(resources).stream().filter(ManifestWriter::isPending).toList();
    }

    /** The whole set as one multi-document YAML, pending data objects listed in a comment instead. */
    public static String toYaml(ResourceSet resources) {
        List<HasMetadata> ordered = ordered(resources);
        // Sized up front: growing a multi-megabyte buffer by copying shows in the profile.
        java.io.StringWriter text = new java.io.StringWriter(ordered.size() * 512);
        text.append(pendingComment(ordered));
        writeDocuments(ordered.stream().filter(r -> !isPending(r)).toList(), text);
        return text.toString();
    }

    /**
     * The same text as {@link #toYaml(ResourceSet)}, each document's text taken from {@code documents} (which may
     * answer from a cache, else {@link #document}): an edit writes only the documents it changed.
     */
    public static String toYaml(ResourceSet resources, java.util.function.Function<HasMetadata, String> documents) {
        List<HasMetadata> ordered = ordered(resources);
        StringBuilder text = new StringBuilder(ordered.size() * 512);
        text.append(pendingComment(ordered));
        for (HasMetadata resource : ordered) {
            if (!isPending(resource)) {
                text.append(documents.apply(resource));
            }
        }
        return text.toString();
    }

    /** One resource's document ({@code ---} and its YAML). */
    public static String document(HasMetadata resource) {
        return documents(List.of(resource)).get(0);
    }

    /**
     * Each resource's document ({@code ---} and its YAML), as {@link #toYaml(ResourceSet)} writes it in the stream:
     * written through one generator (a generator per document costs milliseconds each) and cut at the document
     * markers, which the writer never puts inside a document (it quotes every string).
     */
    public static List<String> documents(List<HasMetadata> resources) {
        java.io.StringWriter text = new java.io.StringWriter(resources.size() * 512);
        writeDocuments(resources, text);
        List<String> out = new ArrayList<>(resources.size());
        String all = text.toString();
        int start = 0;
        while (start < all.length()) {
            int next = all.indexOf("\n---\n", start);
            int end = next < 0 ? all.length() : next + 1;
            out.add(all.substring(start, end));
            start = end;
        }
        if (out.size() != resources.size()) {
            throw new IllegalStateException("wrote " + out.size() + " documents for " + resources.size() + " resources");
        }
        return out;
    }

    /** All documents through one YAML generator: much cheaper than a generator per document. */
    private static void writeDocuments(List<HasMetadata> documents, java.io.Writer out) {
        if (documents.isEmpty()) {
            return; // an empty stream: SnakeYAML cannot end a document it never started
        }
        try (com.fasterxml.jackson.databind.SequenceWriter sequence = YAML.writeValues(out)) {
            for (HasMetadata document : documents) {
                sequence.write(document);
            }
        } catch (IOException e) {
            throw new IllegalStateException("a generated resource always serializes", e);
        }
    }

    private static String pendingComment(List<HasMetadata> ordered) {
        StringBuilder comment = new StringBuilder();
        for (HasMetadata resource : ordered.stream().filter(ManifestWriter::isPending).toList()) {
            comment.append("# Not included, data needed first: ").append(ResourceSet.Key.of(resource))
                    .append(" (").append(resource.getMetadata().getAnnotations().get(ResourceNames.DATA_PENDING_ANNOTATION))
                    .append(")\n");
        }
        return comment.toString();
    }

    public static List<Path> write(ResourceSet resources, Path folder, Layout layout) throws IOException {
        List<Path> written = new ArrayList<>();
        if (layout == Layout.SINGLE) {
            written.add(writeText(folder.resolve(SINGLE_FILE), toYaml(resources)));
            return written;
        }
        Map<String, List<HasMetadata>> files = new LinkedHashMap<>();
        for (HasMetadata resource : ordered(resources)) {
            if (isPending(resource)) {
                continue;
            }
            String namespace = resource.getMetadata().getNamespace();
            String file = (namespace == null ? CLUSTER_FOLDER : namespace) + "/"
                    + String.format("%02d-%s.yaml", rank(resource), resource.getKind().toLowerCase(java.util.Locale.ROOT));
            files.computeIfAbsent(file, f -> new ArrayList<>()).add(resource);
        }
        List<String> applyOrder = files.keySet().stream()
                .sorted(Comparator.comparing((String f) -> f.substring(f.indexOf('/') + 1, f.indexOf('/') + 3))
                        .thenComparing(f -> f))
                .toList();
        for (String file : applyOrder) {
            java.io.StringWriter yaml = new java.io.StringWriter();
            writeDocuments(files.get(file), yaml);
            written.add(writeText(folder.resolve(file), yaml.toString()));
        }
        written.add(writeText(folder.resolve("kustomization.yaml"), kustomization(applyOrder)));
        if (layout == Layout.SCRIPT) {
            Path script = folder.resolve("apply.sh");
            written.add(writeText(script, ApplyScript.text(resources, applyOrder)));
            script.toFile().setExecutable(true);
        }
        return written;
    }

    private static String kustomization(List<String> files) {
        Map<String, Object> kustomization = new LinkedHashMap<>();
        kustomization.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
        kustomization.put("kind", "Kustomization");
        kustomization.put("resources", files);
        try {
            return YAML.writeValueAsString(kustomization);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    private static Path writeText(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(bytes));
        return file;
    }
}
