package io.egressstudio.telemetry;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.LinkPrediction;
import io.egressstudio.generate.ResourceNames;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.Scenario;
import io.egressstudio.predict.Request;
import io.egressstudio.predict.ScenarioRequests;
import java.util.ArrayList;
import java.util.List;

/** The links of a scenario with their predictions: what the observers look for and compare against. */
public final class LinkTargets {
    private LinkTargets() {
    }

    /** Every link of the scenario (as given: pass the state after the steps you want), predicted. */
    public static List<LinkTarget> of(Scenario scenario) {
        return of(DesignPipeline.standard().analyze(scenario));
    }

    /**
     * Every link of an analysed scenario, with its prediction (the window passes the analysis it shows: the links are
     * not predicted a second time).
     *
     * @throws IllegalArgumentException when the scenario could not be predicted (the analysis says why)
     */
    public static List<LinkTarget> of(DesignAnalysis analysis) {
        if (!analysis.predictionsReady()) {
            throw new IllegalArgumentException(analysis.error() == null ? "no prediction" : analysis.error());
        }
        Scenario scenario = analysis.scenario();
        List<LinkTarget> out = new ArrayList<>();
        for (Link link : scenario.links()) {
            Request request = ScenarioRequests.forLink(scenario, link);
            LinkPrediction prediction = analysis.prediction(link.id());
            String gatewayNamespace = null;
            String gatewayWorkload = null;
            if (link.via() != null) {
                EgressGateway gateway = scenario.egressGateway(link.via()).orElse(null);
                Mesh mesh = gateway == null ? null : scenario.mesh(gateway.mesh()).orElse(null);
                // a waypoint is no hop of its own in the metrics: ztunnel reports the client's connection to the
                // host, and the waypoint the client's requests, both with the client as source
                if (gateway != null && !(mesh != null && mesh.ambient() && gateway.usesGatewayApi())) {
                    gatewayNamespace = gateway.namespace() != null || mesh == null ? gateway.namespace()
                            : ResourceNames.egressGatewayNamespace(gateway, mesh);
                    gatewayWorkload = gatewayNamespace == null ? null : gateway.name();
                }
            }
            out.add(new LinkTarget(link.id(), request.fromNamespace(), request.fromWorkload(), request.host(),
                    request.port(), gatewayNamespace, gatewayWorkload, prediction.outcome(),
                    prediction.explanation()));
        }
        return List.copyOf(out);
    }
}
