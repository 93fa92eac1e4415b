package io.egressstudio.gui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.gui.DiagramImages;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ExportOptions;
import io.egressstudio.io.ScenarioFile;
import io.egressstudio.model.Scenario;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The exported SVG read back with the JDK's XML parser: inline colours, text inside its box and inside the viewBox. */
class SvgExportTest {
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private record Svg(Document doc, double width, double height) {
        List<Element> all(String tag) {
            NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
            List<Element> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add((Element) nodes.item(i));
            }
            return out;
        }

        Element group(String id) {
            return all("g").stream().filter(g -> id.equals(g.getAttribute("id"))).findFirst().orElse(null);
        }
    }

    private static Svg parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        String[] box = doc.getDocumentElement().getAttribute("viewBox").split(" ");
        assertThat(box[0]).isEqualTo("0");
        assertThat(box[1]).isEqualTo("0");
        return new Svg(doc, Double.parseDouble(box[2]), Double.parseDouble(box[3]));
    }

    /** A text's extent measured here with AWT (independently of the exporter): advance, ascent and descent. */
    private static Rect extent(Element text) {
        double size = Double.parseDouble(text.getAttribute("font-size"));
        int style = "bold".equals(text.getAttribute("font-weight")) ? Font.BOLD : Font.PLAIN;
        double w = new Font(Font.SANS_SERIF, style, 100).getStringBounds(text.getTextContent(), FRC).getWidth() * size / 100;
        double x = Double.parseDouble(text.getAttribute("x"));
        double y = Double.parseDouble(text.getAttribute("y"));
        return new Rect(x, y - size * 0.93, w, size * (0.93 + 0.24));
    }

    private static Rect rect(Element r) {
        return new Rect(Double.parseDouble(r.getAttribute("x")), Double.parseDouble(r.getAttribute("y")),
                Double.parseDouble(r.getAttribute("width")), Double.parseDouble(r.getAttribute("height")));
    }

    private static boolean inside(Rect inner, Rect outer) {
        double e = 0.5;
        return inner.x() >= outer.x() - e && inner.y() >= outer.y() - e && inner.maxX() <= outer.maxX() + e
                && inner.maxY() <= outer.maxY() + e;
    }

    private static String svgOf(Scenario s) {
        DesignAnalysis analysis = new DesignPipeline(PredictionEngines.standard()).analyze(s);
        return DiagramImages.svg(s, analysis::prediction, ExportOptions.defaults().withCaption("After step 1 of 1: x"));
    }

    @Test
    void everyBuiltInsSvgHasInlineColoursAndKeepsEveryTextInsideItsViewBox() throws Exception {
        for (String name : BuiltInScenarios.names()) {
            Svg svg = parse(svgOf(BuiltInScenarios.get(name)));
            List<Element> links = svg.all("g").stream().filter(g -> g.getAttribute("id").startsWith("link-")).toList();
            assertThat(links).as(name).isNotEmpty();
            for (Element link : links) {
                NodeList paths = link.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
                assertThat(paths.getLength()).as(name).isPositive();
                for (int i = 0; i < paths.getLength(); i++) {
                    assertThat(((Element) paths.item(i)).getAttribute("stroke")).as(name + " " + link.getAttribute("id"))
                            .matches("#[0-9a-f]{6}");
                }
            }
            Rect view = new Rect(0, 0, svg.width(), svg.height());
            for (Element text : svg.all("text")) {
                assertThat(text.getAttribute("fill")).as(name).matches("#[0-9a-f]{6}");
                assertThat(text.getAttribute("font-family")).as(name).isNotBlank();
                assertThat(inside(extent(text), view)).as(name + ": \"" + text.getTextContent() + "\" inside the viewBox "
                        + view + ", at " + extent(text)).isTrue();
            }
        }
    }

    @Test
    void everyBoxsTextsFitTheBoxAndNoBadgeIsUnderANode() throws Exception {
        for (String name : BuiltInScenarios.names()) {
            Scenario scenario = BuiltInScenarios.get(name);
            Svg svg = parse(svgOf(scenario));
            Diagram diagram = DiagramLayout.of(scenario);
            List<Rect> nodeRects = new ArrayList<>();
            for (Box node : diagram.nodes()) {
                Rect box = rect((Element) svg.group(node.id()).getElementsByTagNameNS("*", "rect").item(0));
                nodeRects.add(box);
                for (Element text : texts(svg.group("label-" + node.id()))) {
                    assertThat(inside(extent(text), box)).as(name + ": \"" + text.getTextContent() + "\" in " + node.id())
                            .isTrue();
                }
            }
            for (Box ns : diagram.namespaces()) {
                Element labels = svg.group("label-" + ns.id());
                Rect box = rect((Element) svg.group(ns.id()).getElementsByTagNameNS("*", "rect").item(0));
                assertThat(inside(extent(texts(labels).get(0)), box)).as(name + " " + ns.id()).isTrue();
                for (Element text : texts(labels)) {
                    assertThat(nodeRects.stream().noneMatch(extent(text)::intersects))
                            .as(name + ": \"" + text.getTextContent() + "\" of " + ns.id() + " is under no node").isTrue();
                }
            }
            // drawn in z-order: every label after every box
            List<String> order = svg.all("g").stream().map(g -> g.getAttribute("id")).filter(id -> !id.isEmpty()).toList();
            int lastBox = diagram.nodes().stream().mapToInt(n -> order.indexOf(n.id())).max().orElse(-1);
            int firstLabel = order.stream().filter(id -> id.startsWith("label-")).mapToInt(order::indexOf).min().orElse(-1);
            assertThat(firstLabel).as(name).isGreaterThan(lastBox);
        }
    }

    @Test
    void aLongHostNameStaysInsideItsBoxAndCanBeReadWholeOnItsLinesOrInItsTooltip() throws Exception {
        String host = "a-very-long-service-name-that-nobody-would-type.with-a-namespace-as-long.svc.cluster.local";
        String yaml = new String(BuiltInScenarios.class.getResourceAsStream("/io/egressstudio/scenarios/1a-simple.yaml")
                .readAllBytes(), StandardCharsets.UTF_8).replace("greeting.remote.com", host);
        Scenario scenario = ScenarioFile.parse(yaml, "long-host.yaml");
        Box service = DiagramLayout.of(scenario).nodes().stream().filter(b -> host.equals(b.title())).findFirst().orElseThrow();

        Svg svg = parse(svgOf(scenario));

        Rect box = rect((Element) svg.group(service.id()).getElementsByTagNameNS("*", "rect").item(0));
        List<Element> texts = texts(svg.group("label-" + service.id()));
        texts.forEach(t -> assertThat(inside(extent(t), box)).as(t.getTextContent()).isTrue());
        List<Element> titleLines = texts.subList(0, texts.size() - 1);
        String shown = titleLines.stream().map(Element::getTextContent).collect(Collectors.joining());
        if (!shown.equals(host)) {
            // shortened: the last title line ends with an ellipsis and carries the whole name as its tooltip
            Element last = titleLines.get(titleLines.size() - 1);
            assertThat(shown).endsWith("…");
            assertThat(host).startsWith(shown.substring(0, shown.length() - 1));
            Element tooltip = (Element) ((Element) last.getParentNode()).getElementsByTagNameNS("*", "title").item(0);
            assertThat(tooltip.getTextContent()).isEqualTo(host);
        }
        // broken after dots or dashes, not mid-word
        for (Element line : titleLines.subList(0, titleLines.size() - 1)) {
            assertThat(line.getTextContent()).matches(".*[.\\- ]");
        }
    }

    @Test
    void theTitleTheStepAndTheLegendAreDrawn() throws Exception {
        Scenario scenario = io.egressstudio.io.BuiltInDesigns.finished("1b-egress-encrypted");
        Svg svg = parse(svgOf(scenario));

        assertThat(texts(svg.group("title")).stream().map(Element::getTextContent))
                .containsExactly(scenario.title(), "After step 1 of 1: x");
        Set<String> legend = texts(svg.group("legend")).stream().map(Element::getTextContent).collect(Collectors.toSet());
        assertThat(legend).contains("Outcome:", "OK: reaches its destination", "Hop:", "encrypted (its TLS mode beside it)", "plaintext");
        assertThat(svg.all("style")).isEmpty();
    }

    private static List<Element> texts(Element group) {
        NodeList nodes = group.getElementsByTagNameNS("*", "text");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }
}
