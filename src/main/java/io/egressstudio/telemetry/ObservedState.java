package io.egressstudio.telemetry;

import io.egressstudio.model.Outcome;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a link's traffic really does, as telemetry shows it. The states that metrics can show reuse the names of the
 * predicted {@link Outcome}s; {@link #FAILURE} is a failure whose response flags do not say which kind;
 * {@link #NO_TRAFFIC}, {@link #STALE} and {@link #UNREACHABLE} say that there is nothing to compare.
 */
public enum ObservedState {
    /** Requests or connections reach the registered host (a ServiceEntry or a service) and are answered. */
    OK(Outcome.OK),
    /** Traffic leaves through PassthroughCluster: the host is unknown to the mesh and the policy is ALLOW_ANY. */
    PASSTHROUGH(Outcome.PASSTHROUGH),
    /** Traffic goes to BlackHoleCluster: HTTP 502, or TCP connections closed with flag UH. */
    BLACKHOLE(Outcome.BLACKHOLE),
    /** 503 with flag UC: the upstream closed the connection, as a STRICT sidecar does with plaintext. */
    MTLS_FAILURE(Outcome.MTLS_FAILURE),
    /**
     * 503 with flags UF (and URX): the proxy could not set up the upstream connection. In an egress design this is a
     * failed TLS handshake: a server certificate not trusted or not matching, a client certificate refused,
     * ISTIO_MUTUAL to a peer without a proxy, or TLS over the application's own TLS. The metrics cannot tell these
     * apart, so this state agrees with a predicted {@code MTLS_FAILURE} or {@code DOUBLE_TLS} as well.
     */
    TLS_FAILURE(Outcome.TLS_FAILURE),
    /** 400 with flag DPE: the bytes did not fit the declared protocol. */
    PROTOCOL_MISMATCH(Outcome.PROTOCOL_MISMATCH),
    /** 404 with flag NR: a proxy had no route for the request. */
    NO_ROUTE(Outcome.NO_ROUTE),
    /**
     * 403 without a proxy flag: Envoy's RBAC filter refused the request ({@code RBAC: access denied}; the access log's
     * response code details say {@code rbac_access_denied_matched_policy[...]}, which the metrics do not carry).
     */
    DENIED(Outcome.DENIED),
    /** Requests fail (5xx, no response, or a closed connection with a flag) and the flags do not say why. */
    FAILURE(null),
    /** Telemetry was read and shows no requests or connections for this link in the query window. */
    NO_TRAFFIC(null),
    /** No fresh sample within the allowed number of intervals: the telemetry source answered nothing usable. */
    STALE(null),
    /** The telemetry source cannot be reached (connection refused, no answer in time, TLS failure). */
    UNREACHABLE(null);

    private final Outcome outcome;

    ObservedState(Outcome outcome) {
        this.outcome = outcome;
    }

    /** The predicted outcome of the same name, for the states that metrics show. */
    public Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /** Whether this state says something about the traffic (as opposed to NO_TRAFFIC, STALE, UNREACHABLE). */
    public boolean isTraffic() {
        return this != NO_TRAFFIC && this != STALE && this != UNREACHABLE;
    }

    /** Whether telemetry was read at all (STALE and UNREACHABLE mean it was not). */
    public boolean isFresh() {
        return this != STALE && this != UNREACHABLE;
    }

    /** The predicted outcomes this observation is consistent with. Empty for the states that are not traffic. */
    public Set<Outcome> agreesWith() {
        return switch (this) {
            case TLS_FAILURE -> EnumSet.of(Outcome.TLS_FAILURE, Outcome.MTLS_FAILURE, Outcome.DOUBLE_TLS);
            case FAILURE -> EnumSet.of(Outcome.MTLS_FAILURE, Outcome.TLS_FAILURE, Outcome.DOUBLE_TLS,
                    Outcome.PROTOCOL_MISMATCH, Outcome.NO_ROUTE, Outcome.DENIED);
            case NO_TRAFFIC, STALE, UNREACHABLE -> EnumSet.noneOf(Outcome.class);
            default -> EnumSet.of(outcome);
        };
    }

    /**
     * Whether this observation contradicts a prediction: the traffic shows something the prediction rules out.
     * NO_TRAFFIC, STALE and UNREACHABLE never contradict: they are not evidence either way.
     */
    public boolean contradicts(Outcome predicted) {
        return predicted != null && isTraffic() && !agreesWith().contains(predicted);
    }
}
