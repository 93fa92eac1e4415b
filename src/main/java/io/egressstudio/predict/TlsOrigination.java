package io.egressstudio.predict;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.ExportTo;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.ServicePort;
import io.egressstudio.mesh.Specs;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.model.Outcome;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The TLS a proxy originates for a cluster: the DestinationRule that applies (or auto mTLS when none sets TLS), its
 * mode and SNI, and the certificates the proxy can really use. Where the proxy cannot use what the rule names (a
 * credentialName at an old sidecar, a file that is not mounted) the explanation says so and the proxy goes on
 * without it, as Envoy does.
 */
final class TlsOrigination {
    private final MeshView view;
    private final MountedFiles mountedFiles;

    TlsOrigination(MeshView view) {
        this.view = view;
        this.mountedFiles = new MountedFiles(view);
    }

    Origination originate(Trace t, MeshIndex index, String proxyNamespace, WorkloadInfo proxy,
                          MeshService service, ServicePort port, String subset, boolean gateway,
                          ControlPlane mesh) {
        MeshIndex.DrLookup lookup = index.lookupDestinationRule(proxyNamespace, proxy.labels(), service);
        for (Rules.Dr skipped : lookup.skipped()) {
            t.say(skipped.key() + " (host " + skipped.host() + ") does not apply here: "
                    + (!ExportTo.visible(skipped.exportTo(), skipped.namespace(), proxyNamespace)
                    ? "its exportTo " + skipped.exportTo() + " does not include " + proxyNamespace + "."
                    : "its workloadSelector does not select " + proxy.id() + "."));
        }
        Rules.Dr dr = lookup.rule();
        ClientTLSSettings tls = null;
        String where = null;
        if (dr != null) {
            t.use(dr.key());
            if (subset != null && Specs.orEmpty(dr.spec().getSubsets()).stream().noneMatch(s -> subset.equals(s.getName()))) {
                throw t.end(Outcome.NO_ROUTE, "Cluster: the route asks for subset " + subset + " of " + service.host()
                        + ", but " + dr.key() + " (the DestinationRule that applies) defines no such subset: 503 NC.");
            }
            String[] found = new String[1];
            tls = DestinationRuleTls.tlsFor(dr, subset, port.number(), found);
            where = found[0];
            t.say("DestinationRule: " + dr.key() + " (host " + dr.host() + ", found in namespace " + dr.namespace()
                    + " after searching " + String.join(", ", lookup.searched()) + ") "
                    + (tls != null && tls.getMode() != null ? "sets tls.mode " + tls.getMode() + " at " + where + "."
                    : where != null && where.contains("portLevelSettings")
                    ? "sets no TLS for port " + port.number() + ": its entry " + where.substring(0, where.length() - 4)
                    + " replaces the rule's policy for that port, and a port-level entry does not inherit the tls "
                    + "above it."
                    : "sets no TLS for port " + port.number() + "."));
        } else if (subset != null) {
            throw t.end(Outcome.NO_ROUTE, "Cluster: the route asks for subset " + subset + " of " + service.host()
                    + " but no DestinationRule visible from " + proxyNamespace + " defines it: 503 NC.");
        } else {
            t.say("DestinationRule: none applies to " + service.host() + " (searched " + String.join(", ",
                    lookup.searched()) + ").");
        }
        if (tls == null || tls.getMode() == null) {
            if (index.controlPlane().autoMtls()) {
                boolean proxied = hasProxy(service);
                t.say("Auto mTLS: no DestinationRule sets TLS, so the proxy sends " + (proxied
                        ? "Istio mTLS, since the destination has a proxy." : gatewayBehind(service)
                        ? "plaintext: the destination is a gateway, whose pods lack the security.istio.io/tlsMode label "
                                + "auto mTLS looks for." : "plaintext, since the destination has no proxy."));
                return new Origination(proxied ? "ISTIO_MUTUAL" : "DISABLE", proxied ? autoSni(service, port, subset) : null,
                        proxied, null, mesh.trustDomain());
            }
            t.say("Auto mTLS is off and no DestinationRule sets TLS: the proxy sends plaintext.");
            return new Origination("DISABLE", null, false, null, mesh.trustDomain());
        }
        String mode = tls.getMode().name();
        if (mode.equals("DISABLE")) {
            return new Origination("DISABLE", null, false, null, mesh.trustDomain());
        }
        if (mode.equals("ISTIO_MUTUAL")) {
            String sni = tls.getSni() != null ? tls.getSni() : autoSni(service, port, subset);
            return new Origination(mode, sni, true, null, mesh.trustDomain());
        }
        boolean clientCertificate = false;
        List<X509Certificate> clientChain = List.of();
        List<X509Certificate> trusted = List.of();
        String credential = tls.getCredentialName();
        boolean credentialUsed = false;
        if (credential != null) {
            if (gateway) {
                Secret secret = view.secret(proxyNamespace, credential);
                Secret caOnly = view.secret(proxyNamespace, credential + "-cacert");
                if (secret == null && mode.equals("SIMPLE") && caOnly != null) {
                    // Istio's SDS convention (egress gateway TLS origination task): for SIMPLE the CA alone may sit in
                    // NAME-cacert, and credentialName names it without the suffix
                    t.use(MeshView.key(caOnly));
                    credentialUsed = true;
                    t.say("The gateway reads the CA it verifies the server with from Secret " + proxyNamespace + "/"
                            + credential + "-cacert (SIMPLE needs no client certificate; credentialName " + credential
                            + " names it without the -cacert suffix).");
                } else if (secret == null) {
                    throw t.end(Outcome.TLS_FAILURE, "The gateway's DestinationRule " + dr.key() + " names credentialName "
                            + credential + ", but there is no Secret " + credential + " in " + proxyNamespace
                            + ", the gateway's own namespace: the proxy has no certificate for this cluster and the "
                            + "request fails (503 UF). Fix: create the Secret in " + proxyNamespace + ".");
                } else {
                    t.use(MeshView.key(secret));
                    clientCertificate = true;
                    credentialUsed = true;
                    t.say("The gateway reads its client certificate from Secret " + proxyNamespace + "/" + credential
                            + ".");
                }
            } else {
                String ignored = sidecarCredentialProblem(view, index.controlPlane(), dr, proxyNamespace, credential);
                if (ignored == null) {
                    clientCertificate = true;
                    credentialUsed = true;
                    t.say("The sidecar reads its client certificate from Secret " + proxyNamespace + "/" + credential
                            + " (workloadSelector set, Maistra " + index.controlPlane().version() + ").");
                } else {
                    t.say("credentialName " + credential + " is ignored at this sidecar: " + ignored);
                }
            }
        }
        if (credentialUsed) {
            Secret secret = view.secret(proxyNamespace, credential);
            clientChain = Certificates.parse(Certificates.value(secret, "cert", "tls.crt"));
            trusted = Certificates.parse(Certificates.caBundle(view, proxyNamespace, credential, secret, "cacert",
                    "ca.crt"));
        }
        if (!clientCertificate && tls.getClientCertificate() != null && tls.getPrivateKey() != null) {
            clientCertificate = true;
            t.say("The proxy presents the client certificate file " + tls.getClientCertificate()
                    + MountedFiles.note(proxy) + ".");
            clientChain = Certificates.parse(mountedFiles.pem(t, proxy, tls.getClientCertificate()));
        }
        if (trusted.isEmpty() && tls.getCaCertificates() != null) {
            trusted = Certificates.parse(mountedFiles.pem(t, proxy, tls.getCaCertificates()));
        }
        if (tls.getCaCertificates() == null && credential == null && !Boolean.TRUE.equals(tls.getInsecureSkipVerify())) {
            t.say("No caCertificates: the proxy does not verify the server's certificate.");
        }
        if (mode.equals("MUTUAL") && !clientCertificate) {
            t.say("tls.mode MUTUAL but the proxy has no client certificate to present.");
        }
        if (tls.getSni() == null) {
            t.say("No sni in the DestinationRule: Istio " + index.controlPlane().istioVersion()
                    + " sends the TLS handshake without SNI.");
        }
        return new Origination(mode, tls.getSni(), clientCertificate, tls.getCaCertificates(), mesh.trustDomain(),
                clientChain, trusted, Specs.orEmpty(tls.getSubjectAltNames()));
    }

    /** The SNI Istio puts on its own mTLS: the cluster's name, so the server's sidecar can pick the filter chain. */
    private static String autoSni(MeshService service, ServicePort port, String subset) {
        return "outbound_." + port.number() + "_." + (subset == null ? "" : subset) + "_." + service.host();
    }

    /**
     * Why a sidecar cannot use a DestinationRule's credentialName, or null when it can: Istio honours it at sidecars
     * only from 1.14 (Maistra 2.3), only when the rule has a workloadSelector, and only for a Secret in the
     * workload's namespace.
     */
    static String sidecarCredentialProblem(MeshView view, ControlPlane cp, Rules.Dr dr, String clientNamespace,
                                           String credential) {
        if (!cp.credentialNameAtSidecars()) {
            return "Maistra " + cp.version() + " is Istio " + cp.istioVersion() + ", where credentialName applies at "
                    + "gateways only; sidecars use the certificate files (clientCertificate, privateKey).";
        }
        if (dr.workloadSelector().isEmpty()) {
            return "a sidecar uses credentialName only when the DestinationRule has a workloadSelector.";
        }
        if (view.secret(clientNamespace, credential) == null) {
            return "there is no Secret " + credential + " in the workload's namespace " + clientNamespace + ".";
        }
        return null;
    }

    /** Auto mTLS sends Istio mTLS only to destinations with a proxy; anything else gets plaintext. */
    private boolean hasProxy(MeshService service) {
        if (service.kind() == MeshService.Kind.IMPORTED) {
            return true;
        }
        if (service.kind() != MeshService.Kind.KUBERNETES) {
            return false;
        }
        if (service.selector().isEmpty()) {
            return false; // manual endpoints or ExternalName: no pod, no sidecar (NextHops.noPodsBehind)
        }
        List<WorkloadInfo> pods = view.workloadsSelectedBy(service);
        if (pods.isEmpty()) {
            return view.controlPlaneOf(service.namespace()) != null;
        }
        // Gateway pods are not injected, so they lack the security.istio.io/tlsMode label auto mTLS looks for.
        return pods.stream().anyMatch(WorkloadInfo::sidecar);
    }

    private boolean gatewayBehind(MeshService service) {
        return service.kind() == MeshService.Kind.KUBERNETES && !service.selector().isEmpty()
                && view.workloadsSelectedBy(service).stream().anyMatch(WorkloadInfo::gateway);
    }
}
