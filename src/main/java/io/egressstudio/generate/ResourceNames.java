package io.egressstudio.generate;

import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Workload;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every generated name, label and annotation comes from here, so they stay consistent and findable. */
public final class ResourceNames {
    /** Label on everything applied, so a scenario can be found and removed from a cluster later. */
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY = "egress-studio";
    public static final String SCENARIO_LABEL = "egress-studio.io/scenario";
    /** Annotation naming the scenario element a resource came from. */
    public static final String ELEMENT_ANNOTATION = "egress-studio.io/element";
    /** Annotation on a Secret or ConfigMap whose data must come from elsewhere before it is applied. */
    public static final String DATA_PENDING_ANNOTATION = "egress-studio.io/data-pending";
    public static final String INJECT_ANNOTATION = "sidecar.istio.io/inject";
    public static final String USER_VOLUME_ANNOTATION = "sidecar.istio.io/userVolume";
    public static final String USER_VOLUME_MOUNT_ANNOTATION = "sidecar.istio.io/userVolumeMount";
    public static final String MEMBER_ROLL = "default";
    public static final String MEMBER = "default";
    public static final String INGRESS_GATEWAY = "istio-ingressgateway";
    public static final String CLUSTER_DOMAIN = "svc.cluster.local";

    private ResourceNames() {
    }

    public static String fqdn(String service, String namespace) {
        return service + "." + namespace + "." + CLUSTER_DOMAIN;
    }

    /** The gateway's Service: its own name, or for a Gateway API gateway the one istiod deploys for it. */
    public static String egressGatewayHost(EgressGateway gateway, Mesh mesh) {
        return fqdn(gateway.proxyName(), egressGatewayNamespace(gateway, mesh));
    }

    public static String egressGatewayNamespace(EgressGateway gateway, Mesh mesh) {
        return gateway.namespace() != null ? gateway.namespace() : mesh.namespace();
    }

    /** The subset of the egress gateway's DestinationRule that carries one external service's traffic. */
    public static String egressSubset(ExternalService service) {
        return service.id();
    }

    public static String meshToEgressRoute(ExternalService service) {
        return service.id() + "-to-egress-gateway";
    }

    public static String egressToExternalRoute(ExternalService service) {
        return service.id() + "-from-egress-gateway";
    }

    public static String egressSubsetRule(Link link, ExternalService service) {
        return ruleName(link.sidecarTls(), "egressgateway-for-" + service.id());
    }

    public static String sidecarOriginationRule(Link link, ExternalService service) {
        return ruleName(link.sidecarTls(), "originate-tls-for-" + service.id());
    }

    public static String egressOriginationRule(Link link, ExternalService service) {
        return ruleName(link.egressTls(), "originate-tls-for-" + service.id());
    }

    public static String portRewriteRoute(ExternalService service) {
        return "rewrite-port-for-" + service.id();
    }

    public static String secretReaderRole(String secretName) {
        return secretName + "-reader";
    }

    public static String peerRootCertConfigMap(Mesh peer) {
        return peer.name() + "-ca-root-cert";
    }

    public static String federationIngress(Mesh peer) {
        return "ingress-" + peer.name();
    }

    public static String federationEgress(Mesh peer) {
        return "egress-" + peer.name();
    }

    public static String importedHost(String name, String namespace, Mesh exporter) {
        return name + "." + namespace + ".svc." + exporter.name() + "-imports.local";
    }

    private static String ruleName(io.egressstudio.model.Origination origination, String fallback) {
        return origination != null && origination.ruleName() != null ? origination.ruleName() : fallback;
    }

    public static Map<String, String> labels(Scenario scenario) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY_LABEL, MANAGED_BY);
        labels.put(SCENARIO_LABEL, scenario.name());
        return labels;
    }

    public static Map<String, String> workloadLabels(Workload workload) {
        return Map.of("app", workload.name());
    }
}
