package io.egressstudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which arguments open the designer on a file, and which run a command. */
class LauncherTest {
    @Test
    void aLoneExistingFileOpensTheDesigner(@TempDir Path folder) throws Exception {
        Path scenario = Files.writeString(folder.resolve("mine.yaml"), "apiVersion: egress-studio/v1\n");

        assertThat(Launcher.opensFile(new String[] {scenario.toString()})).isTrue();
        assertThat(Launcher.opensFile(new String[] {folder.resolve("missing.yaml").toString()})).isFalse();
    }

    @Test
    void aSubcommandStaysACommandEvenWhenAFileHasItsName(@TempDir Path folder) throws Exception {
        for (String command : new String[] {"templates", "contexts", "help"}) {
            Files.writeString(folder.resolve(command), "not a scenario\n");

            assertThat(Launcher.opensFile(new String[] {command}, folder)).as(command).isFalse();
            assertThat(Launcher.opensFile(new String[] {"./" + command}, folder)).as("./" + command).isTrue();
        }
    }
}
