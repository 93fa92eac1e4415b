package io.egressstudio.cli;

import io.egressstudio.cli.ClusterAccess.BadInput;
import io.egressstudio.model.Scenario;
import io.egressstudio.telemetry.KialiClient;
import io.egressstudio.telemetry.LinkTarget;
import io.egressstudio.telemetry.LiveSource;
import io.egressstudio.telemetry.PollResult;
import io.egressstudio.telemetry.PrometheusClient;
import io.egressstudio.telemetry.ReplaySource;
import io.egressstudio.telemetry.SessionFile;
import io.egressstudio.telemetry.SessionRecorder;
import io.egressstudio.telemetry.SessionState;
import io.egressstudio.telemetry.Snapshot;
import io.egressstudio.telemetry.TelemetryPoller;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One {@code observe} run once its inputs are checked: live polls (one, or one every interval until interrupted or
 * {@code --count}), recorded when asked, or a recorded session replayed. Each poll goes to {@link ObserveOutput}.
 */
final class ObserveSession {
    /**
     * @param count  with --watch or --replay: stop after this many polls (null: no limit)
     * @param record the file to record every poll to, or null
     */
    record Settings(boolean once, boolean watch, Integer count, Duration every, int staleAfter, Path record) {
    }

    private final Settings settings;
    private final ObserveOutput output;
    private final PrintWriter out;
    private final PrintWriter err;

    ObserveSession(Settings settings, ObserveOutput output, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.output = output;
        this.out = out;
        this.err = err;
    }

    /** Polls Prometheus (and Kiali); exit code 0, or {@link ObserveCommand#NO_TELEMETRY} when one poll got nothing. */
    int live(Scenario scenario, List<LinkTarget> targets, PrometheusClient prometheus, KialiClient kiali,
             Duration range, String sourceName) throws BadInput {
        LiveSource source = new LiveSource(prometheus, kiali, targets, range, Clock.systemUTC());
        SessionRecorder recorder = recorder(scenario, targets);
        try {
            if (!settings.watch()) {
                SessionState state = new SessionState(targets, settings.every(), settings.staleAfter(), false);
                PollResult result = source.poll();
                if (recorder != null) {
                    recorder.write(result);
                }
                Snapshot snapshot = state.apply(result);
                output.print(snapshot, sourceName, null);
                return snapshot.isFresh() ? 0 : ObserveCommand.NO_TELEMETRY;
            }
            return watch(source, targets, recorder, sourceName);
        } catch (IOException e) {
            err.println("--record " + settings.record() + ": cannot write: " + e.getMessage());
            return ObserveCommand.NO_TELEMETRY;
        } finally {
            if (recorder != null) {
                try {
                    recorder.close();
                } catch (IOException e) {
                    err.println("--record " + settings.record() + ": cannot close: " + e.getMessage());
                }
            }
            out.flush();
            err.flush();
        }
    }

    private SessionRecorder recorder(Scenario scenario, List<LinkTarget> targets) throws BadInput {
        if (settings.record() == null) {
            return null;
        }
        try {
            return SessionRecorder.create(settings.record(), new SessionFile.Header(scenario.name(),
                    Clock.systemUTC().instant(), settings.every(), settings.staleAfter(), targets));
        } catch (IOException e) {
            throw new BadInput("--record " + settings.record() + ": cannot write: " + e.getMessage());
        }
    }

    private int watch(LiveSource source, List<LinkTarget> targets, SessionRecorder recorder, String sourceName) {
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong printed = new AtomicLong();
        TelemetryPoller.Settings polling = new TelemetryPoller.Settings(settings.every(), settings.staleAfter(), null);
        try (TelemetryPoller poller = new TelemetryPoller(source, targets, polling, false, recorder, null, null)) {
            poller.addListener(snapshot -> {
                if (done.getCount() == 0) {
                    return;
                }
                output.print(snapshot, sourceName, null);
                if (settings.count() != null && printed.incrementAndGet() >= settings.count()) {
                    done.countDown();
                }
            });
            poller.start();
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Prints a recording as it was, labelled as a replay; notes when its links differ from the scenario's. */
    int replay(Scenario scenario, Path file) throws BadInput {
        SessionFile.Recording recording;
        try {
            recording = SessionFile.read(file);
        } catch (IOException e) {
            throw new BadInput("--replay " + e.getMessage());
        }
        List<String> recorded = recording.header().links().stream().map(LinkTarget::linkId).toList();
        List<String> designed = scenario.links().stream().map(l -> l.id()).toList();
        if (!recorded.equals(designed)) {
            err.println("note: the recording's links " + recorded + " differ from the scenario's " + designed
                    + "; showing the recording as it was");
        }
        String label = "REPLAY of " + file + " (scenario " + recording.header().scenario() + ", recorded "
                + recording.header().started() + ")";
        if (output.isJson()) {
            err.println(label);
        }
        int n = 0;
        for (Snapshot snapshot : ReplaySource.snapshots(recording)) {
            if (settings.count() != null && n >= settings.count() || settings.once() && n >= 1) {
                break;
            }
            output.print(snapshot, "recorded source", label);
            n++;
        }
        out.flush();
        err.flush();
        return 0;
    }
}
