package io.egressstudio.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the real write strategy sends, against a tiny recording server (fabric8's mock rejects server-side apply and
 * ignores dry run, so it cannot show this): an apply patch with field manager egress-studio and force, no
 * resourceVersion; dry run as dryRun=All; and how the server's answers to dry run are read.
 */
class ServerSideApplyTest {
    record Recorded(String method, String uri, String contentType, String body) {
    }

    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "";
    private HttpServer server;
    private ClusterConnection connection;

    private static final GenericKubernetesResource SE = Resources.SERIALIZATION.unmarshal("""
            apiVersion: networking.istio.io/v1beta1
            kind: ServiceEntry
            metadata:
              name: se
              namespace: greetings-client
              labels: {egress-studio.io/scenario: s}
            spec:
              hosts: [a.example.com]
            """, GenericKubernetesResource.class);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        connection = ClusterConnection.of(new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .withRequestRetryBackoffLimit(0).build()).build(), "recording", WriteStrategy.SERVER_SIDE_APPLY);
    }

    @AfterEach
    void stop() {
        connection.close();
        server.stop(0);
    }

    @Test
    void applyIsAServerSideApplyPatchWithTheFieldManager() {
        answer = Resources.SERIALIZATION.asJson(SE);
        WriteStrategy.SERVER_SIDE_APPLY.write(connection.api(), ApiKind.SERVICE_ENTRY, SE);

        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("PATCH");
            assertThat(r.uri()).startsWith("/apis/networking.istio.io/v1beta1/namespaces/greetings-client/serviceentries/se?")
                    .contains("fieldManager=egress-studio").contains("force=true").doesNotContain("dryRun");
            assertThat(r.contentType()).startsWith("application/apply-patch+yaml");
            assertThat(r.body()).contains("a.example.com").doesNotContain("resourceVersion");
        });
    }

    @Test
    void dryRunAsksTheServerWithoutChangingAnything() {
        answer = Resources.SERIALIZATION.asJson(SE);
        WriteStrategy.DryRun result = WriteStrategy.SERVER_SIDE_APPLY.dryRun(connection.api(), ApiKind.SERVICE_ENTRY, SE);
        assertThat(result.supported()).isTrue();
        assertThat(result.rejection()).isNull();
        assertThat(requests).singleElement().satisfies(r -> assertThat(r.uri()).contains("dryRun=All"));
    }

    @Test
    void aValidatingWebhookRejectionIsReportedForThatObject() {
        status = 400;
        answer = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":400,\"reason\":\"BadRequest\","
                + "\"message\":\"admission webhook \\\"validation.istio.io\\\" denied the request: configuration is "
                + "invalid: hosts must not be empty\"}";
        WriteStrategy.DryRun result = WriteStrategy.SERVER_SIDE_APPLY.dryRun(connection.api(), ApiKind.SERVICE_ENTRY, SE);
        assertThat(result.supported()).isTrue();
        assertThat(result.rejection()).isNotNull();
        assertThat(result.rejection().getMessage()).contains("validation.istio.io", "hosts must not be empty",
                "ServiceEntry greetings-client/se");
    }

    @Test
    void aServerWithoutServerSideApplySaysSo() {
        status = 415;
        answer = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":415,"
                + "\"message\":\"the body of the request was in an unknown format\"}";
        WriteStrategy.DryRun result = WriteStrategy.SERVER_SIDE_APPLY.dryRun(connection.api(), ApiKind.SERVICE_ENTRY, SE);
        assertThat(result.supported()).isFalse();
        assertThat(result.note()).contains("does not support server-side apply dry run (415)");
    }
}
