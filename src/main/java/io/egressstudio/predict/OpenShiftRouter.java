package io.egressstudio.predict;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ServicePort;
import io.egressstudio.model.Outcome;
import io.fabric8.openshift.api.model.Route;
import java.util.Locale;

/**
 * The OpenShift router in front of a Route's host: how it handles the bytes depends on the Route's TLS termination
 * (passthrough picks the Route by SNI; edge and reencrypt present the router's own certificate). Behind it is the
 * Route's Service, typically another mesh's ingress gateway.
 */
final class OpenShiftRouter {
    private final MeshView view;
    private final NextHops next;

    OpenShiftRouter(MeshView view, NextHops next) {
        this.view = view;
        this.next = next;
    }

    Outcome at(Trace t, Route route, int port, Wire wire, ControlPlane mesh, int depth) {
        String routeKey = MeshView.key(route);
        t.use(routeKey);
        String termination = route.getSpec().getTls() == null || route.getSpec().getTls().getTermination() == null
                ? "none" : route.getSpec().getTls().getTermination().toLowerCase(Locale.ROOT);
        String o = wire.outerMode();
        t.say("OpenShift router: " + routeKey + " serves " + route.getSpec().getHost() + " with TLS termination "
                + termination + ".");
        String ns = route.getMetadata().getNamespace();
        Wire onward = wire;
        switch (termination) {
            case "passthrough" -> {
                if (!wire.outerTls()) {
                    throw t.end(Outcome.PROTOCOL_MISMATCH, "Plain HTTP reaches a passthrough Route: the router only "
                            + "passes TLS through and answers with its 'Application is not available' page; the request "
                            + "never reaches the mesh. Fix: originate TLS (with sni) or send https.");
                }
                if (wire.sni() == null || !wire.sni().equalsIgnoreCase(route.getSpec().getHost())) {
                    throw t.end(o.equals("ISTIO_MUTUAL") ? Outcome.MTLS_FAILURE : Outcome.TLS_FAILURE, "The TLS handshake "
                            + "carries " + (wire.sni() == null ? "no SNI" : "SNI " + wire.sni()) + ": the router picks a "
                            + "passthrough Route by SNI only, so it cannot route the connection to " + route.getSpec()
                            .getHost() + " and the handshake fails (503 UF). Fix: set tls.sni: " + route.getSpec().getHost()
                            + " in the DestinationRule.");
                }
            }
            case "edge", "reencrypt" -> {
                if (!wire.outerTls()) {
                    String insecure = route.getSpec().getTls().getInsecureEdgeTerminationPolicy();
                    if (!"Allow".equalsIgnoreCase(insecure)) {
                        throw t.end(Outcome.PROTOCOL_MISMATCH, "Plain HTTP reaches an " + termination + " Route without "
                                + "insecureEdgeTerminationPolicy Allow: the router " + ("Redirect".equalsIgnoreCase(insecure)
                                ? "redirects to https (302)." : "answers its 'Application is not available' page."));
                    }
                } else if (o.equals("ISTIO_MUTUAL")) {
                    throw t.end(Outcome.MTLS_FAILURE, "Istio mTLS reaches the router, which presents its own certificate: "
                            + "the proxy's verification fails, 503 UF,URX.");
                } else {
                    t.say("The router terminates TLS with its own certificate"
                            + (wire.origination() != null && wire.origination().caCertificates() != null
                            ? "; the client's caCertificates must trust the router's CA." : ".")
                            + " It does not ask for a client certificate.");
                    onward = termination.equals("edge") ? wire.plain()
                            : new Wire(new Origination("SIMPLE", null, false, null, null), false, true, null, wire.host(), wire.path());
                }
            }
            default -> {
                if (wire.outerTls()) {
                    throw t.end(o.equals("APP_TLS") ? Outcome.PROTOCOL_MISMATCH : o.equals("ISTIO_MUTUAL")
                            ? Outcome.MTLS_FAILURE : Outcome.TLS_FAILURE, "TLS reaches a Route without TLS termination: the "
                            + "router has no TLS route for " + route.getSpec().getHost() + " and the handshake fails ("
                            + (o.equals("APP_TLS") ? "curl exit 35" : "503 UF") + "). Fix: send plaintext, or use a "
                            + "passthrough Route.");
                }
            }
        }
        String serviceName = route.getSpec().getTo() == null ? null : route.getSpec().getTo().getName();
        MeshService service = serviceName == null ? null : view.kubernetesService(serviceName + "." + ns + Hosts.CLUSTER_SUFFIX);
        if (service == null) {
            throw t.end(Outcome.NO_ROUTE, "Route " + routeKey + " points at Service " + serviceName + " in " + ns
                    + ", which does not exist: the router answers 503 ('Application is not available').");
        }
        ServicePort target = routeTargetPort(route, service, onward.outerTls());
        if (target == null) {
            throw t.end(Outcome.NO_ROUTE, "Route " + routeKey + " targets a port Service " + service.key()
                    + " does not declare: the router answers 503.");
        }
        t.hop("router (Route " + ns + "/" + route.getMetadata().getName() + ")", serviceName + "." + ns + ":"
                + target.endpointPort(), onward.encryption());
        return next.atKubernetesService(t, service, target, onward, mesh, depth + 1);
    }

    private static ServicePort routeTargetPort(Route route, MeshService service, boolean tls) {
        var port = route.getSpec().getPort() == null ? null : route.getSpec().getPort().getTargetPort();
        if (port == null) {
            return service.ports().isEmpty() ? null : service.ports().stream()
                    .filter(p -> p.protocol().isTls() == tls).findFirst().orElse(service.ports().get(0));
        }
        for (ServicePort p : service.ports()) {
            if ((port.getStrVal() != null && port.getStrVal().equals(p.name()))
                    || (port.getIntVal() != null && (port.getIntVal() == p.endpointPort() || port.getIntVal() == p.number()))) {
                return p;
            }
        }
        return null;
    }
}
