package io.egressstudio.predict;

import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ServerKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scenario's resources for prediction: what the generator emits, plus what the drawing says about servers that live
 * outside every cluster. The manifests cannot say whether such a server speaks plaintext, TLS or mutual TLS, so each
 * ServiceEntry made for an external service whose server is drawn as PLAINTEXT, TLS or MUTUAL_TLS (and is neither an
 * in-cluster workload nor another mesh's ingress) gets the annotation {@link MeshView#SERVER_ANNOTATION}, the same
 * one a user can put on a ServiceEntry in plain manifests.
 */
public final class ScenarioResources {
    /** The generator's annotation naming the drawn element a resource came from. */
    static final String ELEMENT_ANNOTATION = "egress-studio.io/element";

    private ScenarioResources() {
    }

    public static ResourceSet of(Scenario scenario) {
        ResourceSet generated = ScenarioGenerator.generate(scenario);
        for (ResourceSet.Entry entry : generated.ofKind("ServiceEntry")) {
            HasMetadata se = entry.resource();
            Map<String, String> annotations = se.getMetadata().getAnnotations();
            String element = annotations == null ? null : annotations.get(ELEMENT_ANNOTATION);
            ExternalService service = element == null ? null : scenario.externalService(element).orElse(null);
            if (service == null || service.server().workload() != null || service.server().kind() == ServerKind.MESH_INGRESS
                    || annotations.containsKey(MeshView.SERVER_ANNOTATION)) {
                continue;
            }
            Map<String, String> copy = new LinkedHashMap<>(annotations);
            copy.put(MeshView.SERVER_ANNOTATION, service.server().kind().name());
            se.getMetadata().setAnnotations(copy);
        }
        return generated;
    }
}
