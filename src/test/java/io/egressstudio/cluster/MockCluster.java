package io.egressstudio.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressstudio.generate.GeneratorOptions;
import io.egressstudio.generate.PemMaterial;
import io.egressstudio.mesh.ResourceSet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** What the cluster tests share: CRDs in fabric8's mock, the user's applications, and a full dump of the server. */
public final class MockCluster {
    public static final String CONTEXT = "mock";

    /** The mock logs every request at INFO; kept quiet (and referenced, so the setting is not collected). */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private MockCluster() {
    }

    /**
     * A scenario generated and applied to the mock API server (its CRDs and the user's applications installed first),
     * then read back by import from the namespaces it wrote.
     */
    public static Importer.Result appliedAndImported(KubernetesClient client, io.egressstudio.model.Scenario scenario,
                                                     java.nio.file.Path snapshots) throws Exception {
        installCrds(client, EnumSet.allOf(ApiKind.class), scenario.istioApi().name().toLowerCase(java.util.Locale.ROOT));
        ClusterConnection connection = connect(client);
        ResourceSet resources = io.egressstudio.generate.ScenarioGenerator.generate(scenario);
        installApplications(client, resources);
        ApplyReport report = Applier.apply(connection, Planner.plan(connection, scenario), new SnapshotStore(snapshots),
                ApplyListener.NONE, Cancellation.none());
        if (!report.complete()) {
            throw new AssertionError("the scenario " + scenario.name() + " was not applied completely: " + report);
        }
        return Importer.read(connection, List.copyOf(namespaces(resources)));
    }

    /** The namespaces a set of resources lives in (a Namespace object counts as its own). */
    public static Set<String> namespaces(ResourceSet resources) {
        Set<String> namespaces = new java.util.LinkedHashSet<>();
        for (HasMetadata resource : resources.all()) {
            namespaces.add(resource.getKind().equals("Namespace") ? resource.getMetadata().getName()
                    : resource.getMetadata().getNamespace());
        }
        namespaces.remove(null);
        return namespaces;
    }

    /** Every CRD Egress Studio uses (Istio networking in v1beta1, Maistra, federation, Route). */
    public static void installCrds(KubernetesClient client) {
        installCrds(client, EnumSet.allOf(ApiKind.class), "v1beta1");
    }

    /**
     * The mock serves one version per CRD (it keeps one context per CRD, and objects of different versions apart),
     * so Istio networking kinds are registered in the version the scenario uses.
     */
    public static void installCrds(KubernetesClient client, Set<ApiKind> kinds, String istioNetworkingVersion) {
        for (ApiKind kind : kinds) {
            if (kind.builtIn()) {
                continue;
            }
            List<CustomResourceDefinitionVersion> versions = new ArrayList<>();
            List<String> served = kind.group().equals("networking.istio.io") ? List.of(istioNetworkingVersion)
                    : List.of(kind.versions().get(0));
            for (String version : served) {
                versions.add(new CustomResourceDefinitionVersionBuilder().withName(version).withServed(true)
                        .withStorage(true).build());
            }
            CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
                    .withNewMetadata().withName(kind.crdName()).endMetadata()
                    .withNewSpec().withGroup(kind.group()).withScope(kind.namespaced() ? "Namespaced" : "Cluster")
                    .withNewNames().withKind(kind.kind()).withPlural(kind.plural())
                    .withSingular(kind.kind().toLowerCase(java.util.Locale.ROOT)).withListKind(kind.kind() + "List")
                    .endNames()
                    .withVersions(versions)
                    .endSpec().build();
            client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        }
    }

    public static ClusterConnection connect(KubernetesClient client) {
        return ClusterConnection.of(client, CONTEXT, WriteStrategy.CREATE_OR_UPDATE);
    }

    /** The user's applications the scenario assumes (its CONTEXT Deployments and Services), as a user would have them. */
    public static void installApplications(KubernetesClient client, ResourceSet resources) {
        for (ResourceSet.Entry entry : resources.entries()) {
            if (entry.role() == ResourceSet.Role.CONTEXT) {
                HasMetadata resource = entry.resource();
                GenericKubernetesResource generic = Resources.generic(resource);
                ApiKind kind = ApiKind.of(resource.getApiVersion(), resource.getKind()).orElseThrow();
                client.genericKubernetesResources(KubeApi.definition(kind, ApiKind.versionOf(resource.getApiVersion())))
                        .inNamespace(resource.getMetadata().getNamespace()).resource(generic).create();
            }
        }
    }

    /** Generator options with made-up PEM text, so certificate Secrets carry data and are applied. */
    public static GeneratorOptions withCertificates() {
        return new GeneratorOptions(spec -> Optional.of(new PemMaterial(
                "-----BEGIN CERTIFICATE-----\nMIIfake" + spec.id() + "\n-----END CERTIFICATE-----\n",
                "-----BEGIN PRIVATE KEY-----\nMIIfake" + spec.id() + "\n-----END PRIVATE KEY-----\n",
                "-----BEGIN CERTIFICATE-----\nMIIfakeCA\n-----END CERTIFICATE-----\n")));
    }

    /**
     * Every object on the server of every kind Egress Studio knows, in every version, keyed by kind, namespace and
     * name; server-set fields that change on any write (resourceVersion, uid, generation, creationTimestamp,
     * managedFields) are left out, everything else (labels, annotations, spec, data) is compared.
     */
    public static Map<String, ObjectNode> dump(KubernetesClient client) {
        Map<String, ObjectNode> out = new TreeMap<>();
        for (ApiKind kind : ApiKind.values()) {
            for (String version : kind.versions()) {
                var ops = client.genericKubernetesResources(KubeApi.definition(kind, version));
                List<GenericKubernetesResource> items = kind.namespaced() ? ops.inAnyNamespace().list().getItems()
                        : ops.list().getItems();
                for (GenericKubernetesResource item : items) {
                    ObjectNode tree = Resources.tree(item);
                    Resources.stripServerFields(tree);
                    out.put(kind.apiVersion(version) + " " + Resources.key(item), tree);
                }
            }
        }
        return out;
    }
}
