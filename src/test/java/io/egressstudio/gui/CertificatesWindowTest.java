package io.egressstudio.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.certs.CertificateFiles;
import io.egressstudio.design.DesignFinding;
import io.egressstudio.gui.certs.CertificateStore;
import io.egressstudio.gui.certs.CertificatesViewModel;
import io.egressstudio.gui.certs.MutualDesigns;
import io.egressstudio.gui.window.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A mutual-TLS design finished in the window: a CA and a client certificate made beside the link's fields, issued
 * from the Certificates window into the config folder; the inspector keeps its place while the design is edited.
 */
@ExtendWith(ApplicationExtension.class)
class CertificatesWindowTest {
    private MainView view;
    private Path config;

    @Start
    void start(Stage stage) throws Exception {
        config = Files.createTempDirectory("egress-studio-config");
        System.setProperty(CertificateStore.CONFIG_PROPERTY, config.toString());
        System.setProperty("egressstudio.home", System.getProperty("java.io.tmpdir") + "/egress-studio-test");
        view = DesignerApp.show(stage, MutualDesigns.withoutCertificates());
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void removeConfig() throws Exception {
        System.clearProperty(CertificateStore.CONFIG_PROPERTY);
        try (Stream<Path> files = Files.walk(config)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void finishesTheMutualDesignWithACaAndAClientCertificateAndIssuesThem(FxRobot robot) throws Exception {
        MainViewModel vm = view.viewModel();
        robot.interact(() -> vm.selection().select("greeting-call"));
        waitUntil(() -> hasFinding(vm, "ES0001"));

        clickVisible(robot, "sidecarTls.caCertificate", "#new-certificate-sidecarTls-caCertificate");
        waitUntil(() -> "client-mesh-ca".equals(combo(robot, "#field-sidecarTls-caCertificate").getValue()));
        waitUntil(() -> vm.analysis() != null && vm.analysis().scenario() == vm.shown() && !hasFinding(vm, "ES0001"));

        clickVisible(robot, "sidecarTls.clientCertificate", "#new-certificate-sidecarTls-clientCertificate");
        waitUntil(() -> "rest-client-greeting-client".equals(
                combo(robot, "#field-sidecarTls-clientCertificate").getValue()));
        assertThat(combo(robot, "#field-sidecarTls-caCertificate").getItems().stream().map(String::valueOf).toList())
                .contains("client-mesh-ca", "rest-client-greeting-client");
        assertThat(combo(robot, "#field-sidecarTls-caCertificate").getValue()).as("the CA chosen before")
                .isEqualTo("client-mesh-ca");
        assertThat(vm.shown().certificates()).hasSize(2);

        robot.clickOn("#open-certificates");
        waitUntil(() -> robot.lookup("#certificates-table").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<CertificatesViewModel.Row> table = robot.lookup("#certificates-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(CertificatesViewModel.Row::expires).containsOnly("not issued");

        robot.clickOn("#issue-certificates");
        waitUntil(() -> table.getItems().stream().allMatch(r -> r.expires().contains("days left")));
        Path folder = config.resolve("certs").resolve("1a-mutual");
        assertThat(Files.getPosixFilePermissions(folder.resolve("rest-client-greeting-client.key")))
                .isEqualTo(CertificateFiles.KEY_PERMISSIONS);
        assertThat(Files.getPosixFilePermissions(folder.resolve("client-mesh-ca.key")))
                .isEqualTo(CertificateFiles.KEY_PERMISSIONS);
        assertThat(table.getItems().get(1).subject()).isEqualTo("CN=rest-client-greeting");

        Path saved = config.resolve("designed.yaml");
        view.saveTo(saved).get(15, TimeUnit.SECONDS);
        assertThat(Files.readString(saved)).contains("rest-client-greeting-client").doesNotContain("PRIVATE KEY")
                .doesNotContain("-----BEGIN");
    }

    @Test
    void theInspectorKeepsItsScrollPositionAfterAnEdit(FxRobot robot) throws Exception {
        MainViewModel vm = view.viewModel();
        robot.interact(() -> vm.selection().select("greeting-call"));
        waitUntil(() -> vm.analysis() != null && vm.analysis().prediction("greeting-call") != null);
        ScrollPane inspector = robot.lookup("#inspector").queryAs(ScrollPane.class);
        Node sni = robot.lookup("#field-sidecarTls-sni").query();
        robot.interact(() -> {
            // the user scrolls the field to the middle of the inspector
            Node content = inspector.getContent();
            double y = content.sceneToLocal(sni.localToScene(sni.getBoundsInLocal())).getMinY();
            double viewport = inspector.getViewportBounds().getHeight();
            inspector.setVvalue((y - viewport / 2) / (content.getLayoutBounds().getHeight() - viewport));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(isInView(inspector, sni)).isTrue();
        assertThat(inspector.getVvalue()).isStrictlyBetween(0.05, 0.95);
        double before = screenY(robot, sni);
        double heightBefore = inspector.getContent().getLayoutBounds().getHeight();

        // a wrong SNI: the prediction above the fields explains a different outcome, in other words
        String explanationBefore = robot.lookup("#inspector-explanation").queryLabeled().getText();
        robot.doubleClickOn(sni).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("wrong.example.com").type(KeyCode.ENTER);
        waitUntil(() -> !robot.lookup("#inspector-explanation").queryLabeled().getText().equals(explanationBefore));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.shown().links().get(0).sidecarTls().sni()).isEqualTo("wrong.example.com");
        assertThat(inspector.getContent().getLayoutBounds().getHeight()).as("the form's height changed")
                .isNotEqualTo(heightBefore);
        assertThat(screenY(robot, sni)).as("the edited field stays where the user had scrolled it")
                .isCloseTo(before, Offset.offset(1.0));
    }

    @Test
    void aFocusedFieldIsScrolledIntoView(FxRobot robot) throws Exception {
        MainViewModel vm = view.viewModel();
        robot.interact(() -> vm.selection().select("greeting-call"));
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane inspector = robot.lookup("#inspector").queryAs(ScrollPane.class);
        Node field = robot.lookup("#field-egressTls-insecureSkipVerify").query();
        assertThat(isInView(inspector, field)).isFalse();
        robot.interact(() -> vm.selection().selectField("greeting-call", "egressTls.insecureSkipVerify"));
        waitUntil(() -> field.isFocused() && isInView(inspector, field));
    }

    private static double screenY(FxRobot robot, Node node) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> node.localToScene(node.getBoundsInLocal()).getMinY())
                .get(10, TimeUnit.SECONDS);
    }

    private static boolean isInView(ScrollPane pane, Node node) {
        Bounds viewport = pane.localToScene(pane.getLayoutBounds());
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        return bounds.getMinY() >= viewport.getMinY() && bounds.getMaxY() <= viewport.getMaxY();
    }

    /** Asks the inspector to focus the field (as a clicked finding does), then clicks the button beside it. */
    private void clickVisible(FxRobot robot, String field, String button) throws Exception {
        ScrollPane inspector = robot.lookup("#inspector").queryAs(ScrollPane.class);
        Node target = robot.lookup(button).query();
        robot.interact(() -> view.viewModel().selection().selectField("greeting-call", field));
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> isInView(inspector, target));
        robot.clickOn(target);
    }

    private static boolean hasFinding(MainViewModel vm, String code) {
        return vm.analysis() != null && vm.analysis().findings().stream().map(DesignFinding::code).anyMatch(code::equals);
    }

    private static ComboBox<?> combo(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ComboBox.class);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
