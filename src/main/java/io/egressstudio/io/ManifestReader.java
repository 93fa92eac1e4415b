package io.egressstudio.io;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Problem;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests (files or folders of multi-document YAML or JSON) into a {@link ResourceSet}. Kinds that
 * fabric8 knows (core, apps, OpenShift, Istio) become their typed classes; any other kind is kept as a
 * {@code GenericKubernetesResource}, which the mesh view ignores unless it knows its kind (Maistra resources). Every
 * entry's origin is {@code FILE:LINE}, the line where its document starts.
 */
public final class ManifestReader {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Pattern SEPARATOR = Pattern.compile("^(---|\\.\\.\\.)(\\s.*)?$");

    private ManifestReader() {
    }

    /** Reads files and folders (recursively, {@code .yaml}, {@code .yml} and {@code .json}, in name order). */
    public static ResourceSet read(List<Path> paths) throws ManifestException {
        return read(paths, false);
    }

    /**
     * Reads like {@link #read(List)}, and refuses a file or folder without any resource: given to a command, it was
     * given by mistake (an empty or comment-only file), and an analysis of nothing would look like a clean one.
     */
    public static ResourceSet readEach(List<Path> paths) throws ManifestException {
        return read(paths, true);
    }

    private static ResourceSet read(List<Path> paths, boolean eachHasResources) throws ManifestException {
        ResourceSet.Builder builder = ResourceSet.builder();
        for (Path path : paths) {
            int resources = 0;
            for (Path file : files(path)) {
                resources += readFile(file, builder);
            }
            if (resources == 0 && eachHasResources) {
                throw new ManifestException(path.toString(), 0, 0, "no resources in " + path);
            }
        }
        return builder.build();
    }

    public static ResourceSet read(Path... paths) throws ManifestException {
        return read(List.of(paths));
    }

    /** Reads YAML text; {@code source} names it in origins and errors. */
    public static ResourceSet parse(String text, String source) throws ManifestException {
        ResourceSet.Builder builder = ResourceSet.builder();
        parse(text, source, builder);
        return builder.build();
    }

    /** Whether a file looks like manifests rather than something else (used to tell scenario files apart). */
    public static boolean isManifestFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    static List<Path> files(Path path) throws ManifestException {
        if (!Files.exists(path)) {
            throw new ManifestException(path.toString(), 0, 0, "no such file or folder");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).filter(ManifestReader::isManifestFile).sorted().toList();
        } catch (IOException e) {
            throw new ManifestException(path.toString(), 0, 0, "cannot list the folder: " + e.getMessage());
        }
    }

    /** Reads one file into the builder; how many resources it has. */
    private static int readFile(Path file, ResourceSet.Builder builder) throws ManifestException {
        try {
            return parse(InputFiles.read(file), file.toString(), builder);
        } catch (InputException e) {
            throw new ManifestException(file.toString(), e.line(), e.column(), e.getMessage());
        }
    }

    private static int parse(String raw, String source, ResourceSet.Builder builder) throws ManifestException {
        String text;
        try {
            text = InputFiles.checked(raw);
        } catch (InputException e) {
            throw new ManifestException(source, e.line(), e.column(), e.getMessage());
        }
        String[] lines = text.split("\r?\n", -1);
        StringBuilder document = new StringBuilder();
        int start = 1;
        int resources = 0;
        for (int i = 0; i < lines.length; i++) {
            if (SEPARATOR.matcher(lines[i]).matches()) {
                resources += readDocument(document.toString(), source, start, builder);
                document.setLength(0);
                start = i + 2;
            } else {
                document.append(lines[i]).append('\n');
            }
        }
        return resources + readDocument(document.toString(), source, start, builder);
    }

    private static int readDocument(String text, String source, int startLine, ResourceSet.Builder builder)
            throws ManifestException {
        if (text.isBlank()) {
            return 0;
        }
        JsonNode tree;
        try {
            tree = YamlTrees.read(text);
        } catch (InputException e) {
            InputException located = e.shifted(startLine - 1);
            throw new ManifestException(source, located.line() == 0 ? startLine : located.line(),
                    Math.max(located.column(), 1), e.getMessage());
        }
        if (tree == null || tree.isNull() || tree.isMissingNode()) {
            return 0;
        }
        ManifestDocument document = new ManifestDocument(text, source, startLine);
        if (!tree.isObject()) {
            throw document.error("", "", "a manifest document must be a mapping");
        }
        String kind = tree.path("kind").isTextual() ? tree.path("kind").asText() : "";
        if (kind.endsWith("List") && tree.has("items")) {
            JsonNode items = tree.get("items");
            if (!items.isArray()) {
                throw document.error(kind, "items", "wrong type: expected a list");
            }
            for (int i = 0; i < items.size(); i++) {
                add(items.get(i), document, "items[" + i + "].", builder);
            }
            return items.size();
        }
        add(tree, document, "", builder);
        return 1;
    }

    private static void add(JsonNode tree, ManifestDocument document, String prefix, ResourceSet.Builder builder)
            throws ManifestException {
        if (!tree.isObject()) {
            throw document.error("", prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
                    tree.isNull() ? "empty list item: remove the '-' or give the item a value"
                            : "a manifest must be a mapping");
        }
        ObjectNode object = (ObjectNode) tree;
        String what = ManifestShapes.describe(object);
        Optional<Problem> problem = ManifestShapes.check(object);
        if (problem.isPresent()) {
            throw document.error(what, prefix + problem.get().path(), problem.get().message());
        }
        KubernetesResource resource;
        try {
            resource = SERIALIZATION.convertValue(object, KubernetesResource.class);
        } catch (RuntimeException e) {
            JsonMappingException mapping = mappingCause(e);
            String field = mapping == null ? "" : ScenarioFile.pathOf(mapping.getPath());
            throw document.error(what, field.isEmpty() ? prefix : prefix + field,
                    mapping == null ? "not a valid " + object.path("kind").asText() + ": " + rootMessage(e)
                            : ScenarioFile.reasonOf(mapping));
        }
        if (!(resource instanceof HasMetadata kubernetesObject)) {
            throw document.error(what, prefix, "not a Kubernetes object: " + object.path("kind").asText());
        }
        builder.add(new ResourceSet.Entry(kubernetesObject, document.origin(prefix), ResourceSet.Role.APPLY));
    }

    private static JsonMappingException mappingCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                return mapping;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null) {
            return cause.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
