package io.egressstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressstudio.mesh.ResourceSet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {
    private static final String TEXT = """
            # a comment before the first document
            apiVersion: networking.istio.io/v1alpha3
            kind: DestinationRule
            metadata: {name: a, namespace: ns}
            spec: {host: a.example.com}
            ---
            apiVersion: networking.istio.io/v1beta1
            kind: ServiceEntry
            metadata: {name: b, namespace: ns}
            spec: {hosts: [b.example.com]}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: c, namespace: ns}
            spec: {hosts: [c.example.com]}
            ---
            apiVersion: route.openshift.io/v1
            kind: Route
            metadata: {name: r, namespace: ns}
            spec: {host: r.example.com, to: {kind: Service, name: s}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d, namespace: ns}
            ---
            apiVersion: maistra.io/v2
            kind: ServiceMeshControlPlane
            metadata: {name: basic, namespace: istio-system}
            spec: {version: v2.1}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w, namespace: ns}
            ---
            """;

    @Test
    void readsTypedObjectsOfEveryIstioVersionAndKeepsUnknownKinds() throws Exception {
        ResourceSet set = ManifestReader.parse(TEXT, "m.yaml");
        assertThat(set.size()).isEqualTo(7);
        assertThat(set.get("DestinationRule", "ns", "a").orElseThrow().resource())
                .isInstanceOf(io.fabric8.istio.api.networking.v1alpha3.DestinationRule.class);
        assertThat(set.get("ServiceEntry", "ns", "b").orElseThrow().resource())
                .isInstanceOf(io.fabric8.istio.api.networking.v1beta1.ServiceEntry.class);
        assertThat(set.get("VirtualService", "ns", "c").orElseThrow().resource())
                .isInstanceOf(io.fabric8.istio.api.networking.v1.VirtualService.class);
        assertThat(set.get("Route", "ns", "r").orElseThrow().resource()).isInstanceOf(Route.class);
        assertThat(set.get("Deployment", "ns", "d").orElseThrow().resource()).isInstanceOf(Deployment.class);
        assertThat(set.get("ServiceMeshControlPlane", "istio-system", "basic").orElseThrow().resource())
                .isInstanceOf(GenericKubernetesResource.class);
        assertThat(set.get("Widget", "ns", "w").orElseThrow().resource()).isInstanceOf(GenericKubernetesResource.class);
    }

    @Test
    void originIsFileAndLineOfEachDocument() throws Exception {
        ResourceSet set = ManifestReader.parse(TEXT, "m.yaml");
        assertThat(set.get("DestinationRule", "ns", "a").orElseThrow().origin()).isEqualTo("m.yaml:2");
        assertThat(set.get("ServiceEntry", "ns", "b").orElseThrow().origin()).isEqualTo("m.yaml:7");
        assertThat(set.get("Widget", "ns", "w").orElseThrow().origin()).isEqualTo("m.yaml:31");
    }

    @Test
    void malformedYamlIsLocatedToFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: ok, namespace: ns}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: [unclosed
                """);
        assertThatThrownBy(() -> ManifestReader.read(file))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith(file + ":")
                .satisfies(e -> {
                    ManifestException m = (ManifestException) e;
                    assertThat(m.line()).isBetween(8, 9);
                    assertThat(m.column()).isPositive();
                });
    }

    @Test
    void documentsWithoutKindOrNameAreLocated() {
        assertThatThrownBy(() -> ManifestReader.parse("apiVersion: v1\nmetadata: {name: x}\n", "x.yaml"))
                .hasMessage("x.yaml:1:1: missing required field 'kind'");
        assertThatThrownBy(() -> ManifestReader.parse("---\n\napiVersion: v1\nkind: ConfigMap\n", "y.yaml"))
                .hasMessage("y.yaml:3:1: ConfigMap: missing required field 'metadata.name'");
    }

    @Test
    void foldersAreReadRecursivelyInNameOrderAndListsAreExpanded(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("b.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: ns}\n");
        Files.writeString(dir.resolve("sub/a.yml"), """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Secret
                    metadata: {name: s, namespace: ns}
                """);
        Files.writeString(dir.resolve("notes.txt"), "not yaml");
        ResourceSet set = ManifestReader.read(dir);
        assertThat(set.entries()).extracting(e -> e.key().toString())
                .containsExactly("ConfigMap/ns/b", "Secret/ns/s");
    }

    @Test
    void missingPathIsReported() {
        assertThatThrownBy(() -> ManifestReader.read(Path.of("/no/such/place.yaml")))
                .hasMessageContaining("no such file or folder");
    }
}
