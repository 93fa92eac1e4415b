package io.egressstudio.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a session's poll results, one after another, into snapshots: predicted beside observed for each link. A
 * deterministic function of the results and their times, so a replay of recorded results gives the same snapshots.
 * <ul>
 *   <li>A fresh result gives each link its sample (a link without one has NO_TRAFFIC).</li>
 *   <li>A result that could not reach the source makes every link UNREACHABLE.</li>
 *   <li>A result that reached the source but got nothing usable (401/403, an error, malformed JSON) keeps each
 *       link's last state while its newest fresh sample is at most {@code staleAfter} intervals old, and then makes
 *       it STALE (at once when there never was a fresh sample).</li>
 * </ul>
 */
public final class SessionState {
    private record Fresh(LinkSample sample, Instant at) {
    }

    private final List<LinkTarget> targets;
    private final Duration staleAge;
    private final boolean replay;
    private final Map<String, Fresh> last = new HashMap<>();
    private long sequence;

    /**
     * @param interval   the polling interval
     * @param staleAfter after how many intervals without a fresh sample a link is STALE (at least 1)
     * @param replay     whether the results come from a recording
     */
    public SessionState(List<LinkTarget> targets, Duration interval, int staleAfter, boolean replay) {
        this.targets = List.copyOf(targets);
        this.staleAge = interval.multipliedBy(Math.max(1, staleAfter));
        this.replay = replay;
    }

    public List<LinkTarget> targets() {
        return targets;
    }

    public synchronized Snapshot apply(PollResult result) {
        sequence++;
        List<LinkObservation> links = new ArrayList<>();
        for (LinkTarget t : targets) {
            links.add(result.isFresh() ? fresh(t, result) : failed(t, result));
        }
        return new Snapshot(sequence, result.at(), replay, result.failure(), links, result.kiali());
    }

    private LinkObservation fresh(LinkTarget t, PollResult result) {
        LinkSample sample = result.samples().get(t.linkId());
        if (sample == null) {
            sample = LinkSample.noTraffic(t.linkId(), "no series for this link");
        }
        last.put(t.linkId(), new Fresh(sample, result.at()));
        return observation(t, sample.state(), sample, sample.explanation(), result.at());
    }

    private LinkObservation failed(LinkTarget t, PollResult result) {
        Fresh before = last.get(t.linkId());
        LinkSample sample = before == null ? null : before.sample();
        String lastSeen = before == null ? "no fresh sample yet in this session"
                : "last fresh sample " + before.sample().state() + " at " + before.at();
        List<String> lines = new ArrayList<>();
        if (result.failure().kind() == TelemetryException.Kind.UNREACHABLE) {
            lines.add(result.failure().message());
            lines.add(lastSeen);
            return observation(t, ObservedState.UNREACHABLE, sample, lines, before == null ? null : before.at());
        }
        if (before != null && Duration.between(before.at(), result.at()).compareTo(staleAge) <= 0) {
            lines.addAll(sample.explanation());
            lines.add("not refreshed at " + result.at() + ": " + result.failure().message());
            return observation(t, sample.state(), sample, lines, before.at());
        }
        lines.add(result.failure().message());
        lines.add(lastSeen + (before == null ? "" : " (older than " + staleAge.toMillis() + " ms)"));
        return observation(t, ObservedState.STALE, sample, lines, before == null ? null : before.at());
    }

    private static LinkObservation observation(LinkTarget t, ObservedState state, LinkSample sample, List<String> lines,
                                               Instant sampledAt) {
        return new LinkObservation(t.linkId(), t.from(), t.to(), t.predicted(), t.predictedExplanation(), state,
                sample == null ? 0.0 : sample.requestsPerSecond(), sample == null ? 0.0 : sample.errorShare(), lines,
                state.contradicts(t.predicted()), sampledAt);
    }
}
