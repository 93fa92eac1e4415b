package io.egressstudio.gui.cluster;

import io.egressstudio.gui.theme.Styles;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;

/** What the cluster windows share: a non-modal window owned by the main one, and read-only text areas. */
final class Windows {
    private Windows() {
    }

    static Stage open(Window owner, String title, Parent root, double width, double height) {
        root.getStylesheets().add(Windows.class.getResource(Styles.DESIGNER_CSS).toExternalForm());
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(title);
        // never larger than the screen (a headless Monocle screen is small)
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(root, Math.min(width, screen.getWidth()), Math.min(height, screen.getHeight())));
        stage.show();
        return stage;
    }

    static TextArea text(String id, boolean monospace) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(!monospace);
        if (monospace) {
            area.setStyle("-fx-font-family: monospace;");
        }
        return area;
    }
}
