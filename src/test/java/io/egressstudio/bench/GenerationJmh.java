package io.egressstudio.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.egressstudio.generate.ManifestWriter;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.model.Scenario;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH (run by {@code bin/bench}): generating and writing a scenario with 2,000 external services in 20 meshes, and the
 * floor: plain Jackson writing the same objects as YAML. {@code generate_ratio} = generateAndWrite / plainJackson.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 3, time = 1)
public class GenerationJmh {
    private Scenario scenario;
    private List<HasMetadata> objects;
    private ObjectMapper plain;

    @Setup
    public void setUp() {
        scenario = GenerateBenchmark.largeScenario();
        objects = ManifestWriter.ordered(ScenarioGenerator.generate(scenario));
        plain = new ObjectMapper(new YAMLFactory());
    }

    /** What {@code egress-studio generate} does: scenario to typed objects to one YAML document. */
    @Benchmark
    public String generateAndWrite() {
        return ManifestWriter.toYaml(ScenarioGenerator.generate(scenario));
    }

    /** The floor: the same objects (already built) written by a plain YAML ObjectMapper. */
    @Benchmark
    public int plainJackson() throws JsonProcessingException {
        StringBuilder yaml = new StringBuilder();
        for (HasMetadata object : objects) {
            yaml.append(plain.writeValueAsString(object));
        }
        return yaml.length();
    }
}
