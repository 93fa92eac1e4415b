package io.egressstudio.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.BuiltInScenarios;
import org.junit.jupiter.api.Test;

/** What the status line says when the analysis itself goes wrong: words a user can act on, never a library's message. */
class DesignPipelineTest {
    @Test
    void aPredictorFailureIsSaidInWordsWithoutTheExceptionsText() {
        PredictionEngine broken = (scenario, resources) -> {
            throw new IllegalStateException("expected NodeEvent, but got <DocumentEndEvent()>");
        };

        DesignAnalysis a = new DesignPipeline(broken).analyze(BuiltInScenarios.get("1a-simple"));

        assertThat(a.predictionsReady()).isFalse();
        assertThat(a.error()).contains("could not be made").contains("report it")
                .doesNotContain("NodeEvent", "IllegalStateException");
        assertThat(MainViewModel.summary(a)).doesNotContain("NodeEvent", "Exception");
    }
}
