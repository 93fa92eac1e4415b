package io.egressstudio.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressstudio.model.Outcome;
import io.egressstudio.telemetry.KialiReport.MtlsShare;
import io.egressstudio.telemetry.KialiReport.UnexpectedEdge;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded session on disk: JSON lines. The first line describes the session
 * ({@code {"type":"session","format":1,"scenario":..,"started":..,"intervalMillis":..,"staleAfter":..,"links":[..]}},
 * with each link's prediction as it was); every further line is one poll's result
 * ({@code {"type":"poll","at":..,"samples":{..}}} or {@code {"type":"poll","at":..,"failure":{"kind":..,"message":..}}},
 * with {@code "kiali":{..}} when Kiali was used). A replay feeds the results back through {@link SessionState}.
 */
public final class SessionFile {
    public static final int FORMAT = 1;

    /** The first line: what was observed, and how. */
    public record Header(String scenario, Instant started, Duration interval, int staleAfter, List<LinkTarget> links) {
        public Header {
            links = List.copyOf(links);
        }
    }

    /** A whole recording. */
    public record Recording(Path file, Header header, List<PollResult> polls) {
        public Recording {
            polls = List.copyOf(polls);
        }
    }

    private SessionFile() {
    }

    static String line(Header header) {
        ObjectNode n = JsonHttp.JSON.createObjectNode();
        n.put("type", "session");
        n.put("format", FORMAT);
        n.put("scenario", header.scenario());
        n.put("started", header.started().toString());
        n.put("intervalMillis", header.interval().toMillis());
        n.put("staleAfter", header.staleAfter());
        ArrayNode links = n.putArray("links");
        for (LinkTarget t : header.links()) {
            ObjectNode l = links.addObject();
            l.put("id", t.linkId());
            l.put("fromNamespace", t.fromNamespace());
            l.put("fromWorkload", t.fromWorkload());
            l.put("host", t.host());
            l.put("port", t.port());
            if (t.viaGateway()) {
                l.put("gatewayNamespace", t.gatewayNamespace());
                l.put("gatewayWorkload", t.gatewayWorkload());
            }
            l.put("predicted", t.predicted() == null ? null : t.predicted().name());
            strings(l.putArray("predictedExplanation"), t.predictedExplanation());
        }
        return write(n);
    }

    static String line(PollResult result) {
        ObjectNode n = JsonHttp.JSON.createObjectNode();
        n.put("type", "poll");
        n.put("at", result.at().toString());
        if (result.isFresh()) {
            ObjectNode samples = n.putObject("samples");
            for (LinkSample s : result.samples().values()) {
                ObjectNode o = samples.putObject(s.linkId());
                o.put("state", s.state().name());
                o.put("requestsPerSecond", s.requestsPerSecond());
                o.put("errorShare", s.errorShare());
                strings(o.putArray("explanation"), s.explanation());
            }
        } else {
            ObjectNode f = n.putObject("failure");
            f.put("kind", result.failure().kind().name());
            f.put("message", result.failure().message());
        }
        if (result.kiali() != null) {
            n.set("kiali", kiali(result.kiali()));
        }
        return write(n);
    }

    private static ObjectNode kiali(KialiReport report) {
        ObjectNode k = JsonHttp.JSON.createObjectNode();
        if (report.problem() != null) {
            k.put("problem", report.problem());
        }
        k.put("edgesSeen", report.edgesSeen());
        ArrayNode unexpected = k.putArray("unexpected");
        for (UnexpectedEdge e : report.unexpected()) {
            ObjectNode o = unexpected.addObject();
            o.put("from", e.from());
            o.put("to", e.to());
            o.put("protocol", e.protocol());
            o.put("rate", e.rate());
            o.put("unit", e.unit());
            strings(o.putArray("hosts"), e.hosts());
            ObjectNode flags = o.putObject("flags");
            e.flags().forEach(flags::put);
            o.put("note", e.note());
        }
        ArrayNode mtls = k.putArray("mtls");
        for (MtlsShare m : report.mtls()) {
            ObjectNode o = mtls.addObject();
            o.put("from", m.from());
            o.put("to", m.to());
            o.put("percent", m.percent());
            o.put("linkId", m.linkId());
        }
        return k;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String write(ObjectNode n) {
        try {
            return JsonHttp.JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a recording; a file that is not one fails with its line number. */
    public static Recording read(Path file) throws IOException {
        Header header = null;
        List<PollResult> polls = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    JsonNode n = JsonHttp.JSON.readTree(text);
                    String type = n.path("type").asText("");
                    if (header == null) {
                        if (!"session".equals(type)) {
                            throw new IllegalArgumentException("the first line is not a session header");
                        }
                        if (n.path("format").asInt(0) != FORMAT) {
                            throw new IllegalArgumentException("format " + n.path("format").asText() + " is not "
                                    + FORMAT);
                        }
                        header = header(n);
                    } else if ("poll".equals(type)) {
                        polls.add(poll(n));
                    } else {
                        throw new IllegalArgumentException("unknown line type '" + type + "'");
                    }
                } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException
                         | NullPointerException e) {
                    throw new IOException(file + ":" + number + ": not a recorded session line: "
                            + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
                }
            }
        }
        if (header == null) {
            throw new IOException(file + ": empty, not a recorded session");
        }
        return new Recording(file, header, polls);
    }

    private static Header header(JsonNode n) {
        List<LinkTarget> links = new ArrayList<>();
        for (JsonNode l : n.path("links")) {
            String predicted = text(l, "predicted");
            links.add(new LinkTarget(required(l, "id"), required(l, "fromNamespace"), required(l, "fromWorkload"),
                    required(l, "host"), l.path("port").asInt(), text(l, "gatewayNamespace"),
                    text(l, "gatewayWorkload"), predicted == null ? null : Outcome.valueOf(predicted),
                    strings(l.path("predictedExplanation"))));
        }
        return new Header(text(n, "scenario"), Instant.parse(required(n, "started")),
                Duration.ofMillis(n.path("intervalMillis").asLong(TelemetryPoller.Settings.DEFAULT_INTERVAL.toMillis())),
                n.path("staleAfter").asInt(TelemetryPoller.Settings.DEFAULT_STALE_AFTER), links);
    }

    private static PollResult poll(JsonNode n) {
        Instant at = Instant.parse(required(n, "at"));
        KialiReport kiali = n.has("kiali") ? kiali(n.get("kiali")) : null;
        if (n.has("failure")) {
            JsonNode f = n.get("failure");
            return PollResult.failed(at, TelemetryException.Kind.valueOf(required(f, "kind")), required(f, "message"),
                    kiali);
        }
        Map<String, LinkSample> samples = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.path("samples").properties()) {
            JsonNode s = e.getValue();
            samples.put(e.getKey(), new LinkSample(e.getKey(), ObservedState.valueOf(required(s, "state")),
                    s.path("requestsPerSecond").asDouble(), s.path("errorShare").asDouble(),
                    strings(s.path("explanation"))));
        }
        return PollResult.fresh(at, samples, kiali);
    }

    private static KialiReport kiali(JsonNode k) {
        List<UnexpectedEdge> unexpected = new ArrayList<>();
        for (JsonNode o : k.path("unexpected")) {
            Map<String, Double> flags = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> f : o.path("flags").properties()) {
                flags.put(f.getKey(), f.getValue().asDouble());
            }
            unexpected.add(new UnexpectedEdge(text(o, "from"), text(o, "to"), text(o, "protocol"),
                    o.path("rate").asDouble(), text(o, "unit"), strings(o.path("hosts")), flags, text(o, "note")));
        }
        List<MtlsShare> mtls = new ArrayList<>();
        for (JsonNode o : k.path("mtls")) {
            mtls.add(new MtlsShare(text(o, "from"), text(o, "to"), o.path("percent").asDouble(), text(o, "linkId")));
        }
        return new KialiReport(text(k, "problem"), k.path("edgesSeen").asInt(), unexpected, mtls);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array) {
            out.add(s.asText());
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return v;
    }
}
