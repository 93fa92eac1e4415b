package io.egressstudio.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The CRD schema tests skip only in a user's clone: with CI=true a missing ../shared/crds fails them. */
class SharedCrdsTest {
    static final Map<String, String> CI = Map.of("CI", "true");
    static final Map<String, String> USER = Map.of("HOME", "/home/someone");

    @TempDir
    Path folder;

    @Test
    void aMissingFolderFailsUnderCiAndSkipsInAUsersClone() {
        assertThat(SharedCrds.decide(CI, false)).isEqualTo(SharedCrds.Decision.FAIL);
        assertThat(SharedCrds.decide(Map.of("CI", "TRUE"), false)).isEqualTo(SharedCrds.Decision.FAIL);
        assertThat(SharedCrds.decide(USER, false)).isEqualTo(SharedCrds.Decision.SKIP);
        assertThat(SharedCrds.decide(Map.of("CI", "false"), false)).isEqualTo(SharedCrds.Decision.SKIP);
    }

    @Test
    void aPresentFolderIsValidatedAgainstWhereverTheTestsRun() {
        assertThat(SharedCrds.decide(CI, true)).isEqualTo(SharedCrds.Decision.VALIDATE);
        assertThat(SharedCrds.decide(USER, true)).isEqualTo(SharedCrds.Decision.VALIDATE);
    }

    @Test
    void underCiTheTestFailsNamingTheFolderAndInAUsersCloneItSkipsWithTodaysMessage() {
        Path absent = folder.resolve("crds");

        assertThatThrownBy(() -> SharedCrds.require(CI, absent)).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(absent + " (").hasMessageContaining("absent and CI=true");
        assertThatThrownBy(() -> SharedCrds.require(USER, absent)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("../shared/crds is absent in this clone: CRD schema validation is skipped");
        assertThat(SharedCrds.require(CI, folder)).isEqualTo(folder);
    }
}
