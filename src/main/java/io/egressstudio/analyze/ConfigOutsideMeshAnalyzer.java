package io.egressstudio.analyze;

import io.egressstudio.mesh.MeshView;
import java.util.List;
import java.util.function.Consumer;

/** ES0015: Maistra's control plane reads only its member namespaces and its own; anything else is never applied. */
final class ConfigOutsideMeshAnalyzer implements Analyzer {
    @Override
    public String name() {
        return "meshmember.ConfigOutsideMesh";
    }

    @Override
    public String description() {
        return "Istio configuration in a namespace no control plane reads";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.CONFIG_OUTSIDE_MESH);
    }

    @Override
    public void analyze(MeshView view, Consumer<Finding> report) {
        if (view.controlPlanes().isEmpty()) {
            return;
        }
        for (String key : view.ignoredConfig()) {
            String ns = key.split("/")[1];
            report.accept(Finding.of(Messages.CONFIG_OUTSIDE_MESH, key, "metadata.namespace",
                    "Namespace " + ns + " is not a member of any control plane: istiod never reads " + key + ".",
                    "Add " + ns + " to a ServiceMeshMemberRoll (or create a ServiceMeshMember), or move the resource "
                            + "to a member namespace."));
        }
    }
}
