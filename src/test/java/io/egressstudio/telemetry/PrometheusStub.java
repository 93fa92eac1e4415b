package io.egressstudio.telemetry;

import io.egressstudio.telemetry.StubServer.Answer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Answers of a stub Prometheus for the poller's tests. */
final class PrometheusStub {
    private PrometheusStub() {
    }

    /** An answer with one {@code istio_requests_total} series from {@code ns/workload} to {@code host}. */
    static Function<StubServer.Received, Answer> requests(String source, String host, String code, double rate) {
        String[] s = source.split("/");
        String series = "{\"metric\":{\"source_workload_namespace\":\"" + s[0] + "\",\"source_workload\":\"" + s[1]
                + "\",\"destination_service_name\":\"" + host + "\",\"destination_service\":\"" + host
                + "\",\"response_code\":\"" + code + "\",\"response_flags\":\"-\"},\"value\":[1795830215.5,\"" + rate
                + "\"]}";
        return r -> {
            String query = URLDecoder.decode(r.body(), StandardCharsets.UTF_8);
            return Answer.json("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                    + (query.contains("istio_requests_total") ? series : "") + "]}}");
        };
    }
}
