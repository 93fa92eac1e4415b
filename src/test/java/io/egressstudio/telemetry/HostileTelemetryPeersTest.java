package io.egressstudio.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.egressstudio.model.Outcome;
import io.egressstudio.telemetry.MisbehavingServer.Behaviour;
import io.egressstudio.telemetry.TelemetryException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Prometheus and Kiali as a hostile or broken peer: each request ends within its deadline (connect, headers and
 * body), reads no more than its cap, and says what went wrong in a message that quotes neither our token nor the
 * peer's terminal escapes.
 */
class HostileTelemetryPeersTest {
    static final String TOKEN = "sha256~hostile-peer-test-token-0815";
    static final Duration DEADLINE = Duration.ofSeconds(1);
    /** The deadline plus the time a loaded machine takes to notice it. */
    static final Duration LATEST = DEADLINE.plusMillis(1500);
    static final long CAP = 1024 * 1024;
    /**
     * A few times the cap (the buffers of a read) and what the JVM's other threads allocate meanwhile: far below the
     * 100 MB (and its copies) a whole read of the largest answer takes.
     */
    static final long MEMORY_BOUND = 40L * 1024 * 1024;
    static final LinkTarget LINK = LinkTarget.direct("call", "shop/web", "api.example.com:80", Outcome.OK);

    static HttpSettings settings() {
        return HttpSettings.defaults().withBearerToken(TOKEN).withTimeout(DEADLINE).withMaxAnswerBytes(CAP);
    }

    record Outcome2(TelemetryException failure, Duration took, long allocated) {
    }

    interface Call {
        void run() throws TelemetryException;
    }

    static Outcome2 measure(Call call) {
        AllocationMeter meter = AllocationMeter.start();
        long start = System.nanoTime();
        TelemetryException failure = catchThrowableOfType(TelemetryException.class, call::run);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Outcome2(failure, took, meter.allocated());
    }

    static Kind expectedKind(Behaviour behaviour) {
        return switch (behaviour) {
            case SLOW_HEADERS, TRICKLE, SHORT_BODY, JUNK_INSTEAD_OF_HTTP -> Kind.UNREACHABLE;
            case UNAUTHORIZED, FORBIDDEN -> Kind.REJECTED;
            case ENDLESS_JUNK, HUGE, HEADER_ECHO, REDIRECT_LOOP, SERVER_ERROR -> Kind.BAD_ANSWER;
        };
    }

    static String expectedWords(Behaviour behaviour) {
        return switch (behaviour) {
            case JUNK_INSTEAD_OF_HTTP -> "could not be read: Header size too big";
            case SLOW_HEADERS, TRICKLE, SHORT_BODY -> "did not answer within 1 s (connect, headers and body)";
            case ENDLESS_JUNK, HUGE -> "answer too large: more than 1 MiB";
            case HEADER_ECHO -> "answered HTTP 500: cannot handle Authorization: Bearer [REDACTED]";
            case REDIRECT_LOOP -> "does not follow redirects";
            case UNAUTHORIZED -> "401";
            case FORBIDDEN -> "403";
            case SERVER_ERROR -> "HTTP 500: etcdserver: request timed out";
        };
    }

    static void assertHeldToItsBounds(Behaviour behaviour, Outcome2 outcome, MisbehavingServer server) {
        assertThat(outcome.failure()).as(behaviour + ": a failure").isNotNull();
        assertThat(outcome.failure().kind()).as(behaviour + ": " + outcome.failure().getMessage())
                .isEqualTo(expectedKind(behaviour));
        assertThat(outcome.failure().getMessage()).contains(expectedWords(behaviour))
                .doesNotContain(TOKEN).doesNotContain("hostile-peer-test-token").doesNotContain("\u001b")
                .doesNotContain("\u0007");
        assertThat(outcome.took()).as(behaviour + ": time against the deadline").isLessThan(LATEST);
        assertThat(outcome.allocated()).as(behaviour + ": bytes allocated against the cap").isLessThan(MEMORY_BOUND);
        assertThat(server.requests()).as(behaviour + ": the request reached the server").isNotEmpty();
    }

    /** Times are asserted against the deadline, not against loading the HTTP client's classes: one refusal first. */
    @BeforeAll
    static void warmUp() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(Behaviour.UNAUTHORIZED)) {
            assertThat(measure(() -> new PrometheusClient(server.url(), settings()).query("up")).failure()).isNotNull();
            assertThat(measure(() -> new KialiClient(server.url(), settings(), KialiClient.Auth.BEARER)
                    .graph(Set.of("shop"), Duration.ofMinutes(1))).failure()).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Behaviour.class)
    void prometheusMisbehavingFailsWithinTheDeadlineAndTheCap(Behaviour behaviour) throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(behaviour)) {
            PrometheusClient client = new PrometheusClient(server.url(), settings());
            Outcome2 outcome = measure(() -> client.query("up"));
            assertHeldToItsBounds(behaviour, outcome, server);
            assertThat(server.requests().get(0)).contains("Authorization: Bearer " + TOKEN);
        }
    }

    @ParameterizedTest
    @EnumSource(Behaviour.class)
    void kialiMisbehavingFailsWithinTheDeadlineAndTheCap(Behaviour behaviour) throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(behaviour)) {
            KialiClient client = new KialiClient(server.url(), settings(), KialiClient.Auth.BEARER);
            Outcome2 outcome = measure(() -> client.graph(Set.of("shop"), Duration.ofMinutes(1)));
            assertHeldToItsBounds(behaviour, outcome, server);
        }
    }

    @Test
    void aHugeAnswerIsNotReadPastTheCap() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(Behaviour.ENDLESS_JUNK)) {
            Outcome2 outcome = measure(() -> new PrometheusClient(server.url(), settings()).query("up"));
            assertThat(outcome.failure()).hasMessageContaining("answer too large");
            // what the server could push: the cap, plus what the kernel's socket buffers took
            assertThat(server.bytesSent()).isLessThan(MEMORY_BOUND);
        }
    }

    @Test
    void aStuckPrometheusMakesTheLinkUnreachableAndPollsNeverOverlap() throws Exception {
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicInteger polls = new AtomicInteger();
        try (MisbehavingServer server = new MisbehavingServer(Behaviour.TRICKLE)) {
            LiveSource live = new LiveSource(new PrometheusClient(server.url(), settings()), null, List.of(LINK),
                    Duration.ofMinutes(1), Clock.systemUTC());
            ObservationSource counted = () -> {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    return live.poll();
                } finally {
                    inFlight.decrementAndGet();
                    polls.incrementAndGet();
                }
            };
            try (TelemetryPoller poller = new TelemetryPoller(counted, List.of(LINK),
                    new TelemetryPoller.Settings(Duration.ofMillis(100), 3, Duration.ofMillis(200)), false, null,
                    executor, null)) {
                poller.start();
                // a pause and a resume while the first poll is stuck must not start a second one beside it
                await().atMost(LATEST).until(() -> inFlight.get() == 1);
                poller.pause();
                poller.resume();
                await("first poll's snapshot").atMost(LATEST).until(() -> poller.latest() != null);
                assertThat(poller.latest().link("call").orElseThrow().observed()).isEqualTo(ObservedState.UNREACHABLE);
                assertThat(poller.latest().failure().message()).contains("did not answer within 1 s");
                await("polling goes on").atMost(LATEST.multipliedBy(2)).until(() -> polls.get() >= 2);
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(mostInFlight.get()).as("polls running at once").isEqualTo(1);
    }
}
