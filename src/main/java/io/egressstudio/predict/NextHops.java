package io.egressstudio.predict;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ServicePort;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.model.Outcome;
import io.fabric8.openshift.api.model.Route;
import java.util.List;
import java.util.Map;

/**
 * The next hop, chosen by what really answers at the address, never by names: an OpenShift Route for the host, a
 * Kubernetes Service (whose pod is a gateway proxy, a sidecar, or a pod outside the mesh), or a server outside the
 * cluster.
 */
final class NextHops {
    // Gateways can send to gateways (and Routes to Services); a misconfigured chain would otherwise never end.
    private static final int MAX_DEPTH = 8;

    private final MeshView view;
    private final OpenShiftRouter router;
    private final GatewayProxy gateway;
    private final SidecarServer sidecarServer;
    private final ServerOutsideMesh outsideMesh;

    NextHops(MeshView view, ClusterSender sender) {
        this.view = view;
        this.router = new OpenShiftRouter(view, this);
        this.gateway = new GatewayProxy(view, sender);
        this.sidecarServer = new SidecarServer(view);
        this.outsideMesh = new ServerOutsideMesh();
    }

    /** After a proxy: a Kubernetes Service's pods, or whatever answers at a ServiceEntry's host. */
    Outcome atService(Trace t, MeshService service, ServicePort port, Wire wire, ControlPlane mesh, int depth) {
        if (depth > MAX_DEPTH) {
            throw t.end(Outcome.NO_ROUTE, "The request loops between proxies and never reaches a server.");
        }
        if (service.kind() == MeshService.Kind.KUBERNETES) {
            return atKubernetesService(t, service, port, wire, mesh, depth);
        }
        String host = Hosts.isWildcard(service.host()) || "NONE".equals(service.resolution()) ? wire.host() : service.host();
        return atDestination(t, host, port.endpointPort(), wire, mesh, service, depth);
    }

    /** Whatever answers at a host and port outside the proxies seen so far: a Route, a Service, or an external server. */
    Outcome atDestination(Trace t, String host, int port, Wire wire, ControlPlane mesh, MeshService entry, int depth) {
        List<Route> routes = view.routesFor(host);
        if (!routes.isEmpty()) {
            return router.at(t, routes.get(0), port, wire, mesh, depth);
        }
        MeshService kube = view.kubernetesService(host);
        if (kube != null) {
            ServicePort p = kube.port(port);
            if (p == null) {
                throw t.end(Outcome.NO_ROUTE, "Service " + kube.key() + " has no port " + port + ": the connection is refused "
                        + "(503 UF,URX from a proxy).");
            }
            return atKubernetesService(t, kube, p, wire, mesh, depth);
        }
        return outsideMesh.atExternalHost(t, host, port, wire, entry);
    }

    Outcome atKubernetesService(Trace t, MeshService service, ServicePort port, Wire wire, ControlPlane mesh,
                                int depth) {
        t.use(service.key());
        List<WorkloadInfo> pods = view.workloadsSelectedBy(service);
        WorkloadInfo pod;
        if (pods.isEmpty() && service.selector().isEmpty()) {
            String name = Hosts.serviceName(service.host());
            pod = new WorkloadInfo(service.namespace(), name, Map.of(), false, false, false, null, Map.of());
            t.say(noPodsBehind(service));
        } else if (pods.isEmpty()) {
            String name = Hosts.serviceName(service.host());
            pod = new WorkloadInfo(service.namespace(), name, service.selector(),
                    view.assumedSidecar(service.namespace(), service.selector()), false, false, null, Map.of());
            t.say("The set has no Deployment behind " + service.key() + "; it is assumed to "
                    + (pod.sidecar() ? "have a sidecar (" : "have no sidecar (") + view.sidecarReason(pod) + ").");
        } else {
            pod = pods.get(0);
            if (pod.key() != null) {
                t.use(pod.key());
            }
        }
        if (pod.gateway()) {
            return gateway.at(t, pod, port, wire, depth);
        }
        if (pod.sidecar()) {
            return sidecarServer.at(t, pod, port, wire, mesh);
        }
        return outsideMesh.atPod(t, pod, service, port, wire);
    }

    /** Why a Service without a selector has no sidecar behind it, whatever namespace it is in. */
    static String noPodsBehind(MeshService service) {
        return service.key() + " has no selector (its endpoints are set by hand, or it is an ExternalName alias): no pod, "
                + "so no sidecar, is behind it, even in a mesh member namespace.";
    }
}
