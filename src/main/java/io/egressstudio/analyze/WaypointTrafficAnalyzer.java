package io.egressstudio.analyze;

import io.egressstudio.mesh.Ambient;
import io.egressstudio.mesh.MeshView;
import java.util.List;
import java.util.function.Consumer;

/**
 * ES0044: a waypoint (a Gateway of class {@code istio-waypoint}) that cannot take the service traffic ServiceEntries
 * send it: it lacks the {@code {name: mesh, port: 15008, protocol: HBONE}} listener istioctl writes, or its
 * {@code istio.io/waypoint-for} is {@code workload} or {@code none} while an entry (or its namespace) names it.
 */
final class WaypointTrafficAnalyzer implements Analyzer {
    @Override
    public String name() {
        return "ambient.WaypointTrafficType";
    }

    @Override
    public String description() {
        return "Waypoints that cannot take service traffic (waypoint-for workload or none, no HBONE listener)";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.WAYPOINT_CANNOT_SERVE_SERVICES);
    }

    @Override
    public void analyze(MeshView view, Consumer<Finding> report) {
        Ambient ambient = view.ambient();
        for (Ambient.Waypoint w : ambient.waypoints().values()) {
            List<String> users = ambient.requesting().stream().filter(b -> w.id().equals(b.requested()))
                    .map(Ambient.Binding::service).toList();
            if (!w.hboneListener()) {
                report.accept(Finding.of(Messages.WAYPOINT_CANNOT_SERVE_SERVICES, w.key(), "spec.listeners",
                        w.key() + " has no listener {protocol: HBONE, port: 15008}: ztunnel tunnels traffic to a "
                                + "waypoint on that port only, and istiod warns of any other listener on a waypoint.",
                        "Give the Gateway the listener istioctl waypoint apply writes: {name: mesh, port: 15008, "
                                + "protocol: HBONE}."));
            }
            if (!w.takesServiceTraffic() && !users.isEmpty()) {
                report.accept(Finding.of(Messages.WAYPOINT_CANNOT_SERVE_SERVICES, w.key(), "metadata.labels",
                        w.key() + " is for \"" + w.trafficFor() + "\" traffic (" + w.forSource() + "), but "
                                + String.join(", ", users) + " use it: a ServiceEntry binds only to a waypoint for "
                                + "service or all (istio.io/WaypointBound=False, UnsupportedTrafficType), so their "
                                + "traffic goes straight out through ztunnel, without the waypoint's TLS, routes or "
                                + "policies.",
                        "Label the Gateway " + Ambient.WAYPOINT_FOR + ": service (or all)."));
            }
        }
    }
}
