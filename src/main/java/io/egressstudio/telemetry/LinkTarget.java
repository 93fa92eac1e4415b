package io.egressstudio.telemetry;

import io.egressstudio.model.Outcome;
import java.util.List;
import java.util.Locale;

/**
 * One designed link as telemetry looks for it: who calls ({@code namespace/workload}), which host and port, through
 * which egress gateway (if any), and what the predictor says the request will do.
 *
 * @param linkId              the link's id in the scenario
 * @param fromNamespace       the calling workload's namespace ({@code source_workload_namespace})
 * @param fromWorkload        the calling workload ({@code source_workload})
 * @param host                the host the application calls
 * @param port                the port the application calls
 * @param gatewayNamespace    the egress gateway's namespace, or null for a direct call
 * @param gatewayWorkload     the egress gateway's workload, or null for a direct call
 * @param predicted           the predicted outcome
 * @param predictedExplanation the predictor's explanation
 */
public record LinkTarget(String linkId, String fromNamespace, String fromWorkload, String host, int port,
                         String gatewayNamespace, String gatewayWorkload, Outcome predicted,
                         List<String> predictedExplanation) {
    public LinkTarget {
        host = host.toLowerCase(Locale.ROOT);
        predictedExplanation = predictedExplanation == null ? List.of() : List.copyOf(predictedExplanation);
    }

    /** A direct link, for tests and callers without a scenario. */
    public static LinkTarget direct(String linkId, String from, String hostPort, Outcome predicted) {
        String[] source = from.split("/", 2);
        int colon = hostPort.lastIndexOf(':');
        return new LinkTarget(linkId, source[0], source[1], hostPort.substring(0, colon),
                Integer.parseInt(hostPort.substring(colon + 1)), null, null, predicted, List.of());
    }

    /** {@code namespace/workload}, as the {@code from} of the observe command's output. */
    public String from() {
        return fromNamespace + "/" + fromWorkload;
    }

    /** {@code host:port}, as the {@code to} of the observe command's output. */
    public String to() {
        return host + ":" + port;
    }

    public boolean viaGateway() {
        return gatewayWorkload != null;
    }

    /** The egress gateway's service host, as {@code destination_service} names it on the client's hop. */
    public String gatewayHost() {
        return viaGateway() ? gatewayWorkload + "." + gatewayNamespace + ".svc.cluster.local" : null;
    }
}
