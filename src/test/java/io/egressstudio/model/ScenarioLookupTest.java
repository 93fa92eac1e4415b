package io.egressstudio.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.predict.ScenarioRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scenario equality and element lookups, which every edit and every analysis runs. */
class ScenarioLookupTest {

    @Test
    void scenariosReadTwiceAreEqualAndOneChangedFieldMakesThemDiffer() {
        for (String name : BuiltInScenarios.names()) {
            Scenario a = BuiltInScenarios.get(name);
            Scenario b = BuiltInScenarios.get(name);
            assertThat(a.links().get(0)).as("read twice: equal elements, not the same objects").isNotSameAs(b.links().get(0));
            assertThat(a).as(name).isEqualTo(b).hasSameHashCodeAs(b);

            List<Link> links = new ArrayList<>(b.links());
            Link last = links.get(links.size() - 1);
            links.set(links.size() - 1, new Link(last.id(), last.from(), last.to(), last.app(), last.port(),
                    last.path() + "/other", last.via(), last.sidecarTls(), last.egressTls(), last.rewrite(), last.targetPort()));
            Scenario changed = new Scenario(b.name(), b.title(), b.description(), b.istioApi(), b.meshes(), b.workloads(),
                    b.egressGateways(), b.externalServices(), links, b.federations(), b.certificates(), b.steps(), b.layout());
            assertThat(a).as(name).isNotEqualTo(changed);
            assertThat(a.withLayout(Map.of("moved", new Position(1, 2)))).isNotEqualTo(a);
        }
    }

    @Test
    void lookupsTakeTheFirstElementOfAnIdInFileOrder() {
        Scenario s = BuiltInScenarios.get("1a-unencrypted-v1");
        Mesh mesh = s.meshes().get(0);
        Workload sameId = new Workload(mesh.id(), "default", "shadow", List.of(8080), true, null);
        List<Workload> workloads = new ArrayList<>(s.workloads());
        workloads.add(sameId);
        Scenario clash = new Scenario(s.name(), s.title(), s.description(), s.istioApi(), s.meshes(), workloads,
                s.egressGateways(), s.externalServices(), s.links(), s.federations(), s.certificates(), s.steps(), s.layout());

        assertThat(clash.element(mesh.id())).containsSame(mesh);
        assertThat(clash.elementsById().get(mesh.id())).isSameAs(mesh);
        assertThat(clash.workload(mesh.id())).as("the first with the id is a mesh").isEmpty();
        assertThat(clash.element("nothing-has-this-id")).isEmpty();
        for (Element e : s.elements()) {
            assertThat(s.elementsById().get(e.id())).isSameAs(s.element(e.id()).orElseThrow());
        }
    }

    @Test
    void everyLinksRequestIsTheSameLookedUpOnceOrOneByOne() {
        for (String name : BuiltInScenarios.names()) {
            Scenario s = BuiltInScenarios.get(name);
            List<io.egressstudio.predict.Request> one = s.links().stream().map(l -> ScenarioRequests.forLink(s, l)).toList();
            assertThat(ScenarioRequests.all(s)).as(name).isEqualTo(one);
        }
    }

    @Test
    void aLinkThatDidNotChangeAsksTheSameRequestAndAnEditedOneANewOne() {
        Scenario s = BuiltInScenarios.get("3-egress-authz");
        ScenarioRequests.Requests first = ScenarioRequests.all(s, ScenarioRequests.Asked.NONE);
        Link edited = s.links().get(0);
        Scenario changed = io.egressstudio.design.ScenarioEdits.replace(s, edited.id(),
                io.egressstudio.design.ElementPatch.setField(edited, "path", "/other"));

        ScenarioRequests.Requests second = ScenarioRequests.all(changed, first.asked());

        assertThat(second.requests().get(0).path()).isEqualTo("/other");
        for (int i = 1; i < s.links().size(); i++) {
            assertThat(second.requests().get(i)).isSameAs(first.requests().get(i));
        }
        assertThat(second.requests()).isEqualTo(ScenarioRequests.all(changed));
    }
}
