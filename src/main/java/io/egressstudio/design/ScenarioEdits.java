package io.egressstudio.design;

import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.Element;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.FederatedService;
import io.egressstudio.model.Federation;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.MeshIngress;
import io.egressstudio.model.Origination;
import io.egressstudio.model.Position;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.SecretPlacement;
import io.egressstudio.model.Server;
import io.egressstudio.model.Workload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Pure functions from a scenario to the next: add, replace, remove (with what depends on it), move, rename an id
 * (and every reference to it), copy and paste. Each returns a new {@link Scenario}; none touches JavaFX.
 */
public final class ScenarioEdits {
    private ScenarioEdits() {
    }

    /** A scenario with its element lists replaced; null keeps the current list. */
    public static Scenario with(Scenario s, List<Mesh> meshes, List<Workload> workloads, List<EgressGateway> gateways,
                                List<ExternalService> services, List<Link> links, List<Federation> federations,
                                List<CertificateSpec> certificates, Map<String, Position> layout) {
        return new Scenario(s.name(), s.title(), s.description(), s.istioApi(),
                meshes != null ? meshes : s.meshes(), workloads != null ? workloads : s.workloads(),
                gateways != null ? gateways : s.egressGateways(), services != null ? services : s.externalServices(),
                links != null ? links : s.links(), federations != null ? federations : s.federations(),
                certificates != null ? certificates : s.certificates(), s.steps(),
                layout != null ? layout : s.layout());
    }

    public static Scenario empty(String name) {
        return new Scenario(name, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Adds an element at a position (null: no position, the canvas lays it out). */
    public static Scenario add(Scenario s, Element element, Position at) {
        Scenario added = addToList(s, element);
        if (at == null) {
            return added;
        }
        Map<String, Position> layout = new LinkedHashMap<>(added.layout());
        layout.put(element.id(), at);
        return added.withLayout(layout);
    }

    private static Scenario addToList(Scenario s, Element element) {
        if (element instanceof Mesh m) {
            return with(s, plus(s.meshes(), m), null, null, null, null, null, null, null);
        } else if (element instanceof Workload w) {
            return with(s, null, plus(s.workloads(), w), null, null, null, null, null, null);
        } else if (element instanceof EgressGateway g) {
            return with(s, null, null, plus(s.egressGateways(), g), null, null, null, null, null);
        } else if (element instanceof ExternalService e) {
            return with(s, null, null, null, plus(s.externalServices(), e), null, null, null, null);
        } else if (element instanceof Link l) {
            return with(s, null, null, null, null, plus(s.links(), l), null, null, null);
        } else if (element instanceof Federation f) {
            return with(s, null, null, null, null, null, plus(s.federations(), f), null, null);
        } else if (element instanceof CertificateSpec c) {
            return with(s, null, null, null, null, null, null, plus(s.certificates(), c), null);
        }
        throw new IllegalArgumentException("unknown element " + element);
    }

    /** Replaces the element with id {@code id} (which may itself carry a new id: use {@link #renameId} for that). */
    public static Scenario replace(Scenario s, String id, Element replacement) {
        Element element = replacement;
        if (element instanceof Mesh m) {
            return with(s, swap(s.meshes(), id, m), null, null, null, null, null, null, null);
        } else if (element instanceof Workload w) {
            return with(s, null, swap(s.workloads(), id, w), null, null, null, null, null, null);
        } else if (element instanceof EgressGateway g) {
            return with(s, null, null, swap(s.egressGateways(), id, g), null, null, null, null, null);
        } else if (element instanceof ExternalService e) {
            return with(s, null, null, null, swap(s.externalServices(), id, e), null, null, null, null);
        } else if (element instanceof Link l) {
            return with(s, null, null, null, null, swap(s.links(), id, l), null, null, null);
        } else if (element instanceof Federation f) {
            return with(s, null, null, null, null, null, swap(s.federations(), id, f), null, null);
        } else if (element instanceof CertificateSpec c) {
            return with(s, null, null, null, null, null, null, swap(s.certificates(), id, c), null);
        }
        throw new IllegalArgumentException("unknown element " + element);
    }

    /**
     * Removes elements and what cannot live without them: links from or to a removed workload or service, egress
     * gateways of a removed mesh; links that went through a removed gateway become direct.
     */
    public static Scenario remove(Scenario s, Collection<String> ids) {
        Set<String> gone = new HashSet<>(ids);
        for (EgressGateway g : s.egressGateways()) {
            if (gone.contains(g.mesh())) {
                gone.add(g.id());
            }
        }
        List<Link> links = new ArrayList<>();
        for (Link l : s.links()) {
            if (gone.contains(l.id()) || gone.contains(l.from()) || gone.contains(l.to())) {
                gone.add(l.id());
                continue;
            }
            links.add(gone.contains(l.via()) ? new Link(l.id(), l.from(), l.to(), l.app(), l.port(), l.path(), null,
                    l.sidecarTls(), null, l.rewrite(), l.targetPort()) : l);
        }
        Map<String, Position> layout = new LinkedHashMap<>(s.layout());
        layout.keySet().removeAll(gone);
        List<ExternalService> services = new ArrayList<>();
        for (ExternalService e : s.externalServices()) {
            if (!gone.contains(e.id())) {
                Server server = e.server();
                if (server.workload() != null && gone.contains(server.workload())) {
                    server = new Server(server.kind(), server.certificate(), server.ca(), server.clientCa(), null,
                            server.ingress());
                    e = withServer(e, server);
                }
                services.add(e);
            }
        }
        return with(s, without(s.meshes(), gone), without(s.workloads(), gone), without(s.egressGateways(), gone),
                services, links, without(s.federations(), gone), without(s.certificates(), gone), layout);
    }

    /** Moves elements to new positions (one edit for a whole drag). */
    public static Scenario move(Scenario s, Map<String, Position> positions) {
        Map<String, Position> layout = new LinkedHashMap<>(s.layout());
        layout.putAll(positions);
        return s.withLayout(layout);
    }

    /** Gives an element a new id and updates every reference to it. */
    public static Scenario renameId(Scenario s, String from, String to) {
        if (Objects.equals(from, to)) {
            return s;
        }
        UnaryOperator<String> r = id -> from.equals(id) ? to : id;
        List<Mesh> meshes = s.meshes().stream().map(m -> !from.equals(m.id()) ? m : m.withId(to)).toList();
        List<Workload> workloads = s.workloads().stream().map(w -> !from.equals(w.id()) ? w : new Workload(to,
                w.namespace(), w.name(), w.ports(), w.sidecar(), w.serviceAccount(), w.accessRules())).toList();
        List<EgressGateway> gateways = s.egressGateways().stream().map(g -> new EgressGateway(r.apply(g.id()),
                r.apply(g.mesh()), g.name(), g.namespace(), g.selector(), g.serverTls(), g.accessRules(), g.api())).toList();
        List<ExternalService> services = s.externalServices().stream().map(e -> renameIn(e, r)).toList();
        List<Link> links = s.links().stream().map(l -> new Link(r.apply(l.id()), r.apply(l.from()), r.apply(l.to()),
                l.app(), l.port(), l.path(), r.apply(l.via()), renameIn(l.sidecarTls(), r), renameIn(l.egressTls(), r),
                l.rewrite(), l.targetPort())).toList();
        List<Federation> federations = s.federations().stream().map(f -> new Federation(r.apply(f.id()),
                f.meshes().stream().map(r).toList(), f.services().stream().map(fs -> new FederatedService(
                        r.apply(fs.exportedBy()), fs.namespace(), fs.name(), fs.aliasNamespace(), fs.aliasName(),
                        fs.importAsLocal())).toList(), f.discoveryHost())).toList();
        List<CertificateSpec> certificates = s.certificates().stream().map(c -> new CertificateSpec(r.apply(c.id()),
                c.kind(), c.commonName(), c.dnsNames(), c.ipAddresses(), r.apply(c.issuer()), c.keyType(),
                c.validityDays(), c.secrets())).toList();
        Map<String, Position> layout = new LinkedHashMap<>();
        s.layout().forEach((id, p) -> layout.put(r.apply(id), p));
        return with(s, meshes, workloads, gateways, services, links, federations, certificates, layout);
    }

    private static ExternalService renameIn(ExternalService e, UnaryOperator<String> r) {
        Server v = e.server();
        MeshIngress i = v.ingress();
        MeshIngress ingress = i == null ? null : new MeshIngress(r.apply(i.mesh()), i.routeName(), i.routeTermination(),
                i.gatewayName(), i.gatewayNamespace(), i.gatewayPort(), i.gatewayTlsMode(), i.credentialName(),
                r.apply(i.clientCa()), i.backendNamespace(), i.backendService(), i.backendPort(), i.pathPrefix());
        Server server = new Server(v.kind(), r.apply(v.certificate()), r.apply(v.ca()), r.apply(v.clientCa()),
                r.apply(v.workload()), ingress);
        return new ExternalService(r.apply(e.id()), e.name(), e.namespace(), e.hosts(), e.ports(), e.location(),
                e.resolution(), e.addresses(), e.exportTo(), e.registered(), server);
    }

    private static Origination renameIn(Origination o, UnaryOperator<String> r) {
        return o == null ? null : new Origination(o.ruleName(), o.mode(), o.sni(), o.subjectAltNames(),
                r.apply(o.caCertificate()), r.apply(o.clientCertificate()), o.credentialName(), o.delivery(),
                o.mountPath(), o.insecureSkipVerify());
    }

    static ExternalService withServer(ExternalService e, Server server) {
        return new ExternalService(e.id(), e.name(), e.namespace(), e.hosts(), e.ports(), e.location(), e.resolution(),
                e.addresses(), e.exportTo(), e.registered(), server);
    }

    /** What a copy holds: the elements, and their positions. */
    public record Fragment(List<Element> elements, Map<String, Position> positions) {
        public Fragment {
            elements = List.copyOf(elements);
            positions = Map.copyOf(positions);
        }

        public boolean isEmpty() {
            return elements.isEmpty();
        }
    }

    /**
     * Copies the selected elements, plus the links between copied elements (a link needs both its ends) and the
     * egress gateways of copied meshes.
     */
    public static Fragment copy(Scenario s, Collection<String> ids, Map<String, Position> positions) {
        Set<String> chosen = new HashSet<>(ids);
        s.egressGateways().stream().filter(g -> chosen.contains(g.mesh())).forEach(g -> chosen.add(g.id()));
        List<Element> elements = new ArrayList<>();
        Map<String, Position> at = new LinkedHashMap<>();
        for (Element e : s.elements()) {
            boolean take = chosen.contains(e.id());
            if (e instanceof Link l) {
                take = chosen.contains(l.from()) && chosen.contains(l.to());
            }
            if (take) {
                elements.add(e);
                if (positions.containsKey(e.id())) {
                    at.put(e.id(), positions.get(e.id()));
                }
            }
        }
        return new Fragment(elements, at);
    }

    /** The result of a paste: the scenario, and the ids of the pasted elements. */
    public record Pasted(Scenario scenario, List<String> ids) {
    }

    /** Pastes a fragment with fresh ids (references inside the fragment follow), offset on the canvas. */
    public static Pasted paste(Scenario s, Fragment fragment, double dx, double dy) {
        Set<String> taken = new HashSet<>();
        s.elements().forEach(e -> taken.add(e.id()));
        Map<String, String> ids = new LinkedHashMap<>();
        for (Element e : fragment.elements()) {
            String fresh = freshId(e.id() + "-copy", taken);
            taken.add(fresh);
            ids.put(e.id(), fresh);
        }
        // rename inside a scenario made of the fragment alone, so that references outside it stay as they are
        Scenario part = empty("fragment");
        for (Element e : fragment.elements()) {
            part = add(part, e, null);
        }
        for (Map.Entry<String, String> rename : ids.entrySet()) {
            part = renameId(part, rename.getKey(), "\u0000" + rename.getValue());
        }
        for (Map.Entry<String, String> rename : ids.entrySet()) {
            part = renameId(part, "\u0000" + rename.getValue(), rename.getValue());
        }
        Scenario result = s;
        for (Element e : part.elements()) {
            String original = ids.entrySet().stream().filter(x -> x.getValue().equals(e.id())).findFirst()
                    .map(Map.Entry::getKey).orElse(null);
            Position p = original == null ? null : fragment.positions().get(original);
            result = add(result, e, p == null ? null : new Position(p.x() + dx, p.y() + dy));
        }
        return new Pasted(result, List.copyOf(ids.values()));
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, ... whichever is not taken. */
    public static String freshId(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int i = 2; ; i++) {
            String candidate = base + "-" + i;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    public static String freshId(Scenario s, String base) {
        Set<String> taken = new HashSet<>();
        s.elements().forEach(e -> taken.add(e.id()));
        return freshId(base, taken);
    }

    /** Adds a namespace to a mesh's member roll. */
    public static Scenario addMember(Scenario s, String meshId, String namespace) {
        Mesh m = s.mesh(meshId).orElseThrow();
        if (m.owns(namespace)) {
            return s;
        }
        List<String> members = plus(m.members(), namespace);
        return replace(s, meshId, m.withMembers(members));
    }

    /** The certificate placements are kept as they are; listed so that a rename reaches them in a later version. */
    static List<SecretPlacement> placements(CertificateSpec c) {
        return c.secrets();
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }

    private static <T extends Element> List<T> swap(List<T> list, String id, T replacement) {
        List<T> out = new ArrayList<>(list.size());
        boolean found = false;
        for (T t : list) {
            if (!found && Objects.equals(t.id(), id)) {
                out.add(replacement);
                found = true;
            } else {
                out.add(t);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no " + replacement.getClass().getSimpleName() + " '" + id + "'");
        }
        return out;
    }

    private static <T extends Element> List<T> without(List<T> list, Set<String> gone) {
        return list.stream().filter(e -> !gone.contains(e.id())).toList();
    }
}
