package io.egressstudio.gui.live;

import io.egressstudio.cluster.Connector;
import io.egressstudio.cluster.PortForwarder;
import io.egressstudio.cluster.TelemetryEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Live dialog's "find through the cluster" choice: a kubeconfig context, the control plane's namespace, whether
 * to port-forward even when there is a Route, whether to find Kiali too; plus the token, CA file and interval the
 * URL form has. Checked before anything is opened; the token never appears in {@link #toString()}.
 */
public record ClusterForm(String context, String namespace, boolean portForward, boolean findKiali, String token,
                          String caFile, String interval) {

    /** Checks every field; the message names the field. The connection reaches the cluster only when opened. */
    public ConnectForm.Checked check(Connector connector, PortForwarder forwarder) {
        if (context == null || context.isBlank()) {
            throw new IllegalArgumentException("Context: choose a kubeconfig context");
        }
        String ns = namespace == null || namespace.isBlank() ? TelemetryEndpoints.DEFAULT_NAMESPACE : namespace.strip();
        if (!ns.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            throw new IllegalArgumentException("Namespace: '" + ns + "' is not a namespace name");
        }
        Path ca = null;
        if (caFile != null && !caFile.isBlank()) {
            ca = Path.of(caFile.strip());
            if (!Files.isReadable(ca)) {
                throw new IllegalArgumentException("CA file: " + ca + " cannot be read");
            }
        }
        String bearer = token == null || token.isBlank() ? null : token.strip();
        return new ConnectForm.Checked(new ClusterTelemetryConnection(connector, context.strip(), ns, portForward,
                findKiali, forwarder, bearer, ca, ConnectForm.TIMEOUT), ConnectForm.interval(interval), null);
    }

    @Override
    public String toString() {
        return "ClusterForm[context=" + context + ", namespace=" + namespace + ", portForward=" + portForward
                + ", findKiali=" + findKiali + ", token=" + (token == null || token.isBlank() ? "none" : "(set)")
                + ", caFile=" + caFile + ", interval=" + interval + "]";
    }
}
