package io.egressstudio.gui.canvas;

import io.egressstudio.gui.theme.Styles;
import io.egressstudio.model.Outcome;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.shape.Line;

/** The outcome colours (from the same CSS classes the links use). Id {@code legend}. */
public final class LegendView {
    private static final String[] MEANING = {
        "The request reaches its destination",
        "Unknown host under ALLOW_ANY: sent on unmanaged (PassthroughCluster)",
        "Unknown host under REGISTRY_ONLY: dropped (BlackHoleCluster, 502)",
        "Istio mutual TLS between proxies fails",
        "TLS originated by a proxy fails (trust, name or client certificate)",
        "The app already sends TLS and a proxy originates TLS over it",
        "The bytes do not fit the declared protocol",
        "A proxy has no route for the request (404 NR)",
    };

    private final FlowPane root = new FlowPane(10, 4);

    public LegendView() {
        root.setId("legend");
        root.getStyleClass().add("legend");
        root.setPadding(new Insets(6, 10, 6, 10));
        root.setPrefWrapLength(1000);
        root.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        for (Outcome outcome : Outcome.values()) {
            root.getChildren().add(entry(outcome.name(), Styles.outcome(outcome), MEANING[outcome.ordinal()]));
        }
        root.getChildren().add(entry("no prediction", Styles.OUTCOME_UNKNOWN, "Not predicted (yet)"));
    }

    private static Node entry(String name, String styleClass, String meaning) {
        Line swatch = new Line(0, 0, 18, 0);
        swatch.getStyleClass().addAll("swatch", styleClass);
        Label label = new Label(name, swatch);
        label.setId("legend-" + styleClass);
        label.setTooltip(new Tooltip(meaning));
        return label;
    }

    public Node root() {
        return root;
    }
}
