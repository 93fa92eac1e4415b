package io.egressstudio.gui.live;

import io.egressstudio.telemetry.EndpointLocator;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Live connect dialog asks for, checked before anything is opened: Prometheus' URL, optionally Kiali's, a
 * bearer token, a CA file and the poll interval. Pure values, so the checks are tested without a window. The token
 * never appears in a message or in {@link #toString()}.
 */
public record ConnectForm(String prometheusUrl, String kialiUrl, String token, String caFile, String interval) {
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");

    /** A form that passed its checks: the connection to open and how often to poll. */
    public record Checked(TelemetryConnection connection, Duration interval, String prometheusUrl) {
    }

    /** Checks every field; the message of the exception names the field and says what is wrong. */
    public Checked check() {
        URI prometheus = url("Prometheus URL", prometheusUrl, true);
        URI kiali = url("Kiali URL", kialiUrl, false);
        Path ca = null;
        if (caFile != null && !caFile.isBlank()) {
            ca = Path.of(caFile.strip());
            if (!Files.isReadable(ca)) {
                throw new IllegalArgumentException("CA file: " + ca + " cannot be read");
            }
        }
        Duration every = interval(interval);
        String bearer = token == null || token.isBlank() ? null : token.strip();
        return new Checked(TelemetryConnection.prometheus(EndpointLocator.fixed(prometheus),
                kiali == null ? null : EndpointLocator.fixed(kiali), bearer, ca, TIMEOUT), every, prometheus.toString());
    }

    static URI url(String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new IllegalArgumentException(field + ": required, e.g. http://127.0.0.1:9090");
            }
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException(field + ": '" + text.strip()
                        + "' is not an http:// or https:// URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + ": '" + text.strip() + "' is not a URL: " + e.getReason());
        }
    }

    /** {@code 500ms}, {@code 5s}, {@code 1m}, or a number of seconds; at least 100 ms. */
    static Duration interval(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Poll interval: '" + text + "' is not a duration such as 500ms, 5s or 1m");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long millis = Math.round(switch (unit) {
            case "ms" -> value;
            case "m" -> value * 60_000;
            default -> value * 1000;
        });
        if (millis < 100) {
            throw new IllegalArgumentException("Poll interval: at least 100ms");
        }
        return Duration.ofMillis(millis);
    }

    @Override
    public String toString() {
        return "ConnectForm[prometheusUrl=" + prometheusUrl + ", kialiUrl=" + kialiUrl + ", token="
                + (token == null || token.isBlank() ? "none" : "(set)") + ", caFile=" + caFile + ", interval="
                + interval + "]";
    }
}
