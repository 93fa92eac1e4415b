package io.egressstudio.gui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class PresenterScreensTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1920, 1080);
    private static final Rectangle2D PROJECTOR = new Rectangle2D(1920, 0, 1280, 720);

    @Test
    void withOneScreenPresenterModeUsesIt() {
        assertThat(PresenterScreens.audienceScreen(List.of(LAPTOP), new Rectangle2D(100, 100, 800, 600))).isZero();
    }

    @Test
    void theAudienceGetsTheScreenTheMainWindowIsNotOn() {
        assertThat(PresenterScreens.audienceScreen(List.of(LAPTOP, PROJECTOR), new Rectangle2D(100, 100, 800, 600)))
                .isEqualTo(1);
        assertThat(PresenterScreens.audienceScreen(List.of(LAPTOP, PROJECTOR), new Rectangle2D(2000, 50, 800, 600)))
                .as("the main window on the second screen").isZero();
    }

    @Test
    void aMainWindowAcrossBothScreensCountsAsOnTheOneItCoversMost() {
        assertThat(PresenterScreens.audienceScreen(List.of(LAPTOP, PROJECTOR), new Rectangle2D(1800, 0, 900, 700)))
                .isZero();
    }

    @Test
    void withoutAMainWindowTheSecondScreenIsTheAudiences() {
        assertThat(PresenterScreens.audienceScreen(List.of(LAPTOP, PROJECTOR), null)).isEqualTo(1);
    }
}
