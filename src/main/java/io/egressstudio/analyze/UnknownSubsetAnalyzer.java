package io.egressstudio.analyze;

import io.egressstudio.mesh.ControlPlane;
import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.MeshIndex;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.Specs;
import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.RouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.TCPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSRoute;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * ES0029: a VirtualService route to a subset that no DestinationRule of the mesh defines for the destination host
 * (istioctl's "referenced subset not found"). Envoy has no cluster for it and answers 503 with flag NC; no rule in any
 * namespace defining it means no client can have it.
 */
final class UnknownSubsetAnalyzer implements ControlPlaneAnalyzer {
    @Override
    public String name() {
        return "virtualservice.UnknownSubset";
    }

    @Override
    public String description() {
        return "VirtualService routes to subsets no DestinationRule defines";
    }

    @Override
    public List<MessageType> messages() {
        return List.of(Messages.VIRTUAL_SERVICE_UNKNOWN_SUBSET);
    }

    @Override
    public void analyze(MeshView view, ControlPlane cp, Consumer<Finding> report) {
        MeshIndex index = view.index(cp);
        Subsets subsets = new Subsets(index.destinationRules());
        for (Rules.Vs vs : index.virtualServices()) {
            List<HTTPRoute> http = Specs.orEmpty(vs.spec().getHttp());
            for (int i = 0; i < http.size(); i++) {
                List<HTTPRouteDestination> route = Specs.orEmpty(http.get(i).getRoute());
                for (int j = 0; j < route.size(); j++) {
                    check(subsets, vs, route.get(j).getDestination(),
                            "spec.http[" + i + "].route[" + j + "].destination.subset", report);
                }
            }
            List<TLSRoute> tls = Specs.orEmpty(vs.spec().getTls());
            for (int i = 0; i < tls.size(); i++) {
                checkAll(subsets, vs, tls.get(i).getRoute(), "spec.tls[" + i + "]", report);
            }
            List<TCPRoute> tcp = Specs.orEmpty(vs.spec().getTcp());
            for (int i = 0; i < tcp.size(); i++) {
                checkAll(subsets, vs, tcp.get(i).getRoute(), "spec.tcp[" + i + "]", report);
            }
        }
    }

    private static void checkAll(Subsets subsets, Rules.Vs vs, List<RouteDestination> route, String path,
                                 Consumer<Finding> report) {
        List<RouteDestination> destinations = Specs.orEmpty(route);
        for (int j = 0; j < destinations.size(); j++) {
            check(subsets, vs, destinations.get(j).getDestination(), path + ".route[" + j + "].destination.subset",
                    report);
        }
    }

    /** The subset names the mesh's DestinationRules define, by rule host: looked up by the destination's host. */
    private static final class Subsets {
        private final Map<String, Set<String>> byHost = new HashMap<>();

        Subsets(List<Rules.Dr> rules) {
            for (Rules.Dr dr : rules) {
                Set<String> names = byHost.computeIfAbsent(dr.host(), h -> new HashSet<>());
                Specs.orEmpty(dr.spec().getSubsets()).forEach(s -> names.add(s.getName()));
            }
        }

        boolean defines(String host, String subset) {
            for (String candidate : Hosts.candidates(host)) {
                if (byHost.getOrDefault(candidate, Set.of()).contains(subset)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void check(Subsets subsets, Rules.Vs vs, Destination destination, String field,
                              Consumer<Finding> report) {
        if (destination == null || destination.getSubset() == null || destination.getHost() == null) {
            return;
        }
        String host = Hosts.fqdn(destination.getHost(), vs.namespace());
        String subset = destination.getSubset();
        if (subsets.defines(host, subset)) {
            return;
        }
        report.accept(Finding.of(Messages.VIRTUAL_SERVICE_UNKNOWN_SUBSET, vs.key(), field,
                vs.key() + " routes to subset " + subset + " of " + host + ", which no DestinationRule for that host "
                        + "defines: the proxy has no cluster for it and answers 503 with flag NC.",
                "Define subset " + subset + " in the DestinationRule for " + host + ", or route without the subset."));
    }
}
