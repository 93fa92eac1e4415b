package io.egressstudio.io;

import io.egressstudio.model.Scenario;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Draws a scenario's diagram (with its predicted outcomes). The drawing lives in the GUI, which the command line may
 * not depend on; the launcher installs the GUI's renderer at start-up. Without one, {@code export} says it has none.
 */
public interface DiagramRenderer {
    /**
     * Writes the diagram as a PNG of {@link ExportOptions#pixelWidth()} x {@link ExportOptions#pixelHeight()} pixels;
     * throws with a message a user can act on when it cannot be drawn here.
     */
    void png(Scenario scenario, ExportOptions options, Path file) throws IOException;

    /** The diagram as SVG (the options' size and scale do not apply: the SVG is as large as the diagram). */
    String svg(Scenario scenario, ExportOptions options);

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
