package archviolations.gui.canvas;

import archviolations.gui.live.LiveUsesCanvas;

/** Violation: the canvas feature uses the live feature, which uses the canvas (a cycle between gui features). */
public class CanvasUsesLive {
    public int badges(LiveUsesCanvas live) {
        return live.links(this);
    }
}
