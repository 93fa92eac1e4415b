package io.egressstudio.predict;

import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.WorkloadInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;

/**
 * Certificate files a DestinationRule names (clientCertificate, caCertificates) are paths inside istio-proxy. Maistra
 * 2.x mounts Secrets there only through the pod's sidecar.istio.io/userVolume and userVolumeMount annotations, so
 * that is where the PEM data is looked for.
 */
final class MountedFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MeshView view;

    MountedFiles(MeshView view) {
        this.view = view;
    }

    /**
     * The PEM text of a file in istio-proxy, when a Secret is mounted there with the sidecar.istio.io/userVolume and
     * userVolumeMount annotations and holds the file's name as a key; null otherwise.
     */
    String pem(Trace t, WorkloadInfo proxy, String path) {
        String volumes = proxy.annotations().get("sidecar.istio.io/userVolume");
        String mounts = proxy.annotations().get("sidecar.istio.io/userVolumeMount");
        if (volumes == null || mounts == null || path == null) {
            return null;
        }
        try {
            JsonNode volumeList = JSON.readTree(volumes);
            JsonNode mountList = JSON.readTree(mounts);
            for (JsonNode mount : mountList.isArray() ? mountList : JSON.createArrayNode().add(mountList)) {
                String dir = mount.path("mountPath").asText("");
                if (dir.isEmpty() || !path.startsWith(dir.endsWith("/") ? dir : dir + "/")) {
                    continue;
                }
                String key = path.substring(dir.length()).replaceFirst("^/", "");
                for (JsonNode volume : volumeList.isArray() ? volumeList : JSON.createArrayNode().add(volumeList)) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())) {
                        String secretName = volume.path("secret").path("secretName").asText(null);
                        Secret secret = secretName == null ? null : view.secret(proxy.namespace(), secretName);
                        if (secret != null) {
                            t.use(MeshView.key(secret));
                        }
                        return Certificates.value(secret, key);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** How the explanation says where a certificate file comes from. */
    static String note(WorkloadInfo proxy) {
        String mounts = proxy.annotations().get("sidecar.istio.io/userVolumeMount");
        if (mounts == null) {
            return proxy.gateway() ? "" : " (assumed mounted into istio-proxy)";
        }
        return mounts.contains("mountPath") ? " (mounted with sidecar.istio.io/userVolumeMount)" : "";
    }
}
