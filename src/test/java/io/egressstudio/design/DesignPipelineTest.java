package io.egressstudio.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.BuiltInScenarios;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's own behaviour: what the status line says when the analysis itself goes wrong (words a user can act on,
 * never a library's message), and what an edit is spared.
 */
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

    @Test
    void movingABoxReusesTheAnalysisWithoutGeneratingOrPredictingAgain() {
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        PredictionEngine standard = PredictionEngines.standard();
        DesignPipeline pipeline = new DesignPipeline((scenario, resources) -> {
            runs.incrementAndGet();
            return standard.run(scenario, resources);
        });
        io.egressstudio.model.Scenario drawn = io.egressstudio.io.BuiltInDesigns.finished("1a-simple");
        DesignAnalysis before = pipeline.analyze(drawn);
        io.egressstudio.model.Scenario moved = ScenarioEdits.move(drawn, java.util.Map.of(drawn.meshes().get(0).id(),
                new io.egressstudio.model.Position(700, 500)));

        DesignAnalysis after = pipeline.analyze(moved, before);

        assertThat(runs.get()).as("predictor runs").isEqualTo(1);
        assertThat(after.scenario()).isSameAs(moved);
        assertThat(after.predictions()).isSameAs(before.predictions());
        assertThat(after.yaml()).isSameAs(before.yaml());
        io.egressstudio.model.Scenario edited = ScenarioEdits.replace(moved, drawn.meshes().get(0).id(),
                drawn.meshes().get(0).withOutboundPolicy(io.egressstudio.model.OutboundPolicy.ALLOW_ANY));
        pipeline.analyze(edited, after);
        assertThat(runs.get()).as("an edit that is not a move predicts again").isEqualTo(2);
    }
}
