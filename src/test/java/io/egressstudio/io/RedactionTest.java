package io.egressstudio.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@link Redaction} takes out of a peer's text before anyone sees it, and what it leaves alone. */
class RedactionTest {
    @Test
    void authorizationHeadersLoseTheirCredentialInEveryFormAServerEchoesThem() {
        assertThat(Redaction.clean("GET /api HTTP/1.1\r\nAuthorization: Bearer abc.def-ghi_jkl\r\nHost: x"))
                .contains("Authorization: Bearer [REDACTED]").doesNotContain("abc.def-ghi_jkl");
        assertThat(Redaction.clean("{\"headers\":{\"Authorization\":[\"Bearer qwertyuiop123\"]}}"))
                .doesNotContain("qwertyuiop123");
        assertThat(Redaction.clean("proxy-authorization=Basic dXNlcjpwYXNzd29yZA==&x=1"))
                .doesNotContain("dXNlcjpwYXNzd29yZA");
        assertThat(Redaction.clean("sent bearer zxcvbnmasdf to the server")).doesNotContain("zxcvbnmasdf");
    }

    @Test
    void tokenShapedTextIsRedactedWhereverItStands() {
        assertThat(Redaction.clean("token sha256~Xy-9_abcdefghijklmnop is invalid"))
                .isEqualTo("token [REDACTED] is invalid");
        assertThat(Redaction.clean("id eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl end"))
                .isEqualTo("id [REDACTED] end");
        assertThat(Redaction.clean("    token: hunter2-long-secret\n    ^")).doesNotContain("hunter2");
        assertThat(Redaction.clean("\"access_token\": \"s3cr3t-value\"")).doesNotContain("s3cr3t-value");
        assertThat(Redaction.clean("password=open-sesame-42")).doesNotContain("open-sesame");
    }

    @Test
    void privateKeysAndTheirBase64AreRedactedWholeEvenWhenCutOff() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nqwerty\n-----END RSA PRIVATE KEY-----";
        assertThat(Redaction.clean("key: " + pem + " after")).isEqualTo("key: [REDACTED] after");
        assertThat(Redaction.clean("cut -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq")).isEqualTo("cut [REDACTED]");
        assertThat(Redaction.clean("client-key-data: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t"))
                .doesNotContain("LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t");
        assertThat(Redaction.clean("data LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0tCk1IY0NBUUVF"))
                .isEqualTo("data [REDACTED]");
        String certificate = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM=";
        assertThat(Redaction.clean("tls.crt " + certificate)).as("a certificate is public").contains(certificate);
    }

    @Test
    void aRememberedSecretIsRedactedWhateverItLooksLike() {
        Redaction.remember("plain-looking-words-4711");
        assertThat(Redaction.clean("the server said: plain-looking-words-4711 is not welcome"))
                .isEqualTo("the server said: [REDACTED] is not welcome");
        Redaction.remember("short");
        assertThat(Redaction.clean("a short message")).isEqualTo("a short message");
    }

    @Test
    void terminalEscapeSequencesAndControlCharactersAreDroppedButLinesStay() {
        assertThat(Redaction.clean("\u001b[2J\u001b[31mred\u001b[0m alert\u0007\r\nnext\tline\u009b31m"))
                .isEqualTo("red alert\nnext\tline");
        assertThat(Redaction.clean("title \u001b]0;pwned\u0007 done")).isEqualTo("title  done");
    }

    @Test
    void ordinaryMessagesAboutTokensAndSecretsAreLeftAlone() {
        String[] messages = {
            "Prometheus answered 401 Unauthorized: it wants a valid token (give one, or a fresh one)",
            "--kiali-auth bearer needs a token: --kiali-token-file or --token-file",
            "The server rejected create Secret greetings-client/client-cert (422): Secret \"x\" is invalid",
            "context 'dev': user 'dev-user' has a token or password, which would travel in clear"};
        for (String message : messages) {
            assertThat(Redaction.clean(message)).isEqualTo(message);
        }
    }

    @Test
    void anExcerptIsCleanedCollapsedAndShortened() {
        assertThat(Redaction.excerpt("  <html>\n  Authorization: Bearer abcdefghijk \n" + "x".repeat(300), 60))
                .isEqualTo("<html> Authorization: Bearer [REDACTED] " + "x".repeat(20) + "...");
        assertThat(Redaction.excerpt(" \n", 10)).isEqualTo("(empty)");
    }
}
