package io.egressstudio.cluster;

import io.egressstudio.telemetry.EndpointLocator;
import io.egressstudio.telemetry.TelemetryException;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A telemetry source reached through a port-forward that this locator manages, as {@code kubectl port-forward
 * svc/prometheus} would: the Service's port is resolved to a ready pod behind it and its container port, and a
 * forward from 127.0.0.1 is opened. The forward is re-opened (and the pod looked up again, since a restarted
 * Prometheus is a new pod) when it failed or when the endpoint did not answer. Plain {@code http}: the forward ends
 * inside the pod, where Prometheus listens without TLS.
 */
public final class PortForwardLocator implements EndpointLocator, AutoCloseable {
    /** A pod and its container port: where a forward goes. */
    public record Target(String pod, int port) {
    }

    private final ClusterConnection cluster;
    private final String namespace;
    private final String service;
    private final Integer servicePort;
    private final PortForwarder forwarder;
    private PortForwarder.Forward forward;
    private Target target;
    private int opened;

    /**
     * @param servicePort the Service's port to forward, or null for its first port
     */
    public PortForwardLocator(ClusterConnection cluster, String namespace, String service, Integer servicePort,
                              PortForwarder forwarder) {
        this.cluster = cluster;
        this.namespace = namespace;
        this.service = service;
        this.servicePort = servicePort;
        this.forwarder = forwarder;
    }

    @Override
    public synchronized URI locate() throws TelemetryException {
        if (forward != null && !forward.healthy()) {
            drop();
        }
        if (forward == null) {
            try {
                target = target();
                forward = forwarder.open(cluster, namespace, target.pod(), target.port());
                opened++;
            } catch (ClusterException e) {
                throw new TelemetryException(TelemetryException.Kind.UNREACHABLE, "cannot port-forward to Service "
                        + namespace + "/" + service + ": " + e.getMessage(), e);
            }
        }
        return URI.create("http://127.0.0.1:" + forward.localPort());
    }

    /** The endpoint did not answer: the forward is closed, and the next {@link #locate()} opens a new one. */
    @Override
    public synchronized void unreachable(URI endpoint) {
        if (forward != null && endpoint.getPort() == forward.localPort()) {
            drop();
        }
    }

    private void drop() {
        forward.close();
        forward = null;
    }

    /** How many forwards this locator has opened (re-opens included). */
    public synchronized int forwardsOpened() {
        return opened;
    }

    /** The pod and port of the current forward, or null before the first. */
    public synchronized Target currentTarget() {
        return target;
    }

    @Override
    public String describe() {
        Target now;
        synchronized (this) {
            now = target;
        }
        return "port-forward to Service " + namespace + "/" + service + (now == null ? "" : " (pod " + now.pod() + ":"
                + now.port() + ")");
    }

    /** The Service's port, resolved to a ready pod behind it (first by name) and its container port. */
    Target target() throws ClusterException {
        Service svc;
        List<Pod> pods;
        try {
            svc = cluster.api().client().services().inNamespace(namespace).withName(service).get();
            if (svc == null) {
                throw new ClusterException(ClusterException.Reason.SERVER, "no Service " + namespace + "/" + service);
            }
            Map<String, String> selector = svc.getSpec() == null ? null : svc.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                throw new ClusterException(ClusterException.Reason.SERVER, "Service " + namespace + "/" + service
                        + " has no selector: no pod to forward to");
            }
            pods = cluster.api().client().pods().inNamespace(namespace).withLabels(selector).list().getItems();
        } catch (RuntimeException e) {
            throw cluster.api().failure(e, "read Service " + namespace + "/" + service + " and its pods");
        }
        ServicePort port = port(svc);
        Pod pod = pods.stream().filter(PortForwardLocator::ready)
                .min(Comparator.comparing(p -> p.getMetadata().getName()))
                .orElseThrow(() -> new ClusterException(ClusterException.Reason.SERVER, "no running, ready pod behind "
                        + "Service " + namespace + "/" + service + " (" + pods.size() + " pod(s) match its selector)"));
        return new Target(pod.getMetadata().getName(), containerPort(port, pod));
    }

    private ServicePort port(Service svc) throws ClusterException {
        List<ServicePort> ports = svc.getSpec().getPorts() == null ? List.of() : svc.getSpec().getPorts();
        for (ServicePort p : ports) {
            if (servicePort == null || Objects.equals(p.getPort(), servicePort)) {
                return p;
            }
        }
        throw new ClusterException(ClusterException.Reason.SERVER, "Service " + namespace + "/" + service
                + (servicePort == null ? " has no ports" : " has no port " + servicePort));
    }

    /** The targetPort: a number, a container port's name, or (absent) the Service's port itself. */
    private int containerPort(ServicePort port, Pod pod) throws ClusterException {
        IntOrString target = port.getTargetPort();
        if (target == null || target.getIntVal() == null && target.getStrVal() == null) {
            return port.getPort();
        }
        if (target.getIntVal() != null) {
            return target.getIntVal();
        }
        for (Container c : pod.getSpec() == null ? List.<Container>of() : pod.getSpec().getContainers()) {
            for (ContainerPort cp : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
                if (target.getStrVal().equals(cp.getName())) {
                    return cp.getContainerPort();
                }
            }
        }
        throw new ClusterException(ClusterException.Reason.SERVER, "pod " + namespace + "/" + pod.getMetadata().getName()
                + " has no container port named '" + target.getStrVal() + "' (the Service's targetPort)");
    }

    /** Running, and Ready when the pod reports conditions. */
    static boolean ready(Pod pod) {
        if (pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase())) {
            return false;
        }
        List<PodCondition> conditions = pod.getStatus().getConditions();
        if (conditions == null || conditions.isEmpty()) {
            return true;
        }
        return conditions.stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    @Override
    public synchronized void close() {
        if (forward != null) {
            drop();
        }
    }
}
