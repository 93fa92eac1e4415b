package io.egressstudio.gui.canvas;

import io.egressstudio.gui.analysis.BackgroundRunner;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.theme.Styles;
import io.egressstudio.model.Outcome;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;

/**
 * The overview's links: below {@link CanvasView#DETAIL_ZOOM} the links are one image drawn off the FX thread by
 * {@link LinkRaster} from the links' routes (no link shapes are made), coloured as the stylesheet colours
 * the links; and since there are no link nodes to pick, the link under the pointer is found by distance.
 */
final class OverviewLinks {
    private static final Executor RASTER_THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "egress-studio-canvas");
        t.setDaemon(true);
        return t;
    });

    private record RasterJob(List<LinkRaster.Segment> segments, Rect world, double zoom) {
    }

    private final CanvasViewModel vm;
    private final Collection<LinkSlot> links;
    /** The world region the canvas shows (culled to), or null when the links are drawn as glyphs. */
    private final Supplier<Rect> region;
    private final ImageView image = new ImageView();
    private final Group colourProbes = new Group();
    private final Map<String, Line> probeByOutcome = new HashMap<>();
    private final BackgroundRunner<RasterJob, LinkRaster.Frame> raster;
    private RasterJob lastRaster;
    private boolean rasterRequested;

    OverviewLinks(CanvasViewModel vm, Collection<LinkSlot> links, Supplier<Rect> region) {
        this.vm = vm;
        this.links = links;
        this.region = region;
        image.setMouseTransparent(true);
        image.setSmooth(false);
        image.setVisible(false);
        colourProbes.setVisible(false);
        colourProbes.setManaged(false);
        for (Outcome o : Outcome.values()) {
            colourProbe(Styles.outcome(o));
        }
        colourProbe(Styles.OUTCOME_UNKNOWN);
        raster = new BackgroundRunner<>(job -> LinkRaster.draw(job.segments(), job.world(), job.zoom()),
                this::showRaster, e -> vm.main().statusProperty().set("Could not draw the overview's links: " + e),
                RASTER_THREAD, Platform::runLater);
    }

    /** The links' image, to place between the boxes under the links and the nodes. */
    Node image() {
        return image;
    }

    /** The hidden link lines whose styled strokes give the outcomes' colours: they must be in the scene. */
    Node colourProbes() {
        return colourProbes;
    }

    /** Shows the image (the overview) or hides it (links drawn as glyphs). */
    void show(boolean overview) {
        image.setVisible(overview);
    }

    /**
     * A hidden link line per outcome, styled by the same rules as real links: its stroke is the outcome's colour from
     * the stylesheet's variables, resolved once per theme change (the stroke changes, and the overview is redrawn).
     */
    private void colourProbe(String outcome) {
        Group link = new Group();
        link.getStyleClass().add("link");
        link.pseudoClassStateChanged(LinkGlyph.outcomeClass(outcome), true);
        Line hop = new Line(0, 0, 1, 0);
        hop.getStyleClass().add("hop");
        link.getChildren().add(hop);
        colourProbes.getChildren().add(link);
        probeByOutcome.put(outcome, hop);
        hop.strokeProperty().addListener((o, a, b) -> rasterize());
    }

    private int colour(String outcome) {
        Line probe = probeByOutcome.get(outcome);
        Color c = probe != null && probe.getStroke() instanceof Color col ? col : Color.GRAY;
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /**
     * Asks for the overview's links to be drawn again, off the FX thread (only below the detail zoom). One edit asks
     * several times (new shapes, new colours, a new cull); the segments are collected once, after them.
     */
    void rasterize() {
        if (region.get() == null || rasterRequested) {
            return;
        }
        rasterRequested = true;
        Platform.runLater(this::rasterizeNow);
    }

    private void rasterizeNow() {
        rasterRequested = false;
        Rect culled = region.get();
        if (culled == null) {
            return;
        }
        Set<String> selected = new HashSet<>(vm.main().selection().ids());
        Map<String, Integer> colours = new HashMap<>();
        List<LinkRaster.Segment> segments = new ArrayList<>();
        List<LinkRaster.Segment> onTop = new ArrayList<>();
        Rect extent = null;
        for (LinkSlot g : links) {
            if (g.bounds == null || !g.bounds.intersects(culled)) {
                continue;
            }
            extent = g.bounds.union(extent);
            int argb = colours.computeIfAbsent(g.outcomeName(), this::colour);
            boolean chosen = selected.contains(g.linkId);
            List<Diagram.Hop> hops = g.route.hops();
            List<LinkGlyph.HopLook> looks = LinkGlyph.looks(g.route, g.prediction);
            for (int i = 0; i < hops.size(); i++) {
                Diagram.Hop h = hops.get(i);
                (chosen ? onTop : segments).add(new LinkRaster.Segment(h.from().x(), h.from().y(), h.to().x(),
                        h.to().y(), argb, chosen ? 3 : looks.get(i).encrypted() ? 2 : 1));
            }
        }
        segments.addAll(onTop);
        // only as large as the links need: the image is part of every redraw of the cached world
        Rect area = extent == null ? new Rect(culled.x(), culled.y(), 1, 1) : intersection(extent, culled);
        RasterJob job = new RasterJob(segments, onPixels(area), vm.zoomProperty().get());
        if (!job.equals(lastRaster)) {
            lastRaster = job;
            raster.submit(job);
        }
    }

    /**
     * The world rectangle whose corners fall on whole screen pixels at the current pan and zoom, around {@code r}: the
     * image then lands pixel for pixel (a fractional offset would blend each line into its neighbours).
     */
    private Rect onPixels(Rect r) {
        double z = vm.zoomProperty().get();
        double px = vm.panXProperty().get();
        double py = vm.panYProperty().get();
        double x0 = Math.floor(px + r.x() * z);
        double y0 = Math.floor(py + r.y() * z);
        double x1 = Math.ceil(px + r.maxX() * z);
        double y1 = Math.ceil(py + r.maxY() * z);
        return new Rect((x0 - px) / z, (y0 - py) / z, (x1 - x0) / z, (y1 - y0) / z);
    }

    private static Rect intersection(Rect a, Rect b) {
        double x = Math.max(a.x(), b.x());
        double y = Math.max(a.y(), b.y());
        return new Rect(x, y, Math.max(1, Math.min(a.maxX(), b.maxX()) - x), Math.max(1, Math.min(a.maxY(), b.maxY()) - y));
    }

    private void showRaster(LinkRaster.Frame frame) {
        PixelBuffer<IntBuffer> pixels = new PixelBuffer<>(frame.width(), frame.height(), IntBuffer.wrap(frame.argb()),
                PixelFormat.getIntArgbPreInstance());
        image.setImage(new WritableImage(pixels));
        image.setX(frame.world().x());
        image.setY(frame.world().y());
        image.setFitWidth(frame.width() / frame.zoom());
        image.setFitHeight(frame.height() / frame.zoom());
    }

    /** The link whose line passes within a few pixels of a world point (the overview has no link nodes to pick). */
    String linkNear(double x, double y) {
        double tolerance = 4 / vm.zoomProperty().get();
        String best = null;
        double bestDistance = tolerance;
        for (LinkSlot g : links) {
            for (Diagram.Hop h : g.route.hops()) {
                double d = distance(x, y, h.from().x(), h.from().y(), h.to().x(), h.to().y());
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = g.linkId;
                }
            }
        }
        return best;
    }

    private static double distance(double px, double py, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len));
        return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
    }
}
