package io.egressstudio.gui;

import io.egressstudio.io.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where the main window was and how its panes were split: the bounds it had when last not maximised, whether it was
 * maximised, and each split pane's divider positions (0..1) by pane name. Saved per user as a properties file, written
 * atomically; a missing, unreadable or malformed file gives no geometry (the window then opens at its default).
 */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized,
                             Map<String, List<Double>> dividers) {
    public static final String FILE_NAME = "window.properties";

    public WindowGeometry {
        dividers = Map.copyOf(dividers);
    }

    /** The default for a screen's visual bounds: centred, 90 % of it up to 1600 × 1000, maximised on small screens. */
    public static WindowGeometry forScreen(double screenX, double screenY, double screenWidth, double screenHeight) {
        double w = Math.min(1600, Math.round(screenWidth * 0.9));
        double h = Math.min(1000, Math.round(screenHeight * 0.9));
        // on a laptop or a projector (1280 × 720, 1366 × 768) every pixel counts
        boolean small = screenWidth <= 1440 || screenHeight <= 900;
        return new WindowGeometry(screenX + Math.round((screenWidth - w) / 2), screenY + Math.round((screenHeight - h) / 2),
                w, h, small, Map.of());
    }

    public Optional<List<Double>> dividers(String pane) {
        return Optional.ofNullable(dividers.get(pane));
    }

    public WindowGeometry withDividers(Map<String, List<Double>> next) {
        return new WindowGeometry(x, y, width, height, maximized, next);
    }

    /** Reads the geometry saved in a folder; empty when there is none or it cannot be used. */
    public static Optional<WindowGeometry> load(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            double x = number(p, "x");
            double y = number(p, "y");
            double w = number(p, "width");
            double h = number(p, "height");
            if (w < 1 || h < 1) {
                return Optional.empty();
            }
            Map<String, List<Double>> dividers = new LinkedHashMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("dividers.")) {
                    List<Double> positions = new ArrayList<>();
                    for (String part : p.getProperty(key).split(",")) {
                        double position = Double.parseDouble(part.trim());
                        if (!(position >= 0 && position <= 1)) {
                            throw new NumberFormatException("divider position " + position);
                        }
                        positions.add(position);
                    }
                    dividers.put(key.substring("dividers.".length()), positions);
                }
            }
            return Optional.of(new WindowGeometry(x, y, w, h, Boolean.parseBoolean(p.getProperty("maximized")),
                    dividers));
        } catch (IOException | RuntimeException e) {
            // a damaged file must never keep the window from opening: the default is used instead
            return Optional.empty();
        }
    }

    private static double number(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new NumberFormatException("no " + key);
        }
        double d = Double.parseDouble(value);
        if (!Double.isFinite(d)) {
            throw new NumberFormatException(key + " is " + value);
        }
        return d;
    }

    /** Saves atomically (the previous file survives a failed write). */
    public void save(Path folder) throws IOException {
        Map<String, String> values = new TreeMap<>();
        values.put("x", format(x));
        values.put("y", format(y));
        values.put("width", format(width));
        values.put("height", format(height));
        values.put("maximized", Boolean.toString(maximized));
        dividers.forEach((pane, positions) -> values.put("dividers." + pane,
                String.join(",", positions.stream().map(WindowGeometry::format).toList())));
        StringBuilder text = new StringBuilder("# Egress Studio: the main window's size, position and panes\n");
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        AtomicFile.write(folder.resolve(FILE_NAME), out -> out.write(text.toString().getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1)));
    }

    private static String format(double d) {
        return String.format(Locale.ROOT, "%.4f", d).replaceAll("\\.?0+$", "");
    }
}
