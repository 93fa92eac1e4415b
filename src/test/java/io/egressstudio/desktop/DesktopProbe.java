package io.egressstudio.desktop;

import io.egressstudio.gui.DesignerApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The real app, started as a user starts it (DesignerApp on the platform's own toolkit, GTK under X), with a reader
 * on standard input that answers {@code state} with one line describing the windows as they are on screen: each
 * stage's bounds, maximised and full-screen state, the on-screen size of the panes the desktop stage checks, and the
 * smallest text on the presenter's canvas. The
 * desktop stage ({@link DesktopStageTest}) drives the app with real X input (xdotool) and reads this to know when a
 * step has been drawn; it never calls into the app.
 *
 * <p>Arguments are the app's own ({@code --template NAME}); {@code --dark} first sets the dark theme preference.
 */
public final class DesktopProbe {
    /** Runs the app; it returns when the toolkit has exited (the user closed the last window). */
    private static Thread app;

    private DesktopProbe() {
    }

    public static void main(String[] args) throws Exception {
        List<String> appArgs = new ArrayList<>(List.of(args));
        if (appArgs.remove("--dark")) {
            Preferences.userRoot().node("io/egressstudio/gui").putBoolean("dark", true);
        }
        app = new Thread(() -> Application.launch(DesignerApp.class, appArgs.toArray(String[]::new)), "app");
        app.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals("state")) {
                System.out.println("state " + state());
                System.out.flush();
            } else if (line.equals("quit")) {
                break;
            }
        }
        Platform.exit();
        System.exit(0);
    }

    private static String state() throws Exception {
        if (!app.isAlive()) {
            return "windows=0";
        }
        CompletableFuture<String> answer = new CompletableFuture<>();
        try {
            Platform.runLater(() -> {
                try {
                    answer.complete(describe());
                } catch (RuntimeException e) {
                    answer.complete("error=" + e);
                }
            });
        } catch (IllegalStateException notStarted) {
            return "windows=0";
        }
        return answer.get(20, TimeUnit.SECONDS);
    }

    /** {@code screen=1280x720 windows=2 main=x,y,w,h,max,full presenter=... canvas=w,h ...}: what the test reads. */
    private static String describe() {
        StringBuilder text = new StringBuilder();
        javafx.geometry.Rectangle2D screen = Screen.getPrimary().getBounds();
        text.append("screen=").append(num(screen.getWidth())).append('x').append(num(screen.getHeight()));
        List<Stage> stages = Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing())
                .map(w -> (Stage) w).toList();
        text.append(" windows=").append(stages.size());
        for (Stage stage : stages) {
            String title = stage.getTitle() == null ? "" : stage.getTitle();
            String name = title.startsWith("Presenter") ? "presenter" : title.startsWith("Egress Studio") ? "main" : null;
            if (name == null) {
                continue;
            }
            text.append(' ').append(name).append('=').append(num(stage.getX())).append(',').append(num(stage.getY()))
                    .append(',').append(num(stage.getWidth())).append(',').append(num(stage.getHeight())).append(',')
                    .append(stage.isMaximized() ? "max" : "normal").append(',')
                    .append(stage.isFullScreen() ? "full" : "windowed");
            Scene scene = stage.getScene();
            if (scene == null) {
                continue;
            }
            String prefix = name.equals("main") ? "" : "presenter.";
            for (String id : List.of("canvas", "bottom-tabs", "inspector", "links")) {
                Node node = scene.lookup("#" + id);
                if (node != null) {
                    Bounds b = node.localToScreen(node.getLayoutBounds());
                    if (b != null) {
                        text.append(' ').append(prefix).append(id).append('=').append(num(b.getMinX())).append(',')
                                .append(num(b.getMinY())).append(',').append(num(b.getWidth())).append(',')
                                .append(num(b.getHeight()));
                    }
                }
            }
            if (name.equals("presenter")) {
                Node position = scene.lookup("#presenter-position");
                if (position instanceof Labeled l) {
                    text.append(" position=").append(l.getText().replace(' ', '_'));
                }
                // a prediction still being computed shows "…": the step is not fully drawn yet
                boolean pending = scene.getRoot().lookupAll(".label").stream().anyMatch(n -> n instanceof Labeled l
                        && l.getId() != null && l.getId().startsWith("presenter-predicted-")
                        && l.getText() != null && l.getText().startsWith("…"));
                text.append(" pending=").append(pending);
                Node canvas = scene.lookup("#canvas");
                if (canvas != null) {
                    text.append(" smallestText=").append(String.format(Locale.ROOT, "%.2f", smallestText(canvas)));
                }
            }
        }
        return text.toString();
    }

    /** The smallest text drawn in a canvas, in pixels on screen (its font size times the canvas's zoom). */
    private static double smallestText(Node canvas) {
        double smallest = Double.MAX_VALUE;
        if (canvas instanceof javafx.scene.text.Text t) {
            // FontIcon is a Text too: an icon's glyph is no text to read
            if (!(t instanceof org.kordamp.ikonli.javafx.FontIcon) && t.getText() != null && !t.getText().isBlank()
                    && shown(t)) {
                smallest = t.getFont().getSize() * t.getLocalToSceneTransform().getMyy();
            }
        } else if (canvas instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                double s = smallestText(child);
                smallest = s == 0 ? smallest : Math.min(smallest, s);
            }
        }
        return smallest == Double.MAX_VALUE ? 0 : smallest;
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.0f", d);
    }
}
