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
    /** A box's or link's badges, and what they were drawn for (made again only when that changes). */
    record Mark(Object anchor, boolean isNew, List<DesignFinding> found, Diagram.Fonts fonts, Group group,
                Rect bounds) {
    }

    private CanvasBadges() {
    }

    /**
     * The badges of a box (over its top-right corner) or a link (across its last hop's line from the hop's label): a coloured "!"
     * when it has findings (the tooltip says them), an accent "new" when the shown step added or changed it.
     */
    static Mark make(String id, Object anchor, Box box, Hop last, boolean isNew, List<DesignFinding> found,
                     Diagram.Fonts fonts) {
        List<Group> badges = new ArrayList<>();
        if (!found.isEmpty()) {
            boolean error = found.stream().anyMatch(f -> "ERROR".equalsIgnoreCase(f.severity()));
            Group badge = badge(fonts, "!", Styles.FINDING_BADGE, Styles.finding(error ? "ERROR" : "WARNING"));
            badge.setId("finding-badge-" + id);
            StringBuilder tip = new StringBuilder();
            for (var f : found) {
                tip.append(tip.length() == 0 ? "" : "\n").append(f.severity()).append(' ').append(f.code()).append(": ")
                        .append(f.message());
            }
            // a tooltip is a popup window: made on the first hover
            badge.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                if (!badge.getProperties().containsKey(Tooltip.class)) {
                    Tooltip tooltip = new Tooltip(tip.toString());
                    badge.getProperties().put(Tooltip.class, tooltip);
                    Tooltip.install(badge, tooltip);
                }
            });
            badges.add(badge);
        }
        if (isNew) {
            Group badge = badge(fonts, "new", Styles.NEW_BADGE);
            badge.setId("new-badge-" + id);
            badge.setMouseTransparent(true);
            badges.add(badge);
        }
        double gap = 4 * fonts.scale();
        double total = -gap;
        for (Group b : badges) {
            total += b.getLayoutBounds().getWidth() + gap;
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
        Group group = new Group();
        group.setId("mark-" + id);
        group.getStyleClass().add("canvas-marks");
        Rect bounds = new Rect(x, y, total, fonts.label() * 1.5);
        for (Group b : badges) {
            b.relocate(x, y);
            x += b.getLayoutBounds().getWidth() + gap;
            group.getChildren().add(b);
        }
        return new Mark(anchor, isNew, found, fonts, group, bounds);
    }

    /** A rounded badge with a short text, as large as the hop labels. */
    private static Group badge(Diagram.Fonts fonts, String label, String... styleClasses) {
        double size = fonts.label();
        Text text = new Text(label);
        text.getStyleClass().add(Styles.BADGE_TEXT);
        // the font in code: out of a scene, CSS is not applied yet and the text would measure in the default font
        GlyphStyles.font(text, size, true);
        double w = Math.max(text.getLayoutBounds().getWidth() + size, size * 1.5);
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
