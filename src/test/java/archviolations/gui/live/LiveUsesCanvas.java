package archviolations.gui.live;

import archviolations.gui.canvas.CanvasUsesLive;

/** The other half of the cycle: the live feature decorates the canvas. */
public class LiveUsesCanvas {
    public int links(CanvasUsesLive canvas) {
        return canvas.hashCode();
    }
}
