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
        return all(scenario, Asked.NONE).requests();
    }

    /** Every link's request, and what the next call may reuse of them. */
    public record Requests(List<Request> requests, Asked asked) {
    }

    /**
     * The requests of the links of an earlier call: a link that is the same instance, from the same workload to the same
     * external service instance, asks the same request (the same instance, so that a memo finds it by identity).
     */
    public static final class Asked {
        public static final Asked NONE = new Asked(Map.of());

        private record Made(Link link, Workload from, ExternalService to, Request request) {
        }

        private final Map<String, Made> made;

        private Asked(Map<String, Made> made) {
            this.made = made;
        }
    }

    /** The same as {@link #all(Scenario)}, reusing the requests of links that did not change since {@code before}. */
    public static Requests all(Scenario scenario, Asked before) {
        Map<String, Element> byId = scenario.elementsById();
        List<Request> out = new ArrayList<>();
        Map<String, Asked.Made> made = new java.util.HashMap<>();
        for (Link link : scenario.links()) {
            Workload from = byId.get(link.from()) instanceof Workload w ? w : null;
            ExternalService to = byId.get(link.to()) instanceof ExternalService e ? e : null;
            Asked.Made was = before.made.get(link.id());
            Asked.Made now = was != null && was.link() == link && was.from() == from && was.to() == to && from != null
                    && to != null ? was : new Asked.Made(link, from, to, forLink(link, from, to));
            made.put(link.id(), now);
            out.add(now.request());
        }
        return new Requests(out, new Asked(made));
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
