package io.egressstudio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressstudio.telemetry.KialiReport;
import io.egressstudio.telemetry.LinkObservation;
import io.egressstudio.telemetry.Snapshot;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code observe} shows each poll: text for a person, or the JSON contract, one object per poll on one line of
 * stdout, with poll failures and Kiali's findings on stderr. Polls may arrive from the poller's thread, so printing
 * is synchronized.
 */
final class ObserveOutput {
    enum Format { text, json }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Format format;
    private final PrintWriter out;
    private final PrintWriter err;

    ObserveOutput(Format format, PrintWriter out, PrintWriter err) {
        this.format = format;
        this.out = out;
        this.err = err;
    }

    boolean isJson() {
        return format == Format.json;
    }

    /**
     * @param sourceName  where the poll came from, for the text's head line ("Prometheus http://…")
     * @param replayLabel the recording's label when replaying, else null
     */
    synchronized void print(Snapshot snapshot, String sourceName, String replayLabel) {
        if (isJson()) {
            printJson(snapshot);
        } else {
            printText(snapshot, sourceName, replayLabel);
        }
        out.flush();
        err.flush();
    }

    /** The contract: {"links":[{"from","to","predicted","observed","requestsPerSecond","errorShare"}]}. */
    static Map<String, Object> json(Snapshot snapshot) {
        List<Object> links = new ArrayList<>();
        for (LinkObservation l : snapshot.links()) {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("from", l.from());
            link.put("to", l.to());
            link.put("predicted", l.predicted() == null ? null : l.predicted().name());
            link.put("observed", l.observed().name());
            link.put("requestsPerSecond", l.requestsPerSecond());
            link.put("errorShare", l.errorShare());
            links.add(link);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("links", links);
        return root;
    }

    private void printJson(Snapshot snapshot) {
        try {
            out.println(JSON.writeValueAsString(json(snapshot)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (!snapshot.isFresh()) {
            err.println("poll " + snapshot.sequence() + ": " + snapshot.failure().message());
        }
        if (snapshot.kiali() != null) {
            printKiali(err, snapshot.kiali(), "poll " + snapshot.sequence() + ": ");
        }
    }

    private void printText(Snapshot snapshot, String sourceName, String replayLabel) {
        StringBuilder head = new StringBuilder();
        if (replayLabel != null) {
            head.append(replayLabel).append(": ");
        }
        head.append("poll ").append(snapshot.sequence()).append(" at ").append(snapshot.at()).append(", ")
                .append(sourceName).append(": ")
                .append(snapshot.isFresh() ? "fresh" : snapshot.failure().kind().name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + ": " + snapshot.failure().message());
        out.println(head);
        for (LinkObservation l : snapshot.links()) {
            out.println("  " + l.linkId() + ": " + l.from() + " -> " + l.to());
            out.println(String.format(Locale.ROOT, "    predicted %s, observed %s, %s req/s, errors %.1f%%%s",
                    l.predicted(), l.observed(), number(l.requestsPerSecond()), l.errorShare() * 100,
                    l.contradicts() ? "  ** CONTRADICTS THE PREDICTION **" : ""));
            if (l.contradicts()) {
                out.println("    why predicted:");
                l.predictedExplanation().forEach(line -> out.println("      " + line));
                out.println("    why observed:");
                l.observedExplanation().forEach(line -> out.println("      " + line));
            } else if (!l.observedExplanation().isEmpty()) {
                out.println("    " + l.observedExplanation().get(0));
            }
        }
        if (snapshot.kiali() != null) {
            printKiali(out, snapshot.kiali(), "  ");
        }
        long contradicted = snapshot.contradicted().size();
        out.println("  " + snapshot.links().size() + " links, " + contradicted + " contradicting the prediction"
                + (snapshot.replay() ? " (replay)" : ""));
    }

    private static void printKiali(PrintWriter to, KialiReport kiali, String prefix) {
        if (!kiali.ok()) {
            to.println(prefix + "Kiali: " + kiali.problem());
            return;
        }
        to.println(prefix + "Kiali: " + kiali.edgesSeen() + " edges, " + kiali.unexpected().size()
                + " not in the design");
        for (KialiReport.UnexpectedEdge e : kiali.unexpected()) {
            to.println(prefix + "  unexpected: " + e.from() + " -> " + e.to() + " " + e.protocol() + " "
                    + number(e.rate()) + " " + e.unit()
                    + (e.hosts().isEmpty() ? "" : " hosts " + String.join(",", e.hosts()))
                    + (e.flags().isEmpty() ? "" : " flags " + e.flags().keySet())
                    + (e.note() == null || e.note().isEmpty() ? "" : " (" + e.note() + ")"));
        }
        for (KialiReport.MtlsShare m : kiali.mtls()) {
            to.println(prefix + "  mTLS " + number(m.percent()) + "%: " + m.from() + " -> " + m.to()
                    + (m.linkId() == null ? " (not in the design)" : " (link " + m.linkId() + ")"));
        }
    }

    /** Up to three decimals, without trailing zeros: 1.5, 0.333, 2. */
    private static String number(double value) {
        String s = String.format(Locale.ROOT, "%.3f", value);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
