package io.egressstudio.generate;

import io.egressstudio.model.ExternalService;
import io.egressstudio.model.GatewayTlsMode;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.MeshIngress;
import io.egressstudio.model.RouteTermination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.Port;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.networking.v1beta1.GatewayBuilder;
import io.fabric8.istio.api.networking.v1beta1.VirtualServiceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.openshift.api.model.Route;
import io.fabric8.openshift.api.model.RouteBuilder;
import java.util.List;
import java.util.Map;

/**
 * The service side of another mesh's ingress: a Route in that mesh's control-plane namespace, the ingress Gateway
 * server, and the VirtualService from the gateway to the backend.
 */
final class IngressFactory {
    private IngressFactory() {
    }

    static void create(GenerationContext context, ExternalService service) {
        MeshIngress ingress = service.server().ingress();
        Mesh mesh = context.element(ingress.mesh(), Mesh.class);
        String host = service.primaryHost();
        context.add(route(context, service, ingress, mesh, host), service.id());
        context.addIstio(new GatewayBuilder()
                .withMetadata(context.meta(ingress.gatewayName(), ingress.gatewayNamespace(), service.id()))
                .withNewSpec().withSelector(Ordered.strings("istio", "ingressgateway")).withServers(server(ingress, host)).endSpec()
                .build(), service.id());
        String gatewayRef = ingress.gatewayNamespace().equals(ingress.backendNamespace())
                ? ingress.gatewayName() : ingress.gatewayNamespace() + "/" + ingress.gatewayName();
        HTTPMatchRequest match = new HTTPMatchRequest();
        match.setUri(new StringMatch(new StringMatchPrefix(ingress.pathPrefix())));
        context.addIstio(new VirtualServiceBuilder()
                .withMetadata(context.meta(ingress.backendService(), ingress.backendNamespace(), service.id()))
                .withNewSpec().withHosts(host).withGateways(gatewayRef, LinkFactory.MESH)
                .withHttp(LinkFactory.httpRoute(match, LinkFactory.destination(
                        ResourceNames.fqdn(ingress.backendService(), ingress.backendNamespace()), null, ingress.backendPort())))
                .endSpec()
                .build(), service.id());
    }

    private static Route route(GenerationContext context, ExternalService service, MeshIngress ingress, Mesh mesh,
                               String host) {
        boolean tls = ingress.routeTermination() != RouteTermination.NONE;
        RouteBuilder route = new RouteBuilder()
                .withMetadata(context.meta(ingress.routeName(), mesh.namespace(), service.id()))
                .withNewSpec()
                .withHost(host)
                .withNewTo().withKind("Service").withName(ResourceNames.INGRESS_GATEWAY).withWeight(100).endTo()
                .withNewPort().withTargetPort(new IntOrString(tls ? "https" : "http2")).endPort()
                .withWildcardPolicy("None")
                .endSpec();
        if (tls) {
            route.editSpec().withNewTls().withTermination(ingress.routeTermination().name().toLowerCase(java.util.Locale.ROOT))
                    .endTls().endSpec();
        }
        return route.build();
    }

    private static Server server(MeshIngress ingress, String host) {
        Port port = new Port();
        port.setNumber((long) ingress.gatewayPort());
        Server server = new Server();
        server.setHosts(List.of(host));
        server.setPort(port);
        if (ingress.gatewayTlsMode() == GatewayTlsMode.NONE) {
            port.setName("http-web");
            port.setProtocol("HTTP");
            return server;
        }
        boolean passthrough = ingress.gatewayTlsMode() == GatewayTlsMode.PASSTHROUGH;
        port.setName(passthrough ? "tls-web" : "https-web");
        port.setProtocol(passthrough ? "TLS" : "HTTPS");
        ServerTLSSettings tls = new ServerTLSSettings();
        tls.setMode(ServerTLSSettingsTLSmode.valueOf(ingress.gatewayTlsMode().name()));
        if (!passthrough) {
            tls.setCredentialName(ingress.credentialName());
        }
        server.setTls(tls);
        return server;
    }
}
