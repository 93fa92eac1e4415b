package io.egressstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path folder;

    private List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void aSaveThatFailsHalfWayLeavesTheOriginalByteForByte() throws Exception {
        Path file = folder.resolve("scenario.yaml");
        ScenarioFile.save(BuiltInScenarios.get("1a-simple"), file);
        byte[] original = Files.readAllBytes(file);
        byte[] replacement = ScenarioFile.toYaml(BuiltInScenarios.get("2-federation")).getBytes(StandardCharsets.UTF_8);
        int[] written = {0};

        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write(replacement, 0, replacement.length / 2);
            written[0] = replacement.length / 2;
            throw new IOException("No space left on device");
        })).isInstanceOf(IOException.class).hasMessage("No space left on device");

        assertThat(written[0]).as("the content really wrote part of the new file first").isPositive();
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
        assertThat(filesIn(folder)).as("no temporary file left behind").containsExactly(file);
        assertThat(ScenarioFile.load(file)).isEqualTo(BuiltInScenarios.get("1a-simple"));
    }

    @Test
    void anUncheckedFailureHalfWayAlsoLeavesTheOriginal() throws Exception {
        Path file = folder.resolve("scenario.yaml");
        Files.writeString(file, "before\n");

        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write("aft".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("serializer broke");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(Files.readString(file)).isEqualTo("before\n");
        assertThat(filesIn(folder)).containsExactly(file);
    }

    @Test
    void aFailedFirstSaveCreatesNoFile() throws Exception {
        Path file = folder.resolve("new.yaml");

        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write('x');
            throw new IOException("interrupted");
        })).isInstanceOf(IOException.class);

        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void aSuccessfulSaveReplacesTheFile() throws Exception {
        Path file = folder.resolve("scenario.yaml");
        Files.writeString(file, "a much longer previous content than what replaces it\n");

        AtomicFile.write(file, out -> out.write("short\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.readString(file)).isEqualTo("short\n");
        assertThat(filesIn(folder)).containsExactly(file);
    }

    @Test
    void createsMissingFolders() throws Exception {
        Path file = folder.resolve("a/b/scenario.yaml");

        AtomicFile.write(file, out -> out.write('1'));

        assertThat(Files.readString(file)).isEqualTo("1");
        assertThat(filesIn(file.getParent())).containsExactly(file);
    }

    @Test
    void keysCanBeWrittenReadableOnlyByTheOwner() throws Exception {
        Path file = folder.resolve("tls.key");
        boolean posix = Files.getFileStore(folder).supportsFileAttributeView("posix");
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");

        AtomicFile.write(file, out -> out.write("secret".getBytes(StandardCharsets.UTF_8)), ownerOnly);

        assertThat(Files.readString(file)).isEqualTo("secret");
        if (posix) {
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(ownerOnly);
        }
    }
}
