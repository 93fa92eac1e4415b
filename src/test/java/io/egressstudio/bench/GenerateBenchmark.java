package io.egressstudio.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.egressstudio.generate.ManifestWriter;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.AppProtocol;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.Origination;
import io.egressstudio.model.OutboundPolicy;
import io.egressstudio.model.PortProtocol;
import io.egressstudio.model.PortRewrite;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Server;
import io.egressstudio.model.ServicePort;
import io.egressstudio.model.TlsMode;
import io.egressstudio.model.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark harness (not a test): generate and write a scenario with 2,000 external services in 20 meshes, beside
 * the floor of plain Jackson serializing the same objects. Prints the medians and the ratio (goal: at most 1.5x).
 */
public final class GenerateBenchmark {
    private static final int MESHES = 20;
    private static final int SERVICES = 2_000;
    private static final int WARMUP = 5;
    private static final int RUNS = 15;

    private GenerateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Scenario scenario = largeScenario();
        ObjectMapper plain = new ObjectMapper(new YAMLFactory());
        ResourceSet sample = ScenarioGenerator.generate(scenario);
        List<HasMetadata> objects = ManifestWriter.ordered(sample);
        long[] buildOnly = new long[RUNS];
        long[] generate = new long[RUNS];
        long[] floor = new long[RUNS];
        long sink = 0;
        for (int i = -WARMUP; i < RUNS; i++) {
            long buildStart = System.nanoTime();
            sink += ScenarioGenerator.generate(scenario).size();
            long buildEnd = System.nanoTime();
            long start = System.nanoTime();
            String yaml = ManifestWriter.toYaml(ScenarioGenerator.generate(scenario));
            long middle = System.nanoTime();
            StringBuilder floorYaml = new StringBuilder();
            for (HasMetadata object : objects) {
                floorYaml.append(plain.writeValueAsString(object));
            }
            long end = System.nanoTime();
            sink += yaml.length() + floorYaml.length();
            if (i >= 0) {
                buildOnly[i] = buildEnd - buildStart;
                generate[i] = middle - start;
                floor[i] = end - middle;
            }
        }
        double generateMs = median(generate) / 1e6;
        double floorMs = median(floor) / 1e6;
        System.out.printf("resources: %d (%d external services, %d meshes), output chars per run: %d%n",
                sample.applicable().size(), SERVICES, MESHES, sink / (RUNS + WARMUP) / 2);
        System.out.printf("generate+write median: %.1f ms (spread %.1f-%.1f)%n", generateMs,
                min(generate) / 1e6, max(generate) / 1e6);
        System.out.printf("  of which building the objects: %.1f ms%n", median(buildOnly) / 1e6);
        System.out.printf("plain Jackson floor median: %.1f ms (spread %.1f-%.1f)%n", floorMs,
                min(floor) / 1e6, max(floor) / 1e6);
        System.out.printf("generate_ratio: %.2f (goal <= 1.5)%n", generateMs / floorMs);
    }

    static Scenario largeScenario() {
        List<Mesh> meshes = new ArrayList<>();
        List<Workload> workloads = new ArrayList<>();
        List<ExternalService> services = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int m = 0; m < MESHES; m++) {
            String ns = "apps-" + m;
            meshes.add(new Mesh("mesh-" + m, "tenant-" + m, "istio-system-" + m, null, OutboundPolicy.REGISTRY_ONLY,
                    true, false, List.of(ns), null, null, null));
            workloads.add(new Workload("client-" + m, ns, "client", List.of(8080), true, null));
            for (int s = 0; s < SERVICES / MESHES; s++) {
                String id = "svc-" + m + "-" + s;
                services.add(new ExternalService(id, id, ns, List.of(id + ".example.com"),
                        List.of(new ServicePort(443, "http", PortProtocol.HTTP2, null)), null, null, null, null, null,
                        Server.plaintext()));
                links.add(new Link("call-" + m + "-" + s, "client-" + m, id, AppProtocol.HTTP, 80, null, null,
                        new Origination(null, TlsMode.SIMPLE, id + ".example.com", null, null, null, null, null, null, true),
                        null, PortRewrite.VIRTUAL_SERVICE, 443));
            }
        }
        return new Scenario("bench", "bench", null, null, meshes, workloads, null, services, links, null, null, null, null);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
