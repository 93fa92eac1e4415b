package io.egressstudio.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowGeometryTest {
    @TempDir
    Path config;

    @Test
    void aSavedGeometryIsReadBackWithItsDividers() throws Exception {
        WindowGeometry saved = new WindowGeometry(120, 90, 1100, 700, true,
                Map.of("body", List.of(0.2, 0.75), "centre", List.of(0.6)));
        saved.save(config);

        assertThat(WindowGeometry.load(config)).contains(saved);
    }

    @Test
    void savingAgainReplacesTheFileWholeAndLeavesNoTemporaryFileBehind() throws Exception {
        new WindowGeometry(0, 0, 1000, 600, false, Map.of()).save(config);
        new WindowGeometry(10, 20, 1200, 800, false, Map.of()).save(config);

        assertThat(WindowGeometry.load(config)).map(WindowGeometry::width).contains(1200.0);
        try (var files = Files.list(config)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(WindowGeometry.FILE_NAME);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x=1\ny=2\n", "x=1\ny=2\nwidth=abc\nheight=3\n", "x=1\ny=2\nwidth=0\nheight=700\n",
            "x=1\ny=2\nwidth=NaN\nheight=700\n", "x=1\ny=2\nwidth=900\nheight=700\ndividers.body=0.2,7\n",
            "x=1\ny=2\nwidth=900\nheight=700\ndividers.body=0.2,,0.3\n", "\u0000\u0001garbage"})
    void aDamagedFileOpensTheWindowAtItsDefaultInsteadOfFailing(String content) throws Exception {
        Files.writeString(config.resolve(WindowGeometry.FILE_NAME), content);

        assertThat(WindowGeometry.load(config)).isEmpty();
    }

    @Test
    void noFileMeansNoSavedGeometry() {
        assertThat(WindowGeometry.load(config.resolve("missing"))).isEmpty();
    }

    @Test
    void aProjectorOrLaptopScreenOpensMaximisedALargeScreenCentredWithRoomAround() {
        assertThat(WindowGeometry.forScreen(0, 0, 1280, 720).maximized()).isTrue();
        assertThat(WindowGeometry.forScreen(0, 0, 1366, 768).maximized()).isTrue();

        WindowGeometry large = WindowGeometry.forScreen(0, 0, 1920, 1080);
        assertThat(large.maximized()).isFalse();
        assertThat(large.width()).isEqualTo(1600);
        assertThat(large.height()).isEqualTo(972);
        assertThat(large.x()).isEqualTo(160);
        assertThat(large.y()).isEqualTo(54);
    }

    @Test
    void aSecondScreenToTheRightGetsItsOwnCentredWindow() {
        WindowGeometry right = WindowGeometry.forScreen(1920, 0, 2560, 1440);

        assertThat(right.x()).isEqualTo(1920 + (2560 - 1600) / 2.0);
        assertThat(right.width()).isEqualTo(1600);
        assertThat(right.height()).isEqualTo(1000);
    }
}
