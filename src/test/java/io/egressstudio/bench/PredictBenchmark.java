package io.egressstudio.bench;

import io.egressstudio.analyze.Analyzers;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Outcome;
import io.egressstudio.predict.Prediction;
import io.egressstudio.predict.Request;
import io.egressstudio.predict.TrafficPredictor;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import io.fabric8.istio.api.networking.v1beta1.DestinationRuleBuilder;
import io.fabric8.istio.api.networking.v1beta1.GatewayBuilder;
import io.fabric8.istio.api.networking.v1beta1.ServiceEntryBuilder;
import io.fabric8.istio.api.networking.v1beta1.VirtualServiceBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryLocation;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark harness (not a test): a generated mesh with 2,000 external services (every 20th left unregistered, so
 * BlackHoleCluster) and 50 workloads, and every request of every workload to every external service (100,000
 * requests), predicted with 1x, 10x and 100x unrelated resources beside it (1x = 1,000 objects: ServiceEntries, DestinationRules and VirtualServices for other hosts in a
 * member namespace without workloads, configuration in non-member namespaces, ConfigMaps). Prints requests per second
 * and the growth of the cost per request from 1x to 100x (goal: at most 2x: lookups are by index, not scans).
 *
 * <p>Run: {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt && java -Xmx4g -cp
 * target/test-classes:target/classes:$(cat cp.txt) io.egressstudio.bench.PredictBenchmark}
 */
public final class PredictBenchmark {
    static final int SERVICES = 2_000;
    static final int WORKLOADS = 50;
    static final int MEMBERS = 10;
    static final int UNIT = 1_000;
    private static final int RUNS = 3;

    private PredictBenchmark() {
    }

    public static void main(String[] args) {
        List<Request> requests = new ArrayList<>();
        for (int w = 0; w < WORKLOADS; w++) {
            for (int s = 0; s < SERVICES; s++) {
                requests.add(Request.of("app-" + (w % MEMBERS), "wl-" + w, "http://" + host(s) + "/"));
            }
        }
        System.out.printf("%d external services, %d workloads, %d requests per run%n", SERVICES, WORKLOADS, requests.size());
        double base = 0;
        Map<Outcome, Integer> firstOutcomes = null;
        for (int scale : new int[] {1, 10, 100}) {
            ResourceSet set = build(scale * UNIT);
            long b0 = System.nanoTime();
            MeshView view = MeshView.of(set);
            long built = System.nanoTime() - b0;
            TrafficPredictor predictor = new TrafficPredictor(view);
            long best = Long.MAX_VALUE;
            Map<Outcome, Integer> outcomes = null;
            for (int run = 0; run < RUNS + 1; run++) {
                Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
                long start = System.nanoTime();
                for (Request r : requests) {
                    Prediction p = predictor.predict(r);
                    counts.merge(p.outcome(), 1, Integer::sum);
                }
                long took = System.nanoTime() - start;
                if (run > 0) {
                    best = Math.min(best, took);
                }
                outcomes = counts;
            }
            long a0 = System.nanoTime();
            int findings = Analyzers.analyze(view).size();
            long analyzed = System.nanoTime() - a0;
            double perRequest = (double) best / requests.size();
            if (scale == 1) {
                base = perRequest;
                firstOutcomes = outcomes;
            }
            System.out.printf("%4dx unrelated (%,7d objects in the set): view built in %,6d ms; %,10.0f requests/s "
                            + "(%.1f us/request, %.2fx the 1x cost); analyzers %,d ms, %d findings; outcomes %s%s%n",
                    scale, set.size(), built / 1_000_000, 1e9 / perRequest, perRequest / 1000, perRequest / base,
                    analyzed / 1_000_000, findings, outcomes, outcomes.equals(firstOutcomes) ? "" : " (CHANGED!)");
        }
    }

    static String host(int s) {
        return "svc-" + s + ".example.com";
    }

    /** The mesh, its workloads and services, and {@code unrelated} objects that no request depends on. */
    static ResourceSet build(int unrelated) {
        ResourceSet.Builder b = ResourceSet.builder();
        b.add(new GenericKubernetesResourceBuilder().withApiVersion("maistra.io/v2").withKind("ServiceMeshControlPlane")
                .withNewMetadata().withName("basic").withNamespace("istio-system").endMetadata()
                .addToAdditionalProperties("spec", Map.of("version", "v2.1",
                        "security", Map.of("dataPlane", Map.of("mtls", true, "automtls", false)),
                        "proxy", Map.of("networking", Map.of("trafficControl", Map.of("outbound",
                                Map.of("policy", "REGISTRY_ONLY")))))).build(), "bench");
        List<String> members = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            members.add("app-" + m);
        }
        members.add("unrelated");
        GenericKubernetesResource roll = new GenericKubernetesResourceBuilder().withApiVersion("maistra.io/v1")
                .withKind("ServiceMeshMemberRoll").withNewMetadata().withName("default").withNamespace("istio-system")
                .endMetadata().addToAdditionalProperties("spec", Map.of("members", members)).build();
        b.add(roll, "bench");
        for (int w = 0; w < WORKLOADS; w++) {
            String ns = "app-" + (w % MEMBERS);
            b.addContext(new DeploymentBuilder().withNewMetadata().withName("wl-" + w).withNamespace(ns).endMetadata()
                    .withNewSpec().withNewTemplate().withNewMetadata().addToLabels("app", "wl-" + w)
                    .addToAnnotations("sidecar.istio.io/inject", "true").endMetadata().endTemplate().endSpec().build(), "bench");
            b.addContext(new ServiceBuilder().withNewMetadata().withName("wl-" + w).withNamespace(ns).endMetadata()
                    .withNewSpec().addToSelector("app", "wl-" + w).addNewPort().withName("http").withPort(8080).endPort()
                    .endSpec().build(), "bench");
        }
        b.add(new GatewayBuilder().withNewMetadata().withName("istio-egressgateway").withNamespace("istio-system")
                .endMetadata().withNewSpec().addToSelector("istio", "egressgateway").addNewServer().withNewPort()
                .withNumber(443L).withName("https").withProtocol("HTTPS").endPort().withHosts("*").withNewTls()
                .withMode(io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode.ISTIO_MUTUAL).endTls()
                .endServer().endSpec().build(), "bench");
        for (int s = 0; s < SERVICES; s++) {
            String ns = "app-" + (s % MEMBERS);
            String host = host(s);
            if (s % 20 == 19) {
                continue; // unregistered: BlackHoleCluster under REGISTRY_ONLY
            }
            b.add(new ServiceEntryBuilder().withNewMetadata().withName("se-" + s).withNamespace(ns).endMetadata()
                    .withNewSpec().withHosts(host).addNewPort().withName("http").withNumber(80L).withProtocol("HTTP")
                    .withTargetPort(s % 2 == 0 ? 443L : 80L).endPort().withResolution(ServiceEntryResolution.DNS)
                    .withLocation(ServiceEntryLocation.MESH_EXTERNAL).endSpec().build(), "bench");
            if (s % 2 == 0) {
                b.add(new DestinationRuleBuilder().withNewMetadata().withName("tls-" + s).withNamespace(ns).endMetadata()
                        .withNewSpec().withHost(host).withNewTrafficPolicy().addNewPortLevelSetting().withNewPort()
                        .withNumber(80L).endPort().withNewTls().withMode(ClientTLSSettingsTLSmode.SIMPLE).withSni(host)
                        .withCaCertificates("/etc/ssl/ca.pem").endTls().endPortLevelSetting().endTrafficPolicy().endSpec()
                        .build(), "bench");
            } else {
                b.add(new DestinationRuleBuilder().withNewMetadata().withName("plain-" + s).withNamespace(ns).endMetadata()
                        .withNewSpec().withHost(host).withNewTrafficPolicy().withNewTls()
                        .withMode(ClientTLSSettingsTLSmode.DISABLE).endTls().endTrafficPolicy().endSpec().build(), "bench");
            }
            if (s % 10 == 5) {
                b.add(new VirtualServiceBuilder().withNewMetadata().withName("timeout-" + s).withNamespace(ns).endMetadata()
                        .withNewSpec().withHosts(host).addNewHttp().withTimeout("3s").addNewRoute().withNewDestination()
                        .withHost(host).endDestination().endRoute().endHttp().endSpec().build(), "bench");
            }
        }
        for (int u = 0; u < unrelated; u++) {
            String other = "other-" + u + ".unrelated.example.org";
            switch (u % 5) {
                case 0 -> b.add(new ServiceEntryBuilder().withNewMetadata().withName("u-se-" + u).withNamespace("unrelated")
                        .endMetadata().withNewSpec().withHosts(other).withExportTo(".").addNewPort().withName("http")
                        .withNumber(80L).withProtocol("HTTP").endPort().withResolution(ServiceEntryResolution.DNS).endSpec()
                        .build(), "bench");
                case 1 -> b.add(new DestinationRuleBuilder().withNewMetadata().withName("u-dr-" + u).withNamespace("unrelated")
                        .endMetadata().withNewSpec().withHost(other).withNewTrafficPolicy().withNewTls()
                        .withMode(ClientTLSSettingsTLSmode.DISABLE).endTls().endTrafficPolicy().endSpec().build(), "bench");
                case 2 -> b.add(new VirtualServiceBuilder().withNewMetadata().withName("u-vs-" + u).withNamespace("unrelated")
                        .endMetadata().withNewSpec().withHosts(other).addNewHttp().addNewRoute().withNewDestination()
                        .withHost(other).endDestination().endRoute().endHttp().endSpec().build(), "bench");
                case 3 -> b.add(new ServiceEntryBuilder().withNewMetadata().withName("u-out-" + u)
                        .withNamespace("outside-" + (u % 50)).endMetadata().withNewSpec().withHosts(host(u % SERVICES))
                        .addNewPort().withName("tcp").withNumber(80L).withProtocol("TCP").endPort().endSpec().build(), "bench");
                default -> b.add(new ConfigMapBuilder().withNewMetadata().withName("u-cm-" + u).withNamespace("app-" + (u % MEMBERS))
                        .endMetadata().addToData("k", "v").build(), "bench");
            }
        }
        return b.build();
    }
}
