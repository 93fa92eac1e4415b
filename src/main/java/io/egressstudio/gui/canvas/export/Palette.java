package io.egressstudio.gui.canvas.export;

import io.egressstudio.gui.theme.Styles;
import io.egressstudio.model.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canvas's colours, read from the -es-* variables of designer.css (and, for the dark theme, the overrides of
 * designer-dark.css), so that an export looks like the canvas and follows a change of the theme.
 */
public final class Palette {
    private static final Pattern VARIABLE = Pattern.compile("(-es-[a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{6,8})\\s*;");
    private static final Colour GREY = new Colour(0x88, 0x88, 0x88, 1);

    private final Map<String, Colour> colours;

    private Palette(Map<String, Colour> colours) {
        this.colours = colours;
    }

    public static Palette of(boolean dark) {
        Map<String, Colour> colours = new HashMap<>(read(Styles.DESIGNER_CSS));
        if (dark) {
            colours.putAll(read(Styles.DARK_CSS));
        }
        return new Palette(colours);
    }

    /** The colour of a variable ({@code -es-node-bg}); grey when the stylesheet has none. */
    public Colour get(String variable) {
        return colours.getOrDefault(variable, GREY);
    }

    /** A link's colour for its predicted outcome (null: not predicted). */
    public Colour outcome(Outcome outcome) {
        return get("-es-" + Styles.outcome(outcome));
    }

    public Colour background() {
        return get("-es-canvas-bg");
    }

    public Colour text() {
        return get("-es-node-fg");
    }

    public Colour muted() {
        return get("-es-node-muted");
    }

    private static Map<String, Colour> read(String resource) {
        Map<String, Colour> out = new HashMap<>();
        try (InputStream in = Palette.class.getResourceAsStream(resource)) {
            if (in == null) {
                return out;
            }
            Matcher m = VARIABLE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                out.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), Colour.parse(m.group(2)));
            }
        } catch (IOException e) {
            // a build without the stylesheet draws in grey rather than not at all
        }
        return out;
    }
}
