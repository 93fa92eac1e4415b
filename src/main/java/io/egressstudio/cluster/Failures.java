package io.egressstudio.cluster;

import io.egressstudio.io.Redaction;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Turns what the fabric8 client throws into a {@link ClusterException} whose message says what happened, where, and
 * what to do. Messages come from the server's Status and the exception's causes, never from request headers, so they
 * carry no token.
 */
final class Failures {
    private Failures() {
    }

    /**
     * @param doing what was being done, e.g. "create ServiceEntry greetings-client/foo"
     */
    static ClusterException of(RuntimeException e, String doing, String context, String server) {
        java.io.IOException tripped = BoundedAnswers.trippedOnThisThread().orElse(null);
        BoundedAnswers.AnswerTooLarge tooLarge = tripped instanceof BoundedAnswers.AnswerTooLarge t ? t
                : find(e, BoundedAnswers.AnswerTooLarge.class);
        if (tooLarge != null) {
            return new ClusterException(ClusterException.Reason.SERVER, "The API server at " + server + " (context '"
                    + context + "') sent an answer too large to " + doing + ": " + tooLarge.getMessage(), e);
        }
        BoundedAnswers.DeadlinePassed late = tripped instanceof BoundedAnswers.DeadlinePassed d ? d
                : find(e, BoundedAnswers.DeadlinePassed.class);
        if (late != null) {
            return new ClusterException(ClusterException.Reason.UNREACHABLE, "The API server at " + server
                    + " (context '" + context + "') did not answer " + doing + " in time: " + late.getMessage()
                    + ". Is the cluster overloaded, or is something between us and it slow?", e);
        }
        if (e instanceof KubernetesClientException k) {
            return of(k, doing, context, server);
        }
        if (isUnreachable(e)) {
            return unreachable(e, context, server);
        }
        return new ClusterException(ClusterException.Reason.SERVER, doing + ": " + rootMessage(e), e);
    }

    static ClusterException of(KubernetesClientException e, String doing, String context, String server) {
        int code = e.getCode();
        String said = serverMessage(e);
        switch (code) {
            case 401:
                return new ClusterException(ClusterException.Reason.UNAUTHORIZED, "The API server at " + server
                        + " rejected the credentials of context '" + context + "' (401 Unauthorized): they are wrong "
                        + "or have expired. Log in again (for OpenShift: oc login " + server + ") and retry.", e);
            case 403:
                return new ClusterException(ClusterException.Reason.FORBIDDEN, "Forbidden (403) to " + doing
                        + " with context '" + context + "'" + (said.isEmpty() ? "" : ": " + said), e);
            case 409:
                return new ClusterException(ClusterException.Reason.CONFLICT, "Conflict (409) on " + doing
                        + (said.isEmpty() ? "" : ": " + said), e);
            case 400:
            case 422:
                return new ClusterException(ClusterException.Reason.INVALID, "The server rejected " + doing + " ("
                        + code + ")" + (said.isEmpty() ? "" : ": " + said), e);
            default:
                break;
        }
        if (code <= 0 && isUnreachable(e)) {
            return unreachable(e, context, server);
        }
        return new ClusterException(ClusterException.Reason.SERVER, "The API server answered "
                + (code > 0 ? code : "with an error") + " to " + doing + ": " + (said.isEmpty() ? rootMessage(e) : said), e);
    }

    private static ClusterException unreachable(Throwable e, String context, String server) {
        Throwable ssl = find(e, SSLException.class);
        if (ssl != null) {
            return new ClusterException(ClusterException.Reason.UNREACHABLE, "Cannot connect securely to the API server "
                    + "at " + server + " (context '" + context + "'): " + rootMessage(ssl) + ". Egress Studio always "
                    + "verifies the server's certificate: make sure the kubeconfig's certificate-authority is the "
                    + "cluster's CA.", e);
        }
        return new ClusterException(ClusterException.Reason.UNREACHABLE, "Cannot reach the API server at " + server
                + " (context '" + context + "'): " + rootMessage(e) + ". Is the cluster running, and is this the "
                + "right context (VPN, proxy)?", e);
    }

    static boolean isUnreachable(Throwable e) {
        return find(e, ConnectException.class) != null || find(e, UnknownHostException.class) != null
                || find(e, NoRouteToHostException.class) != null || find(e, InterruptedIOException.class) != null
                || find(e, SSLException.class) != null
                || (rootMessage(e).toLowerCase(java.util.Locale.ROOT).contains("connection refused"))
                // a server that goes away mid-request: vert.x says "Connection was closed" (HttpClosedException)
                || (rootMessage(e).toLowerCase(java.util.Locale.ROOT).contains("connection was closed"))
                || find(e, java.nio.channels.ClosedChannelException.class) != null
                || find(e, java.util.concurrent.TimeoutException.class) != null;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The server's own words from its Status, when it sent one. */
    static String serverMessage(KubernetesClientException e) {
        Status status = e.getStatus();
        if (status != null && status.getMessage() != null && !status.getMessage().isBlank()) {
            return Redaction.clean(status.getMessage());
        }
        return "";
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : Redaction.clean(message);
    }
}
