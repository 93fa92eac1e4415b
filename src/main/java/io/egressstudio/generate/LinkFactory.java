package io.egressstudio.generate;

import io.egressstudio.model.AppProtocol;
import io.egressstudio.model.CredentialDelivery;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.IstioApiVersion;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.Origination;
import io.egressstudio.model.PortRewrite;
import io.egressstudio.model.TlsMode;
import io.egressstudio.model.Workload;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.L4MatchAttributes;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsSimple;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsSimpleLB;
import io.fabric8.istio.api.api.networking.v1alpha3.PortSelector;
import io.fabric8.istio.api.api.networking.v1alpha3.RouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.TCPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSMatchAttributes;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicyPortTrafficPolicy;
import io.fabric8.istio.api.api.type.v1beta1.WorkloadSelector;
import io.fabric8.istio.api.networking.v1beta1.DestinationRule;
import io.fabric8.istio.api.networking.v1beta1.DestinationRuleBuilder;
import io.fabric8.istio.api.networking.v1beta1.VirtualService;
import io.fabric8.istio.api.networking.v1beta1.VirtualServiceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;

/**
 * The rules a link needs, by Istio's rules for the path it takes: a DestinationRule for the TLS the sidecar
 * originates, a VirtualService that rewrites the port, or the whole egress gateway chain.
 */
final class LinkFactory {
    static final String MESH = "mesh";

    private final GenerationContext context;
    private final EgressGatewayServers gatewayServers;

    LinkFactory(GenerationContext context, EgressGatewayServers gatewayServers) {
        this.context = context;
        this.gatewayServers = gatewayServers;
    }

    /**
     * Everything a link's rules are made from: the link, the elements it joins, and the scenario's name (a label) and
     * Istio API version. Equal inputs make equal rules, so the previous generation's are reused ({@link GenerationMemo}).
     */
    private record Inputs(Link link, Workload client, ExternalService service, EgressGateway gateway, Mesh mesh,
                          String scenario, IstioApiVersion api) {
    }

    void create(Link link) {
        Workload client = context.element(link.from(), Workload.class);
        ExternalService service = context.element(link.to(), ExternalService.class);
        if (link.via() == null) {
            context.unit(link.id(), new Inputs(link, client, service, null, null, context.scenario().name(),
                    context.istioApi()), () -> direct(link, client, service));
        } else {
            EgressGateway gateway = context.element(link.via(), EgressGateway.class);
            Mesh mesh = context.element(gateway.mesh(), Mesh.class);
            // the gateway's servers are shared by its links: collected for every link, reused or not
            gatewayServers.add(gateway, ResourceNames.egressGatewayNamespace(gateway, mesh), service.primaryHost(),
                    gatewayPort(link, gateway), passthrough(link), EgressGatewayServers.mutualFromSidecars(gateway, link),
                    link.app() == AppProtocol.TCP, service.namespace());
            context.unit(link.id(), new Inputs(link, client, service, gateway, mesh, context.scenario().name(),
                    context.istioApi()), () -> viaEgress(link, client, service, gateway, mesh));
        }
    }

    private static boolean passthrough(Link link) {
        return link.app() != AppProtocol.HTTP;
    }

    private static int gatewayPort(Link link, EgressGateway gateway) {
        return passthrough(link) || EgressGatewayServers.mutualFromSidecars(gateway, link) ? 443 : 80;
    }

    private void direct(Link link, Workload client, ExternalService service) {
        if (link.sidecarTls() != null) {
            DestinationRule rule = IstioObjects.destinationRule(
                    context.meta(ResourceNames.sidecarOriginationRule(link, service), client.namespace(), link.id()),
                    service.primaryHost(), trafficPolicy(link, link.sidecarTls(), false),
                    sidecarSelector(link.sidecarTls(), client), List.of("."));
            context.addIstio(rule, link.id(), ClientTlsFactory.sources(tlsPath(link, false), "sidecarTls"));
            sidecarCredentialAccess(link, link.sidecarTls(), client);
        }
        if (link.rewrite() == PortRewrite.VIRTUAL_SERVICE && link.targetPort() != null) {
            HTTPRoute route = httpRoute(match(null, link.port()), destination(service.primaryHost(), null, link.targetPort()));
            VirtualService rewrite = IstioObjects.virtualService(
                    context.meta(ResourceNames.portRewriteRoute(service), client.namespace(), link.id()),
                    List.of(service.primaryHost()), List.of(route));
            context.addIstio(rewrite, link.id());
        }
    }

    /** Top-level TLS, or port-level on the plaintext port when the ServiceEntry's targetPort does the rewrite. */
    private TrafficPolicy trafficPolicy(Link link, Origination origination, boolean atGateway) {
        ClientTLSSettings tls = ClientTlsFactory.tls(context, origination, atGateway);
        TrafficPolicy policy = new TrafficPolicy();
        if (portLevel(link, atGateway)) {
            int port = atGateway ? link.destinationPort() : link.port();
            TrafficPolicyPortTrafficPolicy portPolicy = new TrafficPolicyPortTrafficPolicy();
            portPolicy.setPort(new PortSelector((long) port));
            portPolicy.setTls(tls);
            policy.setPortLevelSettings(List.of(portPolicy));
        } else {
            policy.setTls(tls);
        }
        return policy;
    }

    private static boolean portLevel(Link link, boolean atGateway) {
        return atGateway || link.rewrite() == PortRewrite.TARGET_PORT;
    }

    /** Where {@link #trafficPolicy} puts the tls block. */
    private static String tlsPath(Link link, boolean atGateway) {
        return portLevel(link, atGateway) ? "spec.trafficPolicy.portLevelSettings[0].tls" : "spec.trafficPolicy.tls";
    }

    /** credentialName at a sidecar is only read when the rule selects the workload (Istio 1.10+). */
    private static WorkloadSelector sidecarSelector(Origination origination, Workload client) {
        if (!ClientTlsFactory.usesCredentialName(origination, false)) {
            return null;
        }
        return new WorkloadSelector(ResourceNames.workloadLabels(client));
    }

    /** A sidecar reading a credentialName Secret needs its service account to be allowed to read Secrets. */
    private void sidecarCredentialAccess(Link link, Origination origination, Workload client) {
        if (origination.delivery() != CredentialDelivery.CREDENTIAL_NAME || origination.credentialName() == null
                || origination.mode() == TlsMode.DISABLE || origination.mode() == TlsMode.ISTIO_MUTUAL) {
            return;
        }
        String name = ResourceNames.secretReaderRole(origination.credentialName());
        context.add(new RoleBuilder()
                .withMetadata(context.meta(name, client.namespace(), link.id()))
                .addNewRule().withApiGroups("").withResources("secrets").withVerbs("get", "watch", "list").endRule()
                .build(), link.id());
        context.add(new RoleBindingBuilder()
                .withMetadata(context.meta(name, client.namespace(), link.id()))
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(name).endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName(client.serviceAccount())
                .withNamespace(client.namespace()).endSubject()
                .build(), link.id());
    }

    private void viaEgress(Link link, Workload client, ExternalService service, EgressGateway gateway, Mesh mesh) {
        String gatewayNamespace = ResourceNames.egressGatewayNamespace(gateway, mesh);
        String gatewayHost = ResourceNames.egressGatewayHost(gateway, mesh);
        String host = service.primaryHost();
        boolean passthrough = passthrough(link);
        Origination toGatewayTls = EgressGatewayServers.sidecarToGateway(gateway, link, host);
        int gatewayPort = gatewayPort(link, gateway);
        if (gateway.usesGatewayApi() && mesh.ambient()) {
            waypointOrigination(link, service, gatewayNamespace);
            return;
        }
        if (gateway.usesGatewayApi()) {
            GatewayApiEgress.link(context, link, client, service, gateway, gatewayNamespace, gatewayHost, gatewayPort,
                    toGatewayTls);
            egressOrigination(link, service, gatewayNamespace);
            return;
        }
        int destinationPort = link.destinationPort();
        String subset = ResourceNames.egressSubset(service);

        Subset gatewaySubset = new Subset();
        gatewaySubset.setName(subset);
        TrafficPolicy subsetPolicy = new TrafficPolicy();
        subsetPolicy.setLoadBalancer(roundRobin());
        if (toGatewayTls != null && !passthrough) {
            TrafficPolicyPortTrafficPolicy portPolicy = new TrafficPolicyPortTrafficPolicy();
            portPolicy.setPort(new PortSelector((long) gatewayPort));
            ClientTLSSettings tls = new ClientTLSSettings();
            tls.setMode(ClientTLSSettingsTLSmode.valueOf(toGatewayTls.mode().name()));
            tls.setSni(toGatewayTls.sni());
            tls.setSubjectAltNames(toGatewayTls.subjectAltNames());
            portPolicy.setTls(tls);
            subsetPolicy.setPortLevelSettings(List.of(portPolicy));
        }
        gatewaySubset.setTrafficPolicy(subsetPolicy);
        context.addIstio(new DestinationRuleBuilder()
                .withMetadata(context.meta(ResourceNames.egressSubsetRule(link, service), client.namespace(), link.id()))
                .withNewSpec().withHost(gatewayHost).withSubsets(gatewaySubset).withExportTo(".").endSpec()
                .build(), link.id(), ClientTlsFactory.sources("spec.subsets[0].trafficPolicy.portLevelSettings[0].tls",
                "sidecarTls"));

        VirtualServiceBuilder toGateway = new VirtualServiceBuilder()
                .withMetadata(context.meta(ResourceNames.meshToEgressRoute(service), client.namespace(), link.id()))
                .withNewSpec().withHosts(host).withGateways(MESH).withExportTo(".").endSpec();
        VirtualServiceBuilder fromGateway = new VirtualServiceBuilder()
                .withMetadata(context.meta(ResourceNames.egressToExternalRoute(service), gatewayNamespace, link.id()))
                .withNewSpec().withHosts(host).withGateways(gateway.name()).withExportTo(".").endSpec();
        if (link.app() == AppProtocol.HTTPS) {
            toGateway.editSpec().withTls(tlsRoute(MESH, link.port(), host, destination(gatewayHost, subset, gatewayPort))).endSpec();
            fromGateway.editSpec().withTls(tlsRoute(gateway.name(), gatewayPort, host, destination(host, null, destinationPort))).endSpec();
        } else if (link.app() == AppProtocol.TCP) {
            toGateway.editSpec().withTcp(tcpRoute(MESH, link.port(), destination(gatewayHost, subset, gatewayPort))).endSpec();
            fromGateway.editSpec().withTcp(tcpRoute(gateway.name(), gatewayPort, destination(host, null, destinationPort))).endSpec();
        } else {
            toGateway.editSpec().withHttp(httpRoute(match(MESH, link.port()), destination(gatewayHost, subset, gatewayPort))).endSpec();
            fromGateway.editSpec().withHttp(httpRoute(match(gateway.name(), gatewayPort), destination(host, null, destinationPort))).endSpec();
        }
        context.addIstio(toGateway.build(), link.id());
        context.addIstio(fromGateway.build(), link.id());

        egressOrigination(link, service, gatewayNamespace);
    }

    /** The TLS the gateway originates to the external host, whichever API routes to it. */
    private void egressOrigination(Link link, ExternalService service, String gatewayNamespace) {
        if (link.egressTls() != null) {
            context.addIstio(new DestinationRuleBuilder()
                    .withMetadata(context.meta(ResourceNames.egressOriginationRule(link, service), gatewayNamespace, link.id()))
                    .withNewSpec().withHost(service.primaryHost()).withTrafficPolicy(trafficPolicy(link, link.egressTls(), true))
                    .withExportTo(".").endSpec()
                    .build(), link.id(), ClientTlsFactory.sources(tlsPath(link, true), "egressTls"));
        }
    }

    /**
     * Through a waypoint no route is needed: the ServiceEntry's {@code istio.io/use-waypoint} label sends ambient
     * traffic for it there (ServiceEntryFactory), and the waypoint sends it on to the entry's port as a sidecar would.
     * Only the TLS it originates is a DestinationRule, in the waypoint's namespace, for the port the client calls
     * (its targetPort leads to the TLS port).
     */
    private void waypointOrigination(Link link, ExternalService service, String waypointNamespace) {
        if (link.egressTls() != null) {
            context.addIstio(new DestinationRuleBuilder()
                    .withMetadata(context.meta(ResourceNames.egressOriginationRule(link, service), waypointNamespace, link.id()))
                    .withNewSpec().withHost(service.primaryHost()).withTrafficPolicy(trafficPolicy(link, link.egressTls(), false))
                    .withExportTo(".").endSpec()
                    .build(), link.id(), ClientTlsFactory.sources(tlsPath(link, false), "egressTls"));
        }
    }

    private static LoadBalancerSettings roundRobin() {
        LoadBalancerSettings settings = new LoadBalancerSettings();
        settings.setLbPolicy(new LoadBalancerSettingsSimple(LoadBalancerSettingsSimpleLB.ROUND_ROBIN));
        return settings;
    }

    private static HTTPMatchRequest match(String gateway, int port) {
        HTTPMatchRequest match = new HTTPMatchRequest();
        if (gateway != null) {
            match.setGateways(List.of(gateway));
        }
        match.setPort((long) port);
        return match;
    }

    static Destination destination(String host, String subset, Integer port) {
        Destination destination = new Destination();
        destination.setHost(host);
        destination.setSubset(subset);
        if (port != null) {
            destination.setPort(new PortSelector((long) port));
        }
        return destination;
    }

    static HTTPRoute httpRoute(HTTPMatchRequest match, Destination destination) {
        HTTPRoute route = new HTTPRoute();
        if (match != null) {
            route.setMatch(List.of(match));
        }
        HTTPRouteDestination to = new HTTPRouteDestination();
        to.setDestination(destination);
        to.setWeight(100);
        route.setRoute(List.of(to));
        return route;
    }

    private static TLSRoute tlsRoute(String gateway, int port, String sniHost, Destination destination) {
        TLSMatchAttributes match = new TLSMatchAttributes();
        match.setGateways(List.of(gateway));
        match.setPort((long) port);
        match.setSniHosts(List.of(sniHost));
        RouteDestination to = new RouteDestination();
        to.setDestination(destination);
        to.setWeight(100);
        TLSRoute route = new TLSRoute();
        route.setMatch(List.of(match));
        route.setRoute(List.of(to));
        return route;
    }

    private static TCPRoute tcpRoute(String gateway, int port, Destination destination) {
        L4MatchAttributes match = new L4MatchAttributes();
        match.setGateways(List.of(gateway));
        match.setPort((long) port);
        RouteDestination to = new RouteDestination();
        to.setDestination(destination);
        to.setWeight(100);
        TCPRoute route = new TCPRoute();
        route.setMatch(List.of(match));
        route.setRoute(List.of(to));
        return route;
    }
}
