package io.egressstudio.telemetry;

import io.egressstudio.io.Redaction;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How to talk to a telemetry source: a bearer token (OpenShift's Prometheus and Kiali accept the user's
 * {@code oc whoami -t}), the trust for its TLS certificate (the JDK's default trust, or a CA from a PEM file via
 * {@link TlsTrust}; verification is never turned off), and timeouts.
 *
 * @param bearerToken    sent as {@code Authorization: Bearer ...}; null for none
 * @param sslContext     null for the JDK's default trust
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout the deadline of a whole request: connect, headers and the last byte of the body
 * @param maxAnswerBytes the largest body read; a larger one fails as "answer too large"
 */
public record HttpSettings(String bearerToken, SSLContext sslContext, Duration connectTimeout,
                           Duration requestTimeout, long maxAnswerBytes) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** The answers to our queries are kilobytes; a few MB leaves room for a large mesh's Kiali graph. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 4L * 1024 * 1024;

    public HttpSettings {
        connectTimeout = Objects.requireNonNullElse(connectTimeout, DEFAULT_TIMEOUT);
        requestTimeout = Objects.requireNonNullElse(requestTimeout, DEFAULT_TIMEOUT);
        maxAnswerBytes = maxAnswerBytes < 1 ? DEFAULT_MAX_ANSWER_BYTES : maxAnswerBytes;
        if (bearerToken != null) {
            bearerToken = bearerToken.strip();
            if (bearerToken.isEmpty()) {
                bearerToken = null;
            }
        }
        Redaction.remember(bearerToken);
    }

    public HttpSettings(String bearerToken, SSLContext sslContext, Duration connectTimeout, Duration requestTimeout) {
        this(bearerToken, sslContext, connectTimeout, requestTimeout, DEFAULT_MAX_ANSWER_BYTES);
    }

    public static HttpSettings defaults() {
        return new HttpSettings(null, null, null, null);
    }

    public HttpSettings withBearerToken(String token) {
        return new HttpSettings(token, sslContext, connectTimeout, requestTimeout, maxAnswerBytes);
    }

    public HttpSettings withSslContext(SSLContext context) {
        return new HttpSettings(bearerToken, context, connectTimeout, requestTimeout, maxAnswerBytes);
    }

    public HttpSettings withTimeout(Duration timeout) {
        return new HttpSettings(bearerToken, sslContext, timeout, timeout, maxAnswerBytes);
    }

    public HttpSettings withMaxAnswerBytes(long bytes) {
        return new HttpSettings(bearerToken, sslContext, connectTimeout, requestTimeout, bytes);
    }

    HttpClient.Builder clientBuilder() {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder;
    }

    HttpRequest.Builder authorize(HttpRequest.Builder request) {
        request.timeout(requestTimeout);
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return request;
    }

    @Override
    public String toString() {
        return "HttpSettings[bearerToken=" + (bearerToken == null ? "none" : "(set)") + ", sslContext="
                + (sslContext == null ? "default" : "custom CA") + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", maxAnswerBytes=" + maxAnswerBytes + "]";
    }
}
