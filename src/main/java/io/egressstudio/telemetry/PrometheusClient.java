package io.egressstudio.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import io.egressstudio.telemetry.TelemetryException.Kind;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus' HTTP API ({@code POST /api/v1/query}) on {@code java.net.http}: instant queries whose result is a
 * vector. Every failure is a {@link TelemetryException} saying whether Prometheus could be reached.
 */
public final class PrometheusClient {
    /** One element of a vector result: its labels and its value. */
    public record Sample(Map<String, String> labels, double value) {
        public Sample {
            labels = Map.copyOf(labels);
        }
    }

    private final EndpointLocator locator;
    private final HttpSettings settings;
    private final HttpClient http;

    public PrometheusClient(EndpointLocator locator, HttpSettings settings) {
        this.locator = locator;
        this.settings = settings;
        this.http = settings.clientBuilder().build();
    }

    public PrometheusClient(URI base, HttpSettings settings) {
        this(EndpointLocator.fixed(base), settings);
    }

    public String describe() {
        return locator.describe();
    }

    /** Runs an instant query; its result must be a vector. */
    public List<Sample> query(String promql) throws TelemetryException {
        URI base = locator.locate();
        HttpRequest request = settings.authorize(HttpRequest.newBuilder(URI.create(JsonHttp.join(base, "/api/v1/query"))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                .build();
        JsonHttp.Answer response;
        try {
            response = JsonHttp.send(http, request, settings, "Prometheus");
        } catch (TelemetryException e) {
            if (e.kind() == Kind.UNREACHABLE) {
                locator.unreachable(base);
            }
            throw e;
        }
        return parse(JsonHttp.body(response, "Prometheus"));
    }

    static List<Sample> parse(JsonNode json) throws TelemetryException {
        String status = json.path("status").asText("");
        if (!"success".equals(status)) {
            String error = json.path("error").asText("");
            throw new TelemetryException(Kind.BAD_ANSWER, "Prometheus answered status '" + JsonHttp.excerpt(status)
                    + "'" + (error.isEmpty() ? "" : ": " + JsonHttp.excerpt(error)));
        }
        JsonNode data = json.path("data");
        String type = data.path("resultType").asText("");
        if (!"vector".equals(type)) {
            throw new TelemetryException(Kind.BAD_ANSWER, "Prometheus answered a result of type '"
                    + JsonHttp.excerpt(type) + "' where a vector was expected");
        }
        JsonNode result = data.path("result");
        if (!result.isArray()) {
            throw new TelemetryException(Kind.BAD_ANSWER, "Prometheus answered a vector without a result list");
        }
        List<Sample> out = new ArrayList<>();
        for (JsonNode element : result) {
            JsonNode metric = element.path("metric");
            JsonNode value = element.path("value");
            if (!metric.isObject() || !value.isArray() || value.size() != 2) {
                throw new TelemetryException(Kind.BAD_ANSWER, "Prometheus answered a vector element without "
                        + "metric and [time, value]: " + JsonHttp.excerpt(element.toString()));
            }
            Map<String, String> labels = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : metric.properties()) {
                labels.put(e.getKey(), e.getValue().asText());
            }
            out.add(new Sample(labels, number(value.get(1).asText())));
        }
        return out;
    }

    private static double number(String text) throws TelemetryException {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new TelemetryException(Kind.BAD_ANSWER, "Prometheus answered a value that is not a number: '"
                            + JsonHttp.excerpt(text) + "'");
                }
        }
    }
}
