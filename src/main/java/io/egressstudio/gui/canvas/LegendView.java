package io.egressstudio.gui.canvas;

import io.egressstudio.gui.theme.Styles;
import io.egressstudio.model.Outcome;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What the canvas's colours and line styles mean: the outcome colours (from the same CSS classes the links use), a
 * dashed line for a plaintext hop and a lock for an encrypted one. It wraps to the width of the area it sits in, so
 * no entry is cut off on a narrow window. Id {@code legend}.
 */
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
        "An AuthorizationPolicy refuses the request (403 RBAC: access denied; TCP: connection closed)",
    };
    /** Room kept free beside the legend: its anchor offsets and a margin. */
    private static final double SIDE_ROOM = 24;
    /** Same dashes as a plaintext hop on the canvas. */
    private static final Double[] PLAIN_DASH = {6.0, 4.0};

    private final FlowPane root = new FlowPane(10, 4);

    public LegendView() {
        root.setId("legend");
        root.getStyleClass().add("legend");
        root.setPadding(new Insets(6, 10, 6, 10));
        root.setPrefWrapLength(1000);
        root.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        for (Outcome outcome : Outcome.values()) {
            root.getChildren().add(entry(outcome.name(), Styles.outcome(outcome), MEANING[outcome.ordinal()]));
        }
        root.getChildren().add(entry("no prediction", Styles.OUTCOME_UNKNOWN, "Not predicted (yet)"));
        root.getChildren().add(plaintextHop());
        root.getChildren().add(encryptedHop());
        root.parentProperty().addListener((o, before, parent) -> wrapWithin(parent));
    }

    /** Wraps at the width of the region the legend is placed in (the canvas area), less the room beside it. */
    private void wrapWithin(Parent parent) {
        root.prefWrapLengthProperty().unbind();
        if (parent instanceof Region region) {
            ObservableDoubleValue width = region.widthProperty();
            root.prefWrapLengthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                    () -> Math.max(120, width.get() - SIDE_ROOM - root.getPadding().getLeft() - root.getPadding().getRight()),
                    width, root.paddingProperty()));
        }
    }

    private static Node entry(String name, String styleClass, String meaning) {
        Line swatch = new Line(0, 0, 18, 0);
        swatch.getStyleClass().addAll("swatch", styleClass);
        Label label = new Label(name, swatch);
        label.setId("legend-" + styleClass);
        label.setTooltip(new Tooltip(meaning));
        return label;
    }

    private static Node plaintextHop() {
        Line swatch = new Line(0, 0, 22, 0);
        swatch.getStyleClass().addAll("swatch", "swatch-hop");
        swatch.getStrokeDashArray().setAll(PLAIN_DASH);
        Label label = new Label("plaintext hop", swatch);
        label.setId("legend-plaintext-hop");
        label.setTooltip(new Tooltip("A dashed line: this hop is not encrypted (the label says NONE)"));
        return label;
    }

    private static Node encryptedHop() {
        FontIcon lock = new FontIcon(Feather.LOCK);
        lock.getStyleClass().add("legend-lock");
        Label label = new Label("encrypted hop", lock);
        label.setId("legend-encrypted-hop");
        label.setTooltip(new Tooltip("A lock on a solid line: this hop is encrypted; its label says how "
                + "(ISTIO_MUTUAL, SIMPLE, MUTUAL or the app's own TLS)"));
        return label;
    }

    public Node root() {
        return root;
    }
}
