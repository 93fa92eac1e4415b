package io.egressstudio.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the plan counts as a change, and what its side-by-side text shows (and never shows). */
class ComparisonTest {
    private static GenericKubernetesResource yaml(String text) {
        return Resources.SERIALIZATION.unmarshal(text, GenericKubernetesResource.class);
    }

    private static final GenericKubernetesResource DESIRED = yaml("""
            apiVersion: networking.istio.io/v1beta1
            kind: ServiceEntry
            metadata:
              name: se
              namespace: ns
              labels: {app.kubernetes.io/managed-by: egress-studio, egress-studio.io/scenario: s}
            spec:
              hosts: [a.example.com]
              ports:
              - {number: 443, name: tls, protocol: TLS}
              resolution: DNS
            """);

    @Test
    void serverSetAndDefaultedFieldsAreNotChanges() {
        GenericKubernetesResource live = yaml("""
                apiVersion: networking.istio.io/v1beta1
                kind: ServiceEntry
                metadata:
                  name: se
                  namespace: ns
                  resourceVersion: "812"
                  uid: 4a5c
                  generation: 3
                  creationTimestamp: "2026-11-28T10:00:00Z"
                  labels: {app.kubernetes.io/managed-by: egress-studio, egress-studio.io/scenario: s, added-by: someone}
                  managedFields:
                  - {manager: kubectl, operation: Update, fieldsType: FieldsV1, fieldsV1: {"f:metadata": {}}}
                spec:
                  hosts: [a.example.com]
                  ports:
                  - {number: 443.0, name: tls, protocol: TLS, targetPort: 443}
                  resolution: DNS
                  location: MESH_EXTERNAL
                status: {observedGeneration: 3}
                """);
        assertThat(Comparison.compare(DESIRED, live, false)).isEmpty();
    }

    @Test
    void aChangedValueAndAMissingFieldAreChanges() {
        GenericKubernetesResource live = yaml("""
                apiVersion: networking.istio.io/v1beta1
                kind: ServiceEntry
                metadata: {name: se, namespace: ns, labels: {app.kubernetes.io/managed-by: egress-studio}}
                spec:
                  hosts: [a.example.com, b.example.com]
                  ports:
                  - {number: 80, name: tls, protocol: TLS}
                """);
        assertThat(Comparison.compare(DESIRED, live, false)).containsExactly(
                new Difference("metadata.labels[egress-studio.io/scenario]", Difference.Type.MISSING),
                new Difference("spec.hosts", Difference.Type.CHANGED),
                new Difference("spec.ports", Difference.Type.CHANGED),
                new Difference("spec.resolution", Difference.Type.MISSING));
    }

    @Test
    void aFieldEgressStudioAppliedBeforeAndNoLongerSetsIsRemoved() {
        GenericKubernetesResource live = yaml("""
                apiVersion: networking.istio.io/v1beta1
                kind: ServiceEntry
                metadata:
                  name: se
                  namespace: ns
                  labels: {app.kubernetes.io/managed-by: egress-studio, egress-studio.io/scenario: s}
                  managedFields:
                  - manager: egress-studio
                    operation: Apply
                    fieldsType: FieldsV1
                    fieldsV1:
                      "f:spec": {"f:hosts": {}, "f:ports": {}, "f:resolution": {}, "f:exportTo": {}}
                spec:
                  hosts: [a.example.com]
                  ports:
                  - {number: 443, name: tls, protocol: TLS}
                  resolution: DNS
                  exportTo: ["."]
                  location: MESH_EXTERNAL
                """);
        assertThat(Comparison.compare(DESIRED, live, false)).containsExactly(
                new Difference("spec.exportTo", Difference.Type.REMOVED));
        assertThat(DiffText.sideBySide(DESIRED, live)).contains("exportTo:").doesNotContain("location");
    }

    @Test
    void builtInKindsDropZeroValues() {
        GenericKubernetesResource desired = yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c, namespace: ns}
                immutable: false
                """);
        GenericKubernetesResource live = yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c, namespace: ns}
                """);
        assertThat(Comparison.compare(desired, live, true)).isEmpty();
        assertThat(Comparison.compare(desired, live, false)).hasSize(1);
    }

    @Test
    void theSideBySideTextMarksChangesAndNeverShowsSecretData() {
        GenericKubernetesResource desired = yaml("""
                apiVersion: v1
                kind: Secret
                metadata: {name: cred, namespace: ns, labels: {egress-studio.io/scenario: s}}
                type: Opaque
                data: {tls.crt: TkVXLUNFUlQ=, tls.key: U0FNRS1LRVk=}
                """);
        GenericKubernetesResource live = yaml("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: cred
                  namespace: ns
                  annotations: {kubectl.kubernetes.io/last-applied-configuration: '{"data":{"tls.key":"U0FNRS1LRVk="}}'}
                type: Opaque
                data: {tls.crt: T0xELUNFUlQ=, tls.key: U0FNRS1LRVk=}
                """);
        String text = DiffText.sideBySide(desired, live);
        assertThat(text).doesNotContain("TkVXLUNFUlQ=", "U0FNRS1LRVk=", "T0xELUNFUlQ=")
                .containsPattern("tls.crt: <redacted>\\s+\\|\\s+tls.crt: <redacted> \\(changes\\)")
                .containsPattern("tls.key: <redacted>\\s+tls.key: <redacted>");
        assertThat(text.lines().findFirst()).hasValueSatisfying(l -> assertThat(l).startsWith("cluster now")
                .endsWith("after apply"));
        assertThat(Comparison.compare(desired, live, true)).extracting(Difference::path)
                .containsExactly("metadata.labels", "data[tls.crt]");
    }

    @Test
    void linesAreAlignedOnWhatTheyShare() {
        assertThat(DiffText.render(List.of("a", "b", "c"), List.of("a", "x", "c", "d"))).isEqualTo("""
                cluster now                                                    after apply
                ------------------------------------------------------------   ------------------------------------------------------------
                a                                                              a
                b                                                            | x
                c                                                              c
                                                                             > d
                """);
    }
}
