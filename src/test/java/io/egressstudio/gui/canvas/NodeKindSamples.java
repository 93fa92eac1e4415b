package io.egressstudio.gui.canvas;

import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One sample per {@link NodeKind}: a small scenario before and after adding what a box of that kind stands for, made
 * the way a palette drop makes it ({@link NewElements}). The switch has no default: a new kind does not compile until
 * it has a sample here, and then {@link NodeKindsAreCompleteTest} and {@link NodeKindsOnTheCanvasTest} check every
 * place it must be handled (docs/extending.md lists them).
 */
final class NodeKindSamples {
    /** {@code before} plus one thing drawn as a box of {@code kind}. */
    record Sample(NodeKind kind, Scenario before, Scenario after) {
        /** The boxes of this kind that {@code after} draws and {@code before} does not. */
        List<Box> addedBoxes() {
            return added(DiagramLayout.of(before), DiagramLayout.of(after), kind);
        }
    }

    private NodeKindSamples() {
    }

    /** A mesh with one member namespace and a workload with a sidecar in it: what most kinds are added to. */
    static Scenario meshWithAWorkload() {
        Scenario empty = ScenarioEdits.empty("node-kinds");
        Mesh mesh = NewElements.mesh(empty);
        Scenario withMesh = ScenarioEdits.add(empty, mesh, null);
        return ScenarioEdits.add(withMesh, NewElements.workload(withMesh, mesh.members().get(0)), null);
    }

    static Sample of(NodeKind kind) {
        Scenario base = meshWithAWorkload();
        Mesh mesh = base.meshes().get(0);
        return switch (kind) {
            case MESH -> {
                Scenario empty = ScenarioEdits.empty("node-kinds");
                yield new Sample(kind, empty, ScenarioEdits.add(empty, NewElements.mesh(empty), null));
            }
            case NAMESPACE -> {
                // a namespace dropped on a mesh joins its member roll with a first workload in it
                String namespace = NewElements.namespace(base);
                Scenario member = ScenarioEdits.addMember(base, mesh.id(), namespace);
                yield new Sample(kind, base, ScenarioEdits.add(member, NewElements.workload(base, namespace), null));
            }
            case WORKLOAD -> {
                Scenario before = ScenarioEdits.empty("node-kinds");
                before = ScenarioEdits.add(before, NewElements.mesh(before), null);
                Workload workload = NewElements.workload(before, before.meshes().get(0).members().get(0));
                yield new Sample(kind, before, ScenarioEdits.add(before, workload, null));
            }
            case EGRESS_GATEWAY -> {
                // a gateway is realised by the routes of the links through it (the control plane deploys it): the
                // sample routes the workload's link to a registered service through it
                ExternalService service = registered(NewElements.externalService(base));
                Scenario withService = ScenarioEdits.add(base, service, null);
                Link direct = NewElements.link(withService, base.workloads().get(0).id(), service.id());
                Scenario before = ScenarioEdits.add(withService, direct, null);
                EgressGateway gateway = NewElements.egressGateway(before, mesh.id());
                Scenario after = ScenarioEdits.replace(ScenarioEdits.add(before, gateway, null), direct.id(),
                        new Link(direct.id(), direct.from(), direct.to(), direct.app(), direct.port(), direct.path(),
                                gateway.id(), null, null, null, null));
                yield new Sample(kind, before, after);
            }
            case EXTERNAL_SERVICE -> new Sample(kind, base,
                    ScenarioEdits.add(base, registered(NewElements.externalService(base)), null));
            case MESH_INGRESS -> new Sample(kind, base, ScenarioEdits.add(base, NewElements.meshIngress(base), null));
        };
    }

    static List<Sample> all() {
        return Stream.of(NodeKind.values()).map(NodeKindSamples::of).toList();
    }

    /** The boxes of {@code kind} in {@code after} whose ids {@code before} does not have. */
    static List<Box> added(Diagram before, Diagram after, NodeKind kind) {
        Set<String> old = boxes(before).stream().map(Box::id).collect(Collectors.toSet());
        return boxes(after).stream().filter(b -> b.kind() == kind && !old.contains(b.id())).toList();
    }

    static List<Box> boxes(Diagram d) {
        List<Box> all = new ArrayList<>(d.meshes());
        all.addAll(d.namespaces());
        all.addAll(d.nodes());
        return all;
    }

    /** The service as the inspector's "Registered" makes it: a ServiceEntry is what a cluster has of it. */
    private static ExternalService registered(ExternalService s) {
        return new ExternalService(s.id(), s.name(), s.namespace(), s.hosts(), s.ports(), s.location(), s.resolution(),
                s.addresses(), s.exportTo(), Boolean.TRUE, s.server());
    }
}
