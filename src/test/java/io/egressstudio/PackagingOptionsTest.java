package io.egressstudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The app runs with the same JVM options however it is started: bin/egress-studio and bin/bench read
 * packaging/jvm.options, the installers' launcher gets --java-options from packaging/jpackage.options.
 */
class PackagingOptionsTest {

    @Test
    void theInstallersLauncherHasEveryJvmOptionOfTheScripts() throws Exception {
        List<String> options = Files.readAllLines(Path.of("packaging/jvm.options")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(options).contains("-XX:+UseShenandoahGC", "-XX:G1PeriodicGCInterval=5000");
        assertThat(options.indexOf("-XX:+UnlockExperimentalVMOptions")).as("unlocks before the experimental options")
                .isLessThan(options.indexOf("-XX:ShenandoahUncommitDelay=5000"));

        Matcher javaOptions = Pattern.compile("--java-options \"([^\"]*)\"")
                .matcher(Files.readString(Path.of("packaging/jpackage.options")));
        assertThat(javaOptions.find()).as("jpackage.options has --java-options").isTrue();
        assertThat(Arrays.asList(javaOptions.group(1).split(" "))).containsSubsequence(options);
    }
}
