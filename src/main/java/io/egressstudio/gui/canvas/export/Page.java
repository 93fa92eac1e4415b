package io.egressstudio.gui.canvas.export;

import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.io.ExportOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole exported picture in layout pixels: the background, the title (and the step shown) on top, the diagram, and
 * the legend at the bottom. {@link #natural} keeps the diagram at its size (SVG); {@link #fitted} fits the whole
 * diagram, labels included, into the options' size (PNG). Both writers draw a page as it is, so they agree.
 */
public record Page(double width, double height, Colour background, List<Group> groups, Rect titleArea,
                   Rect diagramArea, Rect legendArea) {
    /** At 1x; a PNG larger than 1280 wide draws its margins, title and legend larger in proportion (up to 2x). */
    static final double MARGIN = 24;
    static final double TITLE = 22;
    static final double CAPTION = 15;
    private static final double REFERENCE_WIDTH = 1280;
    /** A small diagram on a large slide is enlarged at most this much: beyond it, boxes look blown up. */
    static final double MAX_ZOOM = 2.5;
    private static final double MIN_NATURAL_WIDTH = 560;

    public Page {
        groups = List.copyOf(groups);
    }

    /** The diagram at its own size, the page as large as it needs (an SVG). */
    public static Page natural(DiagramDrawing d, String title, ExportOptions o, Palette p) {
        double content = Math.max(d.extent().w(), MIN_NATURAL_WIDTH);
        double titleH = titleHeight(title, o, 1);
        double legendH = o.legend() ? Legend.height(d, p, content, 1) + MARGIN / 2 : 0;
        double width = content + 2 * MARGIN;
        double height = MARGIN + titleH + d.extent().h() + legendH + MARGIN;
        Shape.Transform t = new Shape.Transform(MARGIN + (content - d.extent().w()) / 2 - d.extent().x(),
                MARGIN + titleH - d.extent().y(), 1);
        return compose(d.moved(t), title, o, p, width, height, titleH, legendH, 1);
    }

    /** The diagram fitted into the options' width x height (a PNG, before its scale). */
    public static Page fitted(DiagramDrawing d, String title, ExportOptions o, Palette p) {
        double width = o.width();
        double height = o.height();
        double f = Math.max(1, Math.min(2, width / REFERENCE_WIDTH));
        double margin = MARGIN * f;
        double content = width - 2 * margin;
        double titleH = titleHeight(title, o, f);
        double legendH = o.legend() ? Legend.height(d, p, content, f) + margin / 2 : 0;
        double areaH = Math.max(1, height - 2 * margin - titleH - legendH);
        Rect e = d.extent();
        double k = Math.min(MAX_ZOOM, Math.min(content / Math.max(1, e.w()), areaH / Math.max(1, e.h())));
        Shape.Transform t = new Shape.Transform(margin + (content - e.w() * k) / 2 - e.x() * k,
                margin + titleH + (areaH - e.h() * k) / 2 - e.y() * k, k);
        return compose(d.moved(t), title, o, p, width, height, titleH, legendH, f);
    }

    private static double titleHeight(String title, ExportOptions o, double f) {
        if (!o.title() || title == null || title.isBlank()) {
            return 0;
        }
        return (TITLE * 1.3 + (o.caption() == null || o.caption().isBlank() ? 0 : CAPTION * 1.5) + MARGIN / 2) * f;
    }

    private static Page compose(DiagramDrawing placed, String title, ExportOptions o, Palette p, double width,
                                double height, double titleH, double legendH, double f) {
        List<Group> groups = new ArrayList<>();
        double margin = MARGIN * f;
        double content = width - 2 * margin;
        Rect titleArea = null;
        if (titleH > 0) {
            List<Shape> texts = new ArrayList<>();
            texts.add(TextMetrics.text(margin, margin + TITLE * f * TextMetrics.ASCENT, title, content, TITLE * f,
                    14 * f, true, p.text()));
            if (o.caption() != null && !o.caption().isBlank()) {
                texts.add(TextMetrics.text(margin, margin + (TITLE * 1.3 + CAPTION * TextMetrics.ASCENT) * f,
                        o.caption(), content, CAPTION * f, 11 * f, false, p.muted()));
            }
            Group heading = new Group("title", null, texts);
            groups.add(heading);
            titleArea = heading.extent();
        }
        groups.addAll(placed.groups());
        Rect legendArea = null;
        if (legendH > 0) {
            Group legend = Legend.draw(placed, p, margin, height - margin - legendH + margin / 2, content, f);
            groups.add(legend);
            legendArea = legend.extent();
        }
        return new Page(width, height, p.background(), groups, titleArea, placed.extent(), legendArea);
    }

    /** Everything drawn: the union of all groups' extents. */
    public Rect drawnExtent() {
        Rect r = null;
        for (Group g : groups) {
            r = g.extent() == null ? r : g.extent().union(r);
        }
        return r;
    }
}
