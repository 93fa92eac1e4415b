package io.egressstudio.gui.certs;

import io.egressstudio.generate.GeneratorOptions;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Scenario;

/**
 * Generation with the scenario's issued certificates: the Secrets filled from the {@link CertificateStore}, as
 * {@code generate --certs} fills them, for the prediction, the analyzers and apply; and the same resources with every
 * private key redacted, for anything shown on screen.
 */
public final class CertificateGeneration {
    private final CertificateStore store;

    public CertificateGeneration(CertificateStore store) {
        this.store = store;
    }

    /** The scenario's resources, with the Secrets of issued certificates filled (the others stay pending). */
    public ResourceSet generate(Scenario scenario) {
        return ScenarioGenerator.generate(scenario, options(scenario));
    }

    public GeneratorOptions options(Scenario scenario) {
        return store.generatorOptions(scenario);
    }

    /** The same resources with the private key entries of every Secret replaced: what a YAML pane may show. */
    public static ResourceSet forDisplay(ResourceSet resources) {
        return io.egressstudio.design.DesignPipeline.redacted(resources);
    }
}
