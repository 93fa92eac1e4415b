package io.egressstudio.analyze;

import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshService;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ServicePort;
import io.egressstudio.mesh.WorkloadInfo;
import io.egressstudio.predict.Prediction;
import io.egressstudio.predict.Request;
import io.egressstudio.predict.TrafficPredictor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Predictions and findings for one set of resources: what {@code egress-studio analyze} prints, and what the design
 * pipeline places on a scenario's elements. The findings are the analyzers', then one for each failing prediction that
 * no analyzer finding explains ({@link PredictionFindings}), kept per request so that it can be placed on its link.
 *
 * @param requestFindings one per prediction, in the same order: the finding of a failing request, if it gets one
 */
public record Analysis(List<Prediction> predictions, List<Finding> analyzerFindings,
                       List<Optional<Finding>> requestFindings) {
    public Analysis {
        predictions = List.copyOf(predictions);
        analyzerFindings = List.copyOf(analyzerFindings);
        requestFindings = List.copyOf(requestFindings);
    }

    /** The analyzers' findings, then the failing requests'. */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>(analyzerFindings);
        requestFindings.forEach(f -> f.ifPresent(all::add));
        return all;
    }

    /** Whether a finding at {@code severity} or worse exists, or a request is predicted to fail. */
    public boolean failsAt(Severity severity) {
        return predictions.stream().anyMatch(p -> PredictionFindings.fails(p.outcome()))
                || findings().stream().anyMatch(f -> f.severity().compareTo(severity) <= 0);
    }

    /** Predicts every request over the resources and runs every analyzer: the one place the two are put together. */
    public static Analysis run(MeshView view, List<Request> requests) {
        return run(view, requests, AnalysisMemo.NONE).analysis();
    }

    /**
     * An analysis, what the next analysis of the same design may reuse of it, how many requests it predicted and how
     * many analyzer runs it made (the others kept their earlier prediction or findings).
     */
    public record Incremental(Analysis analysis, AnalysisMemo memo, int predicted, int checked) {
    }

    /**
     * The same, keeping the prediction of every request that {@code previous} predicted, and the findings of every
     * analyzer run it made, when all it read of that earlier view answers the same in this one
     * ({@link MeshView.Changes}). The result equals {@link #run(MeshView, List)}.
     */
    public static Incremental run(MeshView view, List<Request> requests, AnalysisMemo previous) {
        TrafficPredictor predictor = new TrafficPredictor(view);
        MeshView.Changes changes = previous.view() == null ? null : view.changesFrom(previous.view());
        Analyzers.Incremental analyzed = Analyzers.analyze(view, changes, previous);
        List<Finding> analyzerFindings = analyzed.findings();
        PredictionFindings.Explainers explainers = PredictionFindings.Explainers.of(analyzerFindings);
        Map<Request, AnalysisMemo.Made> made = new java.util.HashMap<>();
        List<Prediction> predictions = new ArrayList<>(requests.size());
        List<Optional<Finding>> requestFindings = new ArrayList<>(requests.size());
        int predicted = 0;
        for (Request r : requests) {
            AnalysisMemo.Made before = changes == null ? null : previous.made(r);
            AnalysisMemo.Made now = made.get(r);
            if (now == null) {
                if (before != null && changes.unchangedFor(before.reads())) {
                    now = before;
                } else {
                    MeshView.Reads reads = new MeshView.Reads();
                    now = new AnalysisMemo.Made(view.recording(reads, () -> predictor.predict(r)), reads);
                    predicted++;
                }
                made.put(r, now);
            }
            predictions.add(now.prediction());
            requestFindings.add(PredictionFindings.of(now.prediction(), explainers));
        }
        return new Incremental(new Analysis(predictions, analyzerFindings, requestFindings),
                new AnalysisMemo(view, made, analyzed.runs()), predicted, analyzed.checked());
    }

    /**
     * Every sidecar workload to every host it can see: each registered service visible to it (not wildcard hosts,
     * not gateways, not its own), on the service's first port, with the scheme its declared protocol implies.
     */
    public static List<Request> visibleHostRequests(MeshView view) {
        List<Request> out = new ArrayList<>();
        for (WorkloadInfo w : view.workloads()) {
            if (!w.sidecar() || !w.declared()) {
                continue;
            }
            MeshIndex index = view.indexOf(w.namespace());
            Map<String, MeshService> seen = new LinkedHashMap<>();
            for (MeshService s : index.services()) {
                if (s.host().startsWith("*") || s.ports().isEmpty() || seen.containsKey(s.host())) {
                    continue;
                }
                MeshIndex.ServiceLookup lookup = index.lookupService(w.namespace(), w.labels(), s.host());
                if (lookup.service() == null || isGateway(view, lookup.service()) || selects(view, lookup.service(), w)) {
                    continue;
                }
                seen.put(s.host(), lookup.service());
            }
            for (MeshService s : seen.values()) {
                ServicePort p = s.ports().get(0);
                if (p.number() < 1 || p.number() > 65535) {
                    continue; // a port no request can use: the input's own error, not a request to predict
                }
                String scheme = p.protocol().isHttp() ? "http" : p.protocol().isTls() ? "https" : "tcp";
                out.add(Request.of(w.namespace(), w.name(), scheme + "://" + s.host() + ":" + p.number()));
            }
        }
        return out;
    }

    private static boolean isGateway(MeshView view, MeshService s) {
        return s.kind() == MeshService.Kind.KUBERNETES
                && view.workloadsSelectedBy(s).stream().anyMatch(WorkloadInfo::gateway);
    }

    private static boolean selects(MeshView view, MeshService s, WorkloadInfo w) {
        return s.kind() == MeshService.Kind.KUBERNETES && s.namespace().equals(w.namespace()) && w.selectedBy(s.selector());
    }
}
