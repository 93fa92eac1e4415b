package io.egressstudio.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ExportOptions;
import io.egressstudio.io.Steps;
import io.egressstudio.model.Scenario;
import org.junit.jupiter.api.Test;

/** The window's exports draw the predictions of the scenario exported, never those of another one. */
class DiagramImagesTest {
    @Test
    void anAnalysisOfAnotherStepIsNotDrawnAsTheShownOnesOutcome() throws Exception {
        Scenario walkthrough = BuiltInScenarios.get("1a-unencrypted-v1");
        Scenario step1 = Steps.after(walkthrough, 1);
        Scenario step2 = Steps.after(walkthrough, 2);
        DesignAnalysis ofStep1 = new DesignPipeline(PredictionEngines.standard()).analyze(step1);

        String svg = DiagramImages.svg(step2, ofStep1, ExportOptions.defaults());

        assertThat(svg).contains("<g id=\"link-greeting-call\"><title>BLACKHOLE: ").doesNotContain("PASSTHROUGH: ");
        assertThat(DiagramImages.svg(step1, ofStep1, ExportOptions.defaults()))
                .contains("<g id=\"link-greeting-call\"><title>PASSTHROUGH: ");
    }
}
