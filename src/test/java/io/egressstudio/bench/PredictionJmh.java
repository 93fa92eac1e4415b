package io.egressstudio.bench;

import io.egressstudio.mesh.MeshView;
import io.egressstudio.predict.Prediction;
import io.egressstudio.predict.Request;
import io.egressstudio.predict.TrafficPredictor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH (run by {@code bin/bench}): the cost of one prediction in {@link PredictBenchmark}'s mesh (2,000 external
 * services, 50 workloads) with 1x, 10x and 100x unrelated resources beside it (1x = 1,000 objects). Requests are taken
 * in a shuffled order so that no lookup stays hot in a cache by accident. {@code predict_growth_100x} = cost at 100x /
 * cost at 1x; {@code predict_requests_per_s} = 1 / cost at 1x.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 3, time = 1)
public class PredictionJmh {
    @Param({"1", "10", "100"})
    public int scale;

    private TrafficPredictor predictor;
    private Request[] requests;
    private int next;

    @Setup
    public void setUp() {
        predictor = new TrafficPredictor(MeshView.of(PredictBenchmark.build(scale * PredictBenchmark.UNIT)));
        List<Request> all = new ArrayList<>();
        for (int w = 0; w < PredictBenchmark.WORKLOADS; w++) {
            for (int s = 0; s < PredictBenchmark.SERVICES; s++) {
                all.add(Request.of("app-" + (w % PredictBenchmark.MEMBERS), "wl-" + w,
                        "http://" + PredictBenchmark.host(s) + "/"));
            }
        }
        Collections.shuffle(all, new Random(42));
        requests = all.toArray(Request[]::new);
    }

    @Benchmark
    public Prediction predictOne() {
        Request request = requests[next];
        next = next + 1 == requests.length ? 0 : next + 1;
        return predictor.predict(request);
    }
}
