package io.egressstudio.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.Steps;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Scenario;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import io.fabric8.istio.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.networking.v1alpha3.VirtualService;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.Route;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What each seed option must produce, field by field (seed-repo.md §1), beyond the golden files. */
class ScenarioGeneratorTest {
    static Stream<String> builtIns() {
        return BuiltInScenarios.names().stream();
    }

    static ResourceSet finished(String name) throws Exception {
        Scenario scenario = BuiltInScenarios.get(name);
        return ScenarioGenerator.generate(Steps.after(scenario, scenario.steps().size()));
    }

    static <T extends HasMetadata> T get(ResourceSet set, String kind, String namespace, String name, Class<T> type) {
        return type.cast(set.get(kind, namespace, name)
                .orElseThrow(() -> new AssertionError("missing " + kind + "/" + namespace + "/" + name
                        + "; have " + set.entries().stream().map(e -> e.key().toString()).toList()))
                .resource());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    @Test
    void unencryptedVariationOneRegistersTheInClusterHostAsMeshExternalDns() throws Exception {
        ResourceSet set = finished("1a-unencrypted-v1");
        ServiceEntry entry = get(set, "ServiceEntry", "greetings-client", "rest-greeting-remote-mesh-ext", ServiceEntry.class);
        assertThat(entry.getApiVersion()).isEqualTo("networking.istio.io/v1alpha3");
        assertThat(entry.getSpec().getHosts()).containsExactly("rest-greeting-remote.greetings-service.svc.cluster.local");
        assertThat(entry.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http-8080");
            assertThat(port.getNumber()).isEqualTo(8080L);
            assertThat(port.getProtocol()).isEqualTo("HTTP");
            assertThat(port.getTargetPort()).isEqualTo(8080L);
        });
        assertThat(entry.getSpec().getLocation().name()).isEqualTo("MESH_EXTERNAL");
        assertThat(entry.getSpec().getResolution().name()).isEqualTo("DNS");
        Map<String, Object> smcp = spec(get(set, "ServiceMeshControlPlane", "istio-system", "tenant-1", GenericKubernetesResource.class));
        assertThat(smcp).extracting("proxy.networking.trafficControl.outbound.policy").isEqualTo("REGISTRY_ONLY");
        assertThat(spec(get(set, "ServiceMeshMemberRoll", "istio-system", "default", GenericKubernetesResource.class)))
                .containsEntry("members", List.of("greetings-client"));
    }

    @Test
    void unencryptedVariationOneStepOneHasNoServiceEntryAndAllowsAny() throws Exception {
        Scenario scenario = BuiltInScenarios.get("1a-unencrypted-v1");
        ResourceSet set = ScenarioGenerator.generate(Steps.after(scenario, 1));
        assertThat(set.ofKind("ServiceEntry")).isEmpty();
        Map<String, Object> smcp = spec(get(set, "ServiceMeshControlPlane", "istio-system", "tenant-1", GenericKubernetesResource.class));
        assertThat(smcp).extracting("proxy.networking.trafficControl.outbound.policy").isEqualTo("ALLOW_ANY");
        assertThat(smcp).extracting("security.dataPlane.automtls").isEqualTo(true);
    }

    @Test
    void strictVariationDisablesMtlsForTheExternalHostOnly() throws Exception {
        ResourceSet set = finished("1a-unencrypted-v2");
        DestinationRule rule = get(set, "DestinationRule", "greetings-client", "disable-mtls-rest-greeting-remote-ext", DestinationRule.class);
        assertThat(rule.getSpec().getHost()).isEqualTo("rest-greeting-remote.greetings-service.svc.cluster.local");
        assertThat(rule.getSpec().getTrafficPolicy().getTls().getMode()).isEqualTo(ClientTLSSettingsTLSmode.DISABLE);
        Map<String, Object> smcp = spec(get(set, "ServiceMeshControlPlane", "istio-system", "tenant-1", GenericKubernetesResource.class));
        assertThat(smcp).extracting("security.dataPlane.mtls").isEqualTo(true);
        assertThat(smcp).extracting("security.dataPlane.automtls").isEqualTo(false);
    }

    @Test
    void sidecarMutualOriginationMountsTheClientCertificateAndRewritesThePort() throws Exception {
        ResourceSet set = finished("1a-mutual");
        ServiceEntry entry = get(set, "ServiceEntry", "greetings-client", "rest-greeting-remote-mesh-ext", ServiceEntry.class);
        assertThat(entry.getSpec().getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getNumber()).isEqualTo(443L))
                .satisfies(p -> assertThat(p.getProtocol()).isEqualTo("HTTP2"));
        assertThat(entry.getSpec().getExportTo()).containsExactly("*");
        DestinationRule rule = get(set, "DestinationRule", "greetings-client", "originate-tls-to-rest-greeting-remote", DestinationRule.class);
        ClientTLSSettings tls = rule.getSpec().getTrafficPolicy().getTls();
        assertThat(tls.getMode()).isEqualTo(ClientTLSSettingsTLSmode.MUTUAL);
        assertThat(tls.getSni()).isEqualTo("greeting.remote.com");
        assertThat(tls.getCaCertificates()).isEqualTo("/etc/certs/ca-root.crt");
        assertThat(tls.getClientCertificate()).isEqualTo("/etc/certs/greeting-client.crt");
        assertThat(tls.getPrivateKey()).isEqualTo("/etc/certs/greeting-client.key");
        assertThat(tls.getCredentialName()).as("credentialName is ignored at a 2.1 sidecar").isNull();
        assertThat(rule.getSpec().getExportTo()).containsExactly(".");
        VirtualService rewrite = get(set, "VirtualService", "greetings-client", "rewrite-port-for-greeting-remote", VirtualService.class);
        assertThat(rewrite.getSpec().getHttp().get(0).getMatch().get(0).getPort()).isEqualTo(80L);
        assertThat(rewrite.getSpec().getHttp().get(0).getRoute().get(0).getDestination().getPort().getNumber()).isEqualTo(443L);
        Deployment client = get(set, "Deployment", "greetings-client", "rest-client-greeting", Deployment.class);
        Map<String, String> annotations = client.getSpec().getTemplate().getMetadata().getAnnotations();
        assertThat(annotations).containsEntry("sidecar.istio.io/inject", "true");
        assertThat(annotations.get("sidecar.istio.io/userVolume")).contains("\"secretName\":\"greeting-client-secret\"");
        assertThat(annotations.get("sidecar.istio.io/userVolumeMount")).contains("\"mountPath\":\"/etc/certs\"");
        assertThat(set.get("Deployment", "greetings-client", "rest-client-greeting").orElseThrow().role())
                .as("the user's application is context, never applied").isEqualTo(ResourceSet.Role.CONTEXT);
        Secret clientSecret = get(set, "Secret", "greetings-client", "greeting-client-secret", Secret.class);
        assertThat(clientSecret.getData()).as("no invented key material").isNullOrEmpty();
        assertThat(clientSecret.getMetadata().getAnnotations().get(ResourceNames.DATA_PENDING_ANNOTATION))
                .isEqualTo("greeting-client.crt,greeting-client.key,ca-root.crt");
    }

    @Test
    void serviceSideExposesTheBackendThroughAPassthroughRouteAndAMutualGateway() throws Exception {
        ResourceSet set = finished("1a-mutual");
        Route route = get(set, "Route", "istio-system-service", "hello-remote", Route.class);
        assertThat(route.getSpec().getHost()).isEqualTo("greeting.remote.com");
        assertThat(route.getSpec().getTls().getTermination()).isEqualTo("passthrough");
        assertThat(route.getSpec().getTo().getName()).isEqualTo("istio-ingressgateway");
        assertThat(route.getSpec().getPort().getTargetPort().getStrVal()).isEqualTo("https");
        Gateway gateway = get(set, "Gateway", "greetings-service", "rest-greeting-remote-gateway", Gateway.class);
        assertThat(gateway.getSpec().getSelector()).containsEntry("istio", "ingressgateway");
        var server = gateway.getSpec().getServers().get(0);
        assertThat(server.getPort().getNumber()).isEqualTo(8443L);
        assertThat(server.getPort().getProtocol()).isEqualTo("HTTPS");
        assertThat(server.getTls().getMode().name()).isEqualTo("MUTUAL");
        assertThat(server.getTls().getCredentialName()).isEqualTo("greeting-remote-secret");
        assertThat(set.get("Secret", "istio-system-service", "greeting-remote-secret"))
                .as("the gateway's credential lives in the gateway pod's namespace").isPresent();
        VirtualService backend = get(set, "VirtualService", "greetings-service", "rest-greeting-remote", VirtualService.class);
        assertThat(backend.getSpec().getGateways()).containsExactly("rest-greeting-remote-gateway", "mesh");
        assertThat(backend.getSpec().getHttp().get(0).getRoute().get(0).getDestination().getHost())
                .isEqualTo("rest-greeting-remote.greetings-service.svc.cluster.local");
    }

    @Test
    void egressGatewayChainOriginatesMutualTlsInTheGatewayNamespace() throws Exception {
        ResourceSet set = finished("1b-egress-encrypted");
        String gatewayNs = "istio-system-egressgw-mtls-client";
        String appNs = "greetings-egressgw-mtls-client";
        String egressHost = "istio-egressgateway." + gatewayNs + ".svc.cluster.local";
        Gateway gateway = get(set, "Gateway", gatewayNs, "istio-egressgateway", Gateway.class);
        assertThat(gateway.getSpec().getSelector()).containsEntry("istio", "egressgateway");
        var server = gateway.getSpec().getServers().get(0);
        assertThat(server.getPort().getNumber()).isEqualTo(443L);
        assertThat(server.getPort().getProtocol()).isEqualTo("HTTPS");
        assertThat(server.getTls().getMode().name()).isEqualTo("ISTIO_MUTUAL");
        assertThat(server.getHosts()).containsExactly("greeting.remote.com");
        DestinationRule subsetRule = get(set, "DestinationRule", appNs, "egress-originate-tls-to-rest-greeting-remote", DestinationRule.class);
        assertThat(subsetRule.getSpec().getHost()).isEqualTo(egressHost);
        var subset = subsetRule.getSpec().getSubsets().get(0);
        assertThat(subset.getName()).isEqualTo("greeting-remote");
        var portTls = subset.getTrafficPolicy().getPortLevelSettings().get(0);
        assertThat(portTls.getPort().getNumber()).isEqualTo(443L);
        assertThat(portTls.getTls().getMode()).isEqualTo(ClientTLSSettingsTLSmode.ISTIO_MUTUAL);
        assertThat(portTls.getTls().getSni()).isEqualTo("greeting.remote.com");
        VirtualService toGateway = get(set, "VirtualService", appNs, "greeting-remote-to-egress-gateway", VirtualService.class);
        assertThat(toGateway.getSpec().getGateways()).containsExactly("mesh");
        var meshRoute = toGateway.getSpec().getHttp().get(0);
        assertThat(meshRoute.getMatch().get(0).getPort()).isEqualTo(80L);
        assertThat(meshRoute.getRoute().get(0).getDestination().getHost()).isEqualTo(egressHost);
        assertThat(meshRoute.getRoute().get(0).getDestination().getSubset()).isEqualTo("greeting-remote");
        assertThat(meshRoute.getRoute().get(0).getDestination().getPort().getNumber()).isEqualTo(443L);
        VirtualService fromGateway = get(set, "VirtualService", gatewayNs, "greeting-remote-from-egress-gateway", VirtualService.class);
        assertThat(fromGateway.getSpec().getGateways()).containsExactly("istio-egressgateway");
        var gatewayRoute = fromGateway.getSpec().getHttp().get(0);
        assertThat(gatewayRoute.getMatch().get(0).getPort()).isEqualTo(443L);
        assertThat(gatewayRoute.getRoute().get(0).getDestination().getHost()).isEqualTo("greeting.remote.com");
        assertThat(gatewayRoute.getRoute().get(0).getDestination().getPort().getNumber()).isEqualTo(443L);
        DestinationRule origination = get(set, "DestinationRule", gatewayNs, "originate-mtls-for-greeting-remote", DestinationRule.class);
        var originationTls = origination.getSpec().getTrafficPolicy().getPortLevelSettings().get(0);
        assertThat(originationTls.getPort().getNumber()).isEqualTo(443L);
        assertThat(originationTls.getTls().getMode()).isEqualTo(ClientTLSSettingsTLSmode.MUTUAL);
        assertThat(originationTls.getTls().getCredentialName()).isEqualTo("greeting-client-secret");
        assertThat(originationTls.getTls().getSni()).isEqualTo("greeting.remote.com");
        Secret credential = get(set, "Secret", gatewayNs, "greeting-client-secret", Secret.class);
        assertThat(credential.getMetadata().getAnnotations().get(ResourceNames.DATA_PENDING_ANNOTATION)).isEqualTo("cert,key,cacert");
    }

    @Test
    void plainEgressLeavesThroughAnHttpGatewayServerOnPortEighty() throws Exception {
        ResourceSet set = finished("1b-egress-plain");
        Gateway gateway = get(set, "Gateway", "istio-system-egressgw-client", "istio-egressgateway", Gateway.class);
        var server = gateway.getSpec().getServers().get(0);
        assertThat(server.getPort().getNumber()).isEqualTo(80L);
        assertThat(server.getPort().getProtocol()).isEqualTo("HTTP");
        assertThat(server.getTls()).isNull();
        Route route = get(set, "Route", "istio-system-service", "hello-remote", Route.class);
        assertThat(route.getSpec().getTls()).isNull();
        assertThat(route.getSpec().getPort().getTargetPort().getStrVal()).isEqualTo("http2");
        Gateway ingress = get(set, "Gateway", "istio-system-service", "rest-greeting-remote-gateway", Gateway.class);
        assertThat(ingress.getSpec().getServers().get(0).getPort().getProtocol()).isEqualTo("HTTP");
        VirtualService backend = get(set, "VirtualService", "greetings-service", "rest-greeting-remote", VirtualService.class);
        assertThat(backend.getSpec().getGateways()).containsExactly("istio-system-service/rest-greeting-remote-gateway", "mesh");
    }

    @Test
    void federationPeersBothSidesAndExportsUnderTheAlias() throws Exception {
        ResourceSet set = finished("2-federation");
        Map<String, Object> eastPeer = spec(get(set, "ServiceMeshPeer", "remote-east-mesh-system", "west-mesh", GenericKubernetesResource.class));
        assertThat(eastPeer).extracting("remote.discoveryPort").isEqualTo(8188);
        assertThat(eastPeer).extracting("remote.servicePort").isEqualTo(15443);
        assertThat(eastPeer).extracting("gateways.ingress.name").isEqualTo("ingress-west-mesh");
        assertThat(eastPeer).extracting("gateways.egress.name").isEqualTo("egress-west-mesh");
        assertThat(eastPeer).extracting("security.trustDomain").isEqualTo("west-mesh.local");
        assertThat(eastPeer).extracting("security.clientID")
                .isEqualTo("west-mesh.local/ns/remote-west-mesh-system/sa/egress-east-mesh-service-account");
        assertThat(eastPeer).extracting("security.certificateChain.name").isEqualTo("west-mesh-ca-root-cert");
        assertThat(set.get("ServiceMeshPeer", "remote-west-mesh-system", "east-mesh")).isPresent();
        Map<String, Object> exported = spec(get(set, "ExportedServiceSet", "remote-west-mesh-system", "east-mesh", GenericKubernetesResource.class));
        assertThat(exported.toString()).contains("namespace=west-travel-agency").contains("alias={namespace=travel-agency, name=discounts}");
        Map<String, Object> imported = spec(get(set, "ImportedServiceSet", "remote-east-mesh-system", "west-mesh", GenericKubernetesResource.class));
        assertThat(imported.toString()).contains("importAsLocal=false").contains("nameSelector={namespace=travel-agency, name=discounts}");
        Map<String, Object> eastSmcp = spec(get(set, "ServiceMeshControlPlane", "remote-east-mesh-system", "east-mesh", GenericKubernetesResource.class));
        assertThat(eastSmcp).extracting("gateways.additionalEgress").asString().contains("egress-west-mesh").contains("sni-dnat");
        assertThat(eastSmcp).extracting("gateways.additionalIngress").asString().contains("ingress-west-mesh").contains("15443");
        assertThat(eastSmcp).extracting("security.trust.domain").isEqualTo("east-mesh.local");
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void neverOriginatesTlsWithoutVerifyingTheServer(String name) throws Exception {
        for (DestinationRule rule : finished(name).ofKind("DestinationRule", DestinationRule.class)) {
            var policy = rule.getSpec().getTrafficPolicy();
            if (policy == null) {
                continue;
            }
            Stream.concat(Stream.ofNullable(policy.getTls()),
                            policy.getPortLevelSettings() == null ? Stream.empty()
                                    : policy.getPortLevelSettings().stream().map(p -> p.getTls()))
                    .filter(tls -> tls != null && (tls.getMode() == ClientTLSSettingsTLSmode.SIMPLE
                            || tls.getMode() == ClientTLSSettingsTLSmode.MUTUAL))
                    .forEach(tls -> assertThat(tls.getCaCertificates() != null || tls.getCredentialName() != null)
                            .as("DestinationRule %s verifies its server", rule.getMetadata().getName()).isTrue());
        }
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void generatesTheSameBytesEveryTime(String name) throws Exception {
        assertThat(ManifestWriter.toYaml(finished(name))).isEqualTo(ManifestWriter.toYaml(finished(name)));
    }

    @Test
    void sidecarCredentialNameSelectsTheWorkloadAndGrantsSecretAccess() throws Exception {
        Scenario scenario = BuiltInDesigns.finished("1a-mutual");
        Scenario withCredentialName = Steps.apply(scenario, new io.egressstudio.model.Step("use credentialName", null,
                List.of(io.egressstudio.model.Change.set("greeting-call.sidecarTls.delivery", "CREDENTIAL_NAME")), null), "test");
        ResourceSet set = ScenarioGenerator.generate(withCredentialName);
        DestinationRule rule = get(set, "DestinationRule", "greetings-client", "originate-tls-to-rest-greeting-remote", DestinationRule.class);
        assertThat(rule.getSpec().getWorkloadSelector().getMatchLabels()).containsEntry("app", "rest-client-greeting");
        assertThat(rule.getSpec().getTrafficPolicy().getTls().getCredentialName()).isEqualTo("greeting-client-secret");
        assertThat(rule.getSpec().getTrafficPolicy().getTls().getClientCertificate()).isNull();
        assertThat(set.get("Role", "greetings-client", "greeting-client-secret-reader")).isPresent();
        assertThat(set.get("RoleBinding", "greetings-client", "greeting-client-secret-reader")).isPresent();
    }

    @Test
    void suppliedCertificateMaterialFillsTheSecretInItsLayout() throws Exception {
        PemMaterial pem = new PemMaterial("CERT", "KEY", "CA");
        ResourceSet set = ScenarioGenerator.generate(BuiltInDesigns.finished("1b-egress-encrypted"),
                new GeneratorOptions(spec -> java.util.Optional.of(pem)));
        Secret credential = get(set, "Secret", "istio-system-egressgw-mtls-client", "greeting-client-secret", Secret.class);
        assertThat(credential.getData()).containsOnlyKeys("cert", "key", "cacert");
        assertThat(new String(java.util.Base64.getDecoder().decode(credential.getData().get("key")))).isEqualTo("KEY");
        assertThat(ManifestWriter.isPending(credential)).isFalse();
    }
}
