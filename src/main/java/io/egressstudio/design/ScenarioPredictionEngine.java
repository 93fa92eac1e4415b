package io.egressstudio.design;

import io.egressstudio.analyze.Analysis;
import io.egressstudio.analyze.AnalysisMemo;
import io.egressstudio.analyze.Finding;
import io.egressstudio.analyze.Messages;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Element;
import io.egressstudio.model.Link;
import io.egressstudio.model.Scenario;
import io.egressstudio.predict.Hop;
import io.egressstudio.predict.Prediction;
import io.egressstudio.predict.ScenarioRequests;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real engine: {@link Analysis#run} (the traffic predictor for each link's request, {@link
 * ScenarioRequests#forLink}, and every analyzer) over the mesh view of the generated resources. Findings are placed on the element their resource was
 * generated from, with the inspector field that made the resource field (recorded by the generator,
 * {@link io.egressstudio.mesh.FieldSources}) where there is one; then a finding for each link predicted
 * to fail that no analyzer finding explains, placed by {@link LinkFailures}.
 */
public final class ScenarioPredictionEngine implements PredictionEngine {
    /** A link's prediction as shown, and the predictor's prediction it was made from. */
    private record Shown(Prediction from, LinkPrediction prediction) {
    }

    /** What the last run keeps for the next (decision 0022): predictions and what they read, and how each was shown. */
    private record Memo(ScenarioRequests.Asked requests, AnalysisMemo predictions, Map<String, Shown> shown) {
    }

    private final AtomicReference<Memo> last = new AtomicReference<>(
            new Memo(ScenarioRequests.Asked.NONE, AnalysisMemo.NONE, Map.of()));

    @Override
    public Optional<Result> run(Scenario scenario, ResourceSet resources) {
        Memo before = last.get();
        ScenarioRequests.Requests requests = ScenarioRequests.all(scenario, before.requests());
        Analysis.Incremental incremental = Analysis.run(MeshView.of(resources), requests.requests(),
                before.predictions());
        Analysis analysis = incremental.analysis();
        Map<String, Element> elements = scenario.elementsById();
        Map<String, LinkPrediction> predictions = new LinkedHashMap<>();
        Map<String, Shown> shown = new HashMap<>();
        List<DesignFinding> failures = new ArrayList<>();
        for (int i = 0; i < analysis.predictions().size(); i++) {
            Link link = scenario.links().get(i);
            Prediction p = analysis.predictions().get(i);
            analysis.requestFindings().get(i)
                    .ifPresent(f -> failures.add(LinkFailures.place(elements, link, p.outcome(), f)));
            Shown was = before.shown().get(link.id());
            Shown now = was != null && was.from() == p ? was : new Shown(p, linkPrediction(link, p));
            shown.put(link.id(), now);
            predictions.put(link.id(), now.prediction());
        }
        last.set(new Memo(requests.asked(), incremental.memo(), shown));
        List<DesignFinding> findings = new ArrayList<>();
        for (Finding f : analysis.analyzerFindings()) {
            ResourceSet.Entry origin = ResourceSet.Key.parse(f.resource()).flatMap(resources::get).orElse(null);
            Element element = origin == null ? null : elements.get(origin.origin());
            String elementId = element == null ? null : element.id();
            // the generator recorded which of the element's fields made the resource's
            String elementField = element == null ? null : origin.fields().elementField(f.field());
            QuickFix quickFix = f.code().equals(Messages.MUTUAL_WITHOUT_CLIENT_CERTIFICATE.code())
                    ? LinkFailures.onlyClientCertificate(scenario, elementId, elementField) : null;
            findings.add(new DesignFinding(f.code(), f.severity().name(), f.message(), f.fix(), f.resource(), f.field(),
                    elementId, elementField, quickFix));
        }
        findings.addAll(failures);
        return Optional.of(new Result(predictions, findings));
    }

    private static LinkPrediction linkPrediction(Link link, Prediction p) {
        List<LinkPrediction.HopView> hops = new ArrayList<>();
        for (Hop h : p.hops()) {
            hops.add(new LinkPrediction.HopView(h.from(), h.to(), h.encryption().name()));
        }
        return new LinkPrediction(link.id(), p.outcome(), hops, p.explanation(), p.resources());
    }
}
