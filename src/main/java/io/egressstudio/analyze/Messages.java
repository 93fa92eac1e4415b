package io.egressstudio.analyze;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The catalogue of finding codes, in order. A code is never reused: a retired check keeps its line with
 * {@code retired} in its summary. Every code has a page {@code docs/analyzers/CODE.md}.
 */
public final class Messages {
    public static final MessageType TLS_WITHOUT_VERIFICATION = new MessageType("ES0001",
            "TlsOriginationWithoutServerVerification", Severity.WARNING,
            "A DestinationRule originates SIMPLE or MUTUAL TLS without caCertificates: the server is not verified.");
    public static final MessageType CREDENTIAL_SECRET_MISSING = new MessageType("ES0002", "CredentialSecretNotFound",
            Severity.ERROR, "A credentialName names a Secret that is missing from the namespace of the proxy that uses it.");
    public static final MessageType SIDECAR_CREDENTIAL_IGNORED = new MessageType("ES0003", "SidecarCredentialNameIgnored",
            Severity.ERROR, "A DestinationRule applied at sidecars uses credentialName where sidecars ignore it.");
    public static final MessageType RESOLUTION_NONE_VIA_EGRESS = new MessageType("ES0004",
            "ServiceEntryResolutionNoneThroughGateway", Severity.ERROR,
            "A ServiceEntry with resolution NONE is routed through a gateway, which then forwards to itself.");
    public static final MessageType TCP_WITHOUT_ADDRESSES = new MessageType("ES0005", "TcpServiceEntryWithoutAddresses",
            Severity.WARNING, "A ServiceEntry port with protocol TCP (or none) has no addresses: it captures the whole port.");
    public static final MessageType GATEWAY_VS_TLS_MISMATCH = new MessageType("ES0006",
            "GatewayVirtualServiceTlsMismatch", Severity.ERROR,
            "tls routes bound to a server that terminates TLS, or http routes bound to a PASSTHROUGH server.");
    public static final MessageType DOUBLE_TLS = new MessageType("ES0007", "DoubleTls", Severity.ERROR,
            "A port declared HTTPS/TLS (the application sends TLS) also gets TLS originated by a DestinationRule.");
    public static final MessageType PLAINTEXT_TO_STRICT = new MessageType("ES0008", "PlaintextToStrictServer",
            Severity.ERROR, "A DestinationRule makes sidecars send plaintext to workloads whose PeerAuthentication is STRICT.");
    public static final MessageType STRICT_TO_NON_MESH_LOCAL = new MessageType("ES0009", "IstioMtlsToNonMeshLocalHost",
            Severity.ERROR, "A STRICT Maistra mesh calls a *.local host without a sidecar and no rule disables mTLS for it.");
    public static final MessageType MISSING_SNI_PASSTHROUGH_ROUTE = new MessageType("ES0010", "MissingSniForPassthroughRoute",
            Severity.ERROR, "TLS is originated towards an OpenShift passthrough Route without sni.");
    public static final MessageType CONFLICTING_SERVICE_ENTRIES = new MessageType("ES0011", "ConflictingServiceEntries",
            Severity.WARNING, "Several ServiceEntries register one host for the same namespaces.");
    public static final MessageType CONFLICTING_DESTINATION_RULES = new MessageType("ES0012", "ConflictingDestinationRules",
            Severity.WARNING, "Several DestinationRules in one namespace name the same host: only one applies.");
    public static final MessageType UNREGISTERED_DESTINATION_HOST = new MessageType("ES0013",
            "VirtualServiceDestinationHostNotFound", Severity.ERROR,
            "A VirtualService routes to a host that no Service or ServiceEntry registers, whatever the outbound policy.");
    public static final MessageType FEDERATION_UNENCRYPTED = new MessageType("ES0014", "FederationWithoutEncryption",
            Severity.ERROR, "Federation asked to go without encryption, or a peer with no trust configured.");
    public static final MessageType CONFIG_OUTSIDE_MESH = new MessageType("ES0015", "ConfigurationOutsideMesh",
            Severity.WARNING, "Istio configuration in a namespace that no control plane reads.");

    public static final MessageType CERTIFICATE_EXPIRED = new MessageType("ES0016", "CertificateExpired",
            Severity.ERROR, "A certificate in a Secret has expired or is not valid yet.");
    public static final MessageType CERTIFICATE_EXPIRES_SOON = new MessageType("ES0017", "CertificateExpiresSoon",
            Severity.WARNING, "A certificate in a Secret expires within 30 days.");
    public static final MessageType CERTIFICATE_WITHOUT_SAN = new MessageType("ES0018", "CertificateWithoutSubjectAltName",
            Severity.WARNING, "A server certificate has no subjectAltName, or is X.509 v1 without extensions.");
    public static final MessageType SERVER_CERTIFICATE_HOST_MISMATCH = new MessageType("ES0019",
            "ServerCertificateDoesNotCoverHost", Severity.ERROR,
            "A TLS Gateway server's certificate does not cover a host the server serves.");
    public static final MessageType CLIENT_CERTIFICATE_NOT_TRUSTED = new MessageType("ES0020",
            "ClientCertificateNotTrustedByGateway", Severity.ERROR,
            "A client certificate is not signed by the CA that the MUTUAL Gateway it reaches trusts.");


    // Predicted failures: one finding per request whose predicted outcome fails ({@link PredictionFindings}).
    public static final MessageType REQUEST_BLACKHOLED = new MessageType("ES0021", "RequestGoesToBlackHole",
            Severity.ERROR, "A request is predicted to end in BlackHoleCluster: its host is not registered under REGISTRY_ONLY.");
    public static final MessageType REQUEST_NO_ROUTE = new MessageType("ES0022", "RequestFindsNoRoute", Severity.ERROR,
            "A request is predicted to find no route, cluster, server or port on its way (404 NR, 503 NC, refused).");
    public static final MessageType REQUEST_PROTOCOL_MISMATCH = new MessageType("ES0023", "RequestProtocolMismatch",
            Severity.ERROR, "A request is predicted to fail because one side of a hop speaks plaintext and the other TLS.");
    public static final MessageType REQUEST_MTLS_FAILURE = new MessageType("ES0024", "RequestIstioMtlsFails",
            Severity.ERROR, "A request is predicted to fail on an Istio mutual TLS (ISTIO_MUTUAL) hop.");
    public static final MessageType REQUEST_TLS_FAILURE = new MessageType("ES0025", "RequestTlsHandshakeFails",
            Severity.ERROR, "A request is predicted to fail in a SIMPLE or MUTUAL TLS handshake (certificates, SNI, mode).");
    public static final MessageType REQUEST_DOUBLE_TLS = new MessageType("ES0026", "RequestDoubleTls", Severity.ERROR,
            "A request is predicted to be encrypted twice: the application sends TLS and a proxy originates TLS again.");
    public static final MessageType MUTUAL_WITHOUT_CLIENT_CERTIFICATE = new MessageType("ES0027",
            "MutualTlsWithoutClientCertificate", Severity.ERROR,
            "A DestinationRule originates MUTUAL TLS but names no client certificate (clientCertificate or credentialName).");
    public static final MessageType DESTINATION_RULE_UNKNOWN_HOST = new MessageType("ES0028",
            "DestinationRuleForUnknownHost", Severity.WARNING,
            "A DestinationRule's host matches no service the mesh knows: its traffic policy applies to nothing.");
    public static final MessageType VIRTUAL_SERVICE_UNKNOWN_SUBSET = new MessageType("ES0029",
            "VirtualServiceRoutesToUnknownSubset", Severity.ERROR,
            "A VirtualService routes to a subset that no DestinationRule for the destination host defines: 503 NC.");
    public static final MessageType CONFLICTING_MESH_VIRTUAL_SERVICES = new MessageType("ES0030",
            "ConflictingMeshVirtualServiceHosts", Severity.WARNING,
            "Several VirtualServices bound to the mesh name the same host for the same clients: which one routes is undefined.");
    public static final MessageType VIRTUAL_SERVICE_HOST_NOT_IN_GATEWAY = new MessageType("ES0031",
            "VirtualServiceHostNotInGateway", Severity.WARNING,
            "A VirtualService bound to a Gateway names a host none of the Gateway's servers accepts (or the Gateway does not exist).");
    public static final MessageType SIDECAR_SELECTION = new MessageType("ES0032", "SidecarSelection", Severity.WARNING,
            "A Sidecar selects no workload, or a workload is scoped by several Sidecars: which one applies is undefined.");
    public static final MessageType GATEWAY_DUPLICATE_CREDENTIAL = new MessageType("ES0033",
            "GatewayDuplicateCredential", Severity.WARNING,
            "Two Gateways on the same gateway proxies serve the same credential on the same port: HTTP/2 connection reuse "
                    + "can send a request to the wrong server (404).");
    public static final MessageType GATEWAY_CREDENTIAL_MALFORMED = new MessageType("ES0034",
            "GatewayCredentialMalformed", Severity.ERROR,
            "A Gateway server's credential Secret lacks a key, holds unreadable PEM, or its key does not match its certificate.");
    public static final MessageType INJECTED_OUTSIDE_DISCOVERY = new MessageType("ES0035",
            "InjectedOutsideDiscovery", Severity.WARNING,
            "A namespace labelled for injection that its control plane's discovery selectors leave out: its pods get "
                    + "a proxy istiod never configures.");
    public static final MessageType NAMESPACE_READ_BY_TWO_CONTROL_PLANES = new MessageType("ES0036",
            "NamespaceReadByTwoControlPlanes", Severity.WARNING,
            "Two control planes read the same namespace: which one configures its proxies depends on labels the input "
                    + "does not settle.");
    public static final MessageType MESH_MEMBERSHIP_ASSUMED = new MessageType("ES0037", "MeshMembershipAssumed",
            Severity.INFO, "The input does not say how a namespace joins the mesh (or has no control plane): the "
                    + "prediction assumes upstream Istio's defaults.");
    public static final MessageType REQUEST_DENIED = new MessageType("ES0038", "RequestDeniedByPolicy", Severity.ERROR,
            "A request is predicted to be refused by an AuthorizationPolicy (403 RBAC: access denied, or a closed "
                    + "connection).");
    public static final MessageType AUTHORIZATION_POLICY_SELECTS_NOTHING = new MessageType("ES0039",
            "AuthorizationPolicySelectsNothing", Severity.WARNING,
            "An AuthorizationPolicy's selector matches no workload it could apply to: it is enforced nowhere.");
    public static final MessageType AUTHORIZATION_HTTP_FIELDS_ON_TCP = new MessageType("ES0040",
            "AuthorizationHttpFieldsOnTcp", Severity.WARNING,
            "An AuthorizationPolicy rule uses HTTP-only fields on a gateway that receives TCP or passes TLS through: "
                    + "Istio drops the rule (ALLOW) or ignores the fields (DENY) there.");
    public static final MessageType AUTHORIZATION_IDENTITY_NEVER_SEEN = new MessageType("ES0041",
            "AuthorizationIdentityNeverSeen", Severity.ERROR,
            "An AuthorizationPolicy rule names callers (principals, namespaces) on a proxy that never receives Istio "
                    + "mTLS, so it never sees their identity.");
    public static final MessageType GATEWAY_API_ROUTE_NOT_ATTACHED = new MessageType("ES0042",
            "GatewayApiRouteNotAttached", Severity.WARNING,
            "A Gateway API route attaches nowhere or to no listener of its Gateway, or names a backend istiod refuses.");
    public static final MessageType SERVICE_ENTRY_WITHOUT_WAYPOINT = new MessageType("ES0043",
            "ServiceEntryWithoutWaypoint", Severity.WARNING,
            "A ServiceEntry is not bound to a waypoint although it asks for one, or routes, targetRef policies or "
                    + "DestinationRule TLS are meant for it in ambient mode: ztunnel ignores them all.");
    public static final MessageType WAYPOINT_CANNOT_SERVE_SERVICES = new MessageType("ES0044",
            "WaypointCannotServeServices", Severity.WARNING,
            "A waypoint cannot take the service traffic sent to it: it is for workload (or no) traffic, or lacks the "
                    + "HBONE listener on port 15008.");
    public static final MessageType ZTUNNEL_POLICY_HTTP_FIELDS = new MessageType("ES0045",
            "ZtunnelPolicyHttpFields", Severity.WARNING,
            "An AuthorizationPolicy enforced by ztunnel (ambient, no waypoint) uses HTTP attributes: ztunnel leaves "
                    + "such ALLOW rules out and enforces DENY rules without their HTTP parts.");

    /** Every constant above, in code order: a new code is one constant, not also a line here. */
    private static final List<MessageType> ALL = Arrays.stream(Messages.class.getDeclaredFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == MessageType.class)
            .map(Messages::constant).sorted(Comparator.comparing(MessageType::code)).toList();

    private Messages() {
    }

    public static List<MessageType> all() {
        return ALL;
    }

    private static MessageType constant(Field field) {
        try {
            return (MessageType) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(field + " is not readable", e);
        }
    }
}
