package io.egressstudio.io;

import io.egressstudio.model.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The scenarios shipped inside the application: one for every option of the seed document. */
public final class BuiltInScenarios {
    private static final String FOLDER = "/io/egressstudio/scenarios/";
    public static final String DEFAULT = "1a-simple";

    private BuiltInScenarios() {
    }

    public static List<String> names() {
        return Arrays.stream(read("index.txt").split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public static Optional<Scenario> find(String name) {
        if (!names().contains(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ScenarioFile.parse(read(name + ".yaml"), "built-in:" + name));
        } catch (ScenarioFormatException e) {
            throw new IllegalStateException("built-in scenario is invalid: " + e.getMessage(), e);
        }
    }

    public static Scenario get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "no built-in scenario '" + name + "'; choose one of " + names()));
    }

    private static String read(String resource) {
        try (InputStream in = BuiltInScenarios.class.getResourceAsStream(FOLDER + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + FOLDER + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
