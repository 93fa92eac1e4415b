package io.egressstudio.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressstudio.telemetry.TelemetryException.Kind;
import io.egressstudio.io.Redaction;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    /** An answer read whole, within the deadline and the size limit. */
    record Answer(int statusCode, URI uri, byte[] bytes, String location) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends the request and reads the whole answer within {@link HttpSettings#requestTimeout()} (connect, headers
     * and body: the JDK's own request timeout stops at the headers) and {@link HttpSettings#maxAnswerBytes()}.
     */
    static Answer send(HttpClient client, HttpRequest request, HttpSettings settings, String source)
            throws TelemetryException {
        CappedBody body = new CappedBody(settings.maxAnswerBytes());
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, body);
        try {
            HttpResponse<byte[]> response = future.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
            return new Answer(response.statusCode(), response.uri(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (TimeoutException e) {
            future.cancel(true);
            body.abort();
            throw new TelemetryException(Kind.UNREACHABLE, source + " at " + request.uri().getAuthority()
                    + " did not answer within " + millis(settings.requestTimeout().toMillis())
                    + " (connect, headers and body)", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            body.abort();
            Thread.currentThread().interrupt();
            throw new TelemetryException(Kind.UNREACHABLE, source + ": interrupted while waiting for an answer", e);
        } catch (ExecutionException e) {
            throw failure(e.getCause() == null ? e : e.getCause(), request, settings, source);
        }
    }

    private static TelemetryException failure(Throwable e, HttpRequest request, HttpSettings settings, String source) {
        String at = source + " at " + request.uri().getAuthority();
        if (find(e, CappedBody.TooLarge.class) != null) {
            return new TelemetryException(Kind.BAD_ANSWER, at + " sent an " + find(e, CappedBody.TooLarge.class)
                    .getMessage(), e);
        }
        if (find(e, HttpConnectTimeoutException.class) != null) {
            return new TelemetryException(Kind.UNREACHABLE, at + " did not accept a connection within "
                    + millis(settings.connectTimeout().toMillis()), e);
        }
        if (find(e, HttpTimeoutException.class) != null) {
            return new TelemetryException(Kind.UNREACHABLE, at + " did not answer within "
                    + millis(settings.requestTimeout().toMillis()) + " (connect, headers and body)", e);
        }
        if (find(e, SSLException.class) != null) {
            return new TelemetryException(Kind.UNREACHABLE, at + ": TLS failed (" + rootMessage(e) + "); if a "
                    + "private CA signed its certificate, give that CA as a PEM file", e);
        }
        if (find(e, ConnectException.class) != null) {
            return new TelemetryException(Kind.UNREACHABLE, at + " refused the connection (is it running, is the "
                    + "port-forward open?)", e);
        }
        if (find(e, UnknownHostException.class) != null) {
            return new TelemetryException(Kind.UNREACHABLE, source + ": unknown host " + request.uri().getHost(), e);
        }
        return new TelemetryException(Kind.UNREACHABLE, at + " could not be read: " + rootMessage(e), e);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The body as JSON, after checking the status. */
    static JsonNode body(Answer response, String source) throws TelemetryException {
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
                error = JSON.readTree(response.bytes());
            } catch (IOException e) {
                // a router's HTML page: the excerpt says enough
            }
            throw new TelemetryException(Kind.UNREACHABLE, source + " at " + response.uri().getAuthority()
                    + " is not available (HTTP " + status + ": "
                    + excerpt(error != null && error.hasNonNull("error") ? error.get("error").asText()
                    : response.body()) + ")");
        }
        if (status / 100 == 3) {
            throw new TelemetryException(Kind.BAD_ANSWER, source + " answered HTTP " + status + ", a redirect"
                    + (response.location() == null ? "" : " to " + response.location()) + ": Egress Studio does not "
                    + "follow redirects (a token must not go where it was not sent); give the URL it points to");
        }
        JsonNode json = null;
        try {
            json = JSON.readTree(response.bytes());
        } catch (IOException e) {
            if (status / 100 == 2) {
                throw new TelemetryException(Kind.BAD_ANSWER, source + " answered something that is not JSON ("
                        + excerpt(e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())
                        + "): " + excerpt(response.body()), e);
            }
        }
        if (status / 100 != 2) {
            String error = excerpt(json != null && json.hasNonNull("error") ? json.get("error").asText()
                    : response.body());
            throw new TelemetryException(Kind.BAD_ANSWER, source + " answered HTTP " + status + ": " + error);
        }
        if (json == null || json.isMissingNode() || json.isNull()) {
            throw new TelemetryException(Kind.BAD_ANSWER, source + " answered an empty body");
        }
        return json;
    }

    /** A peer's text for a message: never unfiltered (it may quote our Authorization header). */
    static String excerpt(String body) {
        return Redaction.excerpt(body, EXCERPT);
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
