package io.egressstudio.predict;

import io.egressstudio.io.ManifestReader;
import io.egressstudio.mesh.ResourceSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A YAML fixture under {@code src/test/resources/predict}: resources, plus comments the tests read.
 * {@code # Include: base/x.yaml} reads another file first; {@code # Request: NS/WORKLOAD=URL} followed by
 * {@code # Expected: OUTCOME} states a prediction (and an optional {@code # Hops: ENC ENC...} the encryption of each
 * hop); {@code # Expected: CODE Kind/ns/name} states a finding and
 * {@code # Absent: CODE Kind/ns/name} a finding that must not appear (the good resource beside the bad one).
 */
public record Fixture(Path file, ResourceSet resources, List<Expectation> requests, List<String> findings,
                      List<String> absent) {
    /** An expected outcome, and optionally the expected encryption of each hop ({@code # Hops: A B C}). */
    public record Expectation(String request, String outcome, List<String> hops) {
    }

    public static final Path ROOT = root();

    private static Path root() {
        try {
            return Paths.get(Fixture.class.getResource("/predict").toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Path> files(String folder) {
        try (Stream<Path> walk = Files.walk(ROOT.resolve(folder))) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Fixture load(Path file) {
        try {
            List<Path> paths = new ArrayList<>();
            List<Expectation> requests = new ArrayList<>();
            List<String> findings = new ArrayList<>();
            List<String> absent = new ArrayList<>();
            String pending = null;
            for (String line : Files.readAllLines(file)) {
                String l = line.strip();
                if (l.startsWith("# Include:")) {
                    paths.add(ROOT.resolve(l.substring("# Include:".length()).strip()));
                } else if (l.startsWith("# Request:")) {
                    pending = l.substring("# Request:".length()).strip();
                } else if (l.startsWith("# Expected:")) {
                    String value = l.substring("# Expected:".length()).strip();
                    if (pending != null) {
                        requests.add(new Expectation(pending, value, null));
                        pending = null;
                    } else {
                        findings.add(value);
                    }
                } else if (l.startsWith("# Hops:") && !requests.isEmpty()) {
                    Expectation last = requests.remove(requests.size() - 1);
                    requests.add(new Expectation(last.request(), last.outcome(),
                            List.of(l.substring("# Hops:".length()).strip().split("\\s+"))));
                } else if (l.startsWith("# Absent:")) {
                    absent.add(l.substring("# Absent:".length()).strip());
                }
            }
            paths.add(file);
            return new Fixture(file, ManifestReader.read(paths), requests, findings, absent);
        } catch (Exception e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return ROOT.relativize(file).toString();
    }
}
