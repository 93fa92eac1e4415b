package io.egressstudio.gui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressstudio.cluster.ApiKind;
import io.egressstudio.cluster.DiffText;
import io.egressstudio.cluster.MockCluster;
import io.egressstudio.gui.DesignerApp;
import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.model.Scenario;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Cluster menu driven with the mouse in the real window (headless Monocle) against fabric8's mock API server in
 * CRUD mode, reached through a kubeconfig file: connect, plan (all creates), apply (progress to the end, the objects
 * on the server), plan again (all unchanged), roll back (the server exactly as before).
 */
@ExtendWith(ApplicationExtension.class)
@EnableKubernetesMockClient(crud = true, https = false)
class ClusterWindowTest {
    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void backToTheEnvironment() throws Exception {
        ClusterSettings.use(ClusterSettings::fromEnvironment);
        // the cluster windows would otherwise stay open over the next test's window
        io.egressstudio.gui.TestWindows.close(s -> s != stage);
    }

    @Test
    void connectPlanApplyPlanAgainAndRollBack(FxRobot robot) throws Exception {
        Scenario scenario = BuiltInDesigns.finished("1a-simple");
        MockCluster.installCrds(client, EnumSet.allOf(ApiKind.class),
                scenario.istioApi().name().toLowerCase(Locale.ROOT));
        Map<String, ObjectNode> before = MockCluster.dump(client);
        Path kubeconfig = MockKubeconfig.write(dir.resolve("kube/config"), "mock-ctx",
                client.getConfiguration().getMasterUrl());
        ClusterSettings.use(() -> MockKubeconfig.settings(kubeconfig, dir.resolve("snapshots")));
        WaitForAsyncUtils.asyncFx(() -> {
            DesignerApp.show(stage, scenario);
            stage.setX(0);
            stage.setY(0);
        }).get();

        // Connect: the kubeconfig's current context is picked; the check says the server answers
        menu(robot, "Connect…");
        waitUntil(() -> "mock-ctx".equals(robot.lookup("#cluster-contexts").queryAs(ComboBox.class).getValue()));
        robot.clickOn("#cluster-connect");
        waitUntil(() -> text("#cluster-check").contains("answers and accepts the credentials"));
        assertThat(text("#cluster-check")).contains("Scenario 1a-simple: the cluster serves every API it needs.");

        // Plan: every object is a create, dry run was not available (the mock has none), a row shows its diff
        menu(robot, "Plan…");
        TableView<PlanRow> table = robot.lookup("#plan-table").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty());
        List<PlanRow> planned = List.copyOf(table.getItems());
        assertThat(planned).extracting(PlanRow::action).containsOnly("create");
        assertThat(text("#plan-dry-run-note")).contains("Server-side dry run was not used");
        waitUntil(() -> firstRow(robot) != null);
        robot.clickOn(WaitForAsyncUtils.asyncFx(() -> firstRow(robot)).get());
        ListView<DiffText.Row> diff = robot.lookup("#plan-diff").queryListView();
        waitUntil(() -> diff.getItems().stream().anyMatch(r -> r.right().equals("  name: " + planned.get(0).name())));
        assertThat(diff.getItems()).as("a create: nothing on the left").allSatisfy(r -> assertThat(r.left()).isEmpty());

        // Apply: the progress bar reaches the end, every object is on the server
        robot.clickOn("#plan-apply");
        waitUntil(() -> text("#operation-summary").startsWith("Apply complete: " + planned.size() + " change(s)"));
        assertThat(robot.lookup("#operation-progress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(robot.lookup("#operation-results").queryListView().getItems()).hasSize(planned.size());
        Map<String, ObjectNode> applied = MockCluster.dump(client);
        for (PlanRow row : planned) {
            assertThat(applied.keySet()).anySatisfy(k -> assertThat(k).endsWith(" " + row.change().key()));
        }

        // Plan again: nothing to change
        robot.clickOn("#plan-refresh");
        waitUntil(() -> !table.getItems().isEmpty() && table.getItems().stream()
                .allMatch(r -> r.action().equals("unchanged")));
        assertThat(text("#plan-message")).contains("Nothing to change");

        // Rollback: confirmed in a dialog; the server is back to exactly what it was
        menu(robot, "Rollback…");
        robot.clickOn(robot.from(robot.lookup("#rollback-confirm").queryAs(Node.class)).lookup("Roll back")
                .queryAs(Node.class));
        waitUntil(() -> robot.lookup("#operation-summary").queryAllAs(Labeled.class).stream()
                .anyMatch(l -> l.getText().startsWith("Rollback complete")));
        assertThat(MockCluster.dump(client)).isEqualTo(before);
    }

    /** Opens Cluster → item with the mouse, from the main window (brought in front of the cluster windows). */
    private void menu(FxRobot robot, String item) throws Exception {
        WaitForAsyncUtils.asyncFx(stage::toFront).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Cluster");
        robot.clickOn(item);
    }

    /** The drawn row of the table's first object, once the table has laid it out. */
    private static Node firstRow(FxRobot robot) {
        return robot.lookup("#plan-table .table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TableRow<?> row && row.getIndex() == 0 && row.getItem() != null)
                .findFirst().orElse(null);
    }

    private static String text(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node node = new FxRobot().lookup(id).query();
            return node instanceof TextArea area ? area.getText() : ((Labeled) node).getText();
        }).get();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
