package io.egressstudio.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.io.Steps;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.EgressServerTls;
import io.egressstudio.model.Outcome;
import io.egressstudio.model.Scenario;
import io.egressstudio.predict.Prediction;
import io.egressstudio.predict.ScenarioRequests;
import io.egressstudio.predict.TrafficPredictor;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.fabric8.istio.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.networking.v1alpha3.Gateway;
import org.junit.jupiter.api.Test;

/** The egress gateway's own serverTls decides how mesh traffic arrives at it, in the file and in the Gateway. */
class EgressGatewayServerTlsTest {
    /** A built-in, finished, with its one egress gateway's serverTls set through the file format. */
    private static Scenario withServerTls(String name, String mode) throws Exception {
        Scenario finished = io.egressstudio.io.BuiltInDesigns.finished(name);
        String yaml = ScenarioFile.toYaml(finished);
        int gateway = yaml.indexOf("egressGateways:\n  - id: ");
        assertThat(gateway).isPositive();
        int nextLine = yaml.indexOf('\n', gateway + "egressGateways:\n".length()) + 1;
        String edited = yaml.substring(0, nextLine) + "    serverTls: " + mode + "\n" + yaml.substring(nextLine);
        return ScenarioFile.parse(edited, name + ".yaml");
    }

    private static Server server(ResourceSet set) {
        Gateway gateway = set.entries().stream().map(ResourceSet.Entry::resource).filter(Gateway.class::isInstance)
                .map(Gateway.class::cast).filter(g -> g.getMetadata().getName().equals("istio-egressgateway"))
                .findFirst().orElseThrow();
        assertThat(gateway.getSpec().getServers()).hasSize(1);
        return gateway.getSpec().getServers().get(0);
    }

    @Test
    void serverTlsRoundTripsThroughTheScenarioFile() throws Exception {
        Scenario scenario = withServerTls("1b-egress-plain", "ISTIO_MUTUAL");
        assertThat(scenario.egressGateways().get(0).serverTls()).isEqualTo(EgressServerTls.ISTIO_MUTUAL);
        Scenario reread = ScenarioFile.parse(ScenarioFile.toYaml(scenario), "saved.yaml");
        assertThat(reread.egressGateways().get(0).serverTls()).isEqualTo(EgressServerTls.ISTIO_MUTUAL);
        assertThat(ScenarioFile.toYaml(reread)).contains("serverTls: ISTIO_MUTUAL");
    }

    @Test
    void withoutServerTlsTheFileHasNoSuchFieldAndTheGatewayFollowsTheLink() throws Exception {
        Scenario plain = io.egressstudio.io.BuiltInDesigns.finished("1b-egress-plain");
        assertThat(ScenarioFile.toYaml(plain)).doesNotContain("serverTls");
        Server server = server(ScenarioGenerator.generate(Steps.after(plain, plain.steps().size())));
        assertThat(server.getPort().getNumber()).isEqualTo(80L);
        assertThat(server.getTls()).isNull();
    }

    @Test
    void istioMutualServerTlsMakesTheGatewayServerIstioMutualOn443() throws Exception {
        // the link keeps its explicit sidecarTls DISABLE: the gateway's setting changes the Gateway, and the
        // prediction then shows the sidecar's plaintext meeting an ISTIO_MUTUAL server
        Scenario scenario = withServerTls("1b-egress-plain", "ISTIO_MUTUAL");
        Server server = server(ScenarioGenerator.generate(scenario));
        assertThat(server.getPort().getNumber()).isEqualTo(443L);
        assertThat(server.getPort().getProtocol()).isEqualTo("HTTPS");
        assertThat(server.getTls().getMode()).isEqualTo(ServerTLSSettingsTLSmode.ISTIO_MUTUAL);
    }

    @Test
    void istioMutualServerTlsGivesALinkWithoutSidecarTlsIstioMutualWithTheHostAsSni() throws Exception {
        Scenario scenario = withServerTls("1b-egress-plain", "ISTIO_MUTUAL");
        String yaml = ScenarioFile.toYaml(scenario);
        String sidecarTls = "    sidecarTls:\n      ruleName: egress-originate-to-rest-greeting-remote\n      mode: DISABLE\n"
                + "      delivery: CREDENTIAL_NAME\n      mountPath: /etc/certs\n      insecureSkipVerify: false\n";
        assertThat(yaml).contains(sidecarTls);
        Scenario withoutSidecarTls = ScenarioFile.parse(yaml.replace(sidecarTls, ""), "edited.yaml");
        ResourceSet set = ScenarioGenerator.generate(withoutSidecarTls);

        DestinationRule subsetRule = set.entries().stream().map(ResourceSet.Entry::resource)
                .filter(DestinationRule.class::isInstance).map(DestinationRule.class::cast)
                .filter(dr -> dr.getSpec().getHost().startsWith("istio-egressgateway.")).findFirst().orElseThrow();
        var tls = subsetRule.getSpec().getSubsets().get(0).getTrafficPolicy().getPortLevelSettings().get(0).getTls();
        assertThat(tls.getMode()).isEqualTo(ClientTLSSettingsTLSmode.ISTIO_MUTUAL);
        assertThat(tls.getSni()).isEqualTo("greeting.remote.com");

        String link = withoutSidecarTls.links().get(0).id();
        Prediction p = new TrafficPredictor(MeshView.of(set)).predict(ScenarioRequests.forLink(withoutSidecarTls, link));
        assertThat(p.outcome()).as(String.join("\n", p.explanation())).isEqualTo(Outcome.OK);
    }

    @Test
    void noneServerTlsKeepsThePlainHttpServerAlthoughTheLinkAsksForIstioMutual() throws Exception {
        Scenario encrypted = io.egressstudio.io.BuiltInDesigns.finished("1b-egress-encrypted");
        Server before = server(ScenarioGenerator.generate(Steps.after(encrypted, encrypted.steps().size())));
        assertThat(before.getTls().getMode()).isEqualTo(ServerTLSSettingsTLSmode.ISTIO_MUTUAL);

        Server server = server(ScenarioGenerator.generate(withServerTls("1b-egress-encrypted", "NONE")));
        assertThat(server.getPort().getNumber()).isEqualTo(80L);
        assertThat(server.getPort().getProtocol()).isEqualTo("HTTP");
        assertThat(server.getTls()).isNull();
    }
}
