package io.egressstudio.telemetry;

import io.egressstudio.telemetry.TelemetryException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls an {@link ObservationSource} on a {@link ScheduledExecutorService} (its own daemon thread unless one is
 * given; never the caller's, never the FX thread): every {@code interval} while the source answers, with exponential
 * backoff while it does not. Each poll becomes a {@link Snapshot} handed to the listeners (on the poller's thread: a
 * GUI moves it to its own thread). Polls never overlap, whatever the executor: each request of a poll has a deadline
 * ({@link HttpSettings#requestTimeout()}), and a resume while a poll is still running waits for it. Pause and resume
 * at any time; a poll running when paused still completes, and no new one starts until resumed. Nothing a source or
 * a listener throws stops the polling.
 */
public final class TelemetryPoller implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TelemetryPoller.class.getName());

    /**
     * @param interval    time between polls while the source answers
     * @param staleAfter  after how many intervals without a fresh sample a link is STALE
     * @param maxBackoff  the longest wait between polls while the source fails
     */
    public record Settings(Duration interval, int staleAfter, Duration maxBackoff) {
        public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
        public static final int DEFAULT_STALE_AFTER = 3;

        public Settings {
            interval = Objects.requireNonNullElse(interval, DEFAULT_INTERVAL);
            if (interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("the interval must be positive");
            }
            staleAfter = staleAfter < 1 ? DEFAULT_STALE_AFTER : staleAfter;
            maxBackoff = maxBackoff == null ? interval.multipliedBy(8) : maxBackoff;
        }

        public static Settings every(Duration interval) {
            return new Settings(interval, DEFAULT_STALE_AFTER, null);
        }
    }

    private final ObservationSource source;
    private final SessionState state;
    private final Backoff backoff;
    private final SessionRecorder recorder;
    private final ScheduledExecutorService executor;
    private final boolean ownsExecutor;
    private final Clock clock;
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> endListeners = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    private ScheduledFuture<?> next;
    private long generation;
    private boolean started;
    private boolean paused;
    private boolean closed;
    private boolean ended;
    /** A poll is running: a resume waits for it rather than start a second one beside it. */
    private boolean running;
    private boolean pollWhenDone;
    private volatile Snapshot latest;

    /**
     * @param recorder  where to record each poll's result, or null
     * @param executor  the scheduler to use, or null for a daemon thread of the poller's own
     */
    public TelemetryPoller(ObservationSource source, List<LinkTarget> targets, Settings settings, boolean replay,
                           SessionRecorder recorder, ScheduledExecutorService executor, Clock clock) {
        this(source, new SessionState(targets, settings.interval(), settings.staleAfter(), replay), settings,
                recorder, executor, clock);
    }

    private TelemetryPoller(ObservationSource source, SessionState state, Settings settings, SessionRecorder recorder,
                            ScheduledExecutorService executor, Clock clock) {
        this.source = source;
        this.state = state;
        this.backoff = new Backoff(settings.interval(), settings.maxBackoff());
        this.recorder = recorder;
        this.clock = clock == null ? Clock.systemUTC() : clock;
        this.ownsExecutor = executor == null;
        this.executor = executor != null ? executor : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "egress-studio-telemetry");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A replay of a recorded session, one recorded poll every {@code pace} (the recorded interval, or faster to skim
     * it), labelled as a replay. Links go STALE as they did when recorded: staleness uses the recorded interval and
     * times, whatever the pace.
     *
     * @param executor the scheduler to use, or null for a daemon thread of the poller's own
     */
    public static TelemetryPoller replay(SessionFile.Recording recording, Duration pace,
                                         ScheduledExecutorService executor) {
        SessionFile.Header h = recording.header();
        Duration every = pace == null ? h.interval() : pace;
        return new TelemetryPoller(new ReplaySource(recording),
                new SessionState(h.links(), h.interval(), h.staleAfter(), true),
                new Settings(every, h.staleAfter(), every), null, executor, null);
    }

    public TelemetryPoller(ObservationSource source, List<LinkTarget> targets, Settings settings) {
        this(source, targets, settings, false, null, null, null);
    }

    /** Called with each snapshot, on the poller's thread. */
    public void addListener(Consumer<Snapshot> listener) {
        listeners.add(listener);
    }

    /** Called once when a finite source (a replay) has nothing more. */
    public void addEndListener(Runnable listener) {
        endListeners.add(listener);
    }

    /** Starts polling now. Returns at once. */
    public void start() {
        synchronized (lock) {
            if (started || closed) {
                return;
            }
            started = true;
            if (!paused) {
                schedule(Duration.ZERO);
            }
        }
    }

    /** Stops polling until {@link #resume()}; the snapshots stay as they are. Returns at once. */
    public void pause() {
        synchronized (lock) {
            paused = true;
            pollWhenDone = false;
            generation++;
            if (next != null) {
                next.cancel(false);
                next = null;
            }
        }
    }

    /** Polls again now, then every interval. Returns at once. */
    public void resume() {
        synchronized (lock) {
            if (!paused) {
                return;
            }
            paused = false;
            if (started && !closed && !ended) {
                if (running) {
                    pollWhenDone = true;
                } else {
                    schedule(Duration.ZERO);
                }
            }
        }
    }

    public boolean isPaused() {
        synchronized (lock) {
            return paused;
        }
    }

    /** The newest snapshot, or null before the first poll has completed. */
    public Snapshot latest() {
        return latest;
    }

    /** The wait before the next poll as it stands: the interval, or longer while backing off. */
    public Duration currentDelay() {
        return backoff.current();
    }

    /** How many polls in a row have failed. */
    public int failuresInARow() {
        return backoff.failures();
    }

    private void schedule(Duration delay) {
        long gen = ++generation;
        next = executor.schedule(() -> run(gen), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void run(long gen) {
        synchronized (lock) {
            if (gen != generation || paused || closed) {
                return;
            }
            if (running) {
                // the poll before has rescheduled but not yet finished: this one follows it instead of beside it
                pollWhenDone = true;
                return;
            }
            running = true;
        }
        try {
            poll(gen);
        } finally {
            synchronized (lock) {
                running = false;
                if (pollWhenDone && !paused && !closed && !ended) {
                    pollWhenDone = false;
                    schedule(Duration.ZERO);
                }
            }
        }
    }

    private void poll(long gen) {
        PollResult result;
        try {
            result = source.poll();
            if (result == null) {
                end();
                return;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "telemetry poll failed", e);
            result = PollResult.failed(clock.instant(), Kind.BAD_ANSWER,
                    "internal error while polling: " + JsonHttp.rootMessage(e), null);
        }
        Duration delay = result.isFresh() ? backoff.succeeded() : backoff.failed();
        if (recorder != null) {
            try {
                recorder.write(result);
            } catch (IOException | UncheckedIOException e) {
                LOG.log(Level.WARNING, "cannot record the telemetry session", e);
            }
        }
        Snapshot snapshot;
        try {
            snapshot = state.apply(result);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot apply a telemetry poll", e);
            reschedule(gen, delay);
            return;
        }
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        latest = snapshot;
        for (Consumer<Snapshot> listener : listeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a telemetry listener failed", e);
            }
        }
        reschedule(gen, delay);
    }

    private void reschedule(long gen, Duration delay) {
        synchronized (lock) {
            if (gen == generation && !paused && !closed) {
                schedule(delay);
            }
        }
    }

    private void end() {
        synchronized (lock) {
            if (ended) {
                return;
            }
            ended = true;
        }
        for (Runnable listener : endListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a telemetry end listener failed", e);
            }
        }
    }

    /** Stops polling for good; the poller's own thread ends. Does not close the recorder. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            generation++;
            if (next != null) {
                next.cancel(false);
            }
        }
        if (ownsExecutor) {
            executor.shutdownNow();
        }
    }
}
