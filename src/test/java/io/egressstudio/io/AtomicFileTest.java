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

    private static AtomicFile.Entry text(Path file, String text) {
        return new AtomicFile.Entry(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)), null);
    }

    @Test
    void aPairWhoseSecondFileFailsToWriteChangesNeitherFile() throws Exception {
        Path certificate = folder.resolve("ca.crt");
        Path key = folder.resolve("ca.key");
        Files.writeString(certificate, "old certificate");
        Files.writeString(key, "old key");

        assertThatThrownBy(() -> AtomicFile.writeAll(List.of(text(certificate, "new certificate"),
                new AtomicFile.Entry(key, out -> {
                    out.write("new k".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("No space left on device");
                }, null)))).hasMessage("No space left on device");

        assertThat(Files.readString(certificate)).isEqualTo("old certificate");
        assertThat(Files.readString(key)).isEqualTo("old key");
        assertThat(filesIn(folder)).containsExactly(certificate, key);
    }

    @Test
    void aPairWhoseLastRenameFailsPutsTheFirstFileBack() throws Exception {
        Path certificate = folder.resolve("ca.crt");
        Path key = folder.resolve("ca.key");
        Path chain = folder.resolve("ca-chain.crt");
        Files.writeString(certificate, "old certificate");
        AtomicFile.Mover failOnKey = (temporary, target) -> {
            if (target.getFileName().toString().equals("ca.key")) {
                throw new IOException("Input/output error");
            }
            Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        };

        assertThatThrownBy(() -> AtomicFile.writeAll(List.of(text(certificate, "new certificate"),
                text(chain, "new chain"), text(key, "new key")), failOnKey)).hasMessage("Input/output error");

        assertThat(Files.readString(certificate)).as("the replaced file is back").isEqualTo("old certificate");
        assertThat(filesIn(folder)).as("the new file is gone again, no key, no temporary files")
                .containsExactly(certificate);
    }

    @Test
    void aPairIsWrittenWhole() throws Exception {
        Path certificate = folder.resolve("tls.crt");
        Path key = folder.resolve("tls.key");
        Files.writeString(certificate, "old certificate");

        AtomicFile.writeAll(List.of(text(certificate, "new certificate"), text(key, "new key")));

        assertThat(Files.readString(certificate)).isEqualTo("new certificate");
        assertThat(Files.readString(key)).isEqualTo("new key");
        assertThat(filesIn(folder)).containsExactly(certificate, key);
    }

    @Test
    void aFolderWhereTheFileShouldGoIsNotReplaced() throws Exception {
        Path file = Files.createDirectory(folder.resolve("scenario.yaml"));

        assertThatThrownBy(() -> AtomicFile.write(file, out -> out.write('x'))).hasMessageContaining("is a folder");

        assertThat(Files.isDirectory(file)).isTrue();
    }
}
