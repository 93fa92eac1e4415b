package io.egressstudio.gui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.ScenarioImport;
import io.egressstudio.design.ElementPatch;
import io.egressstudio.generate.ManifestWriter;
import io.egressstudio.generate.ScenarioGenerator;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.NodeKindSamples.Sample;
import io.egressstudio.gui.inspector.ElementForms;
import io.egressstudio.gui.inspector.FieldSpec;
import io.egressstudio.io.ExportOptions;
import io.egressstudio.mesh.ResourceSet;
import io.egressstudio.model.Element;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ScenarioValidator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Every {@link NodeKind} is handled everywhere a kind must be (docs/extending.md), as AnalyzerCatalogueTest does for
 * analyzers: the canvas draws its sample as a box of that kind, the inspector has a form for the element the box
 * selects, the generator makes resources for it, importing those resources gives a box of that kind back, and the
 * SVG export fills it in its own colour in either theme. The palette and the canvas's stylesheets are checked in the
 * window by {@link NodeKindsOnTheCanvasTest}.
 */
class NodeKindsAreCompleteTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(NodeKind.class)
    void theCanvasDrawsTheSampleAsABoxOfItsKind(NodeKind kind) {
        Sample sample = NodeKindSamples.of(kind);

        assertThat(ScenarioValidator.validate(sample.after())).as("problems of the %s sample", kind).isEmpty();
        assertThat(sample.addedBoxes()).as("boxes of %s the sample adds", kind).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(NodeKind.class)
    void theInspectorHasAFormWhoseFieldsAreFieldsOfTheElement(NodeKind kind) {
        Sample sample = NodeKindSamples.of(kind);
        for (Box box : sample.addedBoxes()) {
            Element element = sample.after().element(box.elementId()).orElseThrow(
                    () -> new AssertionError(kind + " box " + box.id() + " selects " + box.elementId() + ": none"));
            List<FieldSpec> fields = ElementForms.of(element).stream().flatMap(s -> s.fields().stream()).toList();

            assertThat(fields).as("the inspector's form for a %s (%s)", kind, element.getClass().getSimpleName())
                    .extracting(FieldSpec::path).contains("id");
            for (FieldSpec field : fields) {
                // writing a field's own value back goes through the file format, which rejects an unknown field
                var value = ElementPatch.get(element, field.path());
                Object same = value.isMissingNode() || value.isNull() ? null : value;
                assertThat(ElementPatch.set(element, field.path(), same)).as("%s: the form's field %s is a field of %s",
                        kind, field.path(), element.getClass().getSimpleName())
                        .isNotNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(NodeKind.class)
    void theGeneratorMakesResourcesForTheElementItsBoxSelects(NodeKind kind) {
        Sample sample = NodeKindSamples.of(kind);
        Set<String> elements = sample.addedBoxes().stream().map(Box::elementId).collect(Collectors.toSet());

        assertThat(changedResources(sample.before(), sample.after()))
                .as("resources that adding a %s adds or changes", kind).isNotEmpty()
                .filteredOn(entry -> elements.contains(entry.origin()))
                .as("of those, resources generated from %s", elements).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(NodeKind.class)
    void importingTheGeneratedResourcesGivesABoxOfItsKindBack(NodeKind kind) {
        Sample sample = NodeKindSamples.of(kind);
        Diagram before = DiagramLayout.of(imported(sample.before()));
        Diagram after = DiagramLayout.of(imported(sample.after()));

        assertThat(count(after, kind)).as("%s boxes drawn for the imported resources", kind)
                .isGreaterThan(count(before, kind));
    }

    @Test
    void theSvgExportFillsEachKindInItsOwnColourInEitherTheme() throws Exception {
        Map<NodeKind, String> light = new EnumMap<>(NodeKind.class);
        Map<NodeKind, String> dark = new EnumMap<>(NodeKind.class);
        for (NodeKind kind : NodeKind.values()) {
            Sample sample = NodeKindSamples.of(kind);
            Box box = sample.addedBoxes().get(0);
            Diagram diagram = DiagramLayout.of(sample.after());
            light.put(kind, fillOf(svg(diagram, false), box.id()));
            dark.put(kind, fillOf(svg(diagram, true), box.id()));
        }

        assertThat(sameColour(light)).as("kinds the light SVG fills alike: %s", light).isEmpty();
        assertThat(sameColour(dark)).as("kinds the dark SVG fills alike: %s", dark).isEmpty();
        for (NodeKind kind : NodeKind.values()) {
            assertThat(dark.get(kind)).as("%s in the dark theme (designer-dark.css overrides its colour)", kind)
                    .isNotEqualTo(light.get(kind));
        }
    }

    /** The generated resources of {@code after} that {@code before} does not have, or has with other YAML. */
    private static List<ResourceSet.Entry> changedResources(Scenario before, Scenario after) {
        ResourceSet old = ScenarioGenerator.generate(before);
        return ScenarioGenerator.generate(after).entries().stream()
                .filter(entry -> old.get(entry.key()).map(o -> !yaml(o).equals(yaml(entry))).orElse(true))
                .toList();
    }

    private static String yaml(ResourceSet.Entry entry) {
        return ManifestWriter.document(entry.resource());
    }

    private static Scenario imported(Scenario scenario) {
        return ScenarioImport.reconstruct(ScenarioGenerator.generate(scenario), scenario.name()).scenario();
    }

    private static long count(Diagram d, NodeKind kind) {
        return NodeKindSamples.boxes(d).stream().filter(b -> b.kind() == kind).count();
    }

    private static String svg(Diagram d, boolean dark) {
        return SvgExport.toSvg(d, id -> null, null, ExportOptions.defaults().withDark(dark).withLegend(false));
    }

    /** The fill (and its opacity) of the first shape of the SVG group drawing the box. */
    private static String fillOf(String svg, String boxId) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList groups = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            org.w3c.dom.Element g = (org.w3c.dom.Element) groups.item(i);
            if (boxId.equals(g.getAttribute("id"))) {
                org.w3c.dom.Element shape = (org.w3c.dom.Element) g.getElementsByTagNameNS("*", "rect").item(0);
                assertThat(shape).as("the rectangle of " + boxId).isNotNull();
                return shape.getAttribute("fill") + " " + shape.getAttribute("fill-opacity");
            }
        }
        throw new AssertionError("the SVG draws no group " + boxId);
    }

    /** Colours given to more than one kind, with those kinds. */
    private static Map<String, List<NodeKind>> sameColour(Map<NodeKind, String> fills) {
        Map<String, List<NodeKind>> byColour = fills.entrySet().stream().collect(Collectors.groupingBy(
                Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        byColour.values().removeIf(kinds -> kinds.size() < 2);
        return byColour;
    }
}
