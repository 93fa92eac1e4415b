package io.egressstudio.gui.live;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.gui.presenter.ObservedTraffic;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.model.Scenario;
import io.egressstudio.telemetry.LinkObservation;
import io.egressstudio.telemetry.LinkTarget;
import io.egressstudio.telemetry.LinkTargets;
import io.egressstudio.telemetry.ObservationSource;
import io.egressstudio.telemetry.ObservedState;
import io.egressstudio.telemetry.SessionFile;
import io.egressstudio.telemetry.SessionRecorder;
import io.egressstudio.telemetry.Snapshot;
import io.egressstudio.telemetry.TelemetryException;
import io.egressstudio.telemetry.TelemetryPoller;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/**
 * The live overlay's state: one telemetry session at a time (live from Prometheus, or a replay of a recording), its
 * status, and each link's newest observation. The {@link TelemetryPoller} runs on its own thread; predicting the
 * links and opening the source run on the background executor; every property changes on the UI executor only (the
 * FX thread in the app, the caller's thread in tests). Methods are called on the UI thread.
 *
 * <p>A live session follows the design: when the shown scenario changes, the links are predicted again and polling
 * goes on with them (not while recording, whose file names the links it started with).
 */
public final class LiveViewModel implements AutoCloseable {
    private final MainViewModel main;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<LiveStatus> status = new ReadOnlyObjectWrapper<>(this, "status", LiveStatus.OFF);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper replayLabel = new ReadOnlyStringWrapper(this, "replayLabel", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(this, "recording", false);
    private final ReadOnlyObjectWrapper<Map<String, LinkObservation>> observations =
            new ReadOnlyObjectWrapper<>(this, "observations", Map.of());
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");

    /** The running session: what it polls and how; replaced as a whole, so late callbacks of an old one are ignored. */
    private final class Session {
        final TelemetryConnection connection;
        final Duration interval;
        final int staleAfter;
        final boolean replay;
        final String describe;
        TelemetryPoller poller;
        ObservationSource source;
        List<LinkTarget> targets;
        SessionRecorder recorder;
        boolean ended;

        Session(TelemetryConnection connection, Duration interval, int staleAfter, boolean replay, String describe) {
            this.connection = connection;
            this.interval = interval;
            this.staleAfter = staleAfter;
            this.replay = replay;
            this.describe = describe;
        }
    }

    private Session session;
    private boolean retargetPending;
    private boolean recordingRequested;

    public LiveViewModel(MainViewModel main, Executor background, Executor ui) {
        this.main = main;
        this.background = background;
        this.ui = ui;
        // the window's analysis of each edit: its predictions are the live view's (never predicted twice)
        main.analysisProperty().addListener((o, a, b) -> designChanged());
    }

    // ---- properties --------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<LiveStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public LiveStatus status() {
        return status.get();
    }

    /** One line for the status bar: the source, the newest poll, and what it found. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** During a replay, what is replayed ("REPLAY of FILE ..."); empty otherwise. */
    public ReadOnlyStringProperty replayLabelProperty() {
        return replayLabel.getReadOnlyProperty();
    }

    /** Why the last connect, record or replay failed; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** Each link's newest observation, by link id; empty when no session runs. Replaced as a whole per poll. */
    public ReadOnlyObjectProperty<Map<String, LinkObservation>> observationsProperty() {
        return observations.getReadOnlyProperty();
    }

    public LinkObservation observation(String linkId) {
        return observations.get().get(linkId);
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /**
     * This session's observations as presenter mode reads them (the presenter opened from the main window while a
     * session runs). Follows whatever session runs next: a stopped session leaves the presenter's column empty.
     */
    public ObservedTraffic asObservedTraffic() {
        StringBinding label = Bindings.createStringBinding(() -> status.get().label(), status);
        return new ObservedTraffic() {
            @Override
            public ObservableValue<Map<String, LinkObservation>> observationsProperty() {
                return observations.getReadOnlyProperty();
            }

            @Override
            public ObservableStringValue statusProperty() {
                return label;
            }
        };
    }

    public boolean isPaused() {
        return status.get() == LiveStatus.PAUSED;
    }

    // ---- actions -----------------------------------------------------------------------------------------------

    /** Starts a live session on the shown scenario's links, polling every {@code interval}. Returns at once. */
    public void connect(TelemetryConnection connection, Duration interval, int staleAfter) {
        stop();
        Session s = new Session(connection, interval, staleAfter, false, connection.describe());
        session = s;
        status.set(LiveStatus.CONNECTING);
        statusText.set("Connecting to " + s.describe + " …");
        open(s, main.shown(), null);
    }

    /** Predicts the links and opens the source off the UI thread, then starts polling (with a recorder, if given). */
    private void open(Session s, Scenario scenario, Path recordTo) {
        List<LinkTarget> known = s.targets;
        ObservationSource knownSource = s.source;
        DesignAnalysis analysis = main.analysis();
        background.execute(() -> {
            try {
                List<LinkTarget> targets = targets(scenario, analysis);
                // a source is bound to its links: keep it only while they are the same
                ObservationSource source = knownSource != null && targets.equals(known) ? knownSource
                        : s.connection.open(targets);
                SessionRecorder recorder = recordTo == null ? null : SessionRecorder.create(recordTo,
                        new SessionFile.Header(scenario.name(), Clock.systemUTC().instant(), s.interval,
                                s.staleAfter, targets));
                ObservationSource opened = source;
                ui.execute(() -> started(s, targets, opened, recorder));
            } catch (IOException | RuntimeException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                ui.execute(() -> failed(s, why));
            }
        });
    }

    private void started(Session s, List<LinkTarget> targets, ObservationSource source, SessionRecorder recorder) {
        if (session != s) {
            closeQuietly(recorder);
            return;
        }
        boolean wasPaused = status.get() == LiveStatus.PAUSED;
        if (s.poller != null) {
            s.poller.close();
        }
        if (s.recorder != null && s.recorder != recorder) {
            closeQuietly(s.recorder);
        }
        s.targets = targets;
        s.source = source;
        s.recorder = recorder;
        recording.set(recorder != null);
        error.set("");
        s.poller = new TelemetryPoller(source, targets, new TelemetryPoller.Settings(s.interval, s.staleAfter, null),
                false, recorder, null, null);
        listen(s);
        if (wasPaused) {
            s.poller.pause();
        }
        s.poller.start();
    }

    private void failed(Session s, String why) {
        if (session != s) {
            return;
        }
        error.set(why);
        if (s.poller == null) {
            session = null;
            status.set(LiveStatus.OFF);
            statusText.set("Cannot connect to " + s.describe + ": " + why);
        } else {
            // polling goes on as it was (a recording or a re-prediction could not start)
            statusText.set("Cannot " + (recordingRequested ? "record" : "follow the design") + ": " + why);
        }
    }

    private void listen(Session s) {
        TelemetryPoller poller = s.poller;
        poller.addListener(next -> ui.execute(() -> {
            if (session == s && s.poller == poller) {
                show(s, next);
            }
        }));
        poller.addEndListener(() -> ui.execute(() -> {
            if (session == s && s.poller == poller) {
                s.ended = true;
                statusText.set(replayLabel.get() + " · replay ended");
            }
        }));
    }

    private void show(Session s, Snapshot next) {
        Map<String, LinkObservation> byId = new LinkedHashMap<>();
        for (LinkObservation l : next.links()) {
            byId.put(l.linkId(), l);
        }
        snapshot.set(next);
        observations.set(Map.copyOf(byId));
        if (status.get() != LiveStatus.PAUSED) {
            status.set(statusOf(next));
        }
        statusText.set(describe(s, next));
    }

    /** The status a snapshot gives: a replay is always labelled REPLAY; otherwise what the poll found. */
    static LiveStatus statusOf(Snapshot s) {
        if (s.replay()) {
            return LiveStatus.REPLAY;
        }
        if (s.failure() != null && s.failure().kind() == TelemetryException.Kind.UNREACHABLE) {
            return LiveStatus.UNREACHABLE;
        }
        if (s.failure() != null || s.links().stream().anyMatch(l -> l.observed() == ObservedState.STALE)) {
            return LiveStatus.STALE;
        }
        return LiveStatus.LIVE;
    }

    private String describe(Session s, Snapshot next) {
        long contradicted = next.contradicted().size();
        String source = s.replay ? replayLabel.get() : s.connection.describe();
        StringBuilder b = new StringBuilder(source).append(" · poll ").append(next.sequence()).append(" at ")
                .append(ObservationText.time(next.at()));
        if (next.failure() != null) {
            b.append(" · ").append(next.failure().message());
            if (!s.replay && s.poller != null) {
                b.append(" · next try in ").append(s.poller.currentDelay().toMillis() / 1000.0).append(" s");
            }
        }
        b.append(" · ").append(contradicted).append(contradicted == 1 ? " link contradicts" : " links contradict")
                .append(" its prediction");
        if (next.kiali() != null) {
            b.append(" · Kiali: ").append(next.kiali().ok() ? next.kiali().unexpected().size()
                    + " edge(s) not in the design" : next.kiali().problem());
        }
        if (recording.get() && s.recorder != null) {
            b.append(" · recording to ").append(s.recorder.file().getFileName());
        }
        return b.toString();
    }

    /** Stops polling until {@link #resume()}; the badges keep their last state. */
    public void pause() {
        if (session == null || session.poller == null || status.get() == LiveStatus.PAUSED) {
            return;
        }
        session.poller.pause();
        status.set(LiveStatus.PAUSED);
    }

    public void resume() {
        if (session == null || session.poller == null || status.get() != LiveStatus.PAUSED) {
            return;
        }
        Snapshot last = snapshot.get();
        status.set(session.replay ? LiveStatus.REPLAY : last == null ? LiveStatus.CONNECTING : statusOf(last));
        session.poller.resume();
    }

    /** Records the running live session to {@code file} (JSON lines, replaced): polling restarts with a recorder. */
    public void record(Path file) {
        Session s = session;
        if (s == null || s.replay) {
            error.set("Nothing to record: connect to Prometheus first.");
            return;
        }
        recordingRequested = true;
        open(s, main.shown(), file);
    }

    /** Goes on polling without recording; the file keeps what was recorded. */
    public void stopRecording() {
        Session s = session;
        if (s == null || s.recorder == null) {
            return;
        }
        if (s.poller != null) {
            s.poller.close();
            s.poller = null;
        }
        closeQuietly(s.recorder);
        s.recorder = null;
        started(s, s.targets, s.source, null);
    }

    /**
     * Shows a recorded session instead of live traffic, one recorded poll every {@code pace} (null: the recorded
     * interval), labelled as a replay. Reads the file off the UI thread.
     */
    public void replay(Path file, Duration pace) {
        stop();
        status.set(LiveStatus.CONNECTING);
        statusText.set("Reading " + file.getFileName() + " …");
        Session s = new Session(null, null, 0, true, "REPLAY of " + file.getFileName());
        session = s;
        background.execute(() -> {
            try {
                SessionFile.Recording recording = SessionFile.read(file);
                ui.execute(() -> replayStarted(s, recording, pace));
            } catch (IOException | RuntimeException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                ui.execute(() -> failed(s, why));
            }
        });
    }

    private void replayStarted(Session s, SessionFile.Recording recording, Duration pace) {
        if (session != s) {
            return;
        }
        SessionFile.Header h = recording.header();
        replayLabel.set("REPLAY of " + recording.file().getFileName() + " (scenario " + h.scenario() + ", recorded "
                + h.started() + ")");
        s.targets = h.links();
        s.poller = TelemetryPoller.replay(recording, pace, null);
        status.set(LiveStatus.REPLAY);
        statusText.set(replayLabel.get());
        error.set("");
        listen(s);
        s.poller.start();
    }

    /** Ends the session (live or replay): the canvas shows predictions only again. */
    public void stop() {
        Session s = session;
        session = null;
        if (s != null) {
            if (s.poller != null) {
                s.poller.close();
            }
            closeQuietly(s.recorder);
            if (s.connection != null) {
                // may end a port-forward and a cluster connection: not on the UI thread
                background.execute(s.connection::close);
            }
        }
        recording.set(false);
        replayLabel.set("");
        observations.set(Map.of());
        snapshot.set(null);
        status.set(LiveStatus.OFF);
        statusText.set("");
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The shown scenario changed: predict the links again and go on polling them (a live session only). One
     * prediction at a time; an edit made meanwhile is caught up when it ends.
     */
    private void designChanged() {
        Session s = session;
        if (s == null || s.replay || s.poller == null || s.recorder != null || retargetPending) {
            return;
        }
        retargetPending = true;
        Scenario scenario = main.shown();
        DesignAnalysis analysis = main.analysis();
        background.execute(() -> {
            List<LinkTarget> targets;
            try {
                targets = targets(scenario, analysis);
            } catch (RuntimeException e) {
                targets = null;
            }
            List<LinkTarget> predicted = targets;
            ui.execute(() -> {
                retargetPending = false;
                if (session != s || s.recorder != null) {
                    return;
                }
                if (predicted != null && !predicted.equals(s.targets)) {
                    reopen(s, predicted);
                }
                if (main.analysis() != analysis) {
                    designChanged();
                }
            });
        });
    }

    /** The links of a scenario, predicted: by the window's analysis when it is this scenario's, else anew. */
    private static List<LinkTarget> targets(Scenario scenario, DesignAnalysis shown) {
        return shown != null && shown.scenario() == scenario && shown.predictionsReady() ? LinkTargets.of(shown)
                : LinkTargets.of(scenario);
    }

    private void reopen(Session s, List<LinkTarget> targets) {
        recordingRequested = false;
        background.execute(() -> {
            try {
                ObservationSource source = s.connection.open(targets);
                ui.execute(() -> started(s, targets, source, null));
            } catch (IOException | RuntimeException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                ui.execute(() -> failed(s, why));
            }
        });
    }

    private static void closeQuietly(SessionRecorder recorder) {
        if (recorder != null) {
            try {
                recorder.close();
            } catch (IOException ignored) {
                // the file keeps every line flushed so far
            }
        }
    }

    // ---- explanations (ObservationText) -----------------------------------------------------------------------

    /** The badge's text: the observed state and the rate, e.g. {@code PASSTHROUGH 1.5/s}. */
    public static String badgeText(LinkObservation o) {
        return ObservationText.badge(o);
    }

    /** Both explanations, observed then predicted, and whether they contradict (see {@link ObservationText}). */
    public static String explain(LinkObservation o) {
        return ObservationText.explain(o);
    }
}
