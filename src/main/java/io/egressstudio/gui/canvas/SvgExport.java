package io.egressstudio.gui.canvas;

import io.egressstudio.gui.analysis.LinkPrediction;
import io.egressstudio.gui.canvas.Diagram.Box;
import io.egressstudio.gui.canvas.Diagram.Hop;
import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.canvas.Diagram.Route;
import io.egressstudio.gui.theme.Styles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The diagram as SVG, coloured with the light theme's -es-* variables read from designer.css. */
public final class SvgExport {
    private static final Pattern VARIABLE = Pattern.compile("(-es-[a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{6,8})\\s*;");

    private SvgExport() {
    }

    public static String toSvg(Diagram d, Function<String, LinkPrediction> predictions) {
        Map<String, String> colours = colours();
        Rect b = d.bounds().grow(20, 20, 20, 20);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"%.0f %.0f %.0f %.0f\" "
                + "width=\"%.0f\" height=\"%.0f\" font-family=\"sans-serif\">%n", b.x(), b.y(), b.w(), b.h(), b.w(), b.h()));
        svg.append("<style>\n");
        colours.forEach((name, value) -> {
            if (name.startsWith("-es-outcome-")) {
                String cls = "outcome-" + name.substring("-es-outcome-".length());
                svg.append('.').append(cls).append(" line{stroke:").append(rgb(value)).append("}\n");
            }
        });
        svg.append("</style>\n");
        for (Box m : d.meshes()) {
            rect(svg, m, colour(colours, "-es-mesh-bg"), colour(colours, "-es-mesh-border"), 10);
        }
        for (Box n : d.namespaces()) {
            rect(svg, n, colour(colours, "-es-ns-bg"), colour(colours, "-es-ns-border"), 6);
        }
        for (Route r : d.links()) {
            LinkPrediction p = predictions.apply(r.id());
            svg.append("<g class=\"").append(Styles.outcome(p == null ? null : p.outcome())).append("\" id=\"link-")
                    .append(escape(r.id())).append("\">");
            if (p != null) {
                svg.append("<title>").append(escape(p.outcome() + ": " + p.explanationText())).append("</title>");
            }
            for (Hop h : r.hops()) {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke-width=\"%d\"%s/>",
                        h.from().x(), h.from().y(), h.to().x(), h.to().y(), h.encrypted() ? 3 : 2,
                        h.encrypted() ? "" : " stroke-dasharray=\"6 4\""));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">%s%s</text>",
                        (h.from().x() + h.to().x()) / 2, (h.from().y() + h.to().y()) / 2 - 6,
                        h.encrypted() ? "\uD83D\uDD12 " : "", escape(h.label())));
            }
            svg.append("</g>\n");
        }
        for (Box n : d.nodes()) {
            String bg = switch (n.kind()) {
                case EGRESS_GATEWAY -> "-es-gateway-bg";
                case EXTERNAL_SERVICE -> "-es-service-bg";
                case MESH_INGRESS -> "-es-ingress-bg";
                default -> "-es-node-bg";
            };
            rect(svg, n, colour(colours, bg), colour(colours, "-es-node-border"), 6);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void rect(StringBuilder svg, Box box, String fill, String stroke, int radius) {
        Rect r = box.rect();
        svg.append(String.format(Locale.ROOT, "<g id=\"%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%d\" "
                        + "fill=\"%s\" stroke=\"%s\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" font-weight=\"bold\">%s</text>"
                        + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">%s</text></g>%n",
                escape(box.id()), r.x(), r.y(), r.w(), r.h(), radius, fill, stroke, r.x() + 8, r.y() + 16,
                escape(box.title()), r.x() + 8, r.y() + 32, escape(box.subtitle())));
    }

    private static String colour(Map<String, String> colours, String name) {
        return rgb(colours.getOrDefault(name, "#888888"));
    }

    /** #rrggbbaa → rgba(); SVG 1.1 viewers do not all read 8-digit hex. */
    private static String rgb(String hex) {
        if (hex.length() == 9) {
            int r = Integer.parseInt(hex.substring(1, 3), 16);
            int g = Integer.parseInt(hex.substring(3, 5), 16);
            int b = Integer.parseInt(hex.substring(5, 7), 16);
            double a = Integer.parseInt(hex.substring(7, 9), 16) / 255.0;
            return String.format(Locale.ROOT, "rgba(%d,%d,%d,%.2f)", r, g, b, a);
        }
        return hex;
    }

    static Map<String, String> colours() {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = SvgExport.class.getResourceAsStream(Styles.DESIGNER_CSS)) {
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = VARIABLE.matcher(css);
            while (m.find()) {
                out.putIfAbsent(m.group(1), m.group(2));
            }
        } catch (IOException | NullPointerException e) {
            // no stylesheet: grey defaults
        }
        return out;
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
