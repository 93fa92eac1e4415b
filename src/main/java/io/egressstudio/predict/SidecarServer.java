package io.egressstudio.predict;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ServicePort;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.model.Outcome;

/**
 * A server pod with a sidecar: its PeerAuthentication decides what the sidecar accepts (STRICT, PERMISSIVE or
 * DISABLE mTLS), and Istio mTLS only works between proxies whose CAs trust each other.
 */
final class SidecarServer {
    private final MeshView view;
    private final Authorization authorization;

    SidecarServer(MeshView view) {
        this.view = view;
        this.authorization = new Authorization(view);
    }

    /** {@code senderMesh} is the mesh of the proxy that sent the request, or null when no proxy did. */
    Outcome at(Trace t, WorkloadInfo pod, ServicePort port, Wire wire, ControlPlane senderMesh) {
        String o = wire.outerMode();
        ControlPlane cp = view.controlPlaneOf(pod.namespace());
        MeshIndex.MtlsMode mtls = view.index(cp).mtlsMode(pod, port.endpointPort());
        if (mtls.decidedBy() != null) {
            t.use(mtls.decidedBy().key());
        }
        String pa = mtls.decidedBy() == null ? "the default" : mtls.decidedBy().key();
        t.say("Server: " + pod.id() + " has a sidecar in mesh " + cp.name() + " that accepts " + mtls.mode()
                + " mTLS on port " + port.endpointPort() + " (" + pa + ").");
        switch (o) {
            case "ISTIO_MUTUAL" -> {
                if (mtls.mode().equals("DISABLE")) {
                    throw t.end(Outcome.MTLS_FAILURE, "The client sends Istio mTLS but " + pa + " disables mTLS "
                            + "on the server: the handshake fails, 503 UF,URX.");
                }
                if (senderMesh != null && senderMesh != cp && !senderMesh.trustDomain().equals(cp.trustDomain())) {
                    throw t.end(Outcome.MTLS_FAILURE, "Istio mTLS between two meshes: the server's sidecar presents "
                            + "a certificate from mesh " + cp.name() + "'s CA, which the client's proxy (mesh "
                            + senderMesh.name() + ") does not trust: 503 UF,URX. Use federation or an ingress gateway.");
                }
                if (senderMesh != null && senderMesh != cp) {
                    t.say("Both meshes share trust domain " + cp.trustDomain() + "; the handshake is assumed to succeed.");
                }
            }
            case "NONE", "APP_TLS" -> {
                if (mtls.mode().equals("STRICT")) {
                    throw t.end(Outcome.MTLS_FAILURE, "The request arrives without Istio mTLS but " + pa
                            + " is STRICT: the server's sidecar resets the connection; a client sidecar reports 503 "
                            + "with flag UC (connection termination), a client without one sees curl exit 56. Fix: "
                            + "send ISTIO_MUTUAL (DestinationRule tls.mode ISTIO_MUTUAL, or remove the DISABLE rule), "
                            + "or relax the PeerAuthentication.");
                }
            }
            default -> throw t.end(Outcome.TLS_FAILURE, "The proxy originates " + o + " TLS to " + pod.id()
                    + ", whose sidecar " + (mtls.mode().equals("STRICT") ? "expects Istio mTLS and presents a mesh "
                    + "certificate the client does not trust" : "passes the TLS on to an application that speaks "
                    + "plaintext") + ": the handshake fails, 503 UF.");
        }
        authorization.enforce(t, "the sidecar of " + pod.id(), pod, o.equals("ISTIO_MUTUAL"),
                port.protocol().isHttp() && !wire.appTls(), wire, port.endpointPort());
        return t.ok(pod.id() + ":" + port.endpointPort());
    }
}
