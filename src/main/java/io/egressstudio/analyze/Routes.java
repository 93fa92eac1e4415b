package io.egressstudio.analyze;

import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.Specs;
import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.L4MatchAttributes;
import io.fabric8.istio.api.api.networking.v1alpha3.RouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.TCPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSMatchAttributes;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSRoute;
import java.util.ArrayList;
import java.util.List;

/** The destinations of a VirtualService's routes, with their field paths and the gateways their matches name. */
final class Routes {
    private Routes() {
    }

    record Dest(String host, String path, List<String> matchGateways) {
        /** Whether this route applies to a gateway (not only to mesh). */
        boolean gatewayBound(Rules.Vs vs) {
            List<String> gws = matchGateways.isEmpty() ? vs.gateways() : matchGateways;
            return gws.stream().anyMatch(g -> !g.equals("mesh"));
        }

        boolean meshBound(Rules.Vs vs) {
            List<String> gws = matchGateways.isEmpty() ? vs.gateways() : matchGateways;
            return gws.contains("mesh");
        }
    }

    static List<Dest> destinations(Rules.Vs vs) {
        List<Dest> out = new ArrayList<>();
        List<HTTPRoute> http = Specs.orEmpty(vs.spec().getHttp());
        for (int i = 0; i < http.size(); i++) {
            List<String> gws = new ArrayList<>();
            for (HTTPMatchRequest m : Specs.orEmpty(http.get(i).getMatch())) {
                Specs.orEmpty(m.getGateways()).forEach(g -> gws.add(MeshView.gatewayRef(g, vs.namespace())));
            }
            List<HTTPRouteDestination> route = Specs.orEmpty(http.get(i).getRoute());
            for (int j = 0; j < route.size(); j++) {
                add(out, vs, route.get(j).getDestination(), "spec.http[" + i + "].route[" + j + "].destination.host", gws);
            }
        }
        List<TLSRoute> tls = Specs.orEmpty(vs.spec().getTls());
        for (int i = 0; i < tls.size(); i++) {
            List<String> gws = new ArrayList<>();
            for (TLSMatchAttributes m : Specs.orEmpty(tls.get(i).getMatch())) {
                Specs.orEmpty(m.getGateways()).forEach(g -> gws.add(MeshView.gatewayRef(g, vs.namespace())));
            }
            List<RouteDestination> route = Specs.orEmpty(tls.get(i).getRoute());
            for (int j = 0; j < route.size(); j++) {
                add(out, vs, route.get(j).getDestination(), "spec.tls[" + i + "].route[" + j + "].destination.host", gws);
            }
        }
        List<TCPRoute> tcp = Specs.orEmpty(vs.spec().getTcp());
        for (int i = 0; i < tcp.size(); i++) {
            List<String> gws = new ArrayList<>();
            for (L4MatchAttributes m : Specs.orEmpty(tcp.get(i).getMatch())) {
                Specs.orEmpty(m.getGateways()).forEach(g -> gws.add(MeshView.gatewayRef(g, vs.namespace())));
            }
            List<RouteDestination> route = Specs.orEmpty(tcp.get(i).getRoute());
            for (int j = 0; j < route.size(); j++) {
                add(out, vs, route.get(j).getDestination(), "spec.tcp[" + i + "].route[" + j + "].destination.host", gws);
            }
        }
        return out;
    }

    private static void add(List<Dest> out, Rules.Vs vs, Destination d, String path, List<String> gateways) {
        if (d != null && d.getHost() != null) {
            out.add(new Dest(Hosts.fqdn(d.getHost(), vs.namespace()), path, gateways));
        }
    }
}
