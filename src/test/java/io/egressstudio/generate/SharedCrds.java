package io.egressstudio.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code ../shared/crds}, the upstream CRDs the schema tests validate the generated resources against. A user's clone
 * may lack it, and those tests then skip, saying so; where {@code CI=true} (set by GitHub Actions, GitLab CI and the
 * like) a skip would hide that nothing was validated, so its absence fails the build instead.
 */
final class SharedCrds {
    static final Path FOLDER = Paths.get("..", "shared", "crds");
    static final String SKIPPED = "../shared/crds is absent in this clone: CRD schema validation is skipped";

    enum Decision { VALIDATE, SKIP, FAIL }

    private SharedCrds() {
    }

    /** What a schema test does, from the environment and whether the folder is there. */
    static Decision decide(Map<String, String> environment, boolean folderExists) {
        if (folderExists) {
            return Decision.VALIDATE;
        }
        return "true".equalsIgnoreCase(environment.get("CI")) ? Decision.FAIL : Decision.SKIP;
    }

    /** The folder, for a schema test: skips the test (a user's clone) or fails it (CI) when the folder is absent. */
    static Path require() {
        return require(System.getenv(), FOLDER);
    }

    static Path require(Map<String, String> environment, Path folder) {
        switch (decide(environment, Files.isDirectory(folder))) {
            case SKIP -> Assumptions.abort(SKIPPED);
            case FAIL -> Assertions.fail(folder + " (" + folder.toAbsolutePath().normalize()
                    + ") is absent and CI=true: CRD schema validation must not be skipped in CI; check the shared"
                    + " folder out beside the repository");
            case VALIDATE -> {
            }
        }
        return folder;
    }
}
