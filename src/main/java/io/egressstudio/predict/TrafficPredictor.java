package io.egressstudio.predict;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.IpAddresses;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.egressstudio.model.Outcome;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import java.util.List;

/**
 * Predicts what a request does, following Istio's own decision order at each proxy: the listener (port and declared
 * protocol), the route (a VirtualService bound to {@code mesh} or to a gateway), the cluster (a registered host,
 * PassthroughCluster or BlackHoleCluster), the TLS the proxy originates for that cluster, and the next hop (an egress
 * gateway's Gateway server and VirtualService; a sidecar and its PeerAuthentication; a plaintext or TLS server; an
 * OpenShift Route and another mesh's ingress Gateway). Every decision comes from the resources, never from names.
 *
 * <p>Each stage is its own class: {@link SidecarOutbound} (listener, route, cluster at the client's sidecar),
 * {@link VirtualServiceRouting}, {@link ClusterSender} with {@link TlsOrigination}, then {@link NextHops}:
 * {@link GatewayProxy}, {@link SidecarServer}, {@link ServerOutsideMesh}, {@link OpenShiftRouter} and
 * {@link Federation}. They write into one {@link Trace}; the first failing hop ends the prediction.
 */
public final class TrafficPredictor {
    private final MeshView view;
    private final SidecarOutbound outbound;

    public TrafficPredictor(MeshView view) {
        this.view = view;
        this.outbound = new SidecarOutbound(view, new ClusterSender(view));
    }

    public MeshView view() {
        return view;
    }

    public Prediction predict(Request asSent) {
        Trace t = new Trace();
        Request request = withSearchPath(asSent);
        if (request != asSent) {
            t.say("The pod's DNS search path turns " + asSent.host() + " into the Service " + request.host() + ".");
        }
        Outcome outcome;
        try {
            outcome = outbound.fromClient(t, request);
        } catch (Trace.Done done) {
            outcome = done.outcome;
        }
        if (t.hops.isEmpty()) {
            t.hop(request.from(), request.host() + ":" + request.port(), Wire.encryptionOf(null, request.appTls()));
        }
        return new Prediction(asSent, outcome, t.hops, t.lines, List.copyOf(t.resources));
    }

    /**
     * A short Kubernetes name ({@code httpbin}, {@code httpbin.shop}, {@code httpbin.shop.svc}) as the pod's resolver
     * completes it with its search path ({@code NS.svc.cluster.local}, {@code svc.cluster.local},
     * {@code cluster.local}), when that names a Service; Istio's routes list the same short forms as domains.
     */
    private Request withSearchPath(Request r) {
        if (IpAddresses.isLiteral(r.host()) || r.host().endsWith(".")) {
            return r;
        }
        for (String suffix : new String[] {"." + r.fromNamespace() + ".svc.cluster.local", ".svc.cluster.local",
                ".cluster.local"}) {
            String expanded = r.host() + suffix;
            if (view.kubernetesService(expanded) != null && view.kubernetesService(r.host()) == null) {
                return new Request(r.fromNamespace(), r.fromWorkload(), r.scheme(), expanded, r.port(), r.path());
            }
        }
        return r;
    }

    /**
     * Why a sidecar cannot use a DestinationRule's credentialName, or null when it can: Istio honours it at sidecars
     * only from 1.14 (Maistra 2.3), only when the rule has a workloadSelector, and only for a Secret in the
     * workload's namespace.
     */
    public String sidecarCredentialProblem(ControlPlane cp, Rules.Dr dr, String clientNamespace, String credential) {
        return TlsOrigination.sidecarCredentialProblem(view, cp, dr, clientNamespace, credential);
    }

    /** The TLS settings a DestinationRule gives a port, as istiod merges its policies ({@link DestinationRuleTls}). */
    public static ClientTLSSettings tlsFor(Rules.Dr dr, String subset, int port, String[] where) {
        return DestinationRuleTls.tlsFor(dr, subset, port, where);
    }
}
