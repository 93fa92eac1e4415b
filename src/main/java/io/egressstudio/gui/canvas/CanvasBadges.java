package io.egressstudio.gui.canvas;

import io.egressstudio.design.DesignFinding;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Hop;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/** The canvas's badges: "new" on what the shown step added or changed, "!" on what has ERROR or WARNING findings. */
final class CanvasBadges {
    /**
     * A box's or link's badges, what they were drawn for (made again only when that changes) and where; their nodes
     * are made only while they are shown ({@link #group()}), and dropped when they leave the view ({@link #release()}).
     */
    static final class Mark {
        private final String id;
        private final Object anchor;
        private final boolean isNew;
        private final List<DesignFinding> found;
        private final Diagram.Fonts fonts;
        private final Rect bounds;
        private final String look;
        private final double x;
        private final double y;
        private Group group;

        private Mark(String id, Object anchor, boolean isNew, List<DesignFinding> found, Diagram.Fonts fonts, Rect bounds,
                     double x, double y) {
            this.id = id;
            this.anchor = anchor;
            this.isNew = isNew;
            this.found = found;
            this.fonts = fonts;
            this.bounds = bounds;
            this.look = CanvasBadges.look(found);
            this.x = x;
            this.y = y;
        }

        Object anchor() {
            return anchor;
        }

        boolean isNew() {
            return isNew;
        }

        List<DesignFinding> found() {
            return found;
        }

        Diagram.Fonts fonts() {
            return fonts;
        }

        Rect bounds() {
            return bounds;
        }

        /** What its finding badge shows (see {@link CanvasBadges#look}). */
        String look() {
            return look;
        }

        /** The badges' nodes, made on the first call. */
        Group group() {
            if (group == null) {
                group = build(this);
            }
            return group;
        }

        /** The nodes if made, else null. */
        Group shownGroup() {
            return group;
        }

        /** Drops the nodes (the mark left the view); {@link #group()} makes them again. */
        void release() {
            group = null;
        }
    }

    /** Measures a badge's text as it will be drawn (FX thread: one per canvas is enough). */
    private static final Text PROBE = new Text();

    private CanvasBadges() {
    }

    /**
     * The badges of a box (over its top-right corner) or a link (across its last hop's line from the hop's label): a coloured "!"
     * when it has findings (the tooltip says them), an accent "new" when the shown step added or changed it.
     */
    static Mark make(String id, Object anchor, Box box, Hop last, boolean isNew, List<DesignFinding> found,
                     Diagram.Fonts fonts) {
        double gap = 4 * fonts.scale();
        double total = -gap;
        for (String label : labels(isNew, found)) {
            total += badgeWidth(fonts, label) + gap;
        }
        double x;
        double y;
        if (box != null) {
            x = box.rect().maxX() + DiagramLayout.BADGE * fonts.scale() - total;
            y = box.rect().y() - DiagramLayout.BADGE * fonts.scale();
        } else if (last != null) {
            if (last.labelBox() != null) {
                Rect at = DiagramLayout.linkBadges(last, total, fonts.label() * 1.5, gap);
                x = at.x();
                y = at.y();
            } else {
                x = last.to().x() - total - gap;
                y = last.to().y() - fonts.label() * 2;
            }
        } else {
            return null;
        }
        return new Mark(id, anchor, isNew, found, fonts, new Rect(x, y, total, fonts.label() * 1.5), x, y);
    }

    /**
     * What a finding badge shows of its findings: the tooltip's text, which names each finding's severity (the
     * badge's colour). Marks are compared by it after each analysis: its findings are new records that are mostly
     * equal, and comparing them whole (with their quick fixes) cost milliseconds on a large scenario.
     */
    static String look(List<DesignFinding> found) {
        StringBuilder tip = new StringBuilder();
        for (var f : found) {
            tip.append(tip.length() == 0 ? "" : "\n").append(f.severity()).append(' ').append(f.code()).append(": ")
                    .append(f.message());
        }
        return tip.toString();
    }

    /** The badges' texts, in drawing order: "!" for findings, then "new". */
    private static List<String> labels(boolean isNew, List<DesignFinding> found) {
        List<String> labels = new ArrayList<>(2);
        if (!found.isEmpty()) {
            labels.add("!");
        }
        if (isNew) {
            labels.add("new");
        }
        return labels;
    }

    /** The nodes of a mark's badges, laid out from its left edge. */
    private static Group build(Mark m) {
        Diagram.Fonts fonts = m.fonts;
        List<Group> badges = new ArrayList<>();
        if (!m.found.isEmpty()) {
            boolean error = m.found.stream().anyMatch(f -> "ERROR".equalsIgnoreCase(f.severity()));
            Group badge = badge(fonts, "!", Styles.FINDING_BADGE, Styles.finding(error ? "ERROR" : "WARNING"));
            badge.setId("finding-badge-" + m.id);
            // a tooltip is a popup window: made on the first hover
            badge.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                if (!badge.getProperties().containsKey(Tooltip.class)) {
                    Tooltip tooltip = new Tooltip(m.look);
                    badge.getProperties().put(Tooltip.class, tooltip);
                    Tooltip.install(badge, tooltip);
                }
            });
            badges.add(badge);
        }
        if (m.isNew) {
            Group badge = badge(fonts, "new", Styles.NEW_BADGE);
            badge.setId("new-badge-" + m.id);
            badge.setMouseTransparent(true);
            badges.add(badge);
        }
        double gap = 4 * fonts.scale();
        Group group = new Group();
        group.setId("mark-" + m.id);
        group.getStyleClass().add("canvas-marks");
        double x = m.x;
        for (Group b : badges) {
            b.relocate(x, m.y);
            x += b.getLayoutBounds().getWidth() + gap;
            group.getChildren().add(b);
        }
        return group;
    }

    /** A badge's width: its text and a margin, at least a circle's. */
    private static double badgeWidth(Diagram.Fonts fonts, String label) {
        double size = fonts.label();
        GlyphStyles.font(PROBE, size, true);
        PROBE.setText(label);
        return Math.max(PROBE.getLayoutBounds().getWidth() + size, size * 1.5);
    }

    /** A rounded badge with a short text, as large as the hop labels. */
    private static Group badge(Diagram.Fonts fonts, String label, String... styleClasses) {
        double size = fonts.label();
        Text text = new Text(label);
        text.getStyleClass().add(Styles.BADGE_TEXT);
        // the font in code: out of a scene, CSS is not applied yet and the text would measure in the default font
        GlyphStyles.font(text, size, true);
        double w = badgeWidth(fonts, label);
        double h = size * 1.5;
        Rectangle bg = new Rectangle(0, 0, w, h);
        bg.setArcWidth(h);
        bg.setArcHeight(h);
        bg.getStyleClass().addAll(styleClasses);
        text.setX((w - text.getLayoutBounds().getWidth()) / 2);
        text.setY(size * 1.1);
        return new Group(bg, text);
    }
}
