package io.egressstudio.gui;

import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Scenario;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop application. Opens on the built-in Option 1a scenario. */
public final class DesignerApp extends Application {
    public static final String TITLE = "Egress Studio";

    public static void launchApp(String[] args) {
        Application.launch(DesignerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        show(stage, BuiltInScenarios.get(BuiltInScenarios.DEFAULT));
    }

    /** Puts the main window for a scenario on the stage. */
    public static void show(Stage stage, Scenario scenario) {
        MainView view = new MainView(scenario);
        stage.setTitle(TITLE + " — " + scenario.name());
        stage.setScene(new Scene(view.root(), 1100, 720));
        stage.show();
    }
}
