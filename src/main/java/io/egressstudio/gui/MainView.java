package io.egressstudio.gui;

import io.egressstudio.model.Link;
import io.egressstudio.model.Scenario;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The shell of the main window: the scenario's title and description, and its links. */
final class MainView {
    private final BorderPane root = new BorderPane();

    MainView(Scenario scenario) {
        Label title = new Label(scenario.title() != null ? scenario.title() : scenario.name());
        title.setId("scenario-title");
        title.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        Label description = new Label(scenario.description() == null ? "" : scenario.description());
        description.setWrapText(true);
        VBox header = new VBox(6, title, description);
        header.setPadding(new Insets(12));
        ListView<String> links = new ListView<>();
        links.setId("links");
        for (Link link : scenario.links()) {
            links.getItems().add(describe(scenario, link));
        }
        root.setTop(header);
        root.setCenter(links);
    }

    private static String describe(Scenario scenario, Link link) {
        String host = scenario.externalService(link.to()).map(s -> s.primaryHost()).orElse(link.to());
        String via = link.via() == null ? "" : " via " + link.via();
        return link.from() + " → " + link.app().scheme() + "://" + host + ":" + link.port() + link.path() + via;
    }

    Parent root() {
        return root;
    }
}
