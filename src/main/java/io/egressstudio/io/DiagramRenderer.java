package io.egressstudio.io;

import io.egressstudio.model.Scenario;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Draws a scenario's diagram (with its predicted outcomes). The drawing lives in the GUI, which the command line may
 * not depend on; the GUI installs its renderer at start-up. Without one, {@code export} writes no images.
 */
public interface DiagramRenderer {
    /** Writes the diagram as a PNG; throws when it cannot be drawn here (no display, no graphics toolkit). */
    void png(Scenario scenario, Path file) throws IOException;

    /** The diagram as SVG. */
    String svg(Scenario scenario);

    /** The renderer the commands use (set once at start-up), or null. */
    final class Installed {
        private static volatile DiagramRenderer current;

        private Installed() {
        }

        public static void set(DiagramRenderer renderer) {
            current = renderer;
        }

        public static DiagramRenderer get() {
            return current;
        }
    }
}
