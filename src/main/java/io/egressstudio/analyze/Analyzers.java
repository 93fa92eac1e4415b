package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.MeshView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
        return analyze(view, null, AnalysisMemo.NONE).findings();
    }

    /**
     * The findings, each analyzer run's with what it read for the next analysis ({@link AnalysisMemo}), and how many
     * runs were made (the others kept their findings).
     */
    record Incremental(List<Finding> findings, Map<AnalysisMemo.Run, AnalysisMemo.Found> runs, int checked) {
    }

    /**
     * The same, keeping the findings of every analyzer run of {@code previous} whose reads answer the same in this
     * view ({@code changes} from the previous view, null when there is none). The result equals {@link #analyze}.
     */
    static Incremental analyze(MeshView view, MeshView.Changes changes, AnalysisMemo previous) {
        Runs runs = new Runs(view, changes, previous);
        for (int i = 0; i < ALL.size(); i++) {
            Analyzer analyzer = ALL.get(i);
            if (analyzer instanceof ControlPlaneAnalyzer perControlPlane) {
                for (ControlPlane cp : view.controlPlanes()) {
                    runs.run(new AnalysisMemo.Run(i, cp.key()), MeshView.Reads.of(cp),
                            report -> perControlPlane.analyze(view, cp, report));
                }
            } else {
                runs.run(new AnalysisMemo.Run(i, null), new MeshView.Reads(), report -> analyzer.analyze(view, report));
            }
        }
        List<Finding> sorted = new ArrayList<>(runs.findings);
        sorted.sort(Comparator.comparing(Finding::code).thenComparing(Finding::resource).thenComparing(Finding::field));
        return new Incremental(sorted, runs.made, runs.checked);
    }

    /** Runs analyzers in order, each run's findings kept from the previous analysis when what it read is unchanged. */
    private static final class Runs {
        private final MeshView view;
        private final MeshView.Changes changes;
        private final AnalysisMemo previous;
        private final Map<AnalysisMemo.Run, AnalysisMemo.Found> made = new HashMap<>();
        private final LinkedHashSet<Finding> findings = new LinkedHashSet<>();
        private int checked;

        Runs(MeshView view, MeshView.Changes changes, AnalysisMemo previous) {
            this.view = view;
            this.changes = changes;
            this.previous = previous;
        }

        void run(AnalysisMemo.Run run, MeshView.Reads reads, Consumer<Consumer<Finding>> check) {
            AnalysisMemo.Found before = changes == null ? null : previous.found(run);
            AnalysisMemo.Found now = before;
            if (before == null || !changes.unchangedFor(before.reads())) {
                List<Finding> reported = new ArrayList<>();
                view.recording(reads, () -> {
                    check.accept(reported::add);
                    return null;
                });
                now = new AnalysisMemo.Found(List.copyOf(reported), reads);
                checked++;
            }
            made.put(run, now);
            findings.addAll(now.findings());
        }
    }
}
