package io.egressstudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which arguments open the designer on a file and which run a command. */
class LauncherTest {
    @TempDir
    Path folder;

    @Test
    void aFileNamedLikeACommandDoesNotTurnTheCommandIntoTheDesigner() throws Exception {
        for (String command : new String[] {"templates", "contexts", "help", "validate"}) {
            Files.writeString(folder.resolve(command), "apiVersion: egress-studio/v1\n");

            assertThat(Launcher.opensFile(new String[] {command}, folder)).as(command).isFalse();
            assertThat(Launcher.opensFile(new String[] {"./" + command}, folder)).as("./" + command).isTrue();
        }
    }

    @Test
    void aLoneScenarioFileOpensTheDesigner() throws Exception {
        Files.writeString(folder.resolve("design.yaml"), "apiVersion: egress-studio/v1\n");

        assertThat(Launcher.opensFile(new String[] {"design.yaml"}, folder)).isTrue();
        assertThat(Launcher.opensFile(new String[] {"missing.yaml"}, folder)).isFalse();
        assertThat(Launcher.opensFile(new String[] {"design.yaml", "--help"}, folder)).isFalse();
    }
}
