package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Protocol;
import io.egressstudio.mesh.ServicePort;
import java.util.List;
import java.util.function.Consumer;

/** ES0005, after Istio's IST0134: a TCP ServiceEntry port without addresses takes every connection on that port. */
final class TcpAddressesAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "serviceentry.ProtocolAddresses";
    }

    @Override
    public String description() {
        return "ServiceEntry ports with protocol TCP or no protocol need addresses";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.TCP_WITHOUT_ADDRESSES);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        for (MeshService s : view.index(cp).services()) {
            if (s.kind() != MeshService.Kind.SERVICE_ENTRY || !s.addresses().isEmpty()) {
                continue;
            }
            for (int i = 0; i < s.ports().size(); i++) {
                ServicePort p = s.ports().get(i);
                if (p.protocol() == Protocol.TCP || p.protocol() == Protocol.UNKNOWN) {
                    report.accept(Finding.of(Messages.TCP_WITHOUT_ADDRESSES, s.key(), "spec.ports[" + i + "].protocol",
                            "Port " + p.number() + " is " + (p.protocol() == Protocol.TCP ? "TCP" : "without a protocol")
                                    + " and the ServiceEntry has no addresses: sidecars cannot tell its hosts apart and "
                                    + "send every connection on port " + p.number() + " to it.",
                            "Add spec.addresses (the service's IPs or CIDR), or declare the port HTTP, HTTPS or TLS so "
                                    + "the host or SNI selects it."));
                }
            }
        }
    }
}
