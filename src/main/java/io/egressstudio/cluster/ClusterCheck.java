package io.egressstudio.cluster;

import io.egressstudio.mesh.ResourceSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connect step: the server answers and accepts the credentials, which of the APIs Egress Studio uses it serves
 * (Maistra, federation, Route, Istio), which control planes it has, and, for a scenario, which APIs it needs that are
 * missing.
 *
 * @param apis           each non-core kind Egress Studio uses → the version served, or empty
 * @param missingForScenario one line per missing provider, or null (or null when no scenario was given)
 * @param permissions        whether the user may create every object of the scenario (SelfSubjectAccessReview, with
 *                           the verbs the connection's write strategy uses), or null when no scenario was given
 */
public record ClusterCheck(String context, String server, Map<ApiKind, Optional<String>> apis,
                           List<ControlPlaneInfo> controlPlanes, String missingForScenario, Permissions permissions) {
    public ClusterCheck {
        apis = Map.copyOf(apis);
        controlPlanes = List.copyOf(controlPlanes);
    }

    /** @param resources a scenario's resources, or null to check the connection only */
    public static ClusterCheck run(ClusterConnection connection, ResourceSet resources) throws ClusterException {
        connection.check();
        Map<ApiKind, Optional<String>> apis = connection.apis();
        String missing = resources == null ? null
                : Planner.missingApis(connection.api(), Planner.needs(resources));
        List<String> namespaces = resources == null ? List.of() : resources.ofKind("ServiceMeshControlPlane").stream()
                .map(e -> e.resource().getMetadata().getNamespace()).toList();
        Permissions permissions = resources == null ? null
                : connection.check(Planner.accessesToCreate(connection, resources));
        return new ClusterCheck(connection.context(), connection.server(), apis, connection.controlPlanes(namespaces),
                missing, permissions);
    }
}
