package io.egressstudio.gui.live;

import io.egressstudio.gui.canvas.CanvasViewModel;
import io.egressstudio.gui.canvas.Diagram;
import io.egressstudio.gui.canvas.Diagram.Hop;
import io.egressstudio.gui.canvas.Diagram.Route;
import io.egressstudio.gui.theme.Styles;
import io.egressstudio.telemetry.LinkObservation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.AnchorPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The live layer over the canvas: beside each link, a badge with its observed state and rate (predicted beside
 * observed: the link's colour is the prediction, the badge the traffic); a link whose traffic contradicts its
 * prediction gets a halo along its hops and a warning badge. Hovering a badge, or selecting the link, shows both
 * explanations. A separate layer, in the canvas's world coordinates (the same pan and zoom), so the canvas itself
 * draws predictions only. Colours are CSS classes over {@code -es-observed-*} variables.
 *
 * <p>Ids: {@code observed-LINK} (badge), {@code contradiction-LINK} (halo), {@code live-details},
 * {@code live-replay-banner}.
 */
public final class LiveOverlay {
    private final LiveViewModel vm;
    private final CanvasViewModel canvas;
    private final StackPane root = new StackPane();
    private final Pane worldPane = new Pane();
    private final Group world = new Group();
    private final Group halos = new Group();
    private final Group badges = new Group();
    private final Map<String, Badge> byLink = new HashMap<>();
    private final Label details = new Label();
    private final Label detailsTitle = new Label();
    private final ScrollPane detailsScroll = new ScrollPane(details);
    private final VBox detailsCard = new VBox(4, detailsTitle, detailsScroll);
    private final Label replayBanner = new Label();
    /** The world region whose badges are in the scene graph (the viewport grown by half on each side), or null. */
    private Diagram.Rect shownRegion;

    public LiveOverlay(LiveViewModel vm, CanvasViewModel canvas) {
        this.vm = vm;
        this.canvas = canvas;
        root.setId("live-overlay");
        root.setPickOnBounds(false);
        root.setMinSize(0, 0);
        worldPane.setPickOnBounds(false);
        worldPane.setMinSize(0, 0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(root.widthProperty());
        clip.heightProperty().bind(root.heightProperty());
        root.setClip(clip);
        Scale scale = new Scale(1, 1, 0, 0);
        scale.xProperty().bind(canvas.zoomProperty());
        scale.yProperty().bind(canvas.zoomProperty());
        world.getTransforms().add(scale);
        world.translateXProperty().bind(canvas.panXProperty());
        world.translateYProperty().bind(canvas.panYProperty());
        halos.setMouseTransparent(true);
        world.getChildren().addAll(halos, badges);
        worldPane.getChildren().add(world);

        detailsTitle.getStyleClass().add("panel-title");
        details.setId("live-details-text");
        details.getStyleClass().add("explanation");
        details.setWrapText(true);
        detailsCard.setId("live-details");
        detailsCard.getStyleClass().add("live-details");
        // small and scrollable: the canvas stays visible (the inspector has room for the prediction's full story)
        detailsCard.setPrefWidth(380);
        detailsCard.setMaxWidth(380);
        detailsScroll.setFitToWidth(true);
        detailsScroll.setPrefViewportHeight(150);
        detailsScroll.setMaxHeight(170);
        detailsTitle.setMaxWidth(360);
        replayBanner.setId("live-replay-banner");
        replayBanner.getStyleClass().add("live-replay-banner");
        replayBanner.textProperty().bind(vm.replayLabelProperty());
        replayBanner.visibleProperty().bind(vm.replayLabelProperty().isNotEmpty());
        replayBanner.setMouseTransparent(true);
        AnchorPane cards = new AnchorPane(detailsCard, replayBanner);
        cards.setPickOnBounds(false);
        cards.setMinSize(0, 0);
        AnchorPane.setTopAnchor(detailsCard, 8.0);
        AnchorPane.setRightAnchor(detailsCard, 8.0);
        AnchorPane.setTopAnchor(replayBanner, 8.0);
        AnchorPane.setLeftAnchor(replayBanner, 8.0);
        StackPane.setAlignment(cards, Pos.TOP_LEFT);
        root.getChildren().addAll(worldPane, cards);

        canvas.panXProperty().addListener((o, a, b) -> cull(false));
        canvas.panYProperty().addListener((o, a, b) -> cull(false));
        canvas.zoomProperty().addListener((o, a, b) -> cull(false));
        root.widthProperty().addListener((o, a, b) -> cull(false));
        root.heightProperty().addListener((o, a, b) -> cull(false));
        vm.observationsProperty().addListener((o, a, b) -> refresh());
        canvas.diagramProperty().addListener((o, a, b) -> refresh());
        canvas.main().selection().ids().addListener((ListChangeListener<String>) c -> refreshDetails());
        refresh();
    }

    public StackPane root() {
        return root;
    }

    /** Brings badges and halos in step with the observations and the diagram; only changed ones are touched. */
    private void refresh() {
        Map<String, LinkObservation> observed = vm.observationsProperty().get();
        Diagram diagram = canvas.diagram();
        Set<String> seen = new HashSet<>();
        for (Route route : diagram.links()) {
            LinkObservation o = observed.get(route.id());
            if (o == null) {
                continue;
            }
            seen.add(route.id());
            Badge badge = byLink.computeIfAbsent(route.id(), this::newBadge);
            badge.show(route, o);
        }
        byLink.keySet().removeIf(id -> {
            if (!seen.contains(id)) {
                byLink.get(id).remove();
                return true;
            }
            return false;
        });
        cull(true);
        refreshDetails();
    }

    /**
     * Keeps in the scene graph only the badges (and halos) near the viewport, as the canvas does with its glyphs: with
     * thousands of links, every node in the scene costs each pulse. Recomputed when the viewport leaves the region
     * or the badges changed ({@code force}).
     */
    private void cull(boolean force) {
        double w = root.getWidth();
        double h = root.getHeight();
        double z = canvas.zoomProperty().get();
        if (byLink.isEmpty() || z <= 0) {
            return;
        }
        Diagram.Rect view = w <= 0 || h <= 0 ? null
                : new Diagram.Rect(-canvas.panXProperty().get() / z, -canvas.panYProperty().get() / z, w / z, h / z);
        if (!force && shownRegion != null && view != null && view.x() >= shownRegion.x() && view.y() >= shownRegion.y()
                && view.maxX() <= shownRegion.maxX() && view.maxY() <= shownRegion.maxY()
                && shownRegion.w() <= 2.5 * view.w()) {
            return;
        }
        shownRegion = view == null ? null : view.grow(view.w() / 2, view.h() / 2, view.w() / 2, view.h() / 2);
        java.util.List<javafx.scene.Node> attachBadges = new java.util.ArrayList<>();
        java.util.List<javafx.scene.Node> attachHalos = new java.util.ArrayList<>();
        Set<javafx.scene.Node> detach = new HashSet<>();
        for (Badge b : byLink.values()) {
            boolean near = shownRegion == null || b.bounds != null && b.bounds.intersects(shownRegion);
            b.attach(near, attachBadges, attachHalos, detach);
        }
        badges.getChildren().removeAll(detach);
        halos.getChildren().removeAll(detach);
        badges.getChildren().addAll(attachBadges);
        halos.getChildren().addAll(attachHalos);
    }

    private Badge newBadge(String linkId) {
        return new Badge(linkId);
    }

    private void refreshDetails() {
        String selected = canvas.main().selection().single();
        LinkObservation o = selected == null ? null : vm.observation(selected);
        detailsCard.setVisible(o != null);
        detailsCard.setManaged(o != null);
        if (o != null) {
            detailsTitle.setText("Live · " + o.from() + " → " + o.to());
            details.setText(LiveViewModel.explain(o));
        }
    }

    /** One link's badge and, while it is contradicted, its halo. */
    private final class Badge {
        final String linkId;
        final Label label = new Label();
        final Tooltip tooltip = new Tooltip();
        final FontIcon warning = new FontIcon(Feather.ALERT_TRIANGLE);
        Polyline halo;
        String stateClass;
        LinkObservation shown;
        Route placedOn;
        Diagram.Rect bounds;

        Badge(String linkId) {
            this.linkId = linkId;
            label.setId("observed-" + linkId);
            label.getStyleClass().add("observed-badge");
            warning.getStyleClass().add("observed-warning");
            tooltip.setShowDelay(Duration.millis(300));
            tooltip.setShowDuration(Duration.INDEFINITE);
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(520);
            label.setTooltip(tooltip);
            label.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
                canvas.main().selection().select(linkId);
                e.consume();
            });
            // the explanation is built when it shows, not on every poll of every link
            tooltip.setOnShowing(e -> tooltip.setText(shown == null ? "" : LiveViewModel.explain(shown)));
        }

        /** Puts the badge (and halo) in or out of the scene graph, batched by the caller. */
        void attach(boolean near, java.util.List<javafx.scene.Node> badgesIn, java.util.List<javafx.scene.Node> halosIn,
                    Set<javafx.scene.Node> out) {
            if (near && label.getParent() == null) {
                badgesIn.add(label);
            } else if (!near && label.getParent() != null) {
                out.add(label);
            }
            if (halo != null) {
                if (near && halo.getParent() == null) {
                    halosIn.add(halo);
                } else if (!near && halo.getParent() != null) {
                    out.add(halo);
                }
            }
        }

        void show(Route route, LinkObservation o) {
            if (o.equals(shown) && route.equals(placedOn)) {
                return;
            }
            String next = Styles.observed(o.observed());
            if (!next.equals(stateClass)) {
                if (stateClass != null) {
                    label.getStyleClass().remove(stateClass);
                }
                label.getStyleClass().add(next);
                stateClass = next;
            }
            setClass(label, Styles.CONTRADICTED, o.contradicts());
            label.setGraphic(o.contradicts() ? warning : null);
            String text = LiveViewModel.badgeText(o);
            if (!text.equals(label.getText())) {
                label.setText(text);
            }
            if (tooltip.isShowing()) {
                tooltip.setText(LiveViewModel.explain(o));
            }
            if (!route.equals(placedOn)) {
                place(route);
            }
            halo(route, o.contradicts());
            shown = o;
            placedOn = route;
        }

        /** Under the middle of the link's longest hop: the hop's TLS label sits above it. */
        private void place(Route route) {
            Hop longest = null;
            double best = -1;
            for (Hop h : route.hops()) {
                double len = Math.hypot(h.to().x() - h.from().x(), h.to().y() - h.from().y());
                if (len > best) {
                    best = len;
                    longest = h;
                }
            }
            if (longest == null) {
                return;
            }
            double x0 = Math.min(longest.from().x(), longest.to().x());
            double y0 = Math.min(longest.from().y(), longest.to().y());
            bounds = new Diagram.Rect(x0, y0, Math.abs(longest.to().x() - longest.from().x()),
                    Math.abs(longest.to().y() - longest.from().y())).grow(60, 20, 160, 40);
            label.relocate((longest.from().x() + longest.to().x()) / 2 - 20,
                    (longest.from().y() + longest.to().y()) / 2 + 6);
        }

        private void halo(Route route, boolean on) {
            if (!on) {
                if (halo != null) {
                    halos.getChildren().remove(halo);
                    halo = null;
                }
                return;
            }
            if (halo == null) {
                halo = new Polyline();
                halo.setId("contradiction-" + linkId);
                halo.getStyleClass().add("contradiction-halo");
                if (label.getParent() != null) {
                    halos.getChildren().add(halo);
                }
            }
            if (!route.equals(placedOn) || halo.getPoints().isEmpty()) {
                halo.getPoints().clear();
                for (int i = 0; i < route.hops().size(); i++) {
                    Hop h = route.hops().get(i);
                    if (i == 0) {
                        halo.getPoints().addAll(h.from().x(), h.from().y());
                    }
                    halo.getPoints().addAll(h.to().x(), h.to().y());
                }
            }
        }

        void remove() {
            badges.getChildren().remove(label);
            if (halo != null) {
                halos.getChildren().remove(halo);
            }
        }
    }

    private static void setClass(javafx.scene.Node node, String styleClass, boolean on) {
        boolean has = node.getStyleClass().contains(styleClass);
        if (on && !has) {
            node.getStyleClass().add(styleClass);
        } else if (!on && has) {
            node.getStyleClass().remove(styleClass);
        }
    }
}
