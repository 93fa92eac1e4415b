package io.egressstudio.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.egressstudio.mesh.ResourceSet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests (files or folders of multi-document YAML or JSON) into a {@link ResourceSet}. Kinds that
 * fabric8 knows (core, apps, OpenShift, Istio) become their typed classes; any other kind is kept as a
 * {@code GenericKubernetesResource}, which the mesh view ignores unless it knows its kind (Maistra resources). Every
 * entry's origin is {@code FILE:LINE}, the line where its document starts.
 */
public final class ManifestReader {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Pattern SEPARATOR = Pattern.compile("^(---|\\.\\.\\.)(\\s.*)?$");

    private ManifestReader() {
    }

    /** Reads files and folders (recursively, {@code .yaml}, {@code .yml} and {@code .json}, in name order). */
    public static ResourceSet read(List<Path> paths) throws ManifestException {
        ResourceSet.Builder builder = ResourceSet.builder();
        for (Path path : paths) {
            for (Path file : files(path)) {
                readFile(file, builder);
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

    private static void readFile(Path file, ResourceSet.Builder builder) throws ManifestException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ManifestException(file.toString(), 0, 0, "cannot read: " + e.getMessage());
        }
        parse(text, file.toString(), builder);
    }

    private static void parse(String text, String source, ResourceSet.Builder builder) throws ManifestException {
        String[] lines = text.split("\r?\n", -1);
        StringBuilder document = new StringBuilder();
        int start = 1;
        for (int i = 0; i < lines.length; i++) {
            if (SEPARATOR.matcher(lines[i]).matches()) {
                readDocument(document.toString(), source, start, builder);
                document.setLength(0);
                start = i + 2;
            } else {
                document.append(lines[i]).append('\n');
            }
        }
        readDocument(document.toString(), source, start, builder);
    }

    private static void readDocument(String text, String source, int startLine, ResourceSet.Builder builder)
            throws ManifestException {
        if (text.isBlank()) {
            return;
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? startLine : startLine + Math.max(location.getLineNr(), 1) - 1;
            int column = location == null ? 1 : Math.max(location.getColumnNr(), 1);
            throw new ManifestException(source, line, column, "malformed YAML: " + e.getOriginalMessage());
        }
        if (tree == null || tree.isNull() || tree.isMissingNode()) {
            return;
        }
        int firstLine = startLine + firstContentLine(text);
        if (!tree.isObject()) {
            throw new ManifestException(source, firstLine, 1, "a manifest document must be a mapping");
        }
        String kind = tree.path("kind").asText("");
        if (kind.endsWith("List") && tree.path("items").isArray()) {
            for (JsonNode item : tree.path("items")) {
                add(item, source, firstLine, builder);
            }
            return;
        }
        add(tree, source, firstLine, builder);
    }

    private static void add(JsonNode tree, String source, int line, ResourceSet.Builder builder)
            throws ManifestException {
        if (tree.path("apiVersion").asText("").isEmpty()) {
            throw new ManifestException(source, line, 1, "missing required field 'apiVersion'");
        }
        if (tree.path("kind").asText("").isEmpty()) {
            throw new ManifestException(source, line, 1, "missing required field 'kind'");
        }
        if (tree.path("metadata").path("name").asText("").isEmpty()) {
            throw new ManifestException(source, line, 1, "missing required field 'metadata.name'");
        }
        KubernetesResource resource;
        try {
            resource = SERIALIZATION.convertValue(tree, KubernetesResource.class);
        } catch (RuntimeException e) {
            throw new ManifestException(source, line, 1, "not a valid " + tree.path("kind").asText() + ": "
                    + rootMessage(e));
        }
        if (!(resource instanceof HasMetadata object)) {
            throw new ManifestException(source, line, 1, "not a Kubernetes object: " + tree.path("kind").asText());
        }
        builder.add(new ResourceSet.Entry(object, source + ":" + line, ResourceSet.Role.APPLY));
    }

    private static int firstContentLine(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                return i;
            }
        }
        return 0;
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
