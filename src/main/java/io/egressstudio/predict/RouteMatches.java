package io.egressstudio.predict;

import io.egressstudio.mesh.Hosts;
import io.egressstudio.mesh.MeshView;
import io.egressstudio.mesh.Rules;
import io.egressstudio.mesh.Specs;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.L4MatchAttributes;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;
import io.fabric8.istio.api.api.networking.v1alpha3.TCPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSMatchAttributes;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSRoute;
import java.util.List;

/** Which route of a VirtualService matches a request, in the order Envoy tries them: the first that fits wins. */
final class RouteMatches {
    private RouteMatches() {
    }

    /** A match without gateways applies wherever the VirtualService is bound. */
    private static boolean gatewayMatches(List<String> gateways, String gatewayRef, String vsNamespace) {
        if (gateways == null || gateways.isEmpty()) {
            return true;
        }
        for (String g : gateways) {
            if (MeshView.gatewayRef(g, vsNamespace).equals(gatewayRef)) {
                return true;
            }
        }
        return false;
    }

    /** The first http route whose match (port, gateway, uri) fits; a route without matches fits everything. */
    static HTTPRoute http(Rules.Vs vs, String gatewayRef, int port, String path) {
        for (HTTPRoute route : Specs.orEmpty(vs.spec().getHttp())) {
            List<HTTPMatchRequest> matches = Specs.orEmpty(route.getMatch());
            if (matches.isEmpty()) {
                return route;
            }
            for (HTTPMatchRequest m : matches) {
                if (m.getPort() != null && m.getPort().intValue() != port) {
                    continue;
                }
                if (!gatewayMatches(m.getGateways(), gatewayRef, vs.namespace())) {
                    continue;
                }
                if (m.getUri() != null && !uriMatches(m.getUri(), path)) {
                    continue;
                }
                return route;
            }
        }
        return null;
    }

    private static boolean uriMatches(StringMatch match, String path) {
        Object type = match.getMatchType();
        if (type instanceof StringMatchExact e) {
            return path.equals(e.getExact());
        }
        if (type instanceof StringMatchPrefix p) {
            return p.getPrefix() == null || path.startsWith(p.getPrefix());
        }
        if (type instanceof StringMatchRegex x) {
            try {
                return x.getRegex() == null || path.matches(x.getRegex());
            } catch (RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    /** The first tls route whose match (port, gateway, sniHosts) fits the SNI. */
    static TLSRoute tls(Rules.Vs vs, String gatewayRef, int port, String sni) {
        for (TLSRoute route : Specs.orEmpty(vs.spec().getTls())) {
            for (TLSMatchAttributes m : Specs.orEmpty(route.getMatch())) {
                if (m.getPort() != null && m.getPort().intValue() != port) {
                    continue;
                }
                if (!gatewayMatches(m.getGateways(), gatewayRef, vs.namespace())) {
                    continue;
                }
                List<String> sniHosts = Specs.orEmpty(m.getSniHosts());
                if (!sniHosts.isEmpty() && sniHosts.stream().noneMatch(h -> Hosts.matches(Hosts.fqdn(h, vs.namespace()), sni))) {
                    continue;
                }
                return route;
            }
        }
        return null;
    }

    /** The first tcp route whose match (port, gateway) fits; a route without matches fits everything. */
    static TCPRoute tcp(Rules.Vs vs, String gatewayRef, int port) {
        for (TCPRoute route : Specs.orEmpty(vs.spec().getTcp())) {
            List<L4MatchAttributes> matches = Specs.orEmpty(route.getMatch());
            if (matches.isEmpty()) {
                return route;
            }
            for (L4MatchAttributes m : matches) {
                if ((m.getPort() == null || m.getPort().intValue() == port)
                        && gatewayMatches(m.getGateways(), gatewayRef, vs.namespace())) {
                    return route;
                }
            }
        }
        return null;
    }
}
