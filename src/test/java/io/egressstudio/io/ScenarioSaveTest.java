package io.egressstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving a scenario over an existing file: what the user set on the file survives, and nothing is left behind. */
class ScenarioSaveTest {
    @TempDir
    Path folder;

    @BeforeEach
    void posixFileSystem() throws IOException {
        assumeThat(Files.getFileStore(folder).supportsFileAttributeView("posix")).isTrue();
    }

    private List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void aReadOnlyFileIsRefusedAndLeftAsItWas() throws Exception {
        Path file = folder.resolve("scenario.yaml");
        ScenarioFile.save(BuiltInScenarios.get("1a-simple"), file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> ScenarioFile.save(BuiltInScenarios.get("2-federation"), file))
                .isInstanceOf(AtomicFile.ReadOnlyException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("read-only");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("r--r--r--"));
        assertThat(filesIn(folder)).containsExactly(file);
    }

    @Test
    void aSavedFileKeepsItsMode() throws Exception {
        Path file = folder.resolve("shared.yaml");
        ScenarioFile.save(BuiltInScenarios.get("1a-simple"), file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

        ScenarioFile.save(BuiltInScenarios.get("2-federation"), file);

        assertThat(ScenarioFile.load(file)).isEqualTo(BuiltInScenarios.get("2-federation"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-rw-r--"));
    }

    @Test
    void aNewFileIsReadableOnlyByItsOwner() throws Exception {
        Path file = folder.resolve("new.yaml");

        ScenarioFile.save(BuiltInScenarios.get("1a-simple"), file);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void savingThroughASymbolicLinkWritesTheFileItPointsToAndKeepsTheLink() throws Exception {
        Path real = Files.createDirectories(folder.resolve("designs")).resolve("real.yaml");
        ScenarioFile.save(BuiltInScenarios.get("1a-simple"), real);
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r--r--"));
        Path link = Files.createSymbolicLink(folder.resolve("current.yaml"), Path.of("designs/real.yaml"));

        ScenarioFile.save(BuiltInScenarios.get("2-federation"), link);

        assertThat(Files.isSymbolicLink(link)).as("the link is still a link").isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("designs/real.yaml"));
        assertThat(ScenarioFile.load(real)).isEqualTo(BuiltInScenarios.get("2-federation"));
        assertThat(Files.getPosixFilePermissions(real)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(filesIn(folder)).containsExactly(folder.resolve("current.yaml"), folder.resolve("designs"));
        assertThat(filesIn(real.getParent())).containsExactly(real);
    }

    @Test
    void aSaveThroughALinkToAReadOnlyFileIsRefused() throws Exception {
        Path real = folder.resolve("real.yaml");
        ScenarioFile.save(BuiltInScenarios.get("1a-simple"), real);
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("r--------"));
        Path link = Files.createSymbolicLink(folder.resolve("link.yaml"), real);

        assertThatThrownBy(() -> ScenarioFile.save(BuiltInScenarios.get("2-federation"), link))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("read-only");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(ScenarioFile.load(real)).isEqualTo(BuiltInScenarios.get("1a-simple"));
    }

    @Test
    void theNextSaveRemovesTheTemporaryFileAKilledSaveLeftBehind() throws Exception {
        Path file = folder.resolve("scenario.yaml");
        ScenarioFile.save(BuiltInScenarios.get("1a-simple"), file);
        Path killed = Files.writeString(folder.resolve(".scenario.yaml.0123456789abcdef.tmp"), "apiVersion: egr");
        Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minusSeconds(3600)));
        Path inProgress = Files.writeString(folder.resolve(".scenario.yaml.fedcba9876543210.tmp"), "apiVer");
        Path someoneElses = Files.writeString(folder.resolve(".other.yaml.0123456789abcdef.tmp"), "x");
        Files.setLastModifiedTime(someoneElses, FileTime.from(Instant.now().minusSeconds(3600)));

        ScenarioFile.save(BuiltInScenarios.get("2-federation"), file);

        assertThat(filesIn(folder)).as("the stale one is gone; a save that may still run and another file's stay")
                .containsExactlyInAnyOrder(file, inProgress, someoneElses);
        assertThat(ScenarioFile.load(file)).isEqualTo(BuiltInScenarios.get("2-federation"));
    }
}
