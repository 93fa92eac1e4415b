package io.egressstudio.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.mesh.FieldSources;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Scenario;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator records which element field made which resource field: findings name the field to change by it. */
class FieldSourcesTest {
    @Test
    void aResourceFieldComesFromTheLongestRecordedPathThatHoldsIt() {
        FieldSources sources = FieldSources.of(Map.of("spec", "sidecarTls.mode",
                "spec.trafficPolicy.tls.sni", "sidecarTls.sni"));
        assertThat(sources.elementField("spec.trafficPolicy.tls.sni")).isEqualTo("sidecarTls.sni");
        assertThat(sources.elementField("spec.host")).isEqualTo("sidecarTls.mode");
        assertThat(sources.elementField("specification")).isNull();
        assertThat(sources.elementField("metadata.name")).isNull();
        assertThat(FieldSources.of(Map.of("spec.ports", "ports")).elementField("spec.ports[0].number")).isEqualTo("ports");
    }

    @Test
    void theSidecarsAndTheEgressGatewaysRulesNameTheirOwnOriginationFields() {
        Scenario s = BuiltInDesigns.finished("1b-egress-encrypted");
        ResourceSet resources = ScenarioGenerator.generate(s);
        ResourceSet.Entry atGateway = resources.entries().stream()
                .filter(e -> e.resource().getKind().equals("DestinationRule")
                        && e.fields().elementField("spec.trafficPolicy.portLevelSettings[0].tls.mode") != null
                        && e.fields().elementField("spec.trafficPolicy.portLevelSettings[0].tls.mode").startsWith("egressTls"))
                .findFirst().orElseThrow();
        assertThat(atGateway.fields().elementField("spec.trafficPolicy.portLevelSettings[0].tls.clientCertificate"))
                .isEqualTo("egressTls.clientCertificate");
        assertThat(atGateway.fields().elementField("spec.trafficPolicy.portLevelSettings[0].tls.credentialName"))
                .isEqualTo("egressTls.credentialName");
        ResourceSet.Entry toGateway = resources.entries().stream()
                .filter(e -> e.resource().getKind().equals("DestinationRule") && e.origin().equals(atGateway.origin())
                        && e != atGateway)
                .findFirst().orElseThrow();
        assertThat(toGateway.fields().elementField("spec.subsets[0].trafficPolicy.portLevelSettings[0].tls.sni"))
                .isEqualTo("sidecarTls.sni");
    }

    @Test
    void theControlPlaneAndTheServiceEntryNameTheMeshsAndTheServicesFields() {
        Scenario s = BuiltInDesigns.finished("1a-simple");
        ResourceSet resources = ScenarioGenerator.generate(s);
        ResourceSet.Entry smcp = resources.ofKind("ServiceMeshControlPlane").get(0);
        assertThat(smcp.fields().elementField("spec.proxy.networking.trafficControl.outbound.policy"))
                .isEqualTo("outboundPolicy");
        assertThat(smcp.fields().elementField("spec.security.dataPlane.mtls")).isEqualTo("mtls");
        ResourceSet.Entry entry = resources.ofKind("ServiceEntry").get(0);
        assertThat(entry.fields().elementField("spec.ports[0].number")).isEqualTo("ports");
        assertThat(entry.fields().elementField("spec.resolution")).isEqualTo("resolution");
        ResourceSet.Entry sidecarRule = resources.ofKind("DestinationRule").stream()
                .filter(e -> "sidecarTls.sni".equals(e.fields().elementField("spec.trafficPolicy.tls.sni")))
                .findFirst().orElseThrow();
        assertThat(sidecarRule.fields().elementField("spec.trafficPolicy.tls.caCertificates"))
                .isEqualTo("sidecarTls.caCertificate");
    }
}
