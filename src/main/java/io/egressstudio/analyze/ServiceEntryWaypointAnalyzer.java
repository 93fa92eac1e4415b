package io.egressstudio.analyze;

import io.egressstudio.mesh.Ambient;
import io.egressstudio.mesh.AuthorizationPolicies;
import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.Specs;
import io.egressstudio.predict.TrafficPredictor;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * ES0043: a ServiceEntry that istiod does not bind to a waypoint while something needs it to: its (or its namespace's)
 * {@code istio.io/use-waypoint} names a waypoint that does not exist, does not admit it or is not for services; an
 * AuthorizationPolicy names it in targetRefs (enforced nowhere: AncestorNotBound); or, with pods in ambient mode, a
 * route has it as parent (MissingUseWaypointLabel) or a DestinationRule originates TLS for it (ztunnel originates none).
 */
final class ServiceEntryWaypointAnalyzer implements Analyzer {
    @Override
    public String name() {
        return "ambient.ServiceEntryWithoutWaypoint";
    }

    @Override
    public String description() {
        return "ServiceEntries whose routes, targetRef policies or TLS origination need a waypoint they are not bound to";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.SERVICE_ENTRY_WITHOUT_WAYPOINT);
    }

    @Override
    public void analyze(MeshView view, Consumer<Finding> report) {
        boolean ambientPods = view.workloads().stream().anyMatch(w -> view.ambientEnrolment(w).ambient());
        AuthorizationPolicies policies = AuthorizationPolicies.of(view);
        for (Ambient.Binding b : view.ambient().bindings().values()) {
            if (b.bound()) {
                continue;
            }
            String[] key = b.service().split("/", 3);
            HasMetadata r = view.resources().get(key[0], key[1], key[2]).map(ResourceSet.Entry::resource).orElse(null);
            ServiceEntry se = r == null ? null : Specs.serviceEntry(r);
            if (se == null || view.controlPlaneOf(key[1]) == null) {
                continue;
            }
            List<String> needing = new ArrayList<>();
            policies.all().stream().filter(p -> p.namespace().equals(key[1])
                    && p.targets().contains("ServiceEntry/" + key[2]))
                    .forEach(p -> needing.add(p.key() + " (targetRefs; status AncestorNotBound: enforced nowhere)"));
            if (ambientPods) {
                Ambient.routesWithParent(view.resources(), key[1], key[2]).forEach(route -> needing.add(route
                        + " (parent; \"in ambient mode, route will not be respected\")"));
                tlsRules(view, key[1], se).forEach(dr -> needing.add(dr + " (tls: ztunnel originates no TLS)"));
            }
            if (b.problem() == null && needing.isEmpty()) {
                continue;
            }
            String why = b.problem() != null ? b.source() + " names waypoint " + b.requested() + ", but " + b.problem()
                    : "neither it nor its namespace has the label " + Ambient.USE_WAYPOINT
                    + (b.source() != null ? " (" + b.source() + ")" : "");
            report.accept(Finding.of(Messages.SERVICE_ENTRY_WITHOUT_WAYPOINT, b.service(), "metadata.labels",
                    b.service() + " is not bound to a waypoint: " + why + ". Ambient pods reach it through ztunnel "
                            + "alone, which passes the connection through as TCP" + (needing.isEmpty() ? "."
                            : ", so these are ignored for them: " + String.join("; ", needing) + "."),
                    "Label the ServiceEntry (or its namespace) " + Ambient.USE_WAYPOINT + ": NAME, with a Gateway of "
                            + "class " + Ambient.WAYPOINT_CLASS + " by that name, labelled " + Ambient.WAYPOINT_FOR
                            + ": service (or all), whose HBONE listener admits the entry's namespace."));
        }
    }

    private static List<String> tlsRules(MeshView view, String ns, ServiceEntry se) {
        MeshIndex index = view.indexOf(ns);
        List<String> out = new ArrayList<>();
        if (index == null) {
            return out;
        }
        for (Rules.Dr dr : index.destinationRules()) {
            boolean forHost = Specs.orEmpty(se.getHosts()).stream().anyMatch(h -> Hosts.matches(dr.host(), h));
            boolean tls = Specs.orEmpty(se.getPorts()).stream().anyMatch(p -> p.getNumber() != null
                    && TrafficPredictor.tlsFor(dr, null, p.getNumber().intValue(), new String[1]) != null);
            if (forHost && tls && !dr.implied()) {
                out.add(dr.key());
            }
        }
        return out;
    }
}
