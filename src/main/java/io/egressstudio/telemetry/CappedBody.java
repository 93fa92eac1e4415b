package io.egressstudio.telemetry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body handler that keeps at most {@code limit} bytes: one byte more (or a Content-Length announcing more) fails the
 * answer with {@link TooLarge} and stops reading. {@link #abort()} stops it from outside (the deadline has passed).
 */
final class CappedBody implements HttpResponse.BodyHandler<byte[]> {
    /** The answer was larger than the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("answer too large: more than " + (limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MiB"
                    : limit + " bytes") + ", the most Egress Studio reads of one answer");
        }
    }

    private final long limit;
    private volatile Flow.Subscription subscription;

    CappedBody(long limit) {
        this.limit = limit;
    }

    void abort() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new Subscriber(announced > limit);
    }

    private final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final boolean announcedTooLarge;

        Subscriber(boolean announcedTooLarge) {
            this.announcedTooLarge = announcedTooLarge;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (announcedTooLarge) {
                s.cancel();
                result.completeExceptionally(new TooLarge(limit));
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
