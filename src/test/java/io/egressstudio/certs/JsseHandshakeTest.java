package io.egressstudio.certs;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.model.KeyType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Real TLS handshakes over loopback with the JDK's JSSE: a server that requires client certificates, presenting the
 * issued server certificate; clients presenting issued client certificates. Both sides trust only the CA.
 */
class JsseHandshakeTest {
    private static final int TIMEOUT_MS = 10_000;
    private static final char[] STORE_PASSWORD = "test".toCharArray();
    private static final ExecutorService SERVER_THREADS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "tls-test-server");
        thread.setDaemon(true);
        return thread;
    });

    @AfterAll
    static void stopServers() {
        SERVER_THREADS.shutdownNow();
    }

    @Test
    void mutualTlsSucceedsAndTheServerSeesTheClientsSubject() throws Exception {
        Result result = handshake(Pki.SERVER, Pki.CA, Pki.CLIENT, Pki.CA, Pki.SERVER_HOST);
        assertThat(result.clientError()).isNull();
        assertThat(result.serverSawClient()).isEqualTo("CN=greeting-client");
        assertThat(result.clientSawServer()).isEqualTo("CN=greeting.remote.com");
    }

    @Test
    void hostnameVerificationPassesForEverySanKind() throws Exception {
        for (String host : List.of("greeting.remote.com", "hr-stio-sstm-svc.apps.example.com", "127.0.0.1")) {
            Result result = handshake(Pki.SERVER, Pki.CA, Pki.CLIENT, Pki.CA, host);
            assertThat(result.clientError()).as(host).isNull();
            assertThat(result.serverSawClient()).as(host).isEqualTo("CN=greeting-client");
        }
    }

    @Test
    void hostnameVerificationFailsForAHostTheSansDoNotCover() throws Exception {
        for (String host : List.of("other.remote.com", "a.b.apps.example.com", "127.0.0.2")) {
            Result result = handshake(Pki.SERVER, Pki.CA, Pki.CLIENT, Pki.CA, host);
            assertThat(result.clientError()).as(host).isInstanceOf(SSLHandshakeException.class);
            assertThat(rootMessage(result.clientError())).as(host).containsAnyOf("No subject alternative",
                    "No name matching");
            assertThat(new CertificateInspector().checkHost(Pki.SERVER.certificate(), host)).as(host).isNotEmpty();
        }
    }

    @Test
    void aClientWithoutACertificateIsRejected() throws Exception {
        Result result = handshake(Pki.SERVER, Pki.CA, null, Pki.CA, Pki.SERVER_HOST);
        assertThat(result.serverError()).isInstanceOf(SSLHandshakeException.class);
        assertThat(rootMessage(result.serverError())).contains("Empty client certificate chain");
        assertThat(result.clientError()).isNotNull();
        assertThat(result.serverSawClient()).isNull();
    }

    @Test
    void aClientCertificateFromAnotherCaIsRejected() throws Exception {
        IssuedCertificate foreign = Pki.OTHER_CA.issue(CertificateRequest.client("greeting-client", KeyType.EC_P256,
                30));
        Result result = handshake(Pki.SERVER, Pki.CA, foreign, Pki.CA, Pki.SERVER_HOST);
        assertThat(result.serverError()).isInstanceOf(SSLHandshakeException.class);
        assertThat(rootMessage(result.serverError())).containsAnyOf("unable to find valid certification path",
                "PKIX path building failed");
        assertThat(result.clientError()).isNotNull();
        // the inspector predicts the same
        assertThat(new CertificateInspector().checkChain(foreign.chain(), Pki.CA.certificate())).isNotEmpty();
    }

    @Test
    void aCaRecreatedWithTheSameNameIsNotTrusted() throws Exception {
        IssuedCertificate twin = Pki.SAME_NAME_CA.issue(CertificateRequest.client("greeting-client", KeyType.EC_P256,
                30));
        Result result = handshake(Pki.SERVER, Pki.CA, twin, Pki.CA, Pki.SERVER_HOST);
        assertThat(result.serverError()).isInstanceOf(SSLHandshakeException.class);
        assertThat(rootMessage(result.serverError())).containsAnyOf("unable to find valid certification path",
                "PKIX path building failed", "does not chain with any of the trust anchors");
    }

    @Test
    void aServerCertificateUsedAsAClientCertificateIsRejected() throws Exception {
        Result result = handshake(Pki.SERVER, Pki.CA, Pki.SERVER, Pki.CA, Pki.SERVER_HOST);
        assertThat(result.serverError()).isInstanceOf(SSLHandshakeException.class);
        assertThat(rootMessage(result.serverError())).containsIgnoringCase("extended key usage");
    }

    @Test
    void ecdsaCertificatesThroughAnIntermediateCa() throws Exception {
        CertificateAuthority intermediate = Pki.CA.createIntermediate("Handshake Intermediate", KeyType.EC_P256, 100);
        IssuedCertificate server = intermediate.issue(CertificateRequest.server(List.of("ec.example.com"),
                KeyType.EC_P256, 30));
        IssuedCertificate client = intermediate.issue(CertificateRequest.client("ec-client", KeyType.EC_P256, 30));
        Result result = handshake(server, Pki.CA, client, Pki.CA, "ec.example.com");
        assertThat(result.clientError()).isNull();
        assertThat(result.serverSawClient()).isEqualTo("CN=ec-client");
    }

    // ------------------------------------------------------------------ harness

    /** What each side saw: the peer's subject, or the exception that ended its side of the handshake. */
    record Result(String serverSawClient, Throwable serverError, String clientSawServer, Throwable clientError) {
    }

    /**
     * One connection: a server presenting {@code server} and trusting {@code serverTrust} for clients, requiring a
     * client certificate; a client presenting {@code client} (or none), trusting {@code clientTrust}, verifying
     * {@code host} with endpoint identification "HTTPS".
     */
    private static Result handshake(IssuedCertificate server, CertificateAuthority serverTrust,
                                    IssuedCertificate client, CertificateAuthority clientTrust, String host)
            throws Exception {
        SSLContext serverContext = context(server, serverTrust);
        SSLContext clientContext = context(client, clientTrust);
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            listener.setSoTimeout(TIMEOUT_MS);
            Future<String> serverSide = SERVER_THREADS.submit(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout(TIMEOUT_MS);
                    socket.startHandshake();
                    String peer = socket.getSession().getPeerPrincipal().getName();
                    socket.getOutputStream().write('k');
                    socket.getOutputStream().flush();
                    return peer;
                }
            });
            String clientSawServer = null;
            Throwable clientError = null;
            try (Socket raw = new Socket()) {
                raw.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()),
                        TIMEOUT_MS);
                raw.setSoTimeout(TIMEOUT_MS);
                try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory()
                        .createSocket(raw, host, listener.getLocalPort(), false)) {
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    if (!HostNames.isIpLiteral(host)) {
                        parameters.setServerNames(List.of(new SNIHostName(host)));
                    }
                    socket.setSSLParameters(parameters);
                    socket.startHandshake();
                    clientSawServer = socket.getSession().getPeerPrincipal().getName();
                    // TLS 1.3: a server that rejects the client certificate says so after the client's Finished;
                    // reading the server's byte makes that rejection visible here.
                    if (socket.getInputStream().read() != 'k') {
                        throw new IOException("the server closed the connection");
                    }
                } catch (IOException e) {
                    clientError = e;
                    clientSawServer = null;
                }
            }
            String serverSawClient = null;
            Throwable serverError = null;
            try {
                serverSawClient = serverSide.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                serverError = e.getCause();
            }
            return new Result(serverSawClient, serverError, clientSawServer, clientError);
        }
    }

    private static SSLContext context(IssuedCertificate identity, CertificateAuthority trust) throws Exception {
        KeyManagerFactory keyManagers = null;
        if (identity != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("identity", identity.privateKey().orElseThrow(), STORE_PASSWORD,
                    identity.chain().toArray(Certificate[]::new));
            // SunX509 keeps the alias as given (the PKIX factory prefixes it)
            keyManagers = KeyManagerFactory.getInstance("SunX509");
            keyManagers.init(keys, STORE_PASSWORD);
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        X509Certificate root = trust.root();
        trusted.setCertificateEntry("ca", root);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers == null ? null : new KeyManager[] {
            new AlwaysPresent((X509ExtendedKeyManager) keyManagers.getKeyManagers()[0])},
                trustManagers.getTrustManagers(), null);
        return context;
    }

    /**
     * JSSE's client leaves out a certificate whose issuer is not among the CAs the server names; Envoy and curl send
     * theirs anyway. Always presenting it makes the server's own trust check the thing under test.
     */
    private static final class AlwaysPresent extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager delegate;

        AlwaysPresent(X509ExtendedKeyManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return "identity";
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return "identity";
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return delegate.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return delegate.chooseEngineServerAlias(keyType, issuers, engine);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return delegate.getClientAliases(keyType, issuers);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return delegate.getServerAliases(keyType, issuers);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate.getPrivateKey(alias);
        }
    }

    private static String rootMessage(Throwable error) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
