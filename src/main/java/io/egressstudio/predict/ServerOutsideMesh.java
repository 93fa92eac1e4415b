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

    /**
     * A pod without a sidecar. What it speaks: the {@code egress-studio.io/server} annotation on its pod template or
     * its Service, else the Service port's protocol where it is HTTP or TLS (appProtocol, then the port name), else
     * (opaque TCP, an unnamed port's default) TLS on 443/8443, plaintext elsewhere, assumed and said so: an unnamed
     * port 443 is no proof of plaintext.
     */
    Outcome atPod(Trace t, WorkloadInfo pod, MeshService service, ServicePort port, Wire wire) {
        String kind = pod.annotations().get(MeshView.SERVER_ANNOTATION);
        String source = kind != null ? "the annotation " + MeshView.SERVER_ANNOTATION + " on its pod template" : null;
        if (kind == null && service != null && service.serverHint() != null) {
            kind = service.serverHint();
            source = "the annotation " + MeshView.SERVER_ANNOTATION + " on " + service.key();
        }
        // opaque TCP (an unnamed port's default) says nothing about TLS: only HTTP or TLS protocols do
        if (kind == null && (port.protocol().isHttp() || port.protocol().isTls())) {
            kind = port.protocol().isTls() ? "TLS" : "PLAINTEXT";
            source = "declared " + port.protocol();
        }
        if (kind == null) {
            boolean tls = isTlsPort(port.number()) || isTlsPort(port.endpointPort());
            kind = tls ? "TLS" : "PLAINTEXT";
            source = "assumed from port " + port.number() + ", declared " + port.protocol() + ", which does not say "
                    + "whether it is TLS; annotate the Service with "
                    + MeshView.SERVER_ANNOTATION + " to say what it speaks";
        }
        kind = kind.toUpperCase(Locale.ROOT);
        t.say("Server: " + pod.id() + " has no sidecar; its port " + port.number() + " speaks " + kind + " (" + source
                + ").");
        if (wire.outerMode().equals("ISTIO_MUTUAL")) {
            throw t.end(Outcome.MTLS_FAILURE, "The proxy originates Istio mTLS to " + pod.id() + ", which has no "
                    + "sidecar to terminate it: the handshake fails and the caller gets 503 with flags UF,URX. Fix: a "
                    + "DestinationRule for this host with tls.mode DISABLE (more specific than the mesh-wide *.local "
                    + "rule), or give the server a sidecar.");
        }
        return serves(t, pod.id() + ":" + port.endpointPort(), kind, wire);
    }

    private static boolean isTlsPort(int port) {
        return port == 443 || port == 8443;
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
            boolean tls = isTlsPort(port) || (declared != null && declared.protocol().isTls());
            kind = tls ? "TLS" : "PLAINTEXT";
            assumed = " (assumed from port " + port + "; annotate the ServiceEntry with " + MeshView.SERVER_ANNOTATION
                    + " to say what it speaks)";
        }
        kind = kind.toUpperCase(Locale.ROOT);
        t.say("Server: " + host + ":" + port + " is outside the cluster and speaks " + kind + assumed + ".");
        if (wire.outerMode().equals("ISTIO_MUTUAL")) {
            throw t.end(Outcome.MTLS_FAILURE, "The proxy originates Istio mTLS to " + host + ", which is not a mesh proxy: "
                    + "the handshake fails, 503 UF,URX. Fix: a DestinationRule for the host with tls.mode DISABLE or "
                    + "SIMPLE.");
        }
        return serves(t, host + ":" + port, kind, wire);
    }

    /**
     * A server that speaks {@code kind} (PLAINTEXT, TLS or MUTUAL_TLS) itself, reached with this wire: the same rules
     * in the cluster and outside it, a client certificate required where it asks for one.
     */
    private static Outcome serves(Trace t, String endpoint, String kind, Wire wire) {
        String o = wire.outerMode();
        boolean serverTls = !kind.equals("PLAINTEXT");
        if (!serverTls) {
            if (o.equals("SIMPLE") || o.equals("MUTUAL")) {
                throw t.end(Outcome.TLS_FAILURE, "The proxy originates " + o + " TLS to a plaintext server: 503 UF.");
            }
            if (o.equals("APP_TLS")) {
                throw t.end(Outcome.PROTOCOL_MISMATCH, "The application's TLS reaches a plaintext server: curl exit 35.");
            }
            return t.ok(endpoint);
        }
        if (o.equals("NONE")) {
            throw t.end(Outcome.PROTOCOL_MISMATCH, "Plaintext reaches a TLS server: it closes the connection (curl exit 52/56, "
                    + "503 UC from a proxy). Fix: originate TLS with a DestinationRule, or send https.");
        }
        if (kind.equals("MUTUAL_TLS") && (o.equals("APP_TLS") || !wire.origination().clientCertificate())) {
            throw t.end(Outcome.TLS_FAILURE, "The server requires a client certificate and none is presented: the "
                    + "handshake fails (certificate required), 503 UF.");
        }
        return t.ok(endpoint);
    }
}
