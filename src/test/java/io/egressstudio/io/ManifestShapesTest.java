package io.egressstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressstudio.mesh.Specs;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Kubernetes object read from a file has the shape the mesh model reads: the problems that crashed {@code
 * analyze} (null list items, absent fields, wrong types, huge numbers) are located to the file, line, object and field.
 */
class ManifestShapesTest {
    private static String service(String spec) {
        return "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n" + spec;
    }

    private static String istio(String kind, String spec) {
        return "apiVersion: networking.istio.io/v1beta1\nkind: " + kind + "\nmetadata: {name: r, namespace: ns}\nspec:\n"
                + spec;
    }

    @Test
    void nullListItemsAreLocatedAtTheItemOfTheNamedObject() {
        assertThatThrownBy(() -> ManifestReader.parse(service("  ports: [null]\n"), "svc.yaml"))
                .isInstanceOf(ManifestException.class)
                .hasMessage("svc.yaml:5:11: Service/shop/web field 'spec.ports[0]': empty list item: remove the '-' "
                        + "or give the item a value");
        for (String spec : List.of("  hosts: [a.com]\n  exportTo: [null]\n", "  hosts: [a.com]\n  http: [null]\n",
                "  hosts: [a.com]\n  http:\n    - match: [null]\n", "  hosts: [a.com]\n  http:\n    - route: [null]\n",
                "  hosts: [a.com]\n  gateways: [null]\n")) {
            assertThatThrownBy(() -> ManifestReader.parse(istio("VirtualService", spec), "vs.yaml"))
                    .hasMessageMatching("vs\\.yaml:\\d+:\\d+: VirtualService/ns/r field 'spec\\.[a-zA-Z]+(\\[0\\]\\.[a-z]+)?"
                            + "\\[0\\]': empty list item: .*");
        }
        assertThatThrownBy(() -> ManifestReader.parse(istio("Gateway", "  servers: [null]\n"), "gw.yaml"))
                .hasMessageStartingWith("gw.yaml:5:13: Gateway/ns/r field 'spec.servers[0]': empty list item");
        assertThatThrownBy(() -> ManifestReader.parse(istio("Gateway",
                "  servers:\n    - port: {number: 80, name: http, protocol: HTTP}\n      hosts: [null]\n"), "gw.yaml"))
                .hasMessageStartingWith("gw.yaml:7:15: Gateway/ns/r field 'spec.servers[0].hosts[0]': empty list item");
        assertThatThrownBy(() -> ManifestReader.parse("apiVersion: maistra.io/v1\nkind: ServiceMeshMemberRoll\n"
                + "metadata: {name: default, namespace: cp}\nspec:\n  members: [null]\n", "smmr.yaml"))
                .hasMessageStartingWith("smmr.yaml:5:13: ServiceMeshMemberRoll/cp/default field 'spec.members[0]'");
    }

    @Test
    void nullFieldsReadAsAbsentAsKubernetesReadsThem() throws Exception {
        HasMetadata entry = ManifestReader.parse(istio("ServiceEntry", "  hosts: [a.com]\n  ports: null\n"
                + "  location: null\n"), "se.yaml").all().get(0);

        assertThat(Specs.serviceEntry(entry).getHosts()).containsExactly("a.com");
        assertThat(Specs.serviceEntry(entry).getPorts()).isNullOrEmpty();
    }

    @Test
    void aNamespacedObjectWithoutNamespaceIsInTheDefaultNamespaceAsIstioctlReadsFiles() throws Exception {
        var set = ManifestReader.parse("apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\n"
                + "metadata:\n  name: basic\nspec: {}\n", "smcp.yaml");

        assertThat(set.get("ServiceMeshControlPlane", "default", "basic")).isPresent();
    }

    @Test
    void fieldsTheApiServerRequiresAreRequiredAtTheItem() {
        assertThatThrownBy(() -> ManifestReader.parse(service("  ports:\n    - name: http\n"), "svc.yaml"))
                .hasMessage("svc.yaml:6:7: Service/shop/web field 'spec.ports[0]': missing required field 'port'");
        assertThatThrownBy(() -> ManifestReader.parse(istio("DestinationRule", "  subsets: []\n"), "dr.yaml"))
                .hasMessage("dr.yaml:4:1: DestinationRule/ns/r field 'spec': missing required field 'host'");
    }

    @Test
    void wrongTypesAndHugeNumbersAreLocatedAtTheField() {
        assertThatThrownBy(() -> ManifestReader.parse(service("  ports:\n    - port: 99999999999999999999\n"), "svc.yaml"))
                .hasMessage("svc.yaml:6:7: Service/shop/web field 'spec.ports[0].port': wrong type: expected a whole number");
        assertThatThrownBy(() -> ManifestReader.parse(service("  ports: {port: 80}\n"), "svc.yaml"))
                .hasMessage("svc.yaml:5:3: Service/shop/web field 'spec.ports': wrong type: expected a list");
        assertThatThrownBy(() -> ManifestReader.parse("apiVersion: 99999999999999999999999\nkind: Service\n"
                + "metadata: {name: a, namespace: b}\n", "n.yaml"))
                .hasMessage("n.yaml:1:1: Service/b/a field 'apiVersion': wrong type: expected text");
    }

    @Test
    void hostsAndNamesAreCheckedAsIstioAndKubernetesCheckThem() {
        assertThatThrownBy(() -> ManifestReader.parse(istio("ServiceEntry", "  hosts: [\"httpbin.orgİ\"]\n"), "se.yaml"))
                .hasMessage("se.yaml:5:11: ServiceEntry/ns/r field 'spec.hosts[0]': 'httpbin.orgİ' is not a valid host: "
                        + "a DNS name, optionally starting with '*.'");
        assertThatThrownBy(() -> ManifestReader.parse(service("  ports: [{port: 80}]\n").replace("name: web", "name: \":80İ\""),
                "svc.yaml"))
                .hasMessageStartingWith("svc.yaml:3:12: Service/shop/:80İ field 'metadata.name': ':80İ' is not a valid name");
    }

    @Test
    void anEmptyOrCommentOnlyFileHasNoResources(@TempDir Path folder) throws Exception {
        Path empty = Files.writeString(folder.resolve("empty.yaml"), "");
        Path comments = Files.writeString(folder.resolve("comments.yaml"), "# nothing here\n---\n");

        assertThatThrownBy(() -> ManifestReader.readEach(List.of(empty)))
                .hasMessage(empty + ": no resources in " + empty);
        assertThatThrownBy(() -> ManifestReader.readEach(List.of(comments)))
                .hasMessage(comments + ": no resources in " + comments);
    }
}
