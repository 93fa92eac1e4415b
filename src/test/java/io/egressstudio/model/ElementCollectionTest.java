package io.egressstudio.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInDesigns;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElementCollectionTest {
    @Test
    void everyListOfElementsOfTheScenarioIsACollection() {
        List<String> elementLists = new ArrayList<>();
        for (RecordComponent c : Scenario.class.getRecordComponents()) {
            if (c.getGenericType() instanceof ParameterizedType t && c.getType() == List.class
                    && t.getActualTypeArguments()[0] instanceof Class<?> item && Element.class.isAssignableFrom(item)) {
                elementLists.add(c.getName());
            }
        }
        assertThat(ElementCollection.fieldNames()).containsExactlyElementsOf(elementLists);
    }

    @Test
    void findsAnElementsPlaceInTheFileAndItsCollectionByName() {
        Scenario s = BuiltInDesigns.finished("1b-egress-encrypted");
        Link link = s.links().get(0);
        assertThat(ElementCollection.pathOf(s, link.id())).isEqualTo("links[0]");
        assertThat(ElementCollection.of(link)).isEqualTo(ElementCollection.LINKS);
        assertThat(ElementCollection.named("egressGateways").orElseThrow().of(s)).isEqualTo(s.egressGateways());
        assertThat(ElementCollection.named("steps")).isEmpty();
        assertThat(ElementCollection.pathOf(s, "no-such-element")).isNull();
    }
}
