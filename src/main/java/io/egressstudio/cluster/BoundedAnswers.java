package io.egressstudio.cluster;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A fabric8 interceptor that holds every answer of the API server to {@link ApiLimits}: it counts the body's bytes as
 * they arrive and fails the request when there are too many or when the deadline has passed; a body that stops
 * arriving is cancelled by a timer at the deadline. (fabric8's own request timeout covers a silent server until the
 * headers are in, and an idle body; not one that trickles.)
 */
final class BoundedAnswers implements Interceptor {
    static final String NAME = "egress-studio-bounded-answers";

    /** The body grew beyond the limit. */
    static final class AnswerTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        AnswerTooLarge(long limit) {
            super("more than " + megabytes(limit) + ", the most Egress Studio reads of one answer");
        }
    }

    /** The deadline passed while the body was arriving. */
    static final class DeadlinePassed extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        DeadlinePassed(long deadlineMillis) {
            super("no complete answer within " + seconds(deadlineMillis) + " (connect, headers and body)");
        }
    }

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "egress-studio-api-deadline");
        t.setDaemon(true);
        return t;
    });

    /**
     * fabric8 replaces what a body consumer throws by a bare "Stream reset", so the reason is kept here, by the thread
     * that sent the request (every call Egress Studio makes waits for its answer on that thread), for
     * {@link Failures} to find.
     */
    private static final java.util.Map<Thread, IOException> TRIPPED =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private final ApiLimits limits;

    BoundedAnswers(ApiLimits limits) {
        this.limits = limits;
    }

    @Override
    public AsyncBody.Consumer<List<ByteBuffer>> consumer(AsyncBody.Consumer<List<ByteBuffer>> consumer,
                                                         HttpRequest request) {
        TRIPPED.remove(Thread.currentThread());
        return new Bounded(consumer, System.nanoTime() + limits.deadline().toNanos(), Thread.currentThread());
    }

    /** Why this thread's last request was cut off by a limit, if it was; forgets it. */
    static java.util.Optional<IOException> trippedOnThisThread() {
        return java.util.Optional.ofNullable(TRIPPED.remove(Thread.currentThread()));
    }

    private final class Bounded implements AsyncBody.Consumer<List<ByteBuffer>> {
        private final AsyncBody.Consumer<List<ByteBuffer>> delegate;
        private final long deadlineNanos;
        private final Thread sender;
        private long bytes;
        private ScheduledFuture<?> timer;

        Bounded(AsyncBody.Consumer<List<ByteBuffer>> delegate, long deadlineNanos, Thread sender) {
            this.delegate = delegate;
            this.deadlineNanos = deadlineNanos;
            this.sender = sender;
        }

        private void trip(AsyncBody body, IOException reason) {
            TRIPPED.put(sender, reason);
            body.cancel();
        }

        @Override
        public void consume(List<ByteBuffer> value, AsyncBody body) throws Exception {
            if (timer == null) {
                timer = TIMER.schedule(() -> trip(body, new DeadlinePassed(limits.deadline().toMillis())),
                        Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                body.done().whenComplete((done, failure) -> timer.cancel(false));
            }
            for (ByteBuffer buffer : value) {
                bytes += buffer.remaining();
            }
            if (bytes > limits.maxAnswerBytes()) {
                trip(body, new AnswerTooLarge(limits.maxAnswerBytes()));
                return;
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                trip(body, new DeadlinePassed(limits.deadline().toMillis()));
                return;
            }
            delegate.consume(value, body);
        }

        @Override
        public <U> U unwrap(Class<U> type) {
            return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
        }
    }

    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
