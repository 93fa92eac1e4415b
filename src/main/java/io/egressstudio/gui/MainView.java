package io.egressstudio.gui;

import static io.egressstudio.gui.window.MenuItems.item;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.egressstudio.gui.canvas.CanvasView;
import io.egressstudio.gui.canvas.CanvasViewModel;
import io.egressstudio.gui.canvas.LegendView;
import io.egressstudio.gui.canvas.NodeKind;
import io.egressstudio.gui.cluster.DesignerWindow;
import io.egressstudio.gui.findings.FindingsView;
import io.egressstudio.gui.findings.FindingsViewModel;
import io.egressstudio.gui.inspector.InspectorView;
import io.egressstudio.gui.inspector.InspectorViewModel;
import io.egressstudio.gui.palette.PaletteView;
import io.egressstudio.gui.theme.Styles;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.gui.yaml.YamlView;
import io.egressstudio.gui.yaml.YamlViewModel;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.MeshFlavour;
import io.egressstudio.model.Scenario;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.AnchorPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: menus and toolbar, palette and link list on the left, the canvas with its legend in the middle,
 * the YAML and findings below it, the inspector on the right, the status bar at the bottom. Builds the feature views
 * and wires them to their ViewModels; holds no state of its own beyond the dialogs.
 */
public final class MainView implements DesignerWindow {
    private static final Preferences PREFS = Preferences.userRoot().node("io/egressstudio/gui");
    static final double LEFT_WIDTH = 230;
    static final double MIN_LEFT_WIDTH = 180;
    static final double INSPECTOR_WIDTH = 360;
    static final double MIN_INSPECTOR_WIDTH = 260;
    static final double MIN_CANVAS_WIDTH = 320;
    static final double MIN_CANVAS_HEIGHT = 200;
    static final double MIN_BOTTOM_HEIGHT = 110;
    /** The canvas's share of the centre's height, unless the user chose another. */
    static final double CANVAS_SHARE = 0.66;

    private final MainViewModel vm;
    private final CanvasViewModel canvasVm;
    private final InspectorViewModel inspectorVm;
    private final YamlViewModel yamlVm;
    private final FindingsViewModel findingsVm;
    private final CanvasView canvas;
    private final io.egressstudio.gui.live.LiveView live;
    private io.egressstudio.gui.cluster.ClusterMenu cluster;
    private final StackPane root = new StackPane();
    private final Pane overlay = new Pane();
    private final CheckMenuItem dark = new CheckMenuItem("Dark theme");
    private final Executor background;
    private final Executor ui;
    private final SplitPane body;
    private final SplitPane centre;
    private final DiagramExport diagramExport;
    private final ShownStepChanges stepChanges;
    private final ScenarioFiles files;

    public MainView(MainViewModel vm, Executor background, Executor ui) {
        this.vm = vm;
        this.background = background;
        this.ui = ui;
        this.diagramExport = new DiagramExport(vm, dark::isSelected, background, ui);
        this.canvasVm = new CanvasViewModel(vm);
        this.inspectorVm = new InspectorViewModel(vm);
        // issued certificates fill the Secrets: the YAML and the predictions follow them
        inspectorVm.certificates().lastIssueProperty().addListener((o, a, b) -> vm.reanalyze());
        this.yamlVm = new YamlViewModel(vm, background, ui);
        this.findingsVm = new FindingsViewModel(vm);
        this.canvas = new CanvasView(canvasVm);
        this.live = new io.egressstudio.gui.live.LiveView(vm, canvasVm, background, ui);
        this.stepChanges = new ShownStepChanges(vm, canvasVm.highlighted(), background, ui);
        this.files = new ScenarioFiles(vm, PREFS, this::window, canvas::fit);

        root.setId("main-root");
        root.getStylesheets().add(MainView.class.getResource(Styles.DESIGNER_CSS).toExternalForm());
        overlay.setPickOnBounds(false);
        overlay.setMouseTransparent(true);

        PaletteView palette = new PaletteView(overlay, (kind, at) -> drop(kind, at[0], at[1]));
        ListView<String> links = LinksList.of(vm);
        Label linksTitle = new Label("Links");
        linksTitle.getStyleClass().add("panel-title");
        VBox left = new VBox(palette.root(), linksTitle, links);
        VBox.setVgrow(links, Priority.ALWAYS);
        left.setPrefWidth(LEFT_WIDTH);
        left.setMinWidth(MIN_LEFT_WIDTH);

        StackPane canvasArea = new StackPane();
        javafx.scene.Node legend = new LegendView().root();
        AnchorPane legendLayer = new AnchorPane(legend);
        legendLayer.setPickOnBounds(false);
        AnchorPane.setBottomAnchor(legend, 6.0);
        AnchorPane.setLeftAnchor(legend, 6.0);
        legend.setStyle(null);
        ((Region) legend).getStyleClass().add("status-bar");
        canvasArea.getChildren().addAll(canvas.root(), live.overlay(), legendLayer);
        legendLayer.setMinSize(0, 0);
        canvas.root().setMinSize(0, 0);

        TabPane bottom = new TabPane();
        bottom.setId("bottom-tabs");
        Tab yamlTab = new Tab("YAML", new YamlView(yamlVm).root());
        yamlTab.setId("tab-yaml");
        Tab findingsTab = new Tab("Findings", new FindingsView(findingsVm).root());
        findingsTab.setId("tab-findings");
        bottom.getTabs().addAll(findingsTab, yamlTab);
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        // every pane keeps a usable minimum: a divider drag or a small window can shrink a pane, never hide it
        canvasArea.setMinSize(MIN_CANVAS_WIDTH, MIN_CANVAS_HEIGHT);
        bottom.setMinHeight(MIN_BOTTOM_HEIGHT);
        centre = new SplitPane(canvasArea, bottom);
        centre.setId("split-centre");
        centre.setOrientation(Orientation.VERTICAL);

        Region inspector = (Region) new InspectorView(inspectorVm).root();
        inspector.setPrefWidth(INSPECTOR_WIDTH);
        inspector.setMinWidth(MIN_INSPECTOR_WIDTH);
        body = new SplitPane(left, centre, inspector);
        body.setId("split-body");
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(inspector, false);
        applyDividers(Map.of(), 1400);

        BorderPane shell = new BorderPane();
        shell.setTop(new VBox(menuBar(), toolbar(), stepBanner()));
        shell.setCenter(body);
        shell.setBottom(statusBar());
        root.getChildren().addAll(shell, overlay);
        root.setOnKeyPressed(e -> {
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && canvas.root().isFocused()) {
                canvasVm.deleteSelection();
                e.consume();
            }
        });
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public MainViewModel viewModel() {
        return vm;
    }

    /** The split panes whose dividers are remembered, by name. */
    public Map<String, SplitPane> splitPanes() {
        return Map.of("body", body, "centre", centre);
    }

    /**
     * Sets the dividers: the saved positions of a pane where there are as many as it has dividers, else the defaults
     * for a window {@code width} wide (the palette and inspector at their preferred widths, the canvas the rest).
     */
    public void applyDividers(Map<String, List<Double>> saved, double width) {
        double w = Math.max(width, MIN_LEFT_WIDTH + MIN_CANVAS_WIDTH + MIN_INSPECTOR_WIDTH);
        List<Double> bodyDefault = List.of(LEFT_WIDTH / w, 1 - INSPECTOR_WIDTH / w);
        splitPanes().forEach((name, pane) -> {
            List<Double> positions = saved.get(name);
            if (positions == null || positions.size() != pane.getDividers().size()) {
                positions = pane == body ? bodyDefault : List.of(CANVAS_SHARE);
            }
            pane.setDividerPositions(positions.stream().mapToDouble(Double::doubleValue).toArray());
        });
    }

    /**
     * Sets the dividers (and fits the canvas) again each time the window takes a new width, until {@code settled}:
     * the first sizes a window gets from a window manager are not its last, and a pane that is not resizable with
     * its parent would keep a width taken from a passing size.
     */
    public void followSizeUntil(Map<String, List<Double>> saved, javafx.beans.value.ObservableBooleanValue settled) {
        javafx.beans.value.ChangeListener<Number> follow = (o, a, b) -> javafx.application.Platform.runLater(() -> {
            // after the layout pass at the new width, so that positions are taken as given
            if (!settled.get()) {
                applyDividers(saved, body.getWidth());
            }
        });
        javafx.beans.value.ChangeListener<Number> refit = (o, a, b) -> javafx.application.Platform.runLater(() -> {
            if (!settled.get()) {
                canvas.fit();
            }
        });
        body.widthProperty().addListener(follow);
        canvas.root().widthProperty().addListener(refit);
        canvas.root().heightProperty().addListener(refit);
        settled.addListener((o, a, b) -> {
            body.widthProperty().removeListener(follow);
            canvas.root().widthProperty().removeListener(refit);
            canvas.root().heightProperty().removeListener(refit);
        });
        applyDividers(saved, body.getWidth() > 0 ? body.getWidth() : 1400);
    }

    /** The dividers as they are now, by pane name. */
    public Map<String, List<Double>> dividers() {
        Map<String, List<Double>> positions = new HashMap<>();
        splitPanes().forEach((name, pane) -> positions.put(name, java.util.Arrays.stream(pane.getDividerPositions())
                .boxed().toList()));
        return positions;
    }

    public CanvasViewModel canvasViewModel() {
        return canvasVm;
    }

    public InspectorViewModel inspectorViewModel() {
        return inspectorVm;
    }

    public io.egressstudio.gui.live.LiveView live() {
        return live;
    }

    public YamlViewModel yamlViewModel() {
        return yamlVm;
    }

    // ---- layout pieces -----------------------------------------------------------------------------------------

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        MenuItem newItem = item("New", "menu-new", "Shortcut+N", this::newScenario);
        Menu templates = new Menu("New from template");
        templates.setId("menu-templates");
        for (String name : BuiltInScenarios.names()) {
            MenuItem t = item(name, "template-" + name, null, () -> openTemplate(name));
            BuiltInScenarios.find(name).ifPresent(s -> {
                if (s.title() != null) {
                    t.setText(name + " — " + s.title());
                }
            });
            templates.getItems().add(t);
        }
        file.getItems().addAll(newItem, templates,
                item("Open…", "menu-open", "Shortcut+O", files::chooseAndOpen), files.recentMenu(),
                new SeparatorMenuItem(),
                item("Save", "menu-save", "Shortcut+S", files::save),
                item("Save as…", "menu-save-as", "Shortcut+Shift+S", files::saveAs),
                new SeparatorMenuItem(),
                item("Export diagram as PNG…", "menu-export-png", null, this::exportPng),
                item("Export diagram as SVG…", "menu-export-svg", null, this::exportSvg),
                new SeparatorMenuItem(),
                item("Quit", "menu-quit", "Shortcut+Q", () -> root.getScene().getWindow().hide()));
        Menu edit = new Menu("Edit");
        MenuItem undo = item("Undo", "menu-undo", "Shortcut+Z", vm::undo);
        undo.disableProperty().bind(vm.document().canUndoProperty().not().or(vm.readOnlyProperty()));
        vm.document().undoDescriptionProperty().addListener((o, a, b) -> undo.setText(b.isEmpty() ? "Undo" : "Undo " + b));
        MenuItem redo = item("Redo", "menu-redo", "Shortcut+Shift+Z", vm::redo);
        redo.disableProperty().bind(vm.document().canRedoProperty().not().or(vm.readOnlyProperty()));
        vm.document().redoDescriptionProperty().addListener((o, a, b) -> redo.setText(b.isEmpty() ? "Redo" : "Redo " + b));
        MenuItem redoY = item("Redo (Ctrl+Y)", "menu-redo-y", "Shortcut+Y", vm::redo);
        redoY.setVisible(false);
        edit.getItems().addAll(undo, redo, redoY, new SeparatorMenuItem(),
                item("Cut", "menu-cut", "Shortcut+X", canvasVm::cutSelection),
                item("Copy", "menu-copy", "Shortcut+C", canvasVm::copySelection),
                item("Paste", "menu-paste", "Shortcut+V", canvasVm::paste),
                item("Delete", "menu-delete", null, canvasVm::deleteSelection),
                item("Select all", "menu-select-all", "Shortcut+A", canvasVm::selectAll));
        Menu view = new Menu("View");
        dark.setId("menu-dark");
        dark.setSelected(PREFS.getBoolean("dark", false));
        dark.selectedProperty().addListener((o, a, b) -> applyTheme(b));
        view.getItems().addAll(
                item("Zoom in", "menu-zoom-in", "Shortcut+EQUALS", () -> canvasVm.zoomBy(1.2, centreX(), centreY())),
                item("Zoom out", "menu-zoom-out", "Shortcut+MINUS", () -> canvasVm.zoomBy(1 / 1.2, centreX(), centreY())),
                item("Fit to window", "menu-fit", "Shortcut+0", canvas::fit),
                item("Actual size", "menu-actual-size", "Shortcut+1", canvasVm::resetZoom),
                new SeparatorMenuItem(),
                item("Presenter mode", "menu-presenter", "F5", this::openPresenter),
                new SeparatorMenuItem(), dark);
        Menu scenarios = new Menu("Scenarios");
        scenarios.setId("menu-scenarios");
        String previous = "";
        for (String name : BuiltInScenarios.names()) {
            if (name.startsWith("3-") && !previous.startsWith("3-")) {
                // the OpenShift Service Mesh 3 variants after the Maistra 2.x ones
                scenarios.getItems().add(new SeparatorMenuItem());
            }
            scenarios.getItems().add(item(name, "scenario-" + name, null, () -> openTemplate(name)));
            previous = name;
        }
        Menu mesh = new Menu("Mesh");
        mesh.setId("menu-mesh");
        MeshMigration migration = new MeshMigration(vm, background, ui);
        mesh.getItems().addAll(
                item("Migrate to OpenShift Service Mesh 3…", "menu-migrate-ossm3",
                        () -> migration.start(MeshFlavour.OSSM_3, root.getScene().getWindow())),
                item("Migrate to upstream Istio…", "menu-migrate-istio",
                        () -> migration.start(MeshFlavour.ISTIO, root.getScene().getWindow())));
        MenuBar bar = new MenuBar(file, edit, view, scenarios, mesh);
        cluster = new io.egressstudio.gui.cluster.ClusterMenu(this);
        bar.getMenus().add(cluster.menu());
        bar.setId("menu-bar");
        bar.getMenus().add(live.menu());
        return bar;
    }

    private HBox toolbar() {
        Label title = new Label();
        title.setId("scenario-title");
        title.getStyleClass().add("scenario-title");
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Scenario s = vm.document().scenario();
            return s.title() != null ? s.title() : s.name();
        }, vm.document().scenarioProperty()));
        title.setMinWidth(0);
        title.setTooltip(new Tooltip());
        title.getTooltip().textProperty().bind(title.textProperty());
        HBox.setHgrow(title, Priority.SOMETIMES);
        ComboBox<String> steps = new ComboBox<>(vm.stepChoices());
        steps.setId("steps");
        steps.setMaxWidth(420);
        steps.setPrefWidth(300);
        steps.setMinWidth(160);
        steps.setTooltip(new Tooltip("Show the walkthrough as it is after a step (read-only)"));
        steps.getSelectionModel().select(vm.stepProperty().get());
        steps.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && b.intValue() != vm.stepProperty().get()) {
                vm.stepProperty().set(b.intValue());
            }
        });
        vm.stepProperty().addListener((o, a, b) -> steps.getSelectionModel().select(b.intValue()));
        vm.stepChoices().addListener((ListChangeListener<String>) c -> steps.getSelectionModel().select(vm.stepProperty().get()));
        steps.disableProperty().bind(javafx.beans.binding.Bindings.size(vm.stepChoices()).lessThan(2));
        Button undo = iconButton(Feather.ROTATE_CCW, "Undo", "button-undo", vm::undo);
        undo.disableProperty().bind(vm.document().canUndoProperty().not().or(vm.readOnlyProperty()));
        Button redo = iconButton(Feather.ROTATE_CW, "Redo", "button-redo", vm::redo);
        redo.disableProperty().bind(vm.document().canRedoProperty().not().or(vm.readOnlyProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label show = new Label("Show:");
        // the scenario's title gives way first: the step chooser's label never shrinks to "..."
        show.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(6, title, spacer, show, steps, undo, redo,
                iconButton(Feather.ZOOM_OUT, "Zoom out", "button-zoom-out", () -> canvasVm.zoomBy(1 / 1.2, centreX(), centreY())),
                iconButton(Feather.ZOOM_IN, "Zoom in", "button-zoom-in", () -> canvasVm.zoomBy(1.2, centreX(), centreY())),
                iconButton(Feather.MAXIMIZE, "Fit to window", "button-fit", canvas::fit));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        return bar;
    }

    private static Button iconButton(Feather icon, String tip, String id, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The shown step's narrative and, below it, the resources the step creates or changes. */
    private VBox stepBanner() {
        Label banner = new Label();
        banner.setId("step-narrative");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(vm.stepNarrativeProperty());
        Label resources = new Label();
        resources.setId("step-resources");
        resources.getStyleClass().add("step-resources");
        resources.setWrapText(true);
        resources.setMaxWidth(Double.MAX_VALUE);
        resources.textProperty().bind(stepChanges.resourcesProperty());
        resources.managedProperty().bind(resources.textProperty().isNotEmpty());
        resources.visibleProperty().bind(resources.managedProperty());
        VBox box = new VBox(2, banner, resources);
        box.getStyleClass().add("step-banner");
        box.managedProperty().bind(vm.stepNarrativeProperty().isNotEmpty());
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        HBox bar = new HBox(status);
        bar.getStyleClass().add("status-bar");
        bar.getChildren().add(0, live.statusIndicator());
        return bar;
    }

    private double centreX() {
        return canvas.root().getWidth() / 2;
    }

    private double centreY() {
        return canvas.root().getHeight() / 2;
    }

    // ---- actions -----------------------------------------------------------------------------------------------

    private boolean drop(NodeKind kind, double sceneX, double sceneY) {
        if (!canvas.containsScene(sceneX, sceneY)) {
            return false;
        }
        Point2D world = canvas.sceneToWorld(sceneX, sceneY);
        return canvasVm.place(kind, world.getX(), world.getY()) != null;
    }

    /** Asks before throwing away unsaved changes. Returns whether to go on. */
    @Override
    public boolean confirmDiscard() {
        return files.confirmDiscard();
    }

    /**
     * Opens a scenario file. A file that cannot be used shows a dialog with its located message (file, line,
     * column, field); the document stays as it was.
     */
    public CompletableFuture<Scenario> openFile(Path file) {
        return files.open(file);
    }

    /** Saves and records the file as recent; errors show a dialog. */
    public CompletableFuture<Path> saveTo(Path file) {
        return files.saveTo(file);
    }

    private void newScenario() {
        if (confirmDiscard()) {
            vm.replace(io.egressstudio.design.ScenarioEdits.empty("untitled"), null);
        }
    }

    private void openTemplate(String name) {
        if (confirmDiscard()) {
            vm.openTemplate(name);
            showFinishedWalkthrough();
            canvas.fit();
        }
    }

    /**
     * Shows a walkthrough after its last step: a built-in template is drawn at its walkthrough's start (so that each
     * step shows what it adds), but opened it should show the finished design; "As drawn" in Show: goes back to the
     * start, where it can be edited.
     */
    public void showFinishedWalkthrough() {
        vm.stepProperty().set(vm.document().scenario().steps().size());
    }

    /**
     * Presenter mode on the scenario as drawn, in its own window: connected when the window is (Cluster ▸ Connect…),
     * live when Live is on, offline otherwise.
     */
    @Override
    public void openPresenter() {
        io.egressstudio.gui.live.LiveViewModel liveVm = live.viewModel();
        io.egressstudio.gui.presenter.PresenterView.open(new io.egressstudio.gui.presenter.PresenterViewModel(
                vm.document().scenario(), new io.egressstudio.design.DesignPipeline(
                        io.egressstudio.design.PredictionEngines.standard()), background, ui,
                cluster.presenterApplier(),
                liveVm.status() == io.egressstudio.gui.live.LiveStatus.OFF ? null : liveVm.asObservedTraffic()), window());
    }

    private void exportPng() {
        diagramExport.png(window());
    }

    private void exportSvg() {
        diagramExport.svg(window());
    }

    /** Writes an image as PNG (through javafx-swing). */
    public static void writePng(WritableImage image, Path file) throws IOException {
        java.awt.image.BufferedImage buffered = javafx.embed.swing.SwingFXUtils.fromFXImage(image, null);
        io.egressstudio.io.AtomicFile.write(file, out -> javax.imageio.ImageIO.write(buffered, "png", out));
    }

    private void applyTheme(boolean on) {
        PREFS.putBoolean("dark", on);
        Application.setUserAgentStylesheet(on ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        String darkCss = MainView.class.getResource(Styles.DARK_CSS).toExternalForm();
        root.getStylesheets().remove(darkCss);
        if (on) {
            root.getStylesheets().add(darkCss);
        }
    }

    /** Applies the saved theme choice (called once the window shows). */
    public void applySavedTheme() {
        applyTheme(dark.isSelected());
    }

    @Override
    public void fit() {
        canvas.fit();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
