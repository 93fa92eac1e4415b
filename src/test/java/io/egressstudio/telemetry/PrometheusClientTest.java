package io.egressstudio.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.egressstudio.certs.CertificateAuthority;
import io.egressstudio.certs.CertificateRequest;
import io.egressstudio.certs.IssuedCertificate;
import io.egressstudio.certs.Pem;
import io.egressstudio.model.KeyType;
import io.egressstudio.telemetry.StubServer.Answer;
import io.egressstudio.telemetry.TelemetryException.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus client against a stub server: the request it sends, the answers it reads, every way it fails. */
class PrometheusClientTest {
    static final String VECTOR = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
            + "{\"metric\":{\"destination_service_name\":\"PassthroughCluster\"},\"value\":[1795830215.599,\"0.27\"]},"
            + "{\"metric\":{},\"value\":[1795830215.599,\"NaN\"]}]}}";

    @TempDir
    Path folder;

    @Test
    void postsTheQueryAsAFormWithTheBearerTokenAndReadsTheVector() throws Exception {
        try (StubServer stub = StubServer.http().answer(Answer.json(VECTOR))) {
            PrometheusClient client = new PrometheusClient(URI.create(stub.url() + "/prom/"),
                    HttpSettings.defaults().withBearerToken("sha256~secret\n"));

            List<PrometheusClient.Sample> samples = client.query("sum(rate(istio_requests_total[1m]))");

            assertThat(samples).hasSize(2);
            assertThat(samples.get(0).labels()).containsEntry("destination_service_name", "PassthroughCluster");
            assertThat(samples.get(0).value()).isEqualTo(0.27);
            assertThat(samples.get(1).value()).isNaN();
            StubServer.Received r = stub.received().get(0);
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/prom/api/v1/query");
            assertThat(r.header("Authorization")).isEqualTo("Bearer sha256~secret");
            assertThat(URLDecoder.decode(r.body(), StandardCharsets.UTF_8))
                    .isEqualTo("query=sum(rate(istio_requests_total[1m]))");
        }
    }

    @Test
    void withoutATokenNoAuthorizationHeaderIsSent() throws Exception {
        try (StubServer stub = StubServer.http().answer(Answer.json(VECTOR))) {
            new PrometheusClient(stub.url(), HttpSettings.defaults()).query("up");

            assertThat(stub.received().get(0).header("Authorization")).isNull();
        }
    }

    private static TelemetryException failure(StubServer stub, HttpSettings settings) {
        return catchThrowableOfType(TelemetryException.class,
                () -> new PrometheusClient(stub.url(), settings).query("up"));
    }

    @Test
    void unauthorizedAndForbiddenAreRejections() throws Exception {
        try (StubServer stub = StubServer.http()) {
            stub.answer(Answer.status(401, "Unauthorized"));
            TelemetryException e401 = failure(stub, HttpSettings.defaults());
            stub.answer(Answer.status(403, "Forbidden"));
            TelemetryException e403 = failure(stub, HttpSettings.defaults());

            assertThat(e401.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e401).hasMessageContaining("401").hasMessageContaining("token");
            assertThat(e403.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e403).hasMessageContaining("403").hasMessageContaining("cluster-monitoring-view");
        }
    }

    @Test
    void aGatewayThatCannotReachPrometheusMakesItUnreachable() throws Exception {
        try (StubServer stub = StubServer.http().answer(new Answer(503, "text/html",
                "<html><body>Application is not available</body></html>", java.util.Map.of()))) {
            TelemetryException e = failure(stub, HttpSettings.defaults());

            assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
            assertThat(e).hasMessageContaining("not available (HTTP 503").hasMessageContaining("Application is not");
        }
    }

    @Test
    void malformedJsonIsABadAnswer() throws Exception {
        try (StubServer stub = StubServer.http().answer(Answer.json("{\"status\":\"success\",\"data\":{\"res"))) {
            TelemetryException e = failure(stub, HttpSettings.defaults());

            assertThat(e.kind()).isEqualTo(Kind.BAD_ANSWER);
            assertThat(e).hasMessageContaining("not JSON");
        }
    }

    @Test
    void anHtmlLoginPageIsABadAnswer() throws Exception {
        try (StubServer stub = StubServer.http().answer(new Answer(200, "text/html", "<html>log in</html>",
                java.util.Map.of()))) {
            assertThat(failure(stub, HttpSettings.defaults()).kind()).isEqualTo(Kind.BAD_ANSWER);
        }
    }

    @Test
    void aQueryErrorCarriesPrometheusMessage() throws Exception {
        try (StubServer stub = StubServer.http().answer(new Answer(400, "application/json",
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 5\"}",
                java.util.Map.of()))) {
            TelemetryException e = failure(stub, HttpSettings.defaults());

            assertThat(e.kind()).isEqualTo(Kind.BAD_ANSWER);
            assertThat(e).hasMessageContaining("HTTP 400").hasMessageContaining("parse error at char 5");
        }
    }

    @Test
    void aResultThatIsNotAVectorIsABadAnswer() throws Exception {
        try (StubServer stub = StubServer.http().answer(Answer.json(
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}"))) {
            assertThat(failure(stub, HttpSettings.defaults())).hasMessageContaining("matrix");
        }
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsUnreachable() throws Exception {
        try (StubServer stub = StubServer.http().answer(Answer.json(VECTOR))) {
            stub.holdAnswers();
            long start = System.nanoTime();

            TelemetryException e = failure(stub, HttpSettings.defaults().withTimeout(Duration.ofMillis(300)));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
            assertThat(e).hasMessageContaining("did not answer within 300 ms");
        }
    }

    @Test
    void aRefusedConnectionIsUnreachableAndTellsTheLocator() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + port);
        AtomicInteger told = new AtomicInteger();
        EndpointLocator locator = new EndpointLocator() {
            @Override
            public URI locate() {
                return dead;
            }

            @Override
            public void unreachable(URI endpoint) {
                told.incrementAndGet();
            }
        };

        assertThatThrownBy(() -> new PrometheusClient(locator, HttpSettings.defaults()).query("up"))
                .isInstanceOfSatisfying(TelemetryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
                    assertThat(e).hasMessageContaining("refused the connection");
                });
        assertThat(told).hasValue(1);
    }

    // --- TLS: a private CA given as a PEM file; verification is never off ---

    private static SSLContext serverContext(IssuedCertificate server) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", server.privateKey().orElseThrow(), new char[0],
                server.chain().toArray(new Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private Path pem(CertificateAuthority ca, String name) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, "# the CA of the route\n" + Pem.certificate(ca.certificate()));
        return file;
    }

    @Test
    void aServerSignedByTheGivenCaIsTrustedAndOthersAreNot() throws Exception {
        CertificateAuthority ca = CertificateAuthority.createRoot("telemetry test CA", KeyType.EC_P256, 1);
        CertificateAuthority other = CertificateAuthority.createRoot("another CA", KeyType.EC_P256, 1);
        IssuedCertificate server = ca.issue(CertificateRequest.server(List.of("127.0.0.1", "localhost"),
                KeyType.EC_P256, 1));
        try (StubServer stub = StubServer.https(serverContext(server)).answer(Answer.json(VECTOR))) {
            HttpSettings trusted = HttpSettings.defaults().withSslContext(TlsTrust.fromPemFile(pem(ca, "ca.pem")));
            assertThat(new PrometheusClient(stub.url(), trusted).query("up")).hasSize(2);

            TelemetryException untrusted = failure(stub, HttpSettings.defaults());
            assertThat(untrusted.kind()).isEqualTo(Kind.UNREACHABLE);
            assertThat(untrusted).hasMessageContaining("TLS failed").hasMessageContaining("PEM");

            HttpSettings wrong = HttpSettings.defaults().withSslContext(TlsTrust.fromPemFile(pem(other, "other.pem")));
            assertThat(failure(stub, wrong).kind()).isEqualTo(Kind.UNREACHABLE);
        }
    }

    @Test
    void theHostNameIsVerified() throws Exception {
        CertificateAuthority ca = CertificateAuthority.createRoot("telemetry test CA", KeyType.EC_P256, 1);
        IssuedCertificate elsewhere = ca.issue(CertificateRequest.server(List.of("prometheus.example.com"),
                KeyType.EC_P256, 1));
        try (StubServer stub = StubServer.https(serverContext(elsewhere)).answer(Answer.json(VECTOR))) {
            HttpSettings trusted = HttpSettings.defaults().withSslContext(TlsTrust.fromPemFile(pem(ca, "ca.pem")));

            TelemetryException e = failure(stub, trusted);

            assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
            assertThat(e).hasMessageContaining("TLS failed");
        }
    }

    @Test
    void aFileWithoutCertificatesIsRefused() throws Exception {
        Path junk = folder.resolve("junk.pem");
        Files.writeString(junk, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> TlsTrust.fromPemFile(junk)).isInstanceOf(IOException.class)
                .hasMessageContaining("no PEM certificate");
    }
}
