package io.egressstudio.generate;

import io.egressstudio.mesh.Ambient;
import io.egressstudio.model.Mesh;

import io.egressstudio.model.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the scenario assumes about an application: its Deployment (with the injection annotation and any sidecar
 * volume annotations a link needs) and Service. These are context, not applied: the user owns their applications.
 */
final class WorkloadFactory {
    private WorkloadFactory() {
    }

    /** Everything a workload's resources are made from ({@link GenerationMemo}). */
    private record Inputs(Workload workload, Map<String, String> sidecarAnnotations, String scenario,
                          boolean injectedByLabel, boolean ambient) {
    }

    static void create(GenerationContext context, Workload workload, Map<String, String> sidecarAnnotations) {
        boolean injectedByLabel = injectedByLabel(context, workload);
        boolean ambient = context.scenario().meshOf(workload).filter(Mesh::ambient).isPresent();
        context.unit(workload.id(), new Inputs(workload, sidecarAnnotations, context.scenario().name(), injectedByLabel,
                        ambient),
                () -> {
                    Deployment deployment = deployment(context, workload, sidecarAnnotations, injectedByLabel);
                    if (ambient) {
                        inAmbientMode(deployment, workload);
                    }
                    context.addContext(deployment, workload.id());
                    context.addContext(service(context, workload), workload.id());
                });
    }

    /** Istio injects by the namespace's label, and the pod label says yes or opts out; Maistra reads an annotation. */
    private static boolean injectedByLabel(GenerationContext context, Workload workload) {
        return context.scenario().meshOf(workload).filter(m -> !m.flavour().memberRoll()).isPresent();
    }

    /**
     * Assembled part by part: fabric8's nested {@code withNew…()…end…()} copies every level it closes, which cost
     * about 85 KB per Deployment (50 MB per analysis of a 600-workload scenario, decision 0015).
     */
    static Deployment deployment(GenerationContext context, Workload workload, Map<String, String> sidecarAnnotations,
                                 boolean injectedByLabel) {
        Map<String, String> podAnnotations = new LinkedHashMap<>();
        podAnnotations.put(ResourceNames.INJECT_ANNOTATION, Boolean.toString(workload.sidecar()));
        podAnnotations.putAll(sidecarAnnotations);
        Map<String, String> labels = ResourceNames.workloadLabels(workload);
        Map<String, String> podLabels = new LinkedHashMap<>(labels);
        if (injectedByLabel) {
            podLabels.put(ResourceNames.INJECT_ANNOTATION, Boolean.toString(workload.sidecar()));
            podAnnotations.remove(ResourceNames.INJECT_ANNOTATION);
        }
        Container container = new Container();
        container.setName(workload.name());
        PodSpec pod = new PodSpec();
        pod.setServiceAccountName(workload.serviceAccount());
        pod.setContainers(new ArrayList<>(List.of(container)));
        ObjectMeta podMeta = new ObjectMeta();
        podMeta.setLabels(podLabels);
        podMeta.setAnnotations(podAnnotations);
        DeploymentSpec spec = new DeploymentSpec();
        spec.setSelector(new LabelSelector(new ArrayList<>(), new LinkedHashMap<>(labels)));
        spec.setTemplate(new PodTemplateSpec(podMeta, pod));
        Deployment deployment = new Deployment();
        deployment.setMetadata(context.meta(workload.name(), workload.namespace(), workload.id()));
        deployment.setSpec(spec);
        return deployment;
    }

    /**
     * In an ambient mesh ztunnel captures the pods by their namespace's label: no injection is asked for, and a
     * workload drawn without a sidecar (outside the mesh's data plane) opts out with {@code istio.io/dataplane-mode: none}.
     */
    private static void inAmbientMode(Deployment deployment, Workload workload) {
        ObjectMeta pod = deployment.getSpec().getTemplate().getMetadata();
        pod.getLabels().remove(ResourceNames.INJECT_ANNOTATION);
        pod.getAnnotations().remove(ResourceNames.INJECT_ANNOTATION);
        if (!workload.sidecar()) {
            pod.getLabels().put(Ambient.DATAPLANE_MODE, "none");
        }
    }

    static Service service(GenerationContext context, Workload workload) {
        ServiceBuilder service = new ServiceBuilder()
                .withMetadata(context.meta(workload.name(), workload.namespace(), workload.id()))
                .withNewSpec().withSelector(ResourceNames.workloadLabels(workload)).endSpec();
        for (Integer port : workload.ports()) {
            service.editSpec().addToPorts(new ServicePortBuilder().withName("http-" + port).withPort(port)
                    .withTargetPort(new IntOrString(port)).withProtocol("TCP").build()).endSpec();
        }
        return service.build();
    }
}
