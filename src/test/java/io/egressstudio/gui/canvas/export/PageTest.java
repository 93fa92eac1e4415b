package io.egressstudio.gui.canvas.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.gui.DiagramImages;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.ExportOptions;
import io.egressstudio.model.Scenario;
import org.junit.jupiter.api.Test;

/** A PNG's page: the whole diagram, its labels included, fitted between the title and the legend, nothing cut off. */
class PageTest {
    private static Page page(String template, ExportOptions options) {
        Scenario s = BuiltInScenarios.get(template);
        DesignAnalysis analysis = new DesignPipeline(PredictionEngines.standard()).analyze(s);
        return DiagramImages.page(s, analysis::prediction, options);
    }

    private static boolean inside(Rect inner, Rect outer) {
        return inner.x() >= outer.x() - 0.01 && inner.y() >= outer.y() - 0.01 && inner.maxX() <= outer.maxX() + 0.01
                && inner.maxY() <= outer.maxY() + 0.01;
    }

    @Test
    void everyBuiltInFitsEntirelyBetweenTitleAndLegendAtEverySize() {
        for (String name : BuiltInScenarios.names()) {
            for (int[] size : new int[][] {{1920, 1080}, {1280, 720}, {400, 300}, {300, 900}}) {
                Page page = page(name, ExportOptions.defaults().withSize(size[0], size[1]).withCaption("After step 1"));
                Rect whole = new Rect(0, 0, page.width(), page.height());
                String what = name + " at " + size[0] + "x" + size[1];
                assertThat(inside(page.drawnExtent(), whole)).as(what + ": " + page.drawnExtent()).isTrue();
                assertThat(page.titleArea().maxY()).as(what).isLessThanOrEqualTo(page.diagramArea().y());
                assertThat(page.legendArea().y()).as(what).isGreaterThanOrEqualTo(page.diagramArea().maxY());
            }
        }
    }

    @Test
    void anExportedLinkThatAPolicyRefusesEndsInABarAndTheLegendSaysDenied() {
        Scenario s = io.egressstudio.io.BuiltInDesigns.finished("3-egress-authz");
        DesignAnalysis analysis = new DesignPipeline(PredictionEngines.standard()).analyze(s);
        Page page = DiagramImages.page(s, analysis::prediction, ExportOptions.defaults().withSize(1920, 1080));

        java.util.function.Function<String, Shape> end = id -> {
            java.util.List<Shape> shapes = page.groups().stream().filter(g -> g.id().equals(id)).findFirst()
                    .orElseThrow().shapes();
            return shapes.get(shapes.size() - 1);
        };
        assertThat(end.apply("link-other-call")).isInstanceOfSatisfying(Shape.Polygon.class,
                bar -> assertThat(bar.points()).as("a bar: four corners").hasSize(4));
        assertThat(end.apply("link-greeting-call")).isInstanceOfSatisfying(Shape.Polygon.class,
                arrow -> assertThat(arrow.points()).as("an arrow head").hasSize(3));
        assertThat(Legend.meaning(io.egressstudio.model.Outcome.DENIED)).contains("403");
    }

    @Test
    void aSlideFillsItsWidthOrItsHeight() {
        Page page = page("1b-egress-encrypted", ExportOptions.defaults().withSize(1920, 1080));

        Rect diagram = page.diagramArea();
        double free = page.height() - page.titleArea().maxY() - (page.height() - page.legendArea().y());
        assertThat(diagram.w() > page.width() * 0.9 || diagram.h() > free * 0.8).as(diagram.toString()).isTrue();
    }

    @Test
    void doubleScaleIsTwiceThePixelsOfTheSameLayout() throws Exception {
        ExportOptions once = ExportOptions.defaults().withSize(1280, 720);
        Page page = page("2-federation", once);

        var image1 = DiagramImages.image(page, once);
        var image2 = DiagramImages.image(page, once.withScale(2));

        assertThat(image1.getWidth()).isEqualTo(1280);
        assertThat(image2.getWidth()).isEqualTo(2560);
        assertThat(image2.getHeight()).isEqualTo(1440);
        // the same picture: a pixel of the diagram at 1x is the colour of its 2x twin
        Rect d = page.diagramArea();
        int x = (int) (d.x() + d.w() / 2);
        int y = (int) (d.y() + d.h() / 2);
        assertThat(image2.getRGB(2 * x, 2 * y)).isEqualTo(image1.getRGB(x, y));
    }

    @Test
    void withoutTitleAndLegendTheDiagramTakesTheWholePage() {
        Page page = page("1a-simple", ExportOptions.defaults().withTitle(false).withLegend(false));

        assertThat(page.titleArea()).isNull();
        assertThat(page.legendArea()).isNull();
        assertThat(page.groups()).noneMatch(g -> g.id().equals("legend") || g.id().equals("title"));
    }
}
