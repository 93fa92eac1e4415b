package io.egressstudio.gui.presenter;

import java.util.List;
import javafx.geometry.Rectangle2D;

/** Which screen presenter mode opens on: the audience's, that is the one the main window is not on. */
final class PresenterScreens {
    private PresenterScreens() {
    }

    /**
     * The index of the screen for the audience: with one screen, it; with more, the first that the main window does
     * not overlap most (the presenter keeps the main window in front of them).
     *
     * @param screens    each screen's bounds, the primary first (as {@code Screen.getScreens()} lists them)
     * @param mainWindow the main window's bounds, or null when there is none
     */
    static int audienceScreen(List<Rectangle2D> screens, Rectangle2D mainWindow) {
        if (screens.size() < 2) {
            return 0;
        }
        int main = mainWindow == null ? 0 : mostOverlapped(screens, mainWindow);
        return main == 0 ? 1 : 0;
    }

    private static int mostOverlapped(List<Rectangle2D> screens, Rectangle2D window) {
        int best = 0;
        double bestArea = -1;
        for (int i = 0; i < screens.size(); i++) {
            Rectangle2D s = screens.get(i);
            double w = Math.min(s.getMaxX(), window.getMaxX()) - Math.max(s.getMinX(), window.getMinX());
            double h = Math.min(s.getMaxY(), window.getMaxY()) - Math.max(s.getMinY(), window.getMinY());
            double area = w > 0 && h > 0 ? w * h : 0;
            if (area > bestArea) {
                best = i;
                bestArea = area;
            }
        }
        return best;
    }
}
