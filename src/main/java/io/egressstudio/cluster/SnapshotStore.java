package io.egressstudio.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.egressstudio.io.AtomicFile;
import io.egressstudio.io.ConfigFolder;
import io.egressstudio.mesh.ResourceSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Snapshots on disk, one per kubeconfig context and scenario name, in {@code $XDG_CONFIG_HOME/egress-studio/snapshots}
 * (default {@code ~/.config/egress-studio/snapshots}): the folder 0700, each file 0600, written atomically. Files
 * never contain Secret data (see {@link Snapshot}).
 */
public final class SnapshotStore {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<PosixFilePermission> FILE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final Path directory;

    public SnapshotStore(Path directory) {
        this.directory = directory;
    }

    public static SnapshotStore defaultStore() {
        return new SnapshotStore(defaultDirectory(System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    static Path defaultDirectory(Map<String, String> environment, Path home) {
        return ConfigFolder.of(environment, home).resolve("snapshots");
    }

    public Path directory() {
        return directory;
    }

    /** A readable, collision-free file name for a context and scenario (contexts may contain '/' and ':'). */
    public Path fileFor(String context, String scenario) {
        String readable = safe(context) + "--" + safe(scenario);
        if (readable.length() > 120) {
            readable = readable.substring(0, 120);
        }
        return directory.resolve(readable + "-" + SecretBackups.sha256(context + "\u0000" + scenario).substring(0, 8)
                + ".yaml");
    }

    private static String safe(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
    }

    public void save(Snapshot snapshot) throws ClusterException {
        Path file = fileFor(snapshot.context(), snapshot.scenario());
        try {
            createPrivateDirectory();
            byte[] bytes = ("# Egress Studio snapshot: the objects as they were before `apply` of scenario "
                    + snapshot.scenario() + " on context " + snapshot.context() + ".\n"
                    + "# Secret data is never written here: a Secret that existed is kept in the backup Secret named.\n"
                    + YAML.writeValueAsString(toTree(snapshot))).getBytes(StandardCharsets.UTF_8);
            AtomicFile.write(file, out -> out.write(bytes), FILE);
        } catch (IOException e) {
            throw new ClusterException(ClusterException.Reason.SNAPSHOT, "cannot write the snapshot " + file + ": "
                    + Failures.rootMessage(e), e);
        }
    }

    private void createPrivateDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        boolean posix = Files.getFileStore(existingAncestor(directory)).supportsFileAttributeView("posix");
        if (posix) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(EnumSet.of(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
        } else {
            Files.createDirectories(directory);
        }
    }

    private static Path existingAncestor(Path path) {
        Path p = path.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }

    public Optional<Snapshot> load(String context, String scenario) throws ClusterException {
        Path file = fileFor(context, scenario);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromTree(YAML.readTree(Files.readString(file, StandardCharsets.UTF_8))));
        } catch (IOException | RuntimeException e) {
            throw new ClusterException(ClusterException.Reason.SNAPSHOT, "cannot read the snapshot " + file + ": "
                    + Failures.rootMessage(e), e);
        }
    }

    public void remove(String context, String scenario) throws ClusterException {
        Path file = fileFor(context, scenario);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ClusterException(ClusterException.Reason.SNAPSHOT, "cannot remove the snapshot " + file + ": "
                    + Failures.rootMessage(e), e);
        }
    }

    static ObjectNode toTree(Snapshot snapshot) {
        ObjectNode root = Resources.JSON.createObjectNode();
        root.put("id", snapshot.id());
        root.put("context", snapshot.context());
        root.put("server", snapshot.server());
        root.put("scenario", snapshot.scenario());
        root.put("createdAt", snapshot.createdAt().toString());
        root.put("status", snapshot.status().name());
        ArrayNode entries = root.putArray("entries");
        for (Snapshot.Entry entry : snapshot.entries()) {
            ObjectNode e = entries.addObject();
            e.put("kind", entry.key().kind());
            e.put("apiVersion", entry.apiVersion());
            if (entry.key().namespace() != null) {
                e.put("namespace", entry.key().namespace());
            }
            e.put("name", entry.key().name());
            e.put("action", entry.action().word());
            e.put("applied", entry.applied());
            if (entry.appliedResourceVersion() != null) {
                e.put("appliedResourceVersion", entry.appliedResourceVersion());
            }
            if (entry.before() != null) {
                if ("Secret".equals(entry.key().kind()) && (entry.before().getAdditionalProperties().containsKey("data")
                        || entry.before().getAdditionalProperties().containsKey("stringData"))) {
                    throw new IllegalStateException("a snapshot never holds Secret data: " + entry.key());
                }
                e.set("before", Resources.tree(entry.before()));
            }
            if (entry.backup() != null) {
                ObjectNode backup = e.putObject("secretBackup");
                backup.put("namespace", entry.backup().namespace());
                backup.put("name", entry.backup().name());
            }
        }
        return root;
    }

    static Snapshot fromTree(JsonNode root) {
        List<Snapshot.Entry> entries = new ArrayList<>();
        for (JsonNode e : root.path("entries")) {
            ResourceSet.Key key = ResourceSet.Key.of(e.path("apiVersion").asText(), e.path("kind").asText(),
                    e.hasNonNull("namespace") ? e.get("namespace").asText() : null, e.path("name").asText());
            JsonNode backup = e.get("secretBackup");
            entries.add(new Snapshot.Entry(key, e.path("apiVersion").asText(),
                    PlannedChange.Action.valueOf(e.path("action").asText().toUpperCase(Locale.ROOT)),
                    e.hasNonNull("before") ? Resources.fromTree(e.get("before")) : null,
                    backup == null ? null : new Snapshot.SecretBackup(backup.path("namespace").asText(),
                            backup.path("name").asText()),
                    e.path("applied").asBoolean(false),
                    e.hasNonNull("appliedResourceVersion") ? e.get("appliedResourceVersion").asText() : null));
        }
        return new Snapshot(root.path("id").asText(), root.path("context").asText(), root.path("server").asText(),
                root.path("scenario").asText(), Instant.parse(root.path("createdAt").asText()),
                Snapshot.Status.valueOf(root.path("status").asText()), entries);
    }
}
