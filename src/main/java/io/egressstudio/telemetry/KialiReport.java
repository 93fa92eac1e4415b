package io.egressstudio.telemetry;

import java.util.List;
import java.util.Map;

/**
 * What Kiali, the second source, adds to one poll: the edges the design does not have, and the share of mutual TLS
 * on the edges that report it. {@code problem} is set (and the lists are empty) when Kiali gave nothing usable.
 *
 * @param edgesSeen  how many edges Kiali's graph had
 */
public record KialiReport(String problem, int edgesSeen, List<UnexpectedEdge> unexpected, List<MtlsShare> mtls) {
    public KialiReport {
        unexpected = List.copyOf(unexpected);
        mtls = List.copyOf(mtls);
    }

    public static KialiReport failed(String problem) {
        return new KialiReport(problem, 0, List.of(), List.of());
    }

    public boolean ok() {
        return problem == null;
    }

    /**
     * Traffic Kiali saw from a designed namespace that no designed link explains.
     *
     * @param rate   requests per second (http, grpc) or bytes per second (tcp), see {@code unit}
     * @param hosts  the hosts the responses name
     * @param flags  response flags other than {@code -}, with their share of the edge in percent
     * @param note   what is special about the destination (PassthroughCluster, BlackHoleCluster, a ServiceEntry)
     */
    public record UnexpectedEdge(String from, String to, String protocol, double rate, String unit, List<String> hosts,
                                 Map<String, Double> flags, String note) {
        public UnexpectedEdge {
            hosts = List.copyOf(hosts);
            flags = Map.copyOf(flags);
        }
    }

    /**
     * The share of an edge's traffic that used mutual TLS (Kiali's {@code isMTLS}, from destination-side telemetry:
     * egress edges to external hosts never have one).
     *
     * @param linkId the designed link the edge belongs to, or null for an unexpected edge
     */
    public record MtlsShare(String from, String to, double percent, String linkId) {
    }
}
