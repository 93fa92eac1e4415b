package io.egressstudio.gui.canvas.export;

import io.egressstudio.gui.canvas.Diagram.Rect;
import java.util.List;

/**
 * Shapes that belong together: one element of the diagram ({@code id} is the element's, {@code link-ID} for a link,
 * {@code label-ID} for its texts), with the tooltip an SVG viewer shows (null for none).
 */
public record Group(String id, String tooltip, List<Shape> shapes) {
    public Group {
        shapes = List.copyOf(shapes);
    }

    public Group moved(Shape.Transform t) {
        return new Group(id, tooltip, shapes.stream().map(s -> s.moved(t)).toList());
    }

    /** The area all shapes cover, or null when there are none. */
    public Rect extent() {
        Rect r = null;
        for (Shape s : shapes) {
            r = s.extent().union(r);
        }
        return r;
    }
}
