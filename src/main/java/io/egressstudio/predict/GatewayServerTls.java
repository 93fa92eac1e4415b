package io.egressstudio.predict;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Protocol;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.model.Outcome;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a Gateway server does with the bytes that reach it: a plain server reads them as they are, a PASSTHROUGH server
 * routes the TLS on its SNI without opening it, and a terminating server (SIMPLE, MUTUAL, ISTIO_MUTUAL) completes the
 * handshake with its credentialName's certificate, so the certificates on both sides are checked here.
 */
final class GatewayServerTls {
    private final MeshView view;

    GatewayServerTls(MeshView view) {
        this.view = view;
    }

    /** What is left to route after the server's TLS handling, and which kind of VirtualService route reads it. */
    record Accepted(Wire inner, Protocol routing) {
    }

    Accepted accept(Trace t, WorkloadInfo gateway, ControlPlane cp, Protocol protocol, ServerTLSSettings tls,
                    String tlsMode, Wire wire) {
        String o = wire.outerMode();
        Wire inner;
        Protocol routing;
        if (!protocol.isTls()) {
            if (o.equals("ISTIO_MUTUAL")) {
                throw t.end(Outcome.MTLS_FAILURE, "The caller's proxy originates Istio mTLS, but the Gateway server is plain "
                        + protocol + ": the handshake fails, 503 UF,URX. Fix: make the server HTTPS with tls.mode "
                        + "ISTIO_MUTUAL, or send plaintext to the gateway.");
            }
            if (wire.outerTls()) {
                throw t.end(o.equals("APP_TLS") ? Outcome.PROTOCOL_MISMATCH : Outcome.TLS_FAILURE, "TLS reaches a plain "
                        + protocol + " Gateway server: " + (protocol.isHttp() ? "400 DPE" : "the bytes pass unread") + ".");
            }
            inner = wire;
            routing = protocol;
        } else if (tlsMode.equals("PASSTHROUGH") || tlsMode.equals("AUTO_PASSTHROUGH")) {
            if (!wire.outerTls()) {
                throw t.end(Outcome.PROTOCOL_MISMATCH, "Plaintext reaches a PASSTHROUGH Gateway server, which routes on the "
                        + "TLS SNI: no ClientHello, the connection is closed.");
            }
            inner = wire;
            routing = Protocol.TLS;
        } else {
            if (!wire.outerTls()) {
                throw t.end(tlsMode.equals("ISTIO_MUTUAL") ? Outcome.MTLS_FAILURE : Outcome.PROTOCOL_MISMATCH,
                        "Plaintext reaches a Gateway server that terminates TLS (" + tlsMode + "): the gateway closes the "
                                + "connection" + (tlsMode.equals("ISTIO_MUTUAL") ? " (503 UC for the caller's proxy). Fix: a "
                                + "DestinationRule with tls.mode ISTIO_MUTUAL (and sni) for the gateway." : "."));
            }
            if (tlsMode.equals("ISTIO_MUTUAL")) {
                if (!o.equals("ISTIO_MUTUAL")) {
                    throw t.end(Outcome.TLS_FAILURE, "The Gateway server expects Istio mTLS but receives " + o + " TLS: "
                            + "it presents a mesh certificate and requires a mesh client certificate; the handshake fails.");
                }
                if (wire.origination().trustDomain() != null && !wire.origination().trustDomain().equals(cp.trustDomain())) {
                    throw t.end(Outcome.MTLS_FAILURE, "Istio mTLS from another mesh reaches an ISTIO_MUTUAL Gateway server: "
                            + "the certificates are from different CAs, 503 UF,URX.");
                }
            } else {
                if (o.equals("ISTIO_MUTUAL")) {
                    throw t.end(Outcome.MTLS_FAILURE, "The caller's proxy originates Istio mTLS to a Gateway server that "
                            + "terminates " + tlsMode + " TLS with its own certificate: the mesh identity check fails, "
                            + "503 UF,URX. Fix: originate SIMPLE or MUTUAL TLS.");
                }
                String credential = tls == null ? null : tls.getCredentialName();
                List<X509Certificate> serverChain = List.of();
                List<X509Certificate> clientCa = List.of();
                if (credential != null) {
                    Secret secret = view.secret(gateway.namespace(), credential);
                    if (secret == null) {
                        throw t.end(Outcome.TLS_FAILURE, "The Gateway server's "
                                + "credentialName " + credential + " names no Secret in " + gateway.namespace()
                                + ", the gateway proxy's namespace: the server has no certificate and the handshake fails "
                                + "(503 UF; curl exit 35). Fix: create the Secret in " + gateway.namespace() + ".");
                    }
                    t.use(MeshView.key(secret));
                    serverChain = Certificates.parse(Certificates.value(secret, "tls.crt", "cert"));
                    String ca = Certificates.value(secret, "ca.crt", "cacert");
                    if (ca == null) {
                        ca = Certificates.value(view.secret(gateway.namespace(), credential + "-cacert"), "ca.crt", "cacert");
                    }
                    clientCa = Certificates.parse(ca);
                    if (!Certificates.hasData(secret)) {
                        t.say("Secret " + gateway.namespace() + "/" + credential + " carries no certificates yet; the "
                                + "certificate chains are not checked.");
                    }
                }
                checkServerCertificate(t, wire, serverChain);
                if (tlsMode.equals("MUTUAL")) {
                    boolean presented = wire.origination() != null && wire.origination().tls()
                            && wire.origination().clientCertificate() && !o.equals("SIMPLE");
                    if (!presented) {
                        throw t.end(Outcome.TLS_FAILURE, "The Gateway server requires a client certificate (MUTUAL) and "
                                + "the client presents none: the handshake fails with 'certificate required' (curl exit 56; "
                                + "503 UF from a proxy). Fix: originate MUTUAL TLS with a client certificate the proxy can "
                                + "really use.");
                    }
                    List<X509Certificate> chain = wire.origination().clientChain();
                    if (!clientCa.isEmpty() && !chain.isEmpty()) {
                        if (!Certificates.chainsTo(chain, clientCa)) {
                            throw t.end(Outcome.TLS_FAILURE, "The client certificate (" + Certificates.subject(chain.get(0))
                                    + ") is not signed by the CA the Gateway server trusts (ca.crt of " + credential
                                    + "): the handshake fails (unknown ca), 503 UF. Fix: issue the client certificate "
                                    + "from that CA, or add its CA to ca.crt.");
                        }
                        t.say("The client certificate " + Certificates.subject(chain.get(0)) + " chains to the server's "
                                + "client CA.");
                    } else {
                        t.say("The client presents its certificate; its chain is not checked (no PEM data in the set).");
                    }
                }
            }
            inner = new Wire(null, wire.origination() != null && wire.origination().tls() && wire.appTls(),
                    wire.appHttp() || (o.equals("APP_TLS")), null, wire.host(), wire.path());
            routing = protocol == Protocol.HTTPS ? Protocol.HTTP : Protocol.TCP;
            if (routing == Protocol.HTTP && inner.appTls()) {
                throw t.end(Outcome.PROTOCOL_MISMATCH, "After terminating the proxy's TLS the gateway finds the "
                        + "application's own TLS where it expects HTTP: 400 DPE.");
            }
        }
        return new Accepted(inner, routing);
    }

    /** The client side of the handshake: does the server's certificate chain to the trusted CA and carry the SAN? */
    private static void checkServerCertificate(Trace t, Wire wire, List<X509Certificate> serverChain) {
        Origination o = wire.origination();
        if (o == null || !o.tls() || serverChain.isEmpty()) {
            return;
        }
        X509Certificate leaf = serverChain.get(0);
        if (!o.trusted().isEmpty()) {
            if (!Certificates.chainsTo(serverChain, o.trusted())) {
                throw t.end(Outcome.TLS_FAILURE, "The server's certificate (" + Certificates.subject(leaf) + ") is not "
                        + "signed by the CA in the client's caCertificates: CERTIFICATE_VERIFY_FAILED, 503 UF. Fix: trust "
                        + "the CA that issued the server certificate.");
            }
            t.say("The server's certificate " + Certificates.subject(leaf) + " chains to the CA the client trusts.");
        }
        if (!o.subjectAltNames().isEmpty()) {
            boolean covered = o.subjectAltNames().stream().anyMatch(n -> Certificates.coversName(leaf, n));
            if (!covered) {
                throw t.end(Outcome.TLS_FAILURE, "The server's certificate names " + Certificates.dnsNames(leaf)
                        + ", none of the DestinationRule's subjectAltNames " + o.subjectAltNames() + ": the SAN check "
                        + "fails, 503 UF. Fix: issue the certificate with that DNS name, or correct subjectAltNames.");
            }
        }
    }
}
