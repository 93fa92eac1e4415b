package io.egressstudio.predict;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ServicePort;
import io.egressstudio.mesh.Specs;
import io.egressstudio.model.Outcome;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * A service imported from a peer mesh (Maistra federation): the sidecar sends it to the federation egress gateway
 * named by the ServiceMeshPeer, which carries it to the peer's federation ingress gateway and on to the exported
 * service. Every hop is Istio mTLS by design, whatever DestinationRule matches, so no TLS origination applies.
 */
final class Federation {
    private final MeshView view;

    Federation(MeshView view) {
        this.view = view;
    }

    /** {@code depth} is unused: the federation gateways are not followed as proxies, so they cannot loop. */
    Outcome send(Trace t, MeshIndex index, String proxyId, MeshService service, ServicePort port, Wire wire,
                 int depth) {
        ControlPlane cp = index.controlPlane();
        String peer = service.peer();
        t.use(service.key());
        GenericKubernetesResource smp = view.federationResource("ServiceMeshPeer", cp.namespace(), peer);
        if (smp == null) {
            throw t.end(Outcome.NO_ROUTE, service.host() + " is imported from peer " + peer + ", but there is no "
                    + "ServiceMeshPeer " + peer + " in " + cp.namespace() + ": no federation gateway carries it (503 NC).");
        }
        t.use(MeshView.key(smp));
        String egress = Specs.string(smp, "spec.gateways.egress.name");
        egress = egress == null ? peer + "-egress" : egress;
        t.say("Federation: " + service.host() + " is imported from " + peer + " by " + service.key() + "; the sidecar sends "
                + "it to the federation egress gateway " + cp.namespace() + "/" + egress + " over Istio mTLS, whatever "
                + "DestinationRule matches: federation is encrypted by design.");
        t.hop(proxyId, cp.namespace() + "/" + egress, Encryption.ISTIO_MUTUAL);
        ControlPlane exporter = view.peerControlPlane(peer, cp);
        if (exporter == null) {
            t.hop(cp.namespace() + "/" + egress, peer + " (federation ingress, port 15443)", Encryption.ISTIO_MUTUAL);
            t.say("The peer mesh " + peer + " is not in the set; it is assumed to export " + service.importedFrom() + ".");
            return t.ok(service.host());
        }
        GenericKubernetesResource back = view.federationResource("ServiceMeshPeer", exporter.namespace(), cp.name());
        String ingress = back == null ? null : Specs.string(back, "spec.gateways.ingress.name");
        ingress = ingress == null ? cp.name() + "-ingress" : ingress;
        if (back != null) {
            t.use(MeshView.key(back));
        } else {
            t.say("Mesh " + exporter.name() + " has no ServiceMeshPeer " + cp.name() + "; peering needs one on each side.");
            throw t.end(Outcome.NO_ROUTE, "The peering is one-sided: mesh " + exporter.name() + " does not accept traffic "
                    + "from " + cp.name() + " (503 UF,URX at the federation egress gateway).");
        }
        String[] parts = service.importedFrom().split("\\.", 2);
        String backend = view.exportedService(exporter, cp, parts[1], parts[0]);
        t.hop(cp.namespace() + "/" + egress, exporter.namespace() + "/" + ingress, Encryption.ISTIO_MUTUAL);
        GenericKubernetesResource ess = view.federationResource("ExportedServiceSet", exporter.namespace(), cp.name());
        if (ess != null) {
            t.use(MeshView.key(ess));
        }
        if (backend == null) {
            throw t.end(Outcome.NO_ROUTE, "Mesh " + exporter.name() + " does not export " + service.importedFrom() + " to "
                    + cp.name() + ": its federation ingress has no route for it (503 NR).");
        }
        MeshService real = view.kubernetesService(backend);
        t.hop(exporter.namespace() + "/" + ingress, backend + ":" + (real == null || real.port(port.number()) == null
                ? port.number() : real.port(port.number()).endpointPort()), Encryption.ISTIO_MUTUAL);
        if (real != null) {
            t.use(real.key());
        }
        t.say("Mesh " + exporter.name() + " exports it as " + service.importedFrom() + " (backed by " + backend + "); its "
                + "federation ingress " + ingress + " forwards over Istio mTLS. The exported service sees the ingress "
                + "gateway's identity, not the caller's.");
        return t.ok(backend);
    }
}
