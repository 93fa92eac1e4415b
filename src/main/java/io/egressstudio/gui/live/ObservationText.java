package io.egressstudio.gui.live;

import io.egressstudio.telemetry.LinkObservation;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the live overlay says about a link's observation: its badge, its explanation, the times it names. */
final class ObservationText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private ObservationText() {
    }

    /** A time of day as the status line and the explanations show it ({@code 14:03:07}, local). */
    static String time(Instant at) {
        return TIME.format(at);
    }


    /** The badge's text: the observed state and the rate, e.g. {@code PASSTHROUGH 1.5/s}. */
    static String badge(LinkObservation o) {
        String state = o.observed().name();
        if (!o.observed().isTraffic()) {
            return state;  // the rate of an older sample would read as current
        }
        return state + " " + rate(o.requestsPerSecond()) + "/s"
                + (o.errorShare() > 0 ? " · " + Math.round(o.errorShare() * 100) + "% err" : "");
    }

    /**
     * Both explanations, observed then predicted, and whether they contradict: the badge's hover and the details
     * card. The observed part comes first: it is what is new beside the canvas's colours and the inspector.
     */
    static String explain(LinkObservation o) {
        StringBuilder b = new StringBuilder();
        if (o.contradicts()) {
            b.append("CONTRADICTED: the traffic shows ").append(o.observed()).append(", the design predicts ")
                    .append(o.predicted()).append(".\n\n");
        }
        b.append("Observed: ").append(o.observed());
        if (o.sampledAt() != null) {
            b.append(o.observed().isFresh() ? " — " : " — last fresh sample: ").append(rate(o.requestsPerSecond()))
                    .append(" req/s, ").append(Math.round(o.errorShare() * 100)).append("% errors, sampled ")
                    .append(time(o.sampledAt()));
        }
        b.append('\n');
        o.observedExplanation().forEach(line -> b.append("  ").append(line).append('\n'));
        b.append("\nPredicted: ").append(o.predicted() == null ? "no prediction" : o.predicted()).append('\n');
        o.predictedExplanation().forEach(line -> b.append("  ").append(line).append('\n'));
        return b.toString().stripTrailing();
    }

    private static String rate(double perSecond) {
        return perSecond >= 10 ? String.format(Locale.ROOT, "%.0f", perSecond)
                : String.format(Locale.ROOT, "%.2f", perSecond).replaceAll("0$", "");
    }
}
