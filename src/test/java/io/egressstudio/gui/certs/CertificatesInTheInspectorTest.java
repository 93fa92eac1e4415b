package io.egressstudio.gui.certs;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.certs.CertificateFiles;
import io.egressstudio.design.DesignFinding;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.gui.inspector.InspectorViewModel;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.SecretLayout;
import io.egressstudio.model.SecretPlacement;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates made from the inspector's certificate fields, issued into the config folder, filling the Secrets. */
class CertificatesInTheInspectorTest {
    private static final Executor DIRECT = Runnable::run;

    private static MainViewModel main(Scenario s) {
        return new MainViewModel(s, new DesignPipeline(PredictionEngines.standard()), DIRECT, DIRECT);
    }

    private static Scenario mutualWithoutCertificates() throws Exception {
        return MutualDesigns.withoutCertificates();
    }

    private static List<String> codes(MainViewModel vm) {
        return vm.analysis().findings().stream().map(DesignFinding::code).toList();
    }

    @Test
    void newCaAndNewClientCertificateFromTheLinksFieldsAreAddedPickedAndClearTheFinding(@TempDir Path config)
            throws Exception {
        MainViewModel vm = main(mutualWithoutCertificates());
        InspectorViewModel inspector = new InspectorViewModel(vm, new CertificateStore(config));
        vm.selection().select("greeting-call");
        assertThat(codes(vm)).contains("ES0001");
        InspectorViewModel.Field ca = inspector.field("sidecarTls.caCertificate");
        InspectorViewModel.Field client = inspector.field("sidecarTls.clientCertificate");
        assertThat(ca.creates()).isEqualTo(CertificateKind.CA);
        assertThat(client.creates()).isEqualTo(CertificateKind.CLIENT);
        assertThat(inspector.field("sidecarTls.sni").creates()).isNull();

        assertThat(inspector.createCertificate(ca)).isTrue();
        assertThat(ca.textProperty().get()).isEqualTo("client-mesh-ca");
        assertThat(ca.choices()).contains("client-mesh-ca");
        assertThat(codes(vm)).doesNotContain("ES0001");
        CertificateSpec newCa = vm.shown().certificate("client-mesh-ca").orElseThrow();
        assertThat(newCa.kind()).isEqualTo(CertificateKind.CA);
        assertThat(newCa.commonName()).isEqualTo("client-mesh CA");

        assertThat(inspector.createCertificate(client)).isTrue();
        String clientId = client.textProperty().get();
        assertThat(clientId).isEqualTo("rest-client-greeting-client");
        assertThat(client.choices()).contains("client-mesh-ca", clientId);
        CertificateSpec issuedFor = vm.shown().certificate(clientId).orElseThrow();
        assertThat(issuedFor.kind()).isEqualTo(CertificateKind.CLIENT);
        assertThat(issuedFor.commonName()).isEqualTo("rest-client-greeting");
        assertThat(issuedFor.issuer()).isEqualTo("client-mesh-ca");
        assertThat(issuedFor.dnsNames()).containsExactly("rest-client-greeting.greetings-client.svc.cluster.local");
        // the link mounts its credential Secret: the certificate is placed in it, in the files layout
        assertThat(issuedFor.secrets()).containsExactly(new SecretPlacement("greeting-client-secret",
                "greetings-client", SecretLayout.FILES, false));

        vm.undo();
        assertThat(vm.shown().certificate(clientId)).isEmpty();
        assertThat(client.textProperty().get()).isEmpty();
        vm.redo();
        assertThat(client.textProperty().get()).isEqualTo(clientId);
    }

    @Test
    void aClientCertificateWithoutACaFirstAddsTheCaTheServerTrusts(@TempDir Path config) throws Exception {
        MainViewModel vm = main(mutualWithoutCertificates());
        InspectorViewModel inspector = new InspectorViewModel(vm, new CertificateStore(config));
        vm.selection().select("greeting-call");
        assertThat(inspector.createCertificate(inspector.field("sidecarTls.clientCertificate"))).isTrue();
        assertThat(vm.shown().certificates()).extracting(CertificateSpec::id)
                .containsExactly("client-mesh-ca", "rest-client-greeting-client");
        assertThat(vm.shown().certificate("rest-client-greeting-client").orElseThrow().issuer())
                .isEqualTo("client-mesh-ca");
    }

    @Test
    void aServerCertificateCoversTheExternalHostAndGoesInTheIngressSecret(@TempDir Path config) throws Exception {
        MainViewModel vm = main(mutualWithoutCertificates());
        InspectorViewModel inspector = new InspectorViewModel(vm, new CertificateStore(config));
        vm.selection().select("greeting-remote");
        InspectorViewModel.Field server = inspector.field("server.certificate");
        assertThat(server.creates()).isEqualTo(CertificateKind.SERVER);
        assertThat(inspector.createCertificate(server)).isTrue();
        CertificateSpec cert = vm.shown().certificate(server.textProperty().get()).orElseThrow();
        assertThat(cert.dnsNames()).containsExactly("greeting.remote.com");
        assertThat(cert.commonName()).isEqualTo("greeting.remote.com");
        assertThat(cert.issuer()).isEqualTo(inspector.field("server.ca").textProperty().get()).isEqualTo("service-mesh-ca");
        assertThat(cert.secrets()).containsExactly(new SecretPlacement("greeting-remote-secret",
                "istio-system-service", SecretLayout.TLS, false));
    }

    @Test
    void issuingWritesPrivateKeysOnlyToTheConfigFolderAndFillsTheSecrets(@TempDir Path config) throws Exception {
        MainViewModel vm = main(mutualWithoutCertificates());
        CertificateStore store = new CertificateStore(config.resolve("certs"));
        InspectorViewModel inspector = new InspectorViewModel(vm, store);
        vm.selection().select("greeting-call");
        inspector.createCertificate(inspector.field("sidecarTls.caCertificate"));
        inspector.createCertificate(inspector.field("sidecarTls.clientCertificate"));
        CertificatesViewModel certificates = new CertificatesViewModel(vm, store, DIRECT, DIRECT);
        assertThat(certificates.rows()).extracting(CertificatesViewModel.Row::expires)
                .containsOnly("not issued");

        assertThat(store.issuedFolder("1a-mutual")).isNull();
        CertificateStore.IssueReport report = certificates.issue().get();
        assertThat(certificates.lastIssueProperty().get()).isSameAs(report);
        assertThat(store.issuedFolder("1a-mutual")).isEqualTo(report.folder());
        Path folder = config.resolve("certs").resolve("1a-mutual");
        assertThat(report.folder()).isEqualTo(folder);
        assertThat(report.issued()).containsExactly("client-mesh-ca", "rest-client-greeting-client");
        assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(CertificateStore.FOLDER_PERMISSIONS);
        for (String id : report.issued()) {
            assertThat(Files.getPosixFilePermissions(folder.resolve(id + ".key")))
                    .isEqualTo(CertificateFiles.KEY_PERMISSIONS);
        }
        assertThat(certificates.rows()).extracting(CertificatesViewModel.Row::expires)
                .allMatch(e -> e.contains("days left"));
        assertThat(certificates.rows().get(1).subject()).isEqualTo("CN=rest-client-greeting");
        assertThat(certificates.rows().get(1).names())
                .isEqualTo("DNS:rest-client-greeting.greetings-client.svc.cluster.local");

        // the inspector shows what was issued for a selected certificate
        vm.selection().select("rest-client-greeting-client");
        assertThat(inspector.explanationProperty().get()).contains("Issued: CN=rest-client-greeting")
                .contains("Issuer: CN=client-mesh CA").contains("days left");

        // the scenario saved afterwards holds descriptions only
        Path saved = config.resolve("saved.yaml");
        ScenarioFile.save(vm.document().scenario(), saved);
        String text = Files.readString(saved);
        assertThat(text).contains("rest-client-greeting-client").doesNotContain("PRIVATE KEY")
                .doesNotContain("BEGIN");

        // generation fills the mounted Secret from the folder; the display copy hides the key
        CertificateGeneration generation = new CertificateGeneration(store);
        ResourceSet resources = generation.generate(vm.document().scenario());
        Secret secret = (Secret) resources.get("Secret", "greetings-client", "greeting-client-secret")
                .orElseThrow().resource();
        String key = new String(Base64.getDecoder().decode(secret.getData().get("rest-client-greeting-client.key")),
                StandardCharsets.UTF_8);
        assertThat(key).contains("PRIVATE KEY");
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("client-mesh-ca.crt")),
                StandardCharsets.UTF_8)).isEqualTo(Files.readString(folder.resolve("client-mesh-ca.crt")));
        Secret shown = (Secret) CertificateGeneration.forDisplay(resources)
                .get("Secret", "greetings-client", "greeting-client-secret").orElseThrow().resource();
        assertThat(shown.getData().get("rest-client-greeting-client.key")).doesNotContain("PRIVATE")
                .isEqualTo(io.egressstudio.certs.CertificateSecrets.REDACTED);
        assertThat(ScenarioGenerator.generate(vm.document().scenario()).get("Secret", "greetings-client",
                "greeting-client-secret").orElseThrow().resource()).isNotEqualTo(secret);
    }

    @Test
    void issuingAgainKeepsWhatStillMatchesAndReissuesWhatChanged(@TempDir Path config) throws Exception {
        MainViewModel vm = main(mutualWithoutCertificates());
        CertificateStore store = new CertificateStore(config);
        InspectorViewModel inspector = new InspectorViewModel(vm, store);
        vm.selection().select("greeting-call");
        inspector.createCertificate(inspector.field("sidecarTls.clientCertificate"));
        Path folder = store.folderFor("1a-mutual");
        store.issue(vm.document().scenario(), m -> { });
        String caBefore = Files.readString(folder.resolve("client-mesh-ca.crt"));
        String clientBefore = Files.readString(folder.resolve("rest-client-greeting-client.crt"));

        CertificateStore.IssueReport again = store.issue(vm.document().scenario(), m -> { });
        assertThat(again.issued()).isEmpty();
        assertThat(again.kept()).containsExactly("client-mesh-ca", "rest-client-greeting-client");

        vm.selection().select("rest-client-greeting-client");
        assertThat(inspector.commit(inspector.field("commonName"), "greeting-client")).isTrue();
        CertificateStore.IssueReport changed = store.issue(vm.document().scenario(), m -> { });
        assertThat(changed.kept()).containsExactly("client-mesh-ca");
        assertThat(changed.issued()).containsExactly("rest-client-greeting-client");
        assertThat(Files.readString(folder.resolve("client-mesh-ca.crt"))).isEqualTo(caBefore);
        assertThat(Files.readString(folder.resolve("rest-client-greeting-client.crt"))).isNotEqualTo(clientBefore);
    }

    @Test
    void aGatewayClientCertificateGoesInASecretOfItsOwnInTheGatewaysNamespace(@TempDir Path config) throws Exception {
        Scenario builtIn = io.egressstudio.io.BuiltInScenarios.get("1b-egress-encrypted");
        MainViewModel vm = main(io.egressstudio.io.Steps.after(builtIn, builtIn.steps().size()).withSteps(List.of()));
        InspectorViewModel inspector = new InspectorViewModel(vm, new CertificateStore(config));
        String link = vm.shown().links().get(0).id();
        vm.selection().select(link);
        InspectorViewModel.Field client = inspector.field("egressTls.clientCertificate");
        assertThat(client.textProperty().get()).isEqualTo("greeting-client");

        assertThat(inspector.createCertificate(client)).isTrue();
        CertificateSpec created = vm.shown().certificate(client.textProperty().get()).orElseThrow();
        assertThat(created.id()).isEqualTo("client-egress-client");
        assertThat(created.commonName()).isEqualTo("istio-egressgateway");
        assertThat(created.issuer()).isEqualTo("ca-root");
        // greeting-client-secret is greeting-client's: the new certificate gets its own, and the link names it
        assertThat(created.secrets()).containsExactly(new SecretPlacement("client-egress-client-secret",
                "istio-system-egressgw-mtls-client", SecretLayout.GENERIC, false));
        assertThat(inspector.field("egressTls.credentialName").textProperty().get())
                .isEqualTo("client-egress-client-secret");
        assertThat(vm.analysis().problems()).isEmpty();
    }

    @Test
    void theStoreLivesUnderTheConfigFolder() {
        Path home = Path.of("/home/ana");
        assertThat(CertificateStore.defaultRoot(null, null, home)).isEqualTo(Path.of("/home/ana/.config/egress-studio/certs"));
        assertThat(CertificateStore.defaultRoot(null, "/xdg", home)).isEqualTo(Path.of("/xdg/egress-studio/certs"));
        assertThat(CertificateStore.defaultRoot(null, "relative", home))
                .isEqualTo(Path.of("/home/ana/.config/egress-studio/certs"));
        assertThat(CertificateStore.defaultRoot("/tmp/es", "/xdg", home)).isEqualTo(Path.of("/tmp/es/certs"));
        assertThat(new CertificateStore(Path.of("/c")).folderFor("My Demo/1")).isEqualTo(Path.of("/c/my_demo_1"));
    }
}
