package io.egressstudio.gui.canvas;

import io.egressstudio.gui.canvas.Diagram.Rect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * Moves boxes apart that would overlap: a box sized to its text, a derived gateway or an external service placed in a
 * mesh's area. Items keep their left-to-right order; an item that overlaps one to its left (closer than the gap,
 * which leaves room for a hop label between boxes a link joins) moves right just enough. Groups (a namespace, a mesh)
 * move with their content. Nothing moves in a layout without overlaps.
 */
final class Spread {
    /** A box, or a group of items drawn inside one box. */
    static final class Item {
        final String id;
        final List<Item> children = new ArrayList<>();
        Rect rect;
        /** The smallest box a group is drawn as (a mesh's anchor), moved with it. */
        Rect floor;
        /** Where it comes in the left-to-right order (NaN: its box's left side); a mesh keeps its anchor's place. */
        double order = Double.NaN;

        Item(String id, Rect rect) {
            this.id = id;
            this.rect = rect;
        }

        void translate(double dx) {
            translate(dx, 0);
        }

        void translate(double dx, double dy) {
            rect = rect.moved(dx, dy);
            if (floor != null) {
                floor = floor.moved(dx, dy);
            }
            children.forEach(c -> c.translate(dx, dy));
        }

        /** A group's box: its content grown by the paddings (its floor when empty), at least its minimum width. */
        void enclose(double left, double top, double right, double bottom, double minWidth) {
            Rect content = null;
            for (Item c : children) {
                content = c.rect.union(content);
            }
            // a mesh's anchor only places an empty mesh: around content it would cover what lies beside it
            Rect r = content == null ? floor : content.grow(left, top, right, bottom);
            if (r.w() < minWidth) {
                r = new Rect(r.x(), r.y(), minWidth, r.h());
            }
            rect = r;
        }

        void leaves(List<Item> out) {
            if (children.isEmpty()) {
                out.add(this);
            } else {
                children.forEach(c -> c.leaves(out));
            }
        }
    }

    private Spread() {
    }

    /**
     * Pushes items right until no two are closer than their gap horizontally while overlapping vertically (closer than
     * {@code vgap}). {@code gap} gives the horizontal gap two items need; {@code maxGap} bounds it (a cheap first test).
     * {@code orDown} (0: never): an item may move down instead, when that is shorter with heights weighed this many
     * times widths (presenting: the canvas is wide, its height is what runs out).
     */
    static void apart(List<Item> items, double maxGap, double vgap, ToDoubleBiFunction<Item, Item> gap,
                      double orDown) {
        if (items.size() < 2) {
            return;
        }
        List<Item> order = new ArrayList<>(items);
        order.sort(Comparator.comparingDouble((Item i) -> Double.isNaN(i.order) ? i.rect.x() : i.order)
                .thenComparingDouble(i -> i.rect.y()));
        List<Item> placed = new ArrayList<>();
        for (Item item : order) {
            boolean moved = true;
            for (int round = 0; moved && round <= placed.size(); round++) {
                moved = false;
                for (Item p : placed) {
                    Rect a = item.rect;
                    Rect b = p.rect;
                    if (a.y() >= b.maxY() + vgap || b.y() >= a.maxY() + vgap
                            || a.x() >= b.maxX() + maxGap || b.x() >= a.maxX() + maxGap) {
                        continue;
                    }
                    double g = gap.applyAsDouble(p, item);
                    if (a.x() < b.maxX() + g && b.x() < a.maxX() + g) {
                        double right = b.maxX() + g - a.x();
                        double down = b.maxY() + vgap - a.y();
                        if (orDown > 0 && down * orDown < right) {
                            item.translate(0, down);
                        } else {
                            item.translate(right);
                        }
                        moved = true;
                    }
                }
            }
            placed.add(item);
        }
    }
}
