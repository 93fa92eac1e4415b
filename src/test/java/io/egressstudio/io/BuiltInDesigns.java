package io.egressstudio.io;

import io.egressstudio.model.Scenario;
import java.util.List;

/**
 * The built-in scenarios as finished designs, for tests that need a complete design rather than a walkthrough: each
 * built-in is drawn as its walkthrough starts, and its steps build the design (as the CLI's default, "after all
 * steps", does). The steps are left out, so that the result is not a walkthrough to apply again.
 */
public final class BuiltInDesigns {
    private BuiltInDesigns() {
    }

    public static Scenario finished(String name) {
        Scenario walkthrough = BuiltInScenarios.get(name);
        try {
            Scenario s = Steps.after(walkthrough, walkthrough.steps().size());
            return new Scenario(s.name(), s.title(), s.description(), s.istioApi(), s.meshes(), s.workloads(),
                    s.egressGateways(), s.externalServices(), s.links(), s.federations(), s.certificates(), List.of(),
                    s.layout());
        } catch (Steps.StepException e) {
            throw new IllegalStateException("built-in " + name + ": " + e.path() + ": " + e.getMessage(), e);
        }
    }
}
