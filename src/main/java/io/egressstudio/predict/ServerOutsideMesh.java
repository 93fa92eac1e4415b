package io.egressstudio.predict;

import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ServicePort;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.model.Outcome;
import java.util.Locale;

/**
 * A server no sidecar stands in front of: a pod outside the mesh, or a host outside the cluster. It speaks plaintext
 * or TLS itself, so Istio mTLS always fails there, and the TLS (or its absence) must fit what the server speaks.
 */
final class ServerOutsideMesh {

    /** A pod without a sidecar: what it speaks comes from the port's declared protocol. */
    Outcome atPod(Trace t, WorkloadInfo pod, ServicePort port, Wire wire) {
        String o = wire.outerMode();
        boolean serverTls = port.protocol().isTls();
        t.say("Server: " + pod.id() + " has no sidecar; its port " + port.number() + " speaks "
                + (serverTls ? "TLS" : "plaintext") + " (declared " + port.protocol() + ").");
        if (o.equals("ISTIO_MUTUAL")) {
            throw t.end(Outcome.MTLS_FAILURE, "The proxy originates Istio mTLS to " + pod.id() + ", which has no "
                    + "sidecar to terminate it: the handshake fails and the caller gets 503 with flags UF,URX. Fix: a "
                    + "DestinationRule for this host with tls.mode DISABLE (more specific than the mesh-wide *.local "
                    + "rule), or give the server a sidecar.");
        }
        if (!serverTls && (o.equals("SIMPLE") || o.equals("MUTUAL"))) {
            throw t.end(Outcome.TLS_FAILURE, "The proxy originates " + o + " TLS to a plaintext server: the handshake "
                    + "fails, 503 UF.");
        }
        if (!serverTls && o.equals("APP_TLS")) {
            throw t.end(Outcome.PROTOCOL_MISMATCH, "The application's TLS reaches a plaintext server: the handshake "
                    + "fails (curl exit 35).");
        }
        if (serverTls && o.equals("NONE")) {
            throw t.end(Outcome.PROTOCOL_MISMATCH, "Plaintext reaches a TLS-only server: it closes the connection "
                    + "(curl exit 52/56, 503 UC from a proxy).");
        }
        return t.ok(pod.id() + ":" + port.endpointPort());
    }

    /**
     * A server outside the cluster. What it speaks comes from the ServiceEntry's server annotation, else it is
     * assumed from the port, and the explanation says so.
     */
    Outcome atExternalHost(Trace t, String host, int port, Wire wire, MeshService entry) {
        String kind = entry == null ? null : entry.serverHint();
        String assumed = "";
        if (kind == null) {
            ServicePort declared = entry == null ? null : entry.ports().stream()
                    .filter(p -> p.endpointPort() == port).findFirst().orElse(null);
            boolean tls = port == 443 || port == 8443 || (declared != null && declared.protocol().isTls());
            kind = tls ? "TLS" : "PLAINTEXT";
            assumed = " (assumed from port " + port + "; annotate the ServiceEntry with " + MeshView.SERVER_ANNOTATION
                    + " to say what it speaks)";
        }
        kind = kind.toUpperCase(Locale.ROOT);
        t.say("Server: " + host + ":" + port + " is outside the cluster and speaks " + kind + assumed + ".");
        String o = wire.outerMode();
        boolean serverTls = !kind.equals("PLAINTEXT");
        if (o.equals("ISTIO_MUTUAL")) {
            throw t.end(Outcome.MTLS_FAILURE, "The proxy originates Istio mTLS to " + host + ", which is not a mesh proxy: "
                    + "the handshake fails, 503 UF,URX. Fix: a DestinationRule for the host with tls.mode DISABLE or "
                    + "SIMPLE.");
        }
        if (!serverTls) {
            if (o.equals("SIMPLE") || o.equals("MUTUAL")) {
                throw t.end(Outcome.TLS_FAILURE, "The proxy originates " + o + " TLS to a plaintext server: 503 UF.");
            }
            if (o.equals("APP_TLS")) {
                throw t.end(Outcome.PROTOCOL_MISMATCH, "The application's TLS reaches a plaintext server: curl exit 35.");
            }
            return t.ok(host + ":" + port);
        }
        if (o.equals("NONE")) {
            throw t.end(Outcome.PROTOCOL_MISMATCH, "Plaintext reaches a TLS server: it closes the connection (curl exit 52/56, "
                    + "503 UC from a proxy). Fix: originate TLS with a DestinationRule, or send https.");
        }
        if (kind.equals("MUTUAL_TLS") && (o.equals("APP_TLS") || !wire.origination().clientCertificate())) {
            throw t.end(Outcome.TLS_FAILURE, "The server requires a client certificate and none is presented: the "
                    + "handshake fails (certificate required), 503 UF.");
        }
        return t.ok(host + ":" + port);
    }
}
