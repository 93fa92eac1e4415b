package io.egressstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files made to hurt the reader: huge, not UTF-8, with control characters, recursive anchors and alias bombs. */
class HostileYamlTest {
    @TempDir
    Path folder;

    @Test
    void aFileLargerThanTheCapIsRefusedWithoutReadingItWhole() throws Exception {
        Path huge = folder.resolve("huge.yaml");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(InputFiles.MAX_BYTES + 1L);
        }

        assertThatThrownBy(() -> ScenarioFile.load(huge))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessage(huge + ": file is larger than 16 MB; this is not a scenario or manifest file Egress Studio reads");
        assertThatThrownBy(() -> ManifestReader.read(huge))
                .hasMessageStartingWith(huge + ": file is larger than 16 MB");
    }

    @Test
    void otherInputsGetTheirOwnCap() throws Exception {
        Path pem = Files.write(folder.resolve("big.pem"), new byte[InputFiles.MAX_PEM_BYTES + 1]);

        assertThat(InputFiles.bytes(Files.write(folder.resolve("ok.pem"), new byte[10]), InputFiles.MAX_PEM_BYTES))
                .hasSize(10);
        assertThatThrownBy(() -> InputFiles.bytes(pem, InputFiles.MAX_PEM_BYTES))
                .hasMessage("file is larger than 1 MB, too large for its kind");
    }

    @Test
    void anEndlessDeviceIsRefusedQuickly() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> ScenarioFile.load(zero))
                .hasMessageStartingWith("/dev/zero: file is larger than 16 MB"));
    }

    @Test
    void aByteThatIsNotUtf8IsLocatedInManifestsAsInScenarios() throws Exception {
        Path file = folder.resolve("latin1.yaml");
        Files.write(file, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: b}\ndata: {k: Grüße}\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ManifestReader.read(file))
                .hasMessage(file + ":4:13: not UTF-8 text: byte 0xFC cannot start or continue a character");
    }

    @Test
    void aNulCharacterIsLocatedAndShownEscaped() {
        assertThatThrownBy(() -> ScenarioFile.parse("apiVersion: egress-studio/v1\nkind: Scenario\nname: a\u0000b\n", "n.yaml"))
                .hasMessage("n.yaml:3:8: control character U+0000 is not allowed in YAML");
    }

    @Test
    void aByteOrderMarkIsDroppedSoTheFileReadsTheSameEverywhere() throws Exception {
        String scenario = "\uFEFFapiVersion: egress-studio/v1\nkind: Scenario\nname: bom\n";
        Path file = folder.resolve("bom.yaml");
        Files.writeString(file, scenario);

        assertThat(ScenarioFile.load(file).name()).isEqualTo("bom");
        assertThat(ScenarioFile.isScenario(file)).isTrue();
        assertThat(ManifestReader.parse("\uFEFFapiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n", "m.yaml")
                .size()).isEqualTo(1);
    }

    @Test
    void aliasesAreExpandedToTheirAnchorsValue() throws Exception {
        JsonNode tree = YamlTrees.read("base: &ports [80, 443]\ncopy: *ports\nname: &n text\nagain: *n\n");

        assertThat(tree.get("copy").toString()).isEqualTo("[80,443]");
        assertThat(tree.get("again").asText()).isEqualTo("text");
    }

    @Test
    void mergeKeysMergeTheAliasedMappingUnderTheMappingsOwnFields() throws Exception {
        JsonNode tree = YamlTrees.read("defaults: &d {protocol: HTTP, number: 80}\nport:\n  <<: *d\n  number: 8080\n");

        assertThat(tree.get("port").toString()).isEqualTo("{\"number\":8080,\"protocol\":\"HTTP\"}");
    }

    @Test
    void anAliasInsideItsOwnAnchorIsLocatedAtTheAlias() {
        String text = "apiVersion: egress-studio/v1\nkind: Scenario\nname: x\nlayout: &loop\n  inner: *loop\n";

        assertThatThrownBy(() -> ScenarioFile.parse(text, "loop.yaml"))
                .hasMessage("loop.yaml:5:10: alias '*loop' is inside its own anchor '&loop': it would never end");
        assertThatThrownBy(() -> ManifestReader.parse("apiVersion: v1\nkind: ConfigMap\nmetadata: &m {name: a, "
                + "namespace: b, labels: *m}\n", "loop.yaml"))
                .hasMessage("loop.yaml:3:46: alias '*m' is inside its own anchor '&m': it would never end");
    }

    @Test
    void aliasBombsUnderSnakeYamlsAliasLimitAreRefusedQuickly() {
        String fourLevels = bomb(4, 16);

        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
            assertThatThrownBy(() -> ScenarioFile.parse(fourLevels, "bomb.yaml"))
                    .isInstanceOf(ScenarioFormatException.class)
                    .hasMessageMatching("bomb\\.yaml:\\d+:\\d+: alias '\\*a\\d' .*100000 values");
            assertThatThrownBy(() -> ManifestReader.parse(fourLevels, "bomb.yaml"))
                    .hasMessageMatching("bomb\\.yaml:\\d+:\\d+: alias '\\*a\\d' .*100000 values");
        });
    }

    @Test
    void deepNestingIsRefusedWithItsLine() {
        String deep = "apiVersion: egress-studio/v1\nkind: Scenario\nname: x\nlayout: " + "[".repeat(150) + "]".repeat(150);

        assertThatThrownBy(() -> ScenarioFile.parse(deep, "deep.yaml"))
                .hasMessageStartingWith("deep.yaml:4:")
                .hasMessageContaining("nested more than 100 levels deep");
    }

    /** {@code levels} lists of {@code width} aliases of the list before: width^levels strings from a few lines. */
    private static String bomb(int levels, int width) {
        List<String> lines = new ArrayList<>(List.of("apiVersion: egress-studio/v1", "kind: Scenario", "name: x",
                "description:", "  a0: &a0 [" + String.join(",", java.util.Collections.nCopies(width, "lol")) + "]"));
        for (int level = 1; level <= levels; level++) {
            lines.add("  a" + level + ": &a" + level + " ["
                    + String.join(",", java.util.Collections.nCopies(width, "*a" + (level - 1))) + "]");
        }
        return String.join("\n", lines) + "\n";
    }
}
