package io.egressstudio.bench;

import io.egressstudio.io.ScenarioFile;
import java.nio.file.Path;

/** Writes the designer harness's 1,000-node / 2,000-link scenario to a file, for {@code bin/bench}'s idle-RSS probe. */
public final class LargeScenarioFile {
    private LargeScenarioFile() {
    }

    public static void main(String[] args) throws Exception {
        ScenarioFile.save(DesignerBenchmark.largeScenario(10, 60, 380, 2000), Path.of(args[0]));
    }
}
