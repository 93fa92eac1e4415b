package io.egressstudio.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.model.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestWriterTest {
    @Test
    void aScenarioWithNothingDrawnGeneratesAnEmptyStreamNotAParserError() {
        Scenario empty = new Scenario("untitled", null, null, null, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), Map.of());

        assertThat(ManifestWriter.toYaml(ScenarioGenerator.generate(empty))).isEmpty();
    }
}
