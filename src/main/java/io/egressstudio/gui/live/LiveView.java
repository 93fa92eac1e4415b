package io.egressstudio.gui.live;

import static io.egressstudio.gui.window.MenuItems.item;

import io.egressstudio.cluster.ClusterException;
import io.egressstudio.cluster.KubeContext;
import io.egressstudio.cluster.Kubeconfig;
import io.egressstudio.cluster.PortForwarder;
import io.egressstudio.gui.canvas.CanvasViewModel;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.telemetry.TelemetryPoller;
import java.io.File;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The live-traffic feature as the main window hosts it: the "Live" menu, the overlay over the canvas and the status
 * bar indicator, around one {@link LiveViewModel}. The main window only places these three nodes.
 *
 * <p>Menu ids: {@code menu-live}, {@code menu-live-connect}, {@code menu-live-pause}, {@code menu-live-resume},
 * {@code menu-live-record}, {@code menu-live-stop-recording}, {@code menu-live-replay}, {@code menu-live-stop}.
 * The indicator: {@code live-status}.
 */
public final class LiveView {
    private final LiveViewModel vm;
    private final LiveOverlay overlay;
    private final Menu menu = new Menu("Live");
    private final Label indicator = new Label();
    private final Executor background;
    private final Executor ui;
    private String lastUrl;

    public LiveView(MainViewModel main, CanvasViewModel canvas, Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
        this.vm = new LiveViewModel(main, background, ui);
        this.overlay = new LiveOverlay(vm, canvas);
        buildMenu();
        buildIndicator();
        vm.errorProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                Alert alert = new Alert(Alert.AlertType.ERROR, b);
                alert.initOwner(window());
                alert.setTitle("Live traffic");
                alert.setHeaderText("Live traffic could not start");
                alert.getDialogPane().setId("live-error");
                alert.show();
            }
        });
    }

    public LiveViewModel viewModel() {
        return vm;
    }

    public Menu menu() {
        return menu;
    }

    public Node overlay() {
        return overlay.root();
    }

    public Node statusIndicator() {
        return indicator;
    }

    private void buildMenu() {
        menu.setId("menu-live");
        BooleanBinding off = vm.statusProperty().isEqualTo(LiveStatus.OFF);
        BooleanBinding polling = Bindings.createBooleanBinding(() -> vm.status() != LiveStatus.OFF
                && vm.status() != LiveStatus.PAUSED && vm.status() != LiveStatus.CONNECTING, vm.statusProperty());
        BooleanBinding liveSession = Bindings.createBooleanBinding(() -> vm.status().isLiveSession()
                && vm.status() != LiveStatus.CONNECTING, vm.statusProperty());
        MenuItem connect = item("Connect to Prometheus…", "menu-live-connect", this::connect);
        MenuItem pause = item("Pause", "menu-live-pause", vm::pause);
        pause.disableProperty().bind(polling.not());
        MenuItem resume = item("Resume", "menu-live-resume", vm::resume);
        resume.disableProperty().bind(vm.statusProperty().isNotEqualTo(LiveStatus.PAUSED));
        MenuItem record = item("Record session…", "menu-live-record", this::record);
        record.disableProperty().bind(liveSession.not().or(vm.recordingProperty()));
        MenuItem stopRecording = item("Stop recording", "menu-live-stop-recording", vm::stopRecording);
        stopRecording.disableProperty().bind(vm.recordingProperty().not());
        MenuItem replay = item("Replay session…", "menu-live-replay", this::replay);
        MenuItem stop = item("Stop", "menu-live-stop", vm::stop);
        stop.disableProperty().bind(off);
        menu.getItems().addAll(connect, new SeparatorMenuItem(), pause, resume, new SeparatorMenuItem(), record,
                stopRecording, replay, new SeparatorMenuItem(), stop);
    }

    private void buildIndicator() {
        indicator.setId("live-status");
        indicator.getStyleClass().add("live-status");
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.statusTextProperty());
        indicator.setTooltip(tip);
        vm.statusProperty().addListener((o, a, b) -> showStatus(a, b));
        showStatus(null, vm.status());
    }

    private void showStatus(LiveStatus before, LiveStatus now) {
        if (before != null) {
            indicator.getStyleClass().remove(before.styleClass());
        }
        indicator.getStyleClass().add(now.styleClass());
        indicator.setText(now == LiveStatus.OFF ? "" : "● " + now.label().toUpperCase(java.util.Locale.ROOT));
        indicator.setVisible(now != LiveStatus.OFF);
        indicator.setManaged(now != LiveStatus.OFF);
    }

    private void connect() {
        Kubeconfig kubeconfig = Kubeconfig.fromEnvironment();
        CompletableFuture<List<KubeContext>> contexts = CompletableFuture.supplyAsync(() -> {
            try {
                return kubeconfig.contexts();
            } catch (ClusterException e) {
                throw new CompletionException(e);
            }
        }, background);
        ConnectDialog dialog = new ConnectDialog(window(), lastUrl, contexts, ui, kubeconfig::connect,
                PortForwarder.fabric8());
        dialog.showAndWait().ifPresent(checked -> {
            if (checked.prometheusUrl() != null) {
                lastUrl = checked.prometheusUrl();
            }
            vm.connect(checked.connection(), checked.interval(), TelemetryPoller.Settings.DEFAULT_STALE_AFTER);
        });
    }

    private void record() {
        FileChooser chooser = sessionChooser("Record the session to");
        chooser.setInitialFileName("session.jsonl");
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            vm.record(file.toPath());
        }
    }

    private void replay() {
        File file = sessionChooser("Replay a recorded session").showOpenDialog(window());
        if (file != null) {
            vm.replay(file.toPath(), null);
        }
    }

    private static FileChooser sessionChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Recorded session (JSON lines)",
                "*.jsonl", "*.json"));
        return chooser;
    }

    private Window window() {
        return indicator.getScene() == null ? null : indicator.getScene().getWindow();
    }
}
