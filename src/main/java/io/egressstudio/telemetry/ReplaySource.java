package io.egressstudio.telemetry;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A recorded session as an {@link ObservationSource}: each poll returns the next recorded result, then null when
 * there are no more. {@link TelemetryPoller#replay} runs it with the recording's links, interval and staleness, so
 * the snapshots are those of the recorded session, labelled as a replay.
 */
public final class ReplaySource implements ObservationSource {
    private final Iterator<PollResult> polls;

    public ReplaySource(SessionFile.Recording recording) {
        this.polls = recording.polls().iterator();
    }

    @Override
    public synchronized PollResult poll() {
        return polls.hasNext() ? polls.next() : null;
    }

    /** Every snapshot of a recording at once, without waiting between them (for the command line and tests). */
    public static List<Snapshot> snapshots(SessionFile.Recording recording) {
        SessionFile.Header h = recording.header();
        SessionState state = new SessionState(h.links(), h.interval(), h.staleAfter(), true);
        List<Snapshot> out = new ArrayList<>();
        for (PollResult r : recording.polls()) {
            out.add(state.apply(r));
        }
        return out;
    }
}
