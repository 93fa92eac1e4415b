package io.egressstudio.predict;

import io.egressstudio.model.Element;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Link;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The request each link of a scenario makes: the app's scheme, the external service's first host, the port, the path. */
public final class ScenarioRequests {
    private ScenarioRequests() {
    }

    public static Request forLink(Scenario scenario, String linkId) {
        Link link = scenario.element(linkId, Link.class)
                .orElseThrow(() -> new IllegalArgumentException("no link '" + linkId + "'"));
        return forLink(scenario, link);
    }

    public static Request forLink(Scenario scenario, Link link) {
        return forLink(link, scenario.workload(link.from()).orElse(null),
                scenario.externalService(link.to()).orElse(null));
    }

    /** Every link's request, in link order, looking elements up once. */
    public static List<Request> all(Scenario scenario) {
        Map<String, Element> byId = scenario.elementsById();
        List<Request> out = new ArrayList<>();
        for (Link link : scenario.links()) {
            out.add(forLink(link, byId.get(link.from()) instanceof Workload w ? w : null,
                    byId.get(link.to()) instanceof ExternalService e ? e : null));
        }
        return out;
    }

    private static Request forLink(Link link, Workload from, ExternalService to) {
        if (from == null) {
            throw new IllegalArgumentException("link " + link.id() + ": no workload '" + link.from() + "'");
        }
        if (to == null) {
            throw new IllegalArgumentException("link " + link.id() + ": no external service '" + link.to() + "'");
        }
        int port = link.port() != null ? link.port() : to.ports().isEmpty() ? 80 : to.ports().get(0).number();
        String url = link.app().scheme() + "://" + to.primaryHost() + ":" + port + (link.path() == null ? "" : link.path());
        return Request.of(from.namespace(), from.name(), url);
    }
}
