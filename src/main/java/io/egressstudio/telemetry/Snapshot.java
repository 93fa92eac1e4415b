package io.egressstudio.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The state of every link after one poll.
 *
 * @param sequence  the poll's number in its session, from 1
 * @param at        when the poll ran (for a replay: when it ran in the recorded session)
 * @param replay    whether this comes from a recorded session rather than the live sources
 * @param failure   why this poll gave no fresh sample, or null when it did
 * @param kiali     what Kiali added, or null when Kiali is not used
 */
public record Snapshot(long sequence, Instant at, boolean replay, PollResult.Failure failure,
                       List<LinkObservation> links, KialiReport kiali) {
    public Snapshot {
        links = List.copyOf(links);
    }

    public boolean isFresh() {
        return failure == null;
    }

    public Optional<LinkObservation> link(String linkId) {
        return links.stream().filter(l -> l.linkId().equals(linkId)).findFirst();
    }

    public List<LinkObservation> contradicted() {
        return links.stream().filter(LinkObservation::contradicts).toList();
    }
}
