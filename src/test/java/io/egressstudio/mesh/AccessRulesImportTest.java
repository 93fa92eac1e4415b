package io.egressstudio.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.ManifestReader;
import io.egressstudio.model.AccessAction;
import io.egressstudio.model.AccessRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AuthorizationPolicies on a gateway's pods read back as access rules, and what they cannot say is named. */
class AccessRulesImportTest {
    private static final String POLICIES = """
            apiVersion: maistra.io/v2
            kind: ServiceMeshControlPlane
            metadata: {name: basic, namespace: istio-system}
            spec: {version: v2.6}
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: egress, namespace: istio-system}
            spec:
              selector: {matchLabels: {istio: egressgateway}}
              rules:
                - from: [{source: {namespaces: [greetings-client]}}]
                  to: [{operation: {hosts: [greeting.remote.com], ports: ["8080"]}}]
                - when: [{key: connection.sni, values: [tls.example.com]}]
                - from: [{source: {notNamespaces: [other]}}]
                - when: [{key: "request.headers[x-team]", values: [a]}]
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: no-post, namespace: istio-system}
            spec:
              selector: {matchLabels: {istio: egressgateway}}
              action: DENY
              rules: [{to: [{operation: {methods: [POST]}}]}]
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: ext, namespace: istio-system}
            spec:
              selector: {matchLabels: {istio: egressgateway}}
              action: CUSTOM
              provider: {name: opa}
              rules: [{}]
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: ingress-only, namespace: istio-system}
            spec:
              selector: {matchLabels: {istio: ingressgateway}}
              rules: [{}]
            """;

    @Test
    void theGatewaysPoliciesBecomeItsAccessRulesAndTheRestIsNamedInNotes() throws Exception {
        MeshView view = MeshView.of(ManifestReader.parse(POLICIES, "policies.yaml"));

        AccessRulesImport.Result result = AccessRulesImport.of(view, "istio-system", Map.of("istio", "egressgateway"));

        assertThat(result.rules()).containsExactly(
                new AccessRule(AccessAction.ALLOW, List.of("greetings-client"), List.of(), List.of("greeting.remote.com"),
                        List.of(8080), List.of(), List.of()),
                new AccessRule(AccessAction.ALLOW, null, null, List.of("tls.example.com"), null, null, null),
                new AccessRule(AccessAction.DENY, null, null, null, null, List.of("POST"), List.of()));
        assertThat(result.notes()).containsExactly(
                "left out AuthorizationPolicy/istio-system/egress spec.rules[2]: source fields other than namespaces and "
                        + "principals",
                "left out AuthorizationPolicy/istio-system/egress spec.rules[3]: when request.headers[x-team] (only "
                        + "connection.sni values are access-rule hosts)",
                "left out AuthorizationPolicy/istio-system/ext: CUSTOM policies cannot be drawn as access rules");
    }
}
