package io.egressstudio.design;

import io.egressstudio.analyze.Analysis;
import io.egressstudio.analyze.Finding;
import io.egressstudio.analyze.Messages;
import io.egressstudio.generate.ResourceNames;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.Element;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
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

/**
 * The real engine: {@link Analysis#run} (the traffic predictor for each link's request, {@link
 * ScenarioRequests#forLink}, and every analyzer) over the mesh view of the generated resources. Findings are placed on the element their resource was
 * generated from, with the inspector field that changes it where there is one; then a finding for each link predicted
 * to fail that no analyzer finding explains, placed by {@link LinkFailures}.
 */
public final class ScenarioPredictionEngine implements PredictionEngine {
    @Override
    public Optional<Result> run(Scenario scenario, ResourceSet resources) {
        Analysis analysis = Analysis.run(MeshView.of(resources), ScenarioRequests.all(scenario));
        Map<String, Element> elements = scenario.elementsById();
        Map<String, LinkPrediction> predictions = new LinkedHashMap<>();
        List<DesignFinding> failures = new ArrayList<>();
        for (int i = 0; i < analysis.predictions().size(); i++) {
            Link link = scenario.links().get(i);
            Prediction p = analysis.predictions().get(i);
            analysis.requestFindings().get(i)
                    .ifPresent(f -> failures.add(LinkFailures.place(elements, link, p.outcome(), f)));
            List<LinkPrediction.HopView> hops = new ArrayList<>();
            for (Hop h : p.hops()) {
                hops.add(new LinkPrediction.HopView(h.from(), h.to(), h.encryption().name()));
            }
            predictions.put(link.id(), new LinkPrediction(link.id(), p.outcome(), hops, p.explanation(), p.resources()));
        }
        Map<String, String> origins = new HashMap<>();
        for (ResourceSet.Entry e : resources.entries()) {
            origins.put(e.key().toString(), e.origin());
        }
        List<DesignFinding> findings = new ArrayList<>();
        for (Finding f : analysis.analyzerFindings()) {
            String origin = origins.get(f.resource());
            Element element = origin == null ? null : elements.get(origin);
            String elementId = element == null ? null : element.id();
            String elementField = fieldFor(elements, element, f.resource(), f.field());
            QuickFix quickFix = f.code().equals(Messages.MUTUAL_WITHOUT_CLIENT_CERTIFICATE.code())
                    ? LinkFailures.onlyClientCertificate(scenario, elementId, elementField) : null;
            findings.add(new DesignFinding(f.code(), f.severity().name(), f.message(), f.fix(), f.resource(), f.field(),
                    elementId, elementField, quickFix));
        }
        findings.addAll(failures);
        return Optional.of(new Result(predictions, findings));
    }

    /** Whether a link's rule is the one its egress gateway applies (it lives in the gateway's namespace). */
    private static boolean atEgressGateway(Map<String, Element> elements, Link link, String resource) {
        if (link.via() == null || link.egressTls() == null) {
            return false;
        }
        String namespace = resource.split("/")[1];
        EgressGateway gateway = elements.get(link.via()) instanceof EgressGateway g ? g : null;
        Mesh mesh = gateway == null ? null : elements.get(gateway.mesh()) instanceof Mesh m ? m : null;
        return gateway == null || mesh == null || ResourceNames.egressGatewayNamespace(gateway, mesh).equals(namespace);
    }

    /** The inspector field behind a resource field, where the mapping is plain; null otherwise. */
    static String fieldFor(Map<String, Element> elements, Element element, String resource, String field) {
        if (element == null || field == null) {
            return null;
        }
        String kind = resource.substring(0, resource.indexOf('/'));
        if (element instanceof Link link && kind.equals("DestinationRule")) {
            String prefix = atEgressGateway(elements, link, resource) ? "egressTls" : "sidecarTls";
            int tls = field.lastIndexOf("tls.");
            if (tls < 0) {
                return prefix + ".mode";
            }
            String rest = field.substring(tls + 4);
            return prefix + "." + switch (rest) {
                case "caCertificates" -> "caCertificate";
                default -> rest.replaceAll("\\[.*", "");
            };
        }
        if (element instanceof ExternalService && kind.equals("ServiceEntry") && field.startsWith("spec.")) {
            return field.substring(5).replaceAll("[\\[.].*", "");
        }
        if (element instanceof Mesh) {
            if (field.contains("outboundTrafficPolicy")) {
                return "outboundPolicy";
            }
            if (field.contains("mtls")) {
                return "mtls";
            }
            if (field.contains("automtls")) {
                return "autoMtls";
            }
        }
        return null;
    }
}
