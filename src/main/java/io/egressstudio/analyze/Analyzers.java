package io.egressstudio.analyze;

import io.egressstudio.mesh.MeshView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** Every analyzer, and running them all. */
public final class Analyzers {
    private static final List<Analyzer> ALL = List.of(
            new CaCertificateAnalyzer(),
            new CredentialSecretAnalyzer(),
            new SidecarCredentialAnalyzer(),
            new ResolutionNoneGatewayAnalyzer(),
            new TcpAddressesAnalyzer(),
            new GatewayTlsRouteAnalyzer(),
            new DoubleTlsAnalyzer(),
            new PlaintextToStrictAnalyzer(),
            new StrictNonMeshHostAnalyzer(),
            new PassthroughRouteSniAnalyzer(),
            new ConflictingServiceEntryAnalyzer(),
            new ConflictingDestinationRuleAnalyzer(),
            new UnregisteredDestinationAnalyzer(),
            new FederationEncryptionAnalyzer(),
            new ConfigOutsideMeshAnalyzer(),
            new MeshMembershipAnalyzer(),
            new CertificateValidityAnalyzer(),
            new CertificateSanAnalyzer(),
            new GatewayCertificateHostAnalyzer(),
            new ClientCertificateTrustAnalyzer(),
            new MutualWithoutClientCertificateAnalyzer(),
            new UnknownHostDestinationRuleAnalyzer(),
            new UnknownSubsetAnalyzer(),
            new ConflictingMeshVirtualServiceAnalyzer(),
            new GatewayHostAnalyzer(),
            new SidecarSelectionAnalyzer(),
            new DuplicateGatewayCredentialAnalyzer(),
            new GatewayCredentialAnalyzer(),
            new AuthorizationSelectorAnalyzer(),
            new GatewayApiRouteAnalyzer(),
            new AuthorizationTcpFieldsAnalyzer(),
            new AuthorizationIdentityAnalyzer(),
            new ServiceEntryWaypointAnalyzer(),
            new WaypointTrafficAnalyzer(),
            new ZtunnelPolicyAnalyzer());

    private Analyzers() {
    }

    public static List<Analyzer> all() {
        return ALL;
    }

    /** All findings, sorted by code, then resource and field; duplicates removed. */
    public static List<Finding> analyze(MeshView view) {
        LinkedHashSet<Finding> findings = new LinkedHashSet<>();
        for (Analyzer analyzer : ALL) {
            analyzer.analyze(view, findings::add);
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::code).thenComparing(Finding::resource).thenComparing(Finding::field));
        return sorted;
    }
}
