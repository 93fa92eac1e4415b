package io.egressstudio.cli;

import io.egressstudio.cli.ClusterAccess.BadInput;
import io.egressstudio.telemetry.TlsTrust;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/** {@code observe}'s option values read and checked; each message names the option and says what is wrong. */
final class ObserveArguments {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");

    private ObserveArguments() {
    }

    /** {@code 500ms}, {@code 5s}, {@code 1m} (seconds without a unit); null when not a positive duration. */
    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long millis = Math.round(value * switch (unit) {
            case "ms" -> 1;
            case "m" -> 60_000;
            default -> 1000;
        });
        return millis <= 0 ? null : Duration.ofMillis(millis);
    }

    static Duration duration(String option, String text) throws BadInput {
        Duration d = parseDuration(text);
        if (d == null) {
            throw new BadInput(option + " '" + text + "' is not a positive duration such as 500ms, 5s or 1m");
        }
        return d;
    }

    /** An http(s) base URL with a host, without query or fragment. */
    static URI url(String option, String text) throws BadInput {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new BadInput(option + " '" + text + "' is not an http or https URL with a host");
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                throw new BadInput(option + " '" + text + "': give the base URL, without a query or fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BadInput(option + " '" + text + "' is not a URL: " + e.getReason());
        }
    }

    /** The one bearer token a file holds. */
    static String token(String option, Path file) throws BadInput {
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                throw new BadInput(option + " " + file + " is empty");
            }
            if (token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new BadInput(option + " " + file + " holds more than one token (spaces or line breaks inside)");
            }
            return token;
        } catch (IOException e) {
            throw new BadInput(option + " " + file + ": cannot read: " + e.getMessage());
        }
    }

    /** Trust in the CA of a PEM file; verification stays on. */
    static SSLContext trust(String option, Path file) throws BadInput {
        try {
            return TlsTrust.fromPemFile(file);
        } catch (IOException e) {
            throw new BadInput(option + " " + e.getMessage());
        }
    }
}
