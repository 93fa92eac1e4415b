package io.egressstudio.generate;

import io.egressstudio.model.Workload;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the scenario assumes about an application: its Deployment (with the injection annotation and any sidecar
 * volume annotations a link needs) and Service. These are context, not applied: the user owns their applications.
 */
final class WorkloadFactory {
    private WorkloadFactory() {
    }

    static void create(GenerationContext context, Workload workload, Map<String, String> sidecarAnnotations) {
        context.addContext(deployment(context, workload, sidecarAnnotations), workload.id());
        context.addContext(service(context, workload), workload.id());
    }

    static Deployment deployment(GenerationContext context, Workload workload, Map<String, String> sidecarAnnotations) {
        Map<String, String> podAnnotations = new LinkedHashMap<>();
        podAnnotations.put(ResourceNames.INJECT_ANNOTATION, Boolean.toString(workload.sidecar()));
        podAnnotations.putAll(sidecarAnnotations);
        Map<String, String> labels = ResourceNames.workloadLabels(workload);
        return new DeploymentBuilder()
                .withMetadata(context.meta(workload.name(), workload.namespace(), workload.id()))
                .withNewSpec()
                .withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).withAnnotations(podAnnotations).endMetadata()
                .withNewSpec().withServiceAccountName(workload.serviceAccount())
                .addNewContainer().withName(workload.name()).endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
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
