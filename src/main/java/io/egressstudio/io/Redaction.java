package io.egressstudio.io;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one filter for text that came from a peer (a server's body, an exception's message) or that may quote our own
 * request (its headers, a kubeconfig line), before it reaches a message, a log line or the terminal: credentials
 * become {@value #REDACTED} and control characters (terminal escape sequences among them) are dropped.
 *
 * <p>What counts as a credential: every secret the process was given and {@link #remember remembered} (the token of
 * {@code --token-file}, a kubeconfig user's token or key), whatever it looks like; and anything shaped like one:
 * {@code Authorization}/{@code Bearer}/{@code Basic} values, OpenShift {@code sha256~} tokens, JWTs, PEM private
 * keys (and their base64, as in {@code client-key-data}), and the values of keys named token, password,
 * key data, client secret or cookie.
 */
public final class Redaction {
    public static final String REDACTED = "[REDACTED]";
    /** Shorter secrets would redact ordinary words; a real token is far longer. */
    private static final int MIN_REMEMBERED = 8;
    private static final Set<String> REMEMBERED = ConcurrentHashMap.newKeySet();

    private static final List<Pattern> SHAPES = List.of(
            // a PEM private key, whole or cut off
            Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|\\z)",
                    Pattern.DOTALL),
            // header or field names whose value is a credential, in header, YAML, JSON and query forms
            Pattern.compile("(?i)((?:proxy-)?authorization|x-auth-token|x-api-key|api[-_]?key|[a-z-]*token|password"
                    + "|passwd|client[-_]secret|client-key-data|client-key|cookie|set-cookie)"
                    + "(\"?\\s*[:=]\\s*\\[?\\s*\"?"
                    + "(?:(?i:bearer|basic)[ ]+)?)"
                    // the value (not an option name such as --token-file)
                    + "((?!-)[^\\s\",;&}\\]]+)"),
            // a scheme and its credential anywhere else
            Pattern.compile("(?i)\\b(bearer|basic)(\\s+)([A-Za-z0-9._~+/=-]{6,})"),
            // OpenShift's tokens
            Pattern.compile("sha256~[A-Za-z0-9_-]+"),
            // a JWT (service account tokens, OIDC id tokens)
            Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"));

    /** Base64 of "-----BEGIN": a PEM in client-key-data or Secret data; redacted when it holds a private key. */
    private static final Pattern BASE64_PEM = Pattern.compile("LS0tLS1CRUdJT[A-Za-z0-9+/=]*");

    /** C0 and C1 controls and DEL, except the line feed and tab a multi-line message keeps. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F\\x80-\\x9F]");
    /** An ANSI/VT escape sequence (CSI ... final byte, OSC ... BEL/ST): dropped whole, not only its ESC. */
    private static final Pattern ESCAPE_SEQUENCE = Pattern.compile(
            "\\x1B\\[[0-?]*[ -/]*[@-~]|\\x1B\\][^\\x07\\x1B]*(\\x07|\\x1B\\\\)?"
                    + "|\\x9B[0-?]*[ -/]*[@-~]|\\x1B[@-Z\\\\-_]");

    private Redaction() {
    }

    /** From now on, this secret is redacted wherever it appears (a token read from a file, a kubeconfig's key). */
    public static void remember(String secret) {
        if (secret == null) {
            return;
        }
        String s = secret.strip();
        if (s.length() >= MIN_REMEMBERED) {
            REMEMBERED.add(s);
        }
    }

    /** The text with credentials redacted and control characters dropped; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = text;
        // longest first, so that a secret containing another is replaced whole
        for (String secret : REMEMBERED.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            s = s.replace(secret, REDACTED);
        }
        for (Pattern shape : SHAPES) {
            s = replace(shape, s);
        }
        s = BASE64_PEM.matcher(s).replaceAll(m -> Matcher.quoteReplacement(isPrivateKey(m.group()) ? REDACTED
                : m.group()));
        s = ESCAPE_SEQUENCE.matcher(s).replaceAll("");
        return CONTROL.matcher(s).replaceAll("");
    }

    /** A peer's body for a one-line message: cleaned, whitespace collapsed, at most {@code max} characters. */
    public static String excerpt(String body, int max) {
        if (body == null || body.isBlank()) {
            return "(empty)";
        }
        String s = clean(body).strip().replaceAll("\\s+", " ");
        return s.length() > max ? s.substring(0, max) + "..." : s;
    }

    /**
     * A writer that {@link #clean cleans} everything printed through it into {@code target}: for output that shows
     * what a server named or said (its error text, workload names, a dry run's rejection).
     */
    public static PrintWriter filtered(PrintWriter target) {
        return new PrintWriter(target, true) {
            @Override
            public void write(String s, int off, int len) {
                String cleaned = clean(s.substring(off, off + len));
                super.write(cleaned, 0, cleaned.length());
            }
        };
    }

    /** Whether base64 text decodes to a PEM private key (certificates, public and harmless, stay readable). */
    private static boolean isPrivateKey(String base64) {
        String head = base64.substring(0, Math.min(base64.length(), 64) / 4 * 4);
        try {
            return new String(Base64.getDecoder().decode(head), StandardCharsets.US_ASCII).contains("PRIVATE KEY");
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static String replace(Pattern shape, String text) {
        Matcher m = shape.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.groupCount() >= 3 && m.group(3) != null
                    ? m.group(1) + m.group(2) + REDACTED : REDACTED;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
