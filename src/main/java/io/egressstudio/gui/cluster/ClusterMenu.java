package io.egressstudio.gui.cluster;

import static io.egressstudio.gui.window.MenuItems.item;

import io.egressstudio.gui.certs.CertificateStore;
import io.egressstudio.gui.presenter.StepApplier;
import io.egressstudio.model.Scenario;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The main window's Cluster menu: Connect…, Plan…, Apply…, Rollback…, Remove scenario from cluster…, Import from
 * cluster…. Owns the window's {@link ClusterSession}; cluster work runs on its own daemon thread (a slow or
 * unreachable server never holds up the designer's analysis), results come back with {@code Platform.runLater}.
 */
public final class ClusterMenu {
    private static final ExecutorService CLUSTER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "egress-studio-cluster");
        t.setDaemon(true);
        return t;
    });

    private final DesignerWindow view;
    private final ClusterSession session;
    private final Menu menu = new Menu("Cluster");
    private Stage connectWindow;

    public ClusterMenu(DesignerWindow view) {
        this.view = view;
        this.session = new ClusterSession(ClusterSettings.current(), () -> view.viewModel().shown(), CLUSTER,
                Platform::runLater);
        menu.setId("menu-cluster");
        MenuItem plan = item("Plan…", "menu-cluster-plan", () -> openPlan(PlanViewModel.Mode.APPLY));
        MenuItem apply = item("Apply…", "menu-cluster-apply", () -> openPlan(PlanViewModel.Mode.APPLY));
        MenuItem rollback = item("Rollback…", "menu-cluster-rollback", this::rollback);
        MenuItem remove = item("Remove scenario from cluster…", "menu-cluster-remove",
                () -> openPlan(PlanViewModel.Mode.REMOVE));
        MenuItem importItem = item("Import from cluster…", "menu-cluster-import", this::openImport);
        MenuItem present = item("Presenter mode on the cluster", "menu-cluster-presenter", this::openPresenter);
        for (MenuItem needsConnection : new MenuItem[] {plan, apply, rollback, remove, importItem, present}) {
            needsConnection.disableProperty().bind(session.connectedProperty().not());
        }
        // the connection's client threads end with the window
        view.root().sceneProperty().addListener((o, oldScene, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((oo, oldWindow, window) -> {
                    if (window != null) {
                        window.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> session.close());
                    }
                });
            }
        });
        menu.getItems().addAll(item("Connect…", "menu-cluster-connect", this::openConnect), new SeparatorMenuItem(),
                plan, apply, rollback, remove, new SeparatorMenuItem(), importItem, present);
    }

    public Menu menu() {
        return menu;
    }

    /** The window's connection: presenter mode applies steps through it. */
    public ClusterSession session() {
        return session;
    }

    private Window owner() {
        return view.root().getScene() == null ? null : view.root().getScene().getWindow();
    }

    private void openConnect() {
        if (connectWindow == null) {
            connectWindow = Windows.open(owner(), "Connect to a cluster", new ConnectView(session).root(), 760, 520);
        } else {
            connectWindow.show();
            connectWindow.toFront();
        }
        session.loadContexts();
    }

    private String context() {
        return session.connection() == null ? "" : session.connection().context();
    }

    private void openPlan(PlanViewModel.Mode mode) {
        PlanViewModel vm = new PlanViewModel(session, mode);
        // the certificates issued in the designer fill the Secrets, as --certs does (Certificates… picks another folder)
        vm.certificatesProperty().set(CertificateStore.defaultStore().issuedFolder(session.scenario().name()));
        String title = (mode == PlanViewModel.Mode.APPLY ? "Plan and apply " : "Remove ")
                + session.scenario().name() + " — " + context();
        Windows.open(owner(), title, new PlanView(vm).root(), 1200, 760);
        vm.refresh();
    }

    private void rollback() {
        String scenario = session.scenario().name();
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(owner());
        confirm.setTitle("Rollback");
        confirm.setHeaderText("Roll back scenario " + scenario + " on context " + context() + "?");
        confirm.setContentText("Objects the last apply created are deleted; objects it changed or deleted are put "
                + "back exactly as they were before it.");
        ButtonType rollBack = new ButtonType("Roll back", ButtonBar.ButtonData.OK_DONE);
        confirm.getButtonTypes().setAll(rollBack, ButtonType.CANCEL);
        confirm.getDialogPane().setId("rollback-confirm");
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) != rollBack) {
            return;
        }
        OperationViewModel vm = OperationViewModel.rollback(session, scenario);
        OperationView operation = new OperationView();
        operation.show(vm);
        VBox root = new VBox(operation.root());
        root.setPadding(new javafx.geometry.Insets(10));
        javafx.scene.layout.VBox.setVgrow(operation.root(), javafx.scene.layout.Priority.ALWAYS);
        Windows.open(owner(), "Rollback " + scenario + " — " + context(), root, 900, 480);
        vm.start();
    }

    /** Presenter mode: connected, since this item is enabled only with a connection (the main window decides). */
    private void openPresenter() {
        view.openPresenter();
    }

    /** Presenter mode's step applier when the window is connected to a cluster, else null (presenting offline). */
    public StepApplier presenterApplier() {
        return session.connectedProperty().get() ? new ApplyStepViewModel(session) : null;
    }

    private void openImport() {
        ImportViewModel vm = new ImportViewModel(session, this::openImported);
        Windows.open(owner(), "Import from cluster — " + context(), new ImportView(vm, session).root(), 820, 480);
    }

    /** Opens the imported scenario as File → Open would (after asking about unsaved changes). */
    private void openImported(Scenario scenario) {
        if (view.confirmDiscard()) {
            view.viewModel().replace(scenario, null);
            view.viewModel().statusProperty().set("Imported scenario " + scenario.name() + " from context "
                    + context());
            view.fit();
        }
    }
}
