package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.WorkloadInfo;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * ES0035–ES0037: how namespaces join OpenShift Service Mesh 3 and upstream Istio meshes, where the input leaves it
 * wrong or unsaid. Injection and discovery are independent in Istio: a namespace can get sidecars from a control
 * plane that does not read it. Where the input cannot settle membership, the prediction's assumption is reported
 * rather than made silently.
 */
final class MeshMembershipAnalyzer implements Analyzer {
    @Override
    public String name() {
        return "meshmember.InjectionAndDiscovery";
    }

    @Override
    public String description() {
        return "Namespaces injected but not discovered, read by two control planes, or joined by assumption";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.INJECTED_OUTSIDE_DISCOVERY, Messages.NAMESPACE_READ_BY_TWO_CONTROL_PLANES,
                Messages.MESH_MEMBERSHIP_ASSUMED);
    }

    @Override
    public void analyze(MeshView view, Consumer<Finding> report) {
        view.injectedOutsideDiscovery().forEach((ns, cp) -> report.accept(Finding.of(Messages.INJECTED_OUTSIDE_DISCOVERY,
                "Namespace//" + ns, "metadata.labels",
                "Namespace " + ns + " is labelled for injection by " + cp.title() + ", whose discoverySelectors do not "
                        + "select it: its pods get an istio-proxy that istiod never configures, and they do not become ready.",
                "Label " + ns + " so one of the discoverySelectors of " + cp.key() + " selects it, or remove its "
                        + "injection label.")));
        view.sharedNamespaces().forEach((ns, readers) -> report.accept(Finding.of(
                Messages.NAMESPACE_READ_BY_TWO_CONTROL_PLANES, readers.get(1).key(), "metadata.name",
                "Namespace " + ns + " is read by " + readers.stream().map(ControlPlane::key)
                        .collect(Collectors.joining(" and ")) + "; the predictions use " + readers.get(0).key() + ".",
                "Give each control plane its own namespaces (a member roll, or discoverySelectors that do not overlap) "
                        + "and label each namespace with the revision that serves it.")));
        for (ControlPlane cp : view.controlPlanes()) {
            if (cp.origin() != null && cp.origin().startsWith("assumed")) {
                report.accept(Finding.of(Messages.MESH_MEMBERSHIP_ASSUMED, cp.key(), "data.mesh",
                        "The input has no control plane (no ServiceMeshControlPlane, Istio, IstioOperator or istio "
                                + "ConfigMap): the predictions assume upstream Istio's defaults in " + cp.namespace()
                                + " (ALLOW_ANY, auto mTLS, PERMISSIVE, every namespace discovered).",
                        "Add the control plane's resource (or the istio ConfigMap) to the input if the mesh config differs."));
            }
        }
        for (String ns : view.assumedInjection()) {
            String where = view.workloadsIn(ns).stream().filter(WorkloadInfo::declared).map(WorkloadInfo::key)
                    .findFirst().orElse("Namespace//" + ns);
            report.accept(Finding.of(Messages.MESH_MEMBERSHIP_ASSUMED, where, "metadata.namespace",
                    "Namespace " + ns + " is not in the input, so its injection labels are unknown: the predictions "
                            + "take its pods as injected.",
                    "Add the Namespace " + ns + " with its labels (istio-injection=enabled or istio.io/rev=REV) to the "
                            + "input."));
        }
    }
}
