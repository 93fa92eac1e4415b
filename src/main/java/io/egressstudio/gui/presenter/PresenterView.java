package io.egressstudio.gui.presenter;

import io.egressstudio.gui.canvas.CanvasView;
import io.egressstudio.gui.canvas.CanvasViewModel;
import io.egressstudio.gui.theme.Styles;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Presenter mode's window: the step title and its narrative in large type with the resources the step creates or
 * changes beside it, the canvas showing the scenario after the step (what the step did highlighted), and per link the
 * expected outcome beside the predicted one (and, live, the observed one) in a table as wide as its content.
 * Previous / next / reset (arrow keys, Home); F11 full screen, Esc leaves full screen and then presenter mode, S moves
 * the window to the next screen; connected, "Apply step to cluster".
 */
public final class PresenterView {
    /** The base font size per pixel of window height: 720 px high gives 18 px, 1080 px gives 27 px. */
    static final double FONT_PER_HEIGHT = 18.0 / 720;
    /** No text for an audience below this, whatever the window. */
    static final double MIN_FONT = 18;
    /** The share of the window's width the narrative, the step's resources and the outcomes under them take. */
    static final double SIDE_SHARE = 0.3;
    static final String FULL_SCREEN_HINT = "Esc leaves full screen · F11 toggles it · S changes the screen";
    /** The main window's theme preference (MainView writes it). */
    private static final Preferences PREFS = Preferences.userRoot().node("io/egressstudio/gui");
    static final String DARK_PREFERENCE = "dark";

    private final PresenterViewModel vm;
    private final BorderPane root = new BorderPane();
    private final CanvasView canvas;
    private final CanvasViewModel canvasVm;
    private final GridPane outcomes = new GridPane();
    private final VBox changes = new VBox();
    /** A share of the window's width, or the outcome table's width where that is wider. */
    private final VBox side = new VBox(16) {
        @Override
        protected double computePrefWidth(double height) {
            return Math.max(root.getWidth() * SIDE_SHARE, snappedLeftInset() + snappedRightInset() + outcomes.prefWidth(-1));
        }
    };
    private final HBox screenChooser = new HBox();
    private final ToggleGroup screenToggles = new ToggleGroup();
    private Stage stage;

    public PresenterView(PresenterViewModel vm) {
        this.vm = vm;
        root.setId("presenter-root");
        root.getProperties().put(PresenterView.class, this);
        root.getStyleClass().add("presenter");
        root.getStylesheets().add(PresenterView.class.getResource(Styles.DESIGNER_CSS).toExternalForm());
        // every text scales with the window; the style classes size themselves in em of this
        DoubleBinding fontSize = Bindings.createDoubleBinding(
                () -> Math.max(MIN_FONT, Math.round(root.getHeight() * FONT_PER_HEIGHT)), root.heightProperty());
        root.styleProperty().bind(Bindings.format(java.util.Locale.ROOT, "-fx-font-size: %.0fpx;", fontSize));

        Label title = new Label();
        title.setId("presenter-title");
        title.getStyleClass().add("presenter-title");
        title.textProperty().bind(vm.titleProperty());
        title.setWrapText(true);
        Label narrative = new Label();
        narrative.setId("presenter-narrative");
        narrative.getStyleClass().add("presenter-narrative");
        narrative.textProperty().bind(vm.narrativeProperty());
        narrative.setWrapText(true);
        narrative.setMinHeight(Region.USE_PREF_SIZE);

        changes.setId("presenter-changes");
        changes.getStyleClass().add("presenter-changes");
        vm.resourceChanges().addListener((ListChangeListener<StepChanges.ResourceChange>) c -> renderChanges());
        title.setPadding(new Insets(16, 20, 4, 20));
        root.setTop(title);

        canvasVm = new CanvasViewModel(vm.state());
        canvasVm.presentingProperty().set(true);
        Bindings.bindContent(canvasVm.highlighted(), vm.highlighted());
        canvas = new CanvasView(canvasVm);
        canvas.root().setMinSize(200, 200);
        BorderPane.setMargin(canvas.root(), new Insets(4, 0, 4, 8));
        root.setCenter(canvas.root());
        vm.state().analysisProperty().addListener((o, a, b) -> Platform.runLater(canvas::fit));
        // the whole scenario stays in view while the window or the texts beside it change (an audience cannot pan)
        canvas.root().widthProperty().addListener((o, a, b) -> Platform.runLater(canvas::fit));
        canvas.root().heightProperty().addListener((o, a, b) -> Platform.runLater(canvas::fit));

        outcomes.setId("presenter-outcomes");
        outcomes.getStyleClass().add("presenter-outcomes");
        outcomes.setHgap(16);
        outcomes.setVgap(6);
        // as wide as its content
        outcomes.setMaxWidth(Region.USE_PREF_SIZE);
        outcomes.setMinWidth(Region.USE_PREF_SIZE);
        vm.rows().addListener((ListChangeListener<PresenterViewModel.LinkRow>) c -> renderRows());
        renderRows();
        // beside the canvas, which gets the whole height: the story and what the step created or changed (scrolled
        // when longer than the window), and under them, always in view, each link's outcome. Diagrams are wide and
        // narratives long: a narrative above the canvas took half its height.
        VBox story = new VBox(16, narrative);
        if (vm.traffic() != null) {
            // live: which session the observed column comes from, and whether it is current
            Label live = new Label();
            live.setId("presenter-live-status");
            live.getStyleClass().add("presenter-live-status");
            live.setWrapText(true);
            live.textProperty().bind(Bindings.concat("● Observed traffic: ", vm.traffic().statusProperty()));
            story.getChildren().add(live);
        }
        story.getChildren().add(changes);
        renderChanges();
        ScrollPane storyScroll = new ScrollPane(story) {
            @Override
            protected double computePrefHeight(double width) {
                // the story's height at the column's width: a ScrollPane asks its content for its unwrapped height
                double w = side.getWidth() - side.snappedLeftInset() - side.snappedRightInset();
                return w > 0 ? snappedTopInset() + story.prefHeight(w) + snappedBottomInset()
                        : super.computePrefHeight(width);
            }
        };
        side.widthProperty().addListener((o, a, b) -> storyScroll.requestLayout());
        storyScroll.setId("presenter-story");
        storyScroll.getStyleClass().add("presenter-story");
        storyScroll.setFitToWidth(true);
        storyScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        storyScroll.setFocusTraversable(false);
        // only the story gives up height when the column is too short: the outcomes stay whole, right under it
        storyScroll.setMinHeight(0);
        outcomes.setMinHeight(Region.USE_PREF_SIZE);
        side.getChildren().addAll(storyScroll, outcomes);
        side.setId("presenter-side");
        side.setPadding(new Insets(4, 20, 8, 12));
        side.setMinWidth(Region.USE_PREF_SIZE);
        side.setMaxWidth(Region.USE_PREF_SIZE);
        root.widthProperty().addListener((o, a, b) -> side.requestLayout());
        root.setRight(side);

        root.setBottom(bar());
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.SPACE) {
                vm.next();
            } else if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.PAGE_UP) {
                vm.previous();
            } else if (e.getCode() == KeyCode.HOME) {
                vm.reset();
            } else {
                return;
            }
            e.consume();
        });
    }

    private HBox bar() {
        Button previous = new Button("◀ Previous");
        previous.setId("presenter-previous");
        previous.disableProperty().bind(vm.canPreviousProperty().not());
        previous.setOnAction(e -> vm.previous());
        Button next = new Button("Next ▶");
        next.setId("presenter-next");
        next.disableProperty().bind(vm.canNextProperty().not());
        next.setOnAction(e -> vm.next());
        Button reset = new Button("Reset");
        reset.setId("presenter-reset");
        reset.setOnAction(e -> vm.reset());
        Label position = new Label();
        position.setId("presenter-position");
        position.textProperty().bind(vm.positionProperty());
        // the keys, always in view: JavaFX's own full-screen hint is switched off (see open)
        Label spacer = new Label(FULL_SCREEN_HINT);
        spacer.setId("presenter-keys");
        spacer.getStyleClass().add("presenter-keys");
        spacer.setMinWidth(0);
        spacer.setMaxWidth(Double.MAX_VALUE);
        spacer.setAlignment(Pos.CENTER);
        HBox.setHgrow(spacer, Priority.ALWAYS);
        screenChooser.setId("presenter-screens");
        screenChooser.setAlignment(Pos.CENTER_LEFT);
        screenChooser.setSpacing(4);
        HBox bar = new HBox(8, reset, screenChooser, spacer, position, previous, next);
        if (vm.cluster() != null) {
            // connected mode: the current step can be put on the cluster, and the result read out
            Button applyStep = new Button("Apply step to cluster");
            applyStep.setId("presenter-apply-step");
            applyStep.disableProperty().bind(Bindings.not(vm.cluster().availableProperty()));
            applyStep.setOnAction(e -> vm.applyStepToCluster());
            Label result = new Label();
            result.setId("presenter-cluster-result");
            result.setWrapText(true);
            result.textProperty().bind(vm.cluster().resultProperty());
            HBox.setHgrow(result, Priority.SOMETIMES);
            bar.getChildren().add(1, applyStep);
            bar.getChildren().add(2, result);
        }
        bar.getStyleClass().add("presenter-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 20, 12, 20));
        return bar;
    }

    private void renderChanges() {
        changes.getChildren().clear();
        boolean any = !vm.resourceChanges().isEmpty();
        changes.setVisible(any);
        changes.setManaged(any);
        if (!any) {
            return;
        }
        Label heading = new Label("This step's resources");
        heading.getStyleClass().add("presenter-changes-heading");
        changes.getChildren().add(heading);
        for (StepChanges.ResourceChange change : vm.resourceChanges()) {
            // "name in namespace": JavaFX wraps only at spaces, and a long namespace/name would break mid-word
            Label l = new Label(change.kind().sign() + " " + change.resourceKind() + " " + change.name()
                    + (change.namespace() == null ? "" : " in " + change.namespace())
                    + (change.fields().isEmpty() ? "" : " (" + String.join(", ", change.fields()) + ")"));
            l.setId("presenter-change-" + change.resourceKind() + "-" + change.id().replace('/', '-'));
            l.getStyleClass().addAll("presenter-change",
                    "presenter-change-" + change.kind().name().toLowerCase(java.util.Locale.ROOT));
            l.setAccessibleText(change.text());
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            changes.getChildren().add(l);
        }
    }

    private void renderRows() {
        outcomes.getChildren().clear();
        outcomes.add(header("Link"), 0, 0);
        outcomes.add(header("Expected"), 1, 0);
        outcomes.add(header("Predicted"), 2, 0);
        boolean live = vm.traffic() != null;
        if (live) {
            outcomes.add(header("Observed"), 3, 0);
        }
        int r = 1;
        for (PresenterViewModel.LinkRow row : vm.rows()) {
            Label link = cell(row.linkId());
            Label expected = cell(row.expectedText());
            boolean mismatch = !row.matches() && row.predicted() != null;
            Label predicted = cell(row.predictedText() + (mismatch ? "  ✗" : ""));
            predicted.setId("presenter-predicted-" + row.linkId());
            expected.setId("presenter-expected-" + row.linkId());
            if (mismatch) {
                predicted.getStyleClass().add("presenter-mismatch");
            }
            outcomes.add(link, 0, r);
            outcomes.add(expected, 1, r);
            outcomes.add(predicted, 2, r);
            if (live) {
                outcomes.add(observed(row), 3, r);
            }
            r++;
        }
    }

    /** The observed state beside the prediction; a contradiction says so in words and in the contradiction colour. */
    private static Label observed(PresenterViewModel.LinkRow row) {
        Label observed = cell(row.observedText() + (row.contradicted() ? "\n⚠ contradicts the prediction" : ""));
        observed.setId("presenter-observed-" + row.linkId());
        if (row.contradicted()) {
            observed.getStyleClass().add(Styles.CONTRADICTED);
        }
        return observed;
    }

    private static Label cell(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("presenter-cell");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label header(String text) {
        Label l = cell(text);
        l.getStyleClass().add("presenter-header");
        return l;
    }

    public BorderPane root() {
        return root;
    }

    /** The canvas drawn for the audience (its texts are sized by the canvas itself). */
    Region canvasRoot() {
        return canvas.root();
    }

    CanvasViewModel canvasViewModel() {
        return canvasVm;
    }

    /** Opens presenter mode full screen on the audience's screen (the main window is the focused one, if any). */
    public static Stage open(PresenterViewModel vm) {
        Window owner = Window.getWindows().stream().filter(Window::isFocused).findFirst().orElse(null);
        return open(vm, owner);
    }

    /**
     * Opens presenter mode in its own window, full screen on the audience's screen: with two screens, the one the
     * main window ({@code owner}, may be null) is not on. In the main window's theme.
     */
    public static Stage open(PresenterViewModel vm, Window owner) {
        PresenterView view = new PresenterView(vm);
        if (darkTheme(owner)) {
            view.root.getStylesheets().add(PresenterView.class.getResource(Styles.DARK_CSS).toExternalForm());
        }
        Stage stage = new Stage();
        view.stage = stage;
        stage.setTitle("Presenter — " + vm.scenario().name());
        // no JavaFX exit hint (its fade animation outlives a stage closed while full screen and then fails inside the
        // toolkit on the FX thread); the bottom bar shows the keys instead
        stage.setFullScreenExitHint("");
        // Esc is presenter mode's own key: it leaves full screen first, then presenter mode
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        int screen = PresenterScreens.audienceScreen(screens, owner == null ? null
                : new Rectangle2D(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight())));
        Rectangle2D bounds = screens.get(screen);
        stage.setScene(new Scene(view.root(), bounds.getWidth(), bounds.getHeight()));
        view.placeOn(screen);
        view.renderScreenChooser(screens.size(), screen);
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, view::windowKey);
        stage.setOnHidden(e -> vm.close());
        stage.setFullScreen(true);
        stage.show();
        view.root().requestFocus();
        Platform.runLater(view.canvas::fit);
        return stage;
    }

    /** The main window's theme: the saved preference, or the dark stylesheet on the main window's root. */
    static boolean darkTheme(Window owner) {
        String dark = PresenterView.class.getResource(Styles.DARK_CSS).toExternalForm();
        return PREFS.getBoolean(DARK_PREFERENCE, false) || owner != null && owner.getScene() != null
                && owner.getScene().getRoot().getStylesheets().contains(dark);
    }

    /** F11 toggles full screen; Esc leaves full screen, or presenter mode when not full screen; S cycles screens. */
    private void windowKey(KeyEvent e) {
        if (e.getCode() == KeyCode.F11) {
            stage.setFullScreen(!stage.isFullScreen());
        } else if (e.getCode() == KeyCode.ESCAPE) {
            if (stage.isFullScreen()) {
                stage.setFullScreen(false);
            } else {
                stage.close();
            }
        } else if (e.getCode() == KeyCode.S && !e.isShortcutDown() && Screen.getScreens().size() > 1) {
            moveTo((currentScreen() + 1) % Screen.getScreens().size());
        } else {
            return;
        }
        e.consume();
    }

    private int currentScreen() {
        Object selected = screenToggles.getSelectedToggle() == null ? null : screenToggles.getSelectedToggle().getUserData();
        return selected instanceof Integer i ? i : 0;
    }

    /** Puts the window on a screen: position and size within its visual bounds (explicit: see {@link #open}). */
    private void placeOn(int screen) {
        Rectangle2D bounds = Screen.getScreens().get(screen).getVisualBounds();
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        // an explicit size: under a window manager JavaFX 21 may otherwise open the window at 200x200
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
    }

    private void moveTo(int screen) {
        boolean full = stage.isFullScreen();
        if (full) {
            stage.setFullScreen(false);
        }
        placeOn(screen);
        screenToggles.getToggles().stream().filter(t -> Integer.valueOf(screen).equals(t.getUserData())).findFirst()
                .ifPresent(screenToggles::selectToggle);
        if (full) {
            stage.setFullScreen(true);
        }
    }

    /** "Screen: 1 | 2" when there is more than one screen; nothing otherwise. */
    private void renderScreenChooser(int count, int selected) {
        screenChooser.getChildren().clear();
        screenToggles.getToggles().clear();
        if (count < 2) {
            return;
        }
        Label label = new Label("Screen:");
        screenChooser.getChildren().add(label);
        for (int i = 0; i < count; i++) {
            ToggleButton button = new ToggleButton(String.valueOf(i + 1));
            button.setId("presenter-screen-" + (i + 1));
            button.setUserData(i);
            button.setToggleGroup(screenToggles);
            button.setSelected(i == selected);
            int screen = i;
            button.setOnAction(e -> {
                if (!button.isSelected()) {
                    button.setSelected(true); // one screen is always chosen
                }
                moveTo(screen);
            });
            screenChooser.getChildren().add(button);
        }
    }
}
