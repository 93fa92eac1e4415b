package io.egressstudio.gui.canvas;

import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.model.AppProtocol;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.Element;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.GatewayTlsMode;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.MeshIngress;
import io.egressstudio.model.OutboundPolicy;
import io.egressstudio.model.PortProtocol;
import io.egressstudio.model.Resolution;
import io.egressstudio.model.RouteTermination;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Server;
import io.egressstudio.model.ServerKind;
import io.egressstudio.model.ServicePort;
import io.egressstudio.model.Workload;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The element a palette drop or a connection creates: fresh ids, valid defaults the inspector then refines. */
public final class NewElements {
    private NewElements() {
    }

    public static Mesh mesh(Scenario s) {
        String id = ScenarioEdits.freshId(s, "mesh");
        Set<String> used = namespaces(s);
        String ns = used.contains("istio-system") ? id + "-system" : "istio-system";
        String member = fresh("apps", used);
        return new Mesh(id, "basic", ns, null, OutboundPolicy.ALLOW_ANY, false, true, List.of(member), null, null, null);
    }

    public static String namespace(Scenario s) {
        return fresh("apps", namespaces(s));
    }

    public static Workload workload(Scenario s, String namespace) {
        String id = ScenarioEdits.freshId(s, "workload");
        return new Workload(id, namespace, id, List.of(8080), true, null);
    }

    public static EgressGateway egressGateway(Scenario s, String meshId) {
        String id = ScenarioEdits.freshId(s, "egress");
        return new EgressGateway(id, meshId, null, null, null);
    }

    public static ExternalService externalService(Scenario s) {
        String id = ScenarioEdits.freshId(s, "service");
        return new ExternalService(id, id, defaultNamespace(s), List.of(id + ".example.com"),
                List.of(new ServicePort(80, null, PortProtocol.HTTP, null)), null, Resolution.DNS, null, null,
                Boolean.FALSE, Server.plaintext());
    }

    /** A service behind another mesh's ingress; null when there is no mesh to be the other one. */
    public static ExternalService meshIngress(Scenario s) {
        if (s.meshes().isEmpty()) {
            return null;
        }
        Mesh other = s.meshes().get(s.meshes().size() - 1);
        String id = ScenarioEdits.freshId(s, "remote");
        MeshIngress ingress = new MeshIngress(other.id(), id, RouteTermination.PASSTHROUGH, id + "-gateway",
                other.namespace(), null, GatewayTlsMode.SIMPLE, id + "-credential", null,
                other.members().isEmpty() ? other.namespace() : other.members().get(0), id, 8080, null);
        return new ExternalService(id, id, defaultNamespace(s), List.of(id + ".apps.example.com"),
                List.of(new ServicePort(443, null, PortProtocol.TLS, null)), null, Resolution.DNS, null, null,
                Boolean.TRUE, new Server(ServerKind.MESH_INGRESS, null, null, null, null, ingress));
    }

    /** A link from a workload to an external service, on the service's first port. */
    public static Link link(Scenario s, String from, String to) {
        ExternalService service = s.externalService(to).orElseThrow();
        String id = ScenarioEdits.freshId(s, from + "-to-" + to);
        ServicePort port = service.ports().isEmpty() ? null : service.ports().get(0);
        boolean tls = port != null && port.protocol().expectsTls();
        return new Link(id, from, to, tls ? AppProtocol.HTTPS : AppProtocol.HTTP,
                port == null ? (tls ? 443 : 80) : port.number(), "/", null, null, null, null, null);
    }

    public static Element byKind(NodeKind kind, Scenario s) {
        return switch (kind) {
            case MESH -> mesh(s);
            case EXTERNAL_SERVICE -> externalService(s);
            case MESH_INGRESS -> meshIngress(s);
            default -> throw new IllegalArgumentException(kind + " needs a place in a mesh");
        };
    }

    private static String defaultNamespace(Scenario s) {
        for (Mesh m : s.meshes()) {
            if (!m.members().isEmpty()) {
                return m.members().get(0);
            }
        }
        return "default";
    }

    static Set<String> namespaces(Scenario s) {
        Set<String> used = new HashSet<>();
        for (Mesh m : s.meshes()) {
            used.add(m.namespace());
            used.addAll(m.members());
        }
        s.workloads().forEach(w -> used.add(w.namespace()));
        return used;
    }

    private static String fresh(String base, Set<String> used) {
        return ScenarioEdits.freshId(base, used);
    }
}
