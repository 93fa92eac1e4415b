package io.egressstudio.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.ManifestReader;
import io.egressstudio.model.MeshFlavour;
import org.junit.jupiter.api.Test;

/** Which control planes the mesh view reads from resources as a cluster holds them. */
class FlavoursReadTest {
    @Test
    void theMeshConfigMaistraWritesBesideItsSmcpIsThatControlPlaneNotASecondOne() throws Exception {
        MeshView view = MeshView.of(ManifestReader.parse("""
                apiVersion: maistra.io/v2
                kind: ServiceMeshControlPlane
                metadata: {name: basic, namespace: istio-system}
                spec: {version: v2.6}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: istio-basic, namespace: istio-system}
                data:
                  mesh: |-
                    outboundTrafficPolicy: {mode: ALLOW_ANY}
                """, "cluster.yaml"));

        assertThat(view.controlPlanes()).extracting(ControlPlane::flavour).containsExactly(MeshFlavour.MAISTRA_2);
    }

    @Test
    void aSailIstioAndTheMeshConfigItWritesAreOneControlPlaneOfItsRevision() throws Exception {
        MeshView view = MeshView.of(ManifestReader.parse("""
                apiVersion: sailoperator.io/v1
                kind: Istio
                metadata: {name: prod}
                spec:
                  version: v1.26.3
                  namespace: istio-system
                  values: {meshConfig: {outboundTrafficPolicy: {mode: REGISTRY_ONLY}}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: istio-prod, namespace: istio-system}
                data:
                  mesh: |-
                    outboundTrafficPolicy: {mode: REGISTRY_ONLY}
                """, "cluster.yaml"));

        assertThat(view.controlPlanes()).singleElement().satisfies(cp -> {
            assertThat(cp.flavour()).isEqualTo(MeshFlavour.OSSM_3);
            assertThat(cp.revision()).isEqualTo("prod");
            assertThat(cp.registryOnly()).isTrue();
            assertThat(cp.title()).isEqualTo("OpenShift Service Mesh 3 (Istio 1.26)");
        });
    }
}
