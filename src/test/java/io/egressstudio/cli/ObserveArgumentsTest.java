package io.egressstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code observe}'s option values: what is accepted, and the message that names the option when it is not. */
class ObserveArgumentsTest {
    @TempDir
    Path folder;

    @Test
    void durationsTakeMillisecondsSecondsOrMinutesAndSecondsWithoutAUnit() throws Exception {
        assertThat(ObserveArguments.duration("--interval", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ObserveArguments.duration("--interval", "1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(ObserveArguments.duration("--interval", " 2 ")).isEqualTo(Duration.ofSeconds(2));
        assertThat(ObserveArguments.duration("--window", "1m")).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> ObserveArguments.duration("--interval", "0s"))
                .hasMessage("--interval '0s' is not a positive duration such as 500ms, 5s or 1m");
        assertThatThrownBy(() -> ObserveArguments.duration("--timeout", "often"))
                .hasMessage("--timeout 'often' is not a positive duration such as 500ms, 5s or 1m");
    }

    @Test
    void aUrlIsAnHttpOrHttpsBaseWithAHost() throws Exception {
        assertThat(ObserveArguments.url("--prometheus", "https://prom.example.com/prometheus"))
                .isEqualTo(URI.create("https://prom.example.com/prometheus"));
        assertThatThrownBy(() -> ObserveArguments.url("--prometheus", "ftp://127.0.0.1/"))
                .hasMessage("--prometheus 'ftp://127.0.0.1/' is not an http or https URL with a host");
        assertThatThrownBy(() -> ObserveArguments.url("--kiali", "http://k/?x=1"))
                .hasMessage("--kiali 'http://k/?x=1': give the base URL, without a query or fragment");
    }

    @Test
    void aTokenFileHoldsExactlyOneToken() throws Exception {
        Path good = Files.writeString(folder.resolve("token"), "  sha256~abc\n");
        Path empty = Files.writeString(folder.resolve("empty"), "\n");
        Path two = Files.writeString(folder.resolve("two"), "one\ntwo\n");

        assertThat(ObserveArguments.token("--token-file", good)).isEqualTo("sha256~abc");
        assertThatThrownBy(() -> ObserveArguments.token("--token-file", empty))
                .hasMessage("--token-file " + empty + " is empty");
        assertThatThrownBy(() -> ObserveArguments.token("--kiali-token-file", two))
                .hasMessage("--kiali-token-file " + two + " holds more than one token (spaces or line breaks inside)");
        assertThatThrownBy(() -> ObserveArguments.token("--token-file", folder.resolve("none")))
                .hasMessageStartingWith("--token-file " + folder.resolve("none") + ": cannot read: ");
    }
}
