package io.egressstudio.generate;

import io.egressstudio.mesh.Ambient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.egressstudio.mesh.ExperimentalGatewayApi;
import io.egressstudio.mesh.FieldSources;
import io.egressstudio.mesh.FlavourRules;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.MeshFlavour;
import io.egressstudio.model.Scenario;
import io.fabric8.istio.api.security.v1beta1.PeerAuthenticationBuilder;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSMode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OpenShift Service Mesh 3 or upstream Istio mesh: what Maistra's control plane created by itself is here each a
 * resource of its own (decision 0025). OSSM 3: the Sail operator's {@code Istio} (version, namespace, mesh config)
 * and {@code IstioCNI}. Upstream Istio: the {@code istio} (or {@code istio-REV}) ConfigMap of the root namespace,
 * the mesh config istiod reads however it was installed. Both: a STRICT PeerAuthentication {@code default} in the root namespace when the
 * mesh is STRICT, each gateway as a Deployment and Service by gateway injection, and discovery selectors that read
 * the mesh's own namespaces only.
 */
final class IstioControlPlaneFactory {
    static final String CNI_NAMESPACE = "istio-cni";
    /** Where OpenShift Service Mesh 3's ZTunnel resource installs ztunnel (its default). */
    static final String ZTUNNEL_NAMESPACE = "ztunnel";
    private static final String AMBIENT_PROFILE = "ambient";
    private static final String INJECTION_LABEL = FlavourRules.INJECTION_LABEL;
    private static final String REVISION_LABEL = FlavourRules.REVISION_LABEL;
    private static final String DEFAULT_REVISION = FlavourRules.DEFAULT_REVISION;
    private static final String TEMPLATES_ANNOTATION = FlavourRules.TEMPLATES_ANNOTATION;
    /** The label the mesh's discovery selectors match: its namespaces carry it with the mesh's name as value. */
    static final String DISCOVERY_LABEL = "istio-discovery";

    private static final FieldSources SAIL_SOURCES = FieldSources.of(Map.of(
            "spec.version", "version",
            "spec.values.meshConfig.outboundTrafficPolicy.mode", "outboundPolicy",
            "spec.values.meshConfig.enableAutoMtls", "autoMtls",
            "spec.values.meshConfig.trustDomain", "trustDomain"));
    private static final FieldSources PA_SOURCES = FieldSources.of(Map.of("spec.mtls.mode", "mtls"));
    private static final ObjectWriter MESH_CONFIG_YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build()).writer();

    private IstioControlPlaneFactory() {
    }

    static void create(GenerationContext context, Mesh mesh) {
        if (mesh.flavour() == MeshFlavour.OSSM_3) {
            Map<String, Object> spec = new LinkedHashMap<>(Ordered.map("version", mesh.version(),
                    "namespace", mesh.namespace(), "updateStrategy", Ordered.map("type", "InPlace")));
            Map<String, Object> cni = new LinkedHashMap<>(Ordered.map("version", mesh.version(), "namespace",
                    CNI_NAMESPACE));
            if (mesh.ambient()) {
                // OpenShift Service Mesh 3's ambient install: the ambient profile, and istiod trusting ztunnel's namespace
                spec.put("profile", AMBIENT_PROFILE);
                cni.put("profile", AMBIENT_PROFILE);
            }
            spec.put("values", values(context.scenario(), mesh));
            context.add(new GenericKubernetesResourceBuilder()
                    .withApiVersion("sailoperator.io/v1").withKind("Istio")
                    .withMetadata(context.meta(mesh.name(), null, mesh.id()))
                    .addToAdditionalProperties("spec", spec)
                    .build(), mesh.id(), SAIL_SOURCES);
            context.add(new GenericKubernetesResourceBuilder()
                    .withApiVersion("sailoperator.io/v1").withKind("IstioCNI")
                    .withMetadata(context.meta("default", null, mesh.id()))
                    .addToAdditionalProperties("spec", cni)
                    .build(), mesh.id());
            if (mesh.ambient()) {
                context.add(new GenericKubernetesResourceBuilder()
                        .withApiVersion("sailoperator.io/v1").withKind("ZTunnel")
                        .withMetadata(context.meta("default", null, mesh.id()))
                        .addToAdditionalProperties("spec", Ordered.map("version", mesh.version(),
                                "namespace", ZTUNNEL_NAMESPACE))
                        .build(), mesh.id());
            }
        } else {
            context.add(new ConfigMapBuilder()
                    .withMetadata(context.meta(meshConfigMap(mesh), mesh.namespace(), mesh.id()))
                    .withData(Map.of("mesh", meshConfigText(mesh)))
                    .build(), mesh.id());
        }
        if (mesh.mtls()) {
            context.add(new PeerAuthenticationBuilder()
                    .withMetadata(context.meta("default", mesh.namespace(), mesh.id()))
                    .withNewSpec().withNewMtls().withMode(PeerAuthenticationMutualTLSMode.STRICT).endMtls().endSpec()
                    .build(), mesh.id(), PA_SOURCES);
        }
        for (Gateway gateway : gateways(context, mesh)) {
            context.add(gatewayDeployment(context, mesh, gateway), mesh.id());
            context.add(gatewayService(context, mesh, gateway), mesh.id());
        }
    }

    /**
     * The Sail {@code Istio}'s values: the mesh config; in ambient mode istiod trusting ztunnel's namespace; and
     * istiod's environment where a route of the design is of a kind istiod watches only with
     * {@link ExperimentalGatewayApi#ALPHA_ENV} (TCPRoute; TLSRoute before Istio 1.30). An ambient mesh's waypoint takes
     * no such route.
     */
    private static Map<String, Object> values(Scenario scenario, Mesh mesh) {
        Map<String, Object> values = new LinkedHashMap<>(Ordered.map("meshConfig", meshConfig(mesh)));
        Map<String, Object> pilot = new LinkedHashMap<>();
        if (mesh.ambient()) {
            pilot.put("trustedZtunnelNamespace", ZTUNNEL_NAMESPACE);
        } else if (needsExperimentalRoutes(scenario, mesh)) {
            pilot.put("env", Ordered.map(ExperimentalGatewayApi.ALPHA_ENV, "true"));
        }
        if (!pilot.isEmpty()) {
            values.put("pilot", pilot);
        }
        return values;
    }

    /** Whether a route of a link through a Gateway API egress gateway is read by this mesh and needs the flag. */
    static boolean needsExperimentalRoutes(Scenario scenario, Mesh mesh) {
        Optional<Integer> minor = mesh.flavour().istioMinor(mesh.version());
        for (Link link : scenario.links()) {
            // most links go through no gateway, or through one Istio's API configures: no element lookup for them
            if (link.via() == null || !ExperimentalGatewayApi.needsFlag(GatewayApiEgress.routeKind(link), minor)) {
                continue;
            }
            EgressGateway gateway = scenario.egressGateway(link.via()).orElse(null);
            if (gateway == null || !gateway.usesGatewayApi()) {
                continue;
            }
            Mesh gatewayMesh = scenario.mesh(gateway.mesh()).orElse(null);
            ExternalService service = scenario.externalService(link.to()).orElse(null);
            if (gatewayMesh != null && mesh.owns(ResourceNames.egressGatewayNamespace(gateway, gatewayMesh))
                    || service != null && mesh.owns(service.namespace())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The labels a member namespace carries: selected by the mesh's discovery selectors, and injected by its control
     * plane's revision.
     */
    static Map<String, String> memberLabels(Mesh mesh) {
        Map<String, String> labels = new LinkedHashMap<>(discoveryLabels(mesh));
        if (mesh.ambient()) {
            // ztunnel captures the namespace's pods instead of an injected sidecar
            labels.put(Ambient.DATAPLANE_MODE, "ambient");
        } else if (revision(mesh).equals(DEFAULT_REVISION)) {
            labels.put(INJECTION_LABEL, "enabled");
        } else {
            labels.put(REVISION_LABEL, revision(mesh));
        }
        return labels;
    }

    /**
     * The label every namespace of the mesh carries (the control plane's, the members', its gateways'), so that its
     * discovery selectors read exactly the namespaces drawn in it, as Maistra's member roll did (decision 0025).
     */
    static Map<String, String> discoveryLabels(Mesh mesh) {
        return Map.of(DISCOVERY_LABEL, mesh.name());
    }

    /**
     * The revision the control plane runs: its name (the Sail {@code Istio}'s name with the InPlace strategy; Helm's
     * {@code revision} value), so that several meshes of one cluster each inject and configure their own namespaces.
     * A mesh named {@code default} is the default revision, which {@code istio-injection=enabled} selects.
     */
    static String revision(Mesh mesh) {
        return mesh.name();
    }

    /** The mesh config ConfigMap istiod of a revision reads: {@code istio}, or {@code istio-REV}. */
    static String meshConfigMap(Mesh mesh) {
        return revision(mesh).equals(DEFAULT_REVISION) ? "istio" : "istio-" + revision(mesh);
    }

    private static Map<String, Object> meshConfig(Mesh mesh) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("discoverySelectors", List.of(Ordered.map("matchLabels", discoveryLabels(mesh))));
        config.put("outboundTrafficPolicy", Ordered.map("mode", mesh.outboundPolicy().name()));
        config.put("enableAutoMtls", mesh.autoMtls());
        if (!"cluster.local".equals(mesh.trustDomain())) {
            config.put("trustDomain", mesh.trustDomain());
        }
        return config;
    }

    /** The ConfigMap's {@code mesh} key holds the mesh config as YAML text, as istiod reads it. */
    private static String meshConfigText(Mesh mesh) {
        try {
            return MESH_CONFIG_YAML.writeValueAsString(meshConfig(mesh));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the mesh config of " + mesh.id() + " cannot be written as YAML", e);
        }
    }

    /** A gateway Deployment by injection: its name, namespace and the labels its pods carry (what Gateways select). */
    private record Gateway(String name, String namespace, Map<String, String> labels) {
    }

    private static List<Gateway> gateways(GenerationContext context, Mesh mesh) {
        Map<String, Gateway> out = new LinkedHashMap<>();
        if (mesh.ingressGateway()) {
            out.put(mesh.namespace() + "/" + ResourceNames.INGRESS_GATEWAY, new Gateway(ResourceNames.INGRESS_GATEWAY,
                    mesh.namespace(), Ordered.strings("istio", "ingressgateway", "app", ResourceNames.INGRESS_GATEWAY)));
        }
        if (mesh.egressGateway()) {
            out.put(mesh.namespace() + "/" + EgressGateway.DEFAULT_NAME, new Gateway(EgressGateway.DEFAULT_NAME,
                    mesh.namespace(), Ordered.strings("istio", "egressgateway", "app", EgressGateway.DEFAULT_NAME)));
        }
        for (EgressGateway drawn : context.scenario().egressGateways()) {
            // istiod deploys a Gateway API gateway's proxy itself
            if (mesh.id().equals(drawn.mesh()) && !drawn.usesGatewayApi()) {
                String ns = ResourceNames.egressGatewayNamespace(drawn, mesh);
                out.putIfAbsent(ns + "/" + drawn.name(), new Gateway(drawn.name(), ns, drawn.selector()));
            }
        }
        return List.copyOf(out.values());
    }

    private static Deployment gatewayDeployment(GenerationContext context, Mesh mesh, Gateway gateway) {
        Map<String, String> podLabels = new LinkedHashMap<>(gateway.labels());
        // the default revision's injector takes pods labelled inject=true, another revision's those with its label
        if (revision(mesh).equals(DEFAULT_REVISION)) {
            podLabels.put(ResourceNames.INJECT_ANNOTATION, "true");
        } else {
            podLabels.put(REVISION_LABEL, revision(mesh));
        }
        Container proxy = new Container();
        proxy.setName("istio-proxy");
        proxy.setImage("auto");
        PodSpec pod = new PodSpec();
        pod.setContainers(new ArrayList<>(List.of(proxy)));
        ObjectMeta podMeta = new ObjectMeta();
        podMeta.setLabels(podLabels);
        podMeta.setAnnotations(new LinkedHashMap<>(Map.of(TEMPLATES_ANNOTATION, "gateway")));
        DeploymentSpec spec = new DeploymentSpec();
        spec.setSelector(new LabelSelector(new ArrayList<>(), new LinkedHashMap<>(gateway.labels())));
        spec.setTemplate(new PodTemplateSpec(podMeta, pod));
        Deployment deployment = new Deployment();
        deployment.setMetadata(context.meta(gateway.name(), gateway.namespace(), mesh.id()));
        deployment.setSpec(spec);
        return deployment;
    }

    private static io.fabric8.kubernetes.api.model.Service gatewayService(GenerationContext context, Mesh mesh,
                                                                          Gateway gateway) {
        return new ServiceBuilder()
                .withMetadata(context.meta(gateway.name(), gateway.namespace(), mesh.id()))
                .withNewSpec().withSelector(gateway.labels())
                .addToPorts(new ServicePortBuilder().withName("http2").withPort(80).withTargetPort(new IntOrString(8080))
                        .withProtocol("TCP").build())
                .addToPorts(new ServicePortBuilder().withName("https").withPort(443).withTargetPort(new IntOrString(8443))
                        .withProtocol("TCP").build())
                .endSpec().build();
    }
}
