package io.egressstudio.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressstudio.telemetry.TelemetryException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;

/** One JSON request to a telemetry source, with every way it can fail turned into a {@link TelemetryException}. */
final class JsonHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 200;

    private JsonHttp() {
    }

    static String join(URI base, String path) {
        String b = base.toString();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return b + path;
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request, HttpSettings settings, String source)
            throws TelemetryException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new TelemetryException(Kind.UNREACHABLE, source + " at " + request.uri().getAuthority()
                    + " did not accept a connection within " + millis(settings.connectTimeout().toMillis()), e);
        } catch (HttpTimeoutException e) {
            throw new TelemetryException(Kind.UNREACHABLE, source + " at " + request.uri().getAuthority()
                    + " did not answer within " + millis(settings.requestTimeout().toMillis()), e);
        } catch (SSLException e) {
            throw new TelemetryException(Kind.UNREACHABLE, source + " at " + request.uri().getAuthority()
                    + ": TLS failed (" + rootMessage(e) + "); if a private CA signed its certificate, give that CA "
                    + "as a PEM file", e);
        } catch (ConnectException e) {
            throw new TelemetryException(Kind.UNREACHABLE, source + " at " + request.uri().getAuthority()
                    + " refused the connection (is it running, is the port-forward open?)", e);
        } catch (UnknownHostException e) {
            throw new TelemetryException(Kind.UNREACHABLE, source + ": unknown host " + request.uri().getHost(), e);
        } catch (IOException e) {
            throw new TelemetryException(Kind.UNREACHABLE, source + " at " + request.uri().getAuthority()
                    + " could not be read: " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelemetryException(Kind.UNREACHABLE, source + ": interrupted while waiting for an answer", e);
        }
    }

    /** The body as JSON, after checking the status. */
    static JsonNode body(HttpResponse<String> response, String source) throws TelemetryException {
        int status = response.statusCode();
        if (status == 401) {
            throw new TelemetryException(Kind.REJECTED, source + " answered 401 Unauthorized: it wants a valid token "
                    + "(give one, or a fresh one: OpenShift tokens expire)");
        }
        if (status == 403) {
            throw new TelemetryException(Kind.REJECTED, source + " answered 403 Forbidden: the token is valid but may "
                    + "not read this (on OpenShift, the user needs the cluster-monitoring-view role, or view access to "
                    + "the namespaces)");
        }
        if (status == 502 || status == 503 || status == 504) {
            JsonNode error = null;
            try {
                error = JSON.readTree(response.body());
            } catch (JsonProcessingException e) {
                // a router's HTML page: the excerpt says enough
            }
            throw new TelemetryException(Kind.UNREACHABLE, source + " at " + response.uri().getAuthority()
                    + " is not available (HTTP " + status + ": "
                    + (error != null && error.hasNonNull("error") ? error.get("error").asText()
                    : excerpt(response.body())) + ")");
        }
        JsonNode json = null;
        try {
            json = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            if (status / 100 == 2) {
                throw new TelemetryException(Kind.BAD_ANSWER, source + " answered something that is not JSON ("
                        + e.getOriginalMessage() + "): " + excerpt(response.body()), e);
            }
        }
        if (status / 100 != 2) {
            String error = json != null && json.hasNonNull("error") ? json.get("error").asText() : excerpt(response.body());
            throw new TelemetryException(Kind.BAD_ANSWER, source + " answered HTTP " + status + ": " + error);
        }
        if (json == null || json.isMissingNode() || json.isNull()) {
            throw new TelemetryException(Kind.BAD_ANSWER, source + " answered an empty body");
        }
        return json;
    }

    static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(empty)";
        }
        String s = body.strip().replaceAll("\\s+", " ");
        return s.length() > EXCERPT ? s.substring(0, EXCERPT) + "..." : s;
    }

    private static String millis(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
