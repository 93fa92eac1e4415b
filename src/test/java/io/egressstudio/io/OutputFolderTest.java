package io.egressstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output folder is replaced as a whole or not at all. */
class OutputFolderTest {
    @TempDir
    Path parent;
    private Path out;
    private Path elsewhere;

    @BeforeEach
    void folders() throws IOException {
        out = parent.resolve("out");
        elsewhere = Files.createDirectories(parent.resolve("elsewhere"));
    }

    /** Every file under the folder with its text, by relative path. */
    private static Map<String, String> tree(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    private static java.util.List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void replace(boolean force, OutputFolder.Content content) throws IOException {
        OutputFolder.replace(out, force, content, elsewhere, (from, to) -> Files.move(from, to));
    }

    private static OutputFolder.Content scenario(String name, String... files) {
        return folder -> {
            for (String file : files) {
                Path path = folder.resolve(file);
                Files.createDirectories(path.getParent());
                Files.writeString(path, name + " " + file);
            }
        };
    }

    @Test
    void aSecondScenarioReplacesTheFirstLeavingNoneOfItsFiles() throws Exception {
        replace(false, scenario("first", "mesh-a/10-gateway.yaml", "apply.sh", "kustomization.yaml"));

        replace(false, scenario("second", "mesh-b/10-gateway.yaml", "kustomization.yaml"));

        assertThat(tree(out)).containsOnlyKeys("mesh-b/10-gateway.yaml", "kustomization.yaml", OutputFolder.MARKER);
        assertThat(tree(out).get("kustomization.yaml")).isEqualTo("second kustomization.yaml");
        assertThat(tree(parent).keySet()).allMatch(f -> f.startsWith("out/")).isNotEmpty();
    }

    @Test
    void aFullDiskHalfWayLeavesTheOldFolderIntactAndNothingBeside() throws Exception {
        replace(false, scenario("first", "mesh-a/10-gateway.yaml", "apply.sh"));
        Map<String, String> before = tree(out);

        assertThatThrownBy(() -> replace(false, folder -> {
            scenario("second", "mesh-b/10-gateway.yaml").writeInto(folder);
            throw new IOException("No space left on device");
        })).hasMessage("No space left on device");

        assertThat(tree(out)).isEqualTo(before);
        assertThat(namesIn(parent)).containsExactly("elsewhere", "out");
    }

    @Test
    void aFailedSwapPutsTheOldFolderBack() throws Exception {
        replace(false, scenario("first", "apply.sh"));
        Map<String, String> before = tree(out);

        assertThatThrownBy(() -> OutputFolder.replace(out, false, scenario("second", "apply.sh"), elsewhere,
                (from, to) -> {
                    throw new IOException("Device or resource busy");
                })).hasMessage("Device or resource busy");

        assertThat(tree(out)).isEqualTo(before);
        assertThat(namesIn(parent)).containsExactly("elsewhere", "out");
    }

    @Test
    void aFolderEgressStudioDidNotWriteIsRefusedUntouched() throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> replace(false, scenario("first", "apply.sh")))
                .isInstanceOf(OutputFolder.RefusedException.class)
                .hasMessageContaining("not empty and Egress Studio did not write it")
                .hasMessageContaining("--force");

        assertThat(tree(out)).isEqualTo(Map.of("notes.txt", "mine"));
    }

    @Test
    void forceReplacesAFolderEgressStudioDidNotWrite() throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");

        replace(true, scenario("first", "apply.sh"));

        assertThat(tree(out)).containsOnlyKeys("apply.sh", OutputFolder.MARKER);
    }

    @Test
    void anEmptyFolderIsUsedAndKeepsItsPermissions() throws Exception {
        Files.createDirectories(out);
        Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));

        replace(false, scenario("first", "apply.sh"));

        assertThat(tree(out)).containsOnlyKeys("apply.sh", OutputFolder.MARKER);
        assertThat(Files.getPosixFilePermissions(out))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
    }

    @Test
    void theCurrentFolderAndAFileAreRefused() throws Exception {
        Files.createDirectories(out.resolve("here"));
        assertThatThrownBy(() -> OutputFolder.replace(out, true, scenario("x", "a"), out.resolve("here"),
                (from, to) -> Files.move(from, to))).hasMessageContaining("is the current folder or holds it");
        assertThat(Files.isDirectory(out.resolve("here"))).isTrue();

        Path file = Files.writeString(parent.resolve("file"), "x");
        assertThatThrownBy(() -> OutputFolder.replace(file, true, scenario("x", "a"), elsewhere,
                (from, to) -> Files.move(from, to))).hasMessageContaining("is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void theNextRunRemovesWhatAKilledRunLeftBeside() throws Exception {
        Path oldLeftOver = Files.createDirectories(parent.resolve(".out.egress-studio-old-0123456789abcdef"));
        Files.writeString(oldLeftOver.resolve("apply.sh"), "old");
        Path newLeftOver = Files.createDirectories(parent.resolve(".out.egress-studio-new-fedcba9876543210"));
        for (Path leftover : new Path[] {oldLeftOver, newLeftOver}) {
            Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minusSeconds(3600)));
        }

        replace(false, scenario("second", "apply.sh"));

        assertThat(namesIn(parent)).containsExactly("elsewhere", "out");
        assertThat(tree(out).get("apply.sh")).isEqualTo("second apply.sh");
    }

    @Test
    void throughALinkTheFolderItPointsToIsReplacedAndTheLinkKept() throws Exception {
        Path real = parent.resolve("real");
        Path link = Files.createSymbolicLink(out, real.getFileName());
        OutputFolder.replace(link, false, scenario("first", "a"), elsewhere, (from, to) -> Files.move(from, to,
                StandardCopyOption.ATOMIC_MOVE));

        OutputFolder.replace(link, false, scenario("second", "a"), elsewhere, (from, to) -> Files.move(from, to,
                StandardCopyOption.ATOMIC_MOVE));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(tree(real).get("a")).isEqualTo("second a");
    }
}
