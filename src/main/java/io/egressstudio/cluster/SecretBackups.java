package io.egressstudio.cluster;

import io.egressstudio.generate.ResourceNames;
import io.egressstudio.mesh.ResourceSet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a snapshot keeps a Secret that existed before an apply changed or deleted it: in the cluster, as a Secret in
 * the same namespace (as Helm keeps its release history), protected by the same RBAC as the original. Its data is
 * the original's full JSON; its labels never include the scenario label, so plan and delete do not see it as part of
 * the scenario. Rollback restores from it and deletes it; the next complete apply deletes the ones it no longer needs.
 */
final class SecretBackups {
    static final String TYPE = "egress-studio.io/snapshot-backup";
    static final String BACKUP_FOR_LABEL = "egress-studio.io/backup-for";
    static final String BACKUP_OF_ANNOTATION = "egress-studio.io/backup-of";
    static final String OBJECT_KEY = "object.json";

    private SecretBackups() {
    }

    static String name(String snapshotId, ResourceSet.Key key) {
        return "egress-studio-backup-" + snapshotId + "-" + sha256(key.toString()).substring(0, 10);
    }

    /** The backup of {@code secret} (the live Secret, with its data). */
    static GenericKubernetesResource backupOf(GenericKubernetesResource secret, String snapshotId, String scenario) {
        GenericKubernetesResource original = Resources.withoutServerFields(secret);
        String json = Resources.SERIALIZATION.asJson(original);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(OBJECT_KEY, Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
        ResourceSet.Key key = Resources.key(secret);
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("v1").withKind("Secret")
                .withNewMetadata().withName(name(snapshotId, key)).withNamespace(key.namespace())
                .addToLabels(ResourceNames.MANAGED_BY_LABEL, ResourceNames.MANAGED_BY)
                .addToLabels(BACKUP_FOR_LABEL, scenario)
                .addToAnnotations(BACKUP_OF_ANNOTATION, key.toString())
                .endMetadata()
                .addToAdditionalProperties("type", TYPE)
                .addToAdditionalProperties("data", data)
                .build();
    }

    /** The original Secret, as it was, from its backup. */
    static GenericKubernetesResource original(GenericKubernetesResource backup) {
        Object encoded = Specs.at(backup, "data", OBJECT_KEY);
        if (encoded == null) {
            throw new IllegalArgumentException("backup Secret " + Resources.key(backup) + " has no " + OBJECT_KEY);
        }
        String json = new String(Base64.getDecoder().decode(encoded.toString()), StandardCharsets.UTF_8);
        return Resources.SERIALIZATION.unmarshal(json, GenericKubernetesResource.class);
    }

    /** What the snapshot file keeps of a Secret: its identity, labels and annotations, no data. */
    static GenericKubernetesResource withoutData(GenericKubernetesResource secret) {
        GenericKubernetesResource copy = Resources.withoutServerFields(secret);
        copy.getAdditionalProperties().remove("data");
        copy.getAdditionalProperties().remove("stringData");
        if (copy.getMetadata().getAnnotations() != null) {
            copy.getMetadata().getAnnotations().remove(Resources.LAST_APPLIED);
        }
        return copy;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
