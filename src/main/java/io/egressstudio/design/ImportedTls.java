package io.egressstudio.design;

import static io.egressstudio.design.ImportJson.enumOr;
import static io.egressstudio.design.ImportJson.strings;
import static io.egressstudio.design.ImportJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressstudio.generate.ResourceNames;
import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.CredentialDelivery;
import io.egressstudio.model.Origination;
import io.egressstudio.model.SecretLayout;
import io.egressstudio.model.SecretPlacement;
import io.egressstudio.model.TlsMode;
import io.egressstudio.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The TLS of imported links, from the DestinationRules that apply, and the certificates they name: a sidecar that
 * reads certificate files gets certificate specs named after the files (their subjects and keys are not imported).
 */
final class ImportedTls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImportedObjects objects;
    private final ImportIds ids;
    private final List<String> notes;
    /** The Deployment each workload was read from: its annotations say which Secrets its sidecar mounts. */
    private final Map<String, ImportedObject> deploymentOf;
    private final Map<String, CertificateSpec> certificates = new LinkedHashMap<>();

    ImportedTls(ImportedObjects objects, ImportIds ids, List<String> notes, Map<String, ImportedObject> deploymentOf) {
        this.objects = objects;
        this.ids = ids;
        this.notes = notes;
        this.deploymentOf = deploymentOf;
    }

    /** The certificates the originations named, in the order they were met. */
    List<CertificateSpec> certificates() {
        return List.copyOf(certificates.values());
    }

    /**
     * The TLS a DestinationRule for {@code host} in {@code namespace} sets on {@code port} (or for all ports).
     *
     * @param client the workload whose sidecar originates it, or null at a gateway
     */
    Optional<Origination> rule(String namespace, String host, int port, Workload client) {
        for (ImportedObject dr : objects.ofKind("DestinationRule")) {
            if (!dr.namespace().equals(namespace) || !host.equals(dr.spec().path("host").asText())) {
                continue;
            }
            JsonNode policy = dr.spec().path("trafficPolicy");
            JsonNode tls = policy.path("tls");
            for (JsonNode level : policy.path("portLevelSettings")) {
                if (level.path("port").path("number").asInt() == port && level.has("tls")) {
                    tls = level.path("tls");
                }
            }
            if (tls.isMissingNode()) {
                continue;
            }
            return Optional.of(origination(dr, tls, client));
        }
        return Optional.empty();
    }

    private Optional<Origination> subsetTls(ImportedObject dr, String subset) {
        for (JsonNode s : dr.spec().path("subsets")) {
            if (subset.equals(s.path("name").asText())) {
                for (JsonNode level : s.path("trafficPolicy").path("portLevelSettings")) {
                    if (level.has("tls")) {
                        return Optional.of(origination(dr, level.path("tls"), null));
                    }
                }
            }
        }
        return Optional.empty();
    }

    Origination gatewaySubsetTls(String namespace, JsonNode destination) {
        String gatewayHost = destination.path("host").asText();
        String subset = destination.path("subset").asText("");
        for (ImportedObject dr : objects.ofKind("DestinationRule")) {
            if (dr.namespace().equals(namespace) && gatewayHost.equals(dr.spec().path("host").asText())) {
                Optional<Origination> tls = subsetTls(dr, subset);
                if (tls.isPresent()) {
                    return tls.get();
                }
            }
        }
        return null;
    }

    /**
     * A DestinationRule's tls block as an origination. A sidecar that reads certificate files ({@code NAME.crt},
     * {@code NAME.key}, {@code CA.crt} under the mount path, as the generator writes them) gets certificate specs
     * named after the files, so that the scenario says which certificate it presents and which CA it trusts; the
     * mounted Secret comes from the workload's {@code sidecar.istio.io/userVolume} annotations.
     */
    private Origination origination(ImportedObject dr, JsonNode tls, Workload client) {
        TlsMode mode = enumOr(TlsMode.class, tls.path("mode").asText(), TlsMode.DISABLE);
        String credential = text(tls.path("credentialName"));
        String mountPath = null;
        String ca = null;
        String clientCertificate = null;
        CredentialDelivery delivery = CredentialDelivery.CREDENTIAL_NAME;
        if (credential == null && client != null && (tls.has("clientCertificate") || tls.has("caCertificates"))) {
            delivery = CredentialDelivery.FILE_MOUNT;
            String caFile = text(tls.path("caCertificates"));
            String certFile = text(tls.path("clientCertificate"));
            String any = certFile != null ? certFile : caFile;
            mountPath = any.contains("/") ? any.substring(0, any.lastIndexOf('/')) : null;
            credential = mountPath == null ? null : mountedSecret(client, mountPath);
            ca = caFile == null ? null : certificate(baseName(caFile), CertificateKind.CA, null, null);
            if (certFile != null && ca != null) {
                clientCertificate = certificate(baseName(certFile), CertificateKind.CLIENT, ca, credential == null
                        ? null : new SecretPlacement(credential, client.namespace(), SecretLayout.FILES, false));
            }
            notes.add("DestinationRule " + dr.namespace() + "/" + dr.name() + " reads certificate files: the scenario "
                    + "names certificates after them (" + String.join(", ", java.util.stream.Stream.of(ca,
                    clientCertificate).filter(java.util.Objects::nonNull).toList()) + "), but their subjects and "
                    + "key material are not imported");
        }
        return new Origination(dr.name(), mode, text(tls.path("sni")), strings(tls.path("subjectAltNames")), ca,
                clientCertificate, credential, delivery, mountPath, tls.path("insecureSkipVerify").asBoolean(false));
    }

    private static String baseName(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A certificate spec known only by name: its id, and for a client certificate its issuer and Secret. */
    private String certificate(String name, CertificateKind kind, String issuer, SecretPlacement placement) {
        String id = ImportIds.label(name);
        CertificateSpec existing = certificates.get(id);
        if (existing == null) {
            if (!ids.claim(id)) {
                return null;
            }
            certificates.put(id, new CertificateSpec(id, kind, name, List.of(), List.of(), issuer, null, null,
                    placement == null ? List.of() : List.of(placement)));
        } else if (placement != null && !existing.secrets().contains(placement)) {
            List<SecretPlacement> secrets = new ArrayList<>(existing.secrets());
            secrets.add(placement);
            certificates.put(id, new CertificateSpec(existing.id(), existing.kind(), existing.commonName(),
                    existing.dnsNames(), existing.ipAddresses(), existing.issuer(), existing.keyType(),
                    existing.validityDays(), secrets));
        }
        return id;
    }

    /** The Secret a workload's sidecar mounts at {@code mountPath} (Maistra's userVolume annotations). */
    private String mountedSecret(Workload client, String mountPath) {
        ImportedObject deployment = deploymentOf.get(client.id());
        if (deployment == null) {
            return null;
        }
        JsonNode annotations = deployment.tree().path("spec").path("template").path("metadata").path("annotations");
        try {
            JsonNode mounts = JSON.readTree(annotations.path(ResourceNames.USER_VOLUME_MOUNT_ANNOTATION)
                    .asText("[]"));
            JsonNode volumes = JSON.readTree(annotations.path(ResourceNames.USER_VOLUME_ANNOTATION)
                    .asText("[]"));
            for (JsonNode mount : mounts) {
                if (!mountPath.equals(mount.path("mountPath").asText())) {
                    continue;
                }
                for (JsonNode volume : volumes) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())) {
                        return text(volume.path("secret").path("secretName"));
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            notes.add("Deployment " + deployment.namespace() + "/" + deployment.name() + ": its userVolume "
                    + "annotations are not JSON");
        }
        return null;
    }
}
