package io.egressstudio.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressstudio.mesh.ResourceSet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {
    @TempDir
    Path home;

    private static GenericKubernetesResource yaml(String text) {
        return Resources.SERIALIZATION.unmarshal(text, GenericKubernetesResource.class);
    }

    @Test
    void snapshotsArePrivateFilesKeyedByContextAndScenario() throws Exception {
        Path dir = SnapshotStore.defaultDirectory(Map.of(), home);
        assertThat(dir).isEqualTo(home.resolve(".config/egress-studio/snapshots"));
        assertThat(SnapshotStore.defaultDirectory(Map.of("XDG_CONFIG_HOME", "/etc/xdg-test"), home))
                .isEqualTo(Path.of("/etc/xdg-test/egress-studio/snapshots"));
        SnapshotStore store = new SnapshotStore(dir);
        String context = "default/api-crc-testing:6443/kube:admin";
        GenericKubernetesResource before = yaml("""
                apiVersion: networking.istio.io/v1beta1
                kind: ServiceEntry
                metadata: {name: se, namespace: ns, labels: {owner: me}}
                spec: {hosts: [a.example.com]}
                """);
        Snapshot snapshot = new Snapshot("0a1b2c3d", context, "https://api.crc.testing:6443", "1a-simple",
                Instant.parse("2026-11-28T10:00:00Z"), Snapshot.Status.COMPLETE, List.of(
                new Snapshot.Entry(new ResourceSet.Key("ServiceEntry", "ns", "se"), "networking.istio.io/v1beta1",
                        PlannedChange.Action.UPDATE, before, null, true, "17"),
                new Snapshot.Entry(new ResourceSet.Key("Namespace", null, "ns"), "v1", PlannedChange.Action.CREATE,
                        null, null, false, null),
                new Snapshot.Entry(new ResourceSet.Key("Secret", "ns", "cred"), "v1", PlannedChange.Action.UPDATE,
                        yaml("apiVersion: v1\nkind: Secret\nmetadata: {name: cred, namespace: ns}\ntype: Opaque\n"),
                        new Snapshot.SecretBackup("ns", "egress-studio-backup-0a1b2c3d-1234567890"), false, null)));
        store.save(snapshot);

        Path file = store.fileFor(context, "1a-simple");
        assertThat(file.getFileName().toString()).startsWith("default_api-crc-testing_6443_kube_admin--1a-simple-")
                .endsWith(".yaml");
        assertThat(store.fileFor("default/api-crc-testing:6443/kube-admin", "1a-simple")).isNotEqualTo(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(store.load(context, "1a-simple")).contains(snapshot);
        assertThat(store.load(context, "other")).isEmpty();
        store.remove(context, "1a-simple");
        assertThat(file).doesNotExist();
    }

    @Test
    void secretDataNeverReachesTheFile() {
        Snapshot snapshot = new Snapshot("id", "ctx", "https://x", "s", Instant.EPOCH, Snapshot.Status.IN_PROGRESS,
                List.of(new Snapshot.Entry(new ResourceSet.Key("Secret", "ns", "cred"), "v1",
                        PlannedChange.Action.UPDATE, yaml("""
                                apiVersion: v1
                                kind: Secret
                                metadata: {name: cred, namespace: ns}
                                data: {tls.key: c2VjcmV0}
                                """), null, false, null)));
        assertThatThrownBy(() -> new SnapshotStore(home).save(snapshot))
                .hasMessageContaining("never holds Secret data");
        assertThat(home.toFile().list()).isEmpty();
    }

    @Test
    void aSecretIsKeptWholeInItsBackupAndWithoutDataInTheSnapshot() {
        GenericKubernetesResource live = yaml("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: cred
                  namespace: ns
                  resourceVersion: "5"
                  annotations: {kubectl.kubernetes.io/last-applied-configuration: '{"data":{"k":"c2VjcmV0"}}', a: b}
                type: Opaque
                data: {k: c2VjcmV0}
                """);
        GenericKubernetesResource backup = SecretBackups.backupOf(live, "0a1b2c3d", "s");
        assertThat(backup.getMetadata().getLabels()).containsEntry("egress-studio.io/backup-for", "s")
                .doesNotContainKey("egress-studio.io/scenario");
        assertThat(Rollback.same(SecretBackups.original(backup), live)).isTrue();
        GenericKubernetesResource kept = SecretBackups.withoutData(live);
        assertThat(Resources.SERIALIZATION.asJson(kept)).doesNotContain("c2VjcmV0");
        assertThat(kept.getMetadata().getAnnotations()).containsOnly(Map.entry("a", "b"));
    }
}
