package io.egressstudio.predict;

import io.egressstudio.model.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The hops, explanation lines and deciding resources of one prediction as it is built. Every stage writes here, in
 * the order Istio decides, so the explanation reads as the request travels.
 */
final class Trace {
    final List<Hop> hops = new ArrayList<>();
    final List<String> lines = new ArrayList<>();
    // Insertion order is the order resources decided the request; duplicates are noise.
    final Set<String> resources = new LinkedHashSet<>();

    /**
     * Thrown when an outcome is reached deep in the hop chain: the first failing hop decides, so the stages stop
     * there instead of passing a result back through every caller. No stack trace: it is control flow, not an error.
     */
    static final class Done extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Outcome outcome;

        Done(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    /**
     * The workload whose proxy sent the hop being followed (a client's sidecar or a gateway): the identity a receiving
     * proxy sees when that hop is Istio mTLS. Null before any proxy has sent.
     */
    io.egressstudio.mesh.WorkloadInfo sender;

    void sentBy(io.egressstudio.mesh.WorkloadInfo proxy) {
        sender = proxy;
    }

    void say(String line) {
        lines.add(line);
    }

    void use(String key) {
        if (key != null) {
            resources.add(key);
        }
    }

    void hop(String from, String to, Encryption encryption) {
        hops.add(new Hop(from, to, encryption));
    }

    /** Ends the prediction: {@code throw t.end(...)} so the compiler sees the branch stop. */
    Done end(Outcome outcome, String line) {
        if (line != null) {
            lines.add(line);
        }
        return new Done(outcome);
    }

    /** The request reaches its server and is answered. */
    Outcome ok(String where) {
        say("The request reaches " + where + " and gets its answer (2xx).");
        return Outcome.OK;
    }
}
