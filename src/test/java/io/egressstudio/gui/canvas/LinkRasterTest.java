package io.egressstudio.gui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.gui.canvas.Diagram.Rect;
import io.egressstudio.gui.canvas.LinkRaster.Frame;
import io.egressstudio.gui.canvas.LinkRaster.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The overview's links as pixels: where a hop's line lands, how wide, and what is left out. */
class LinkRasterTest {
    private static final int RED = 0xffcf222e;
    private static final int GREEN = 0xff1a7f37;

    @Test
    void drawsAHopAtItsPlaceScaledByTheZoom() {
        // world 1000..2000 × 0..500 at zoom 0.1: a 100 × 50 image
        Frame f = LinkRaster.draw(List.of(new Segment(1100, 200, 1900, 200, RED, 1)), new Rect(1000, 0, 1000, 500), 0.1);
        assertThat(f.width()).isEqualTo(100);
        assertThat(f.height()).isEqualTo(50);
        for (int x = 10; x <= 90; x++) {
            assertThat(pixel(f, x, 20)).as("x=" + x).isEqualTo(RED);
        }
        assertThat(pixel(f, 5, 20)).isZero();
        assertThat(pixel(f, 95, 20)).isZero();
        assertThat(pixel(f, 50, 19)).isZero();
        assertThat(pixel(f, 50, 21)).isZero();
    }

    @Test
    void widerLinesCoverTheRowsBesideAndLaterSegmentsDrawOnTop() {
        Frame f = LinkRaster.draw(List.of(new Segment(0, 10, 40, 10, RED, 1), new Segment(20, 0, 20, 40, GREEN, 3)),
                new Rect(0, 0, 40, 40), 1);
        assertThat(pixel(f, 19, 30)).isEqualTo(GREEN);
        assertThat(pixel(f, 20, 30)).isEqualTo(GREEN);
        assertThat(pixel(f, 21, 30)).isEqualTo(GREEN);
        assertThat(pixel(f, 22, 30)).isZero();
        assertThat(pixel(f, 20, 10)).as("the selected link drawn last is on top").isEqualTo(GREEN);
        assertThat(pixel(f, 10, 10)).isEqualTo(RED);
    }

    @Test
    void aLineFarLongerThanTheViewIsClippedToIt() {
        // from far left to far right through the middle: only the visible part is walked, and it is all drawn
        Frame f = LinkRaster.draw(List.of(new Segment(-1e7, 25, 1e7, 25, RED, 1), new Segment(-500, -500, -100, -100, GREEN, 1)),
                new Rect(0, 0, 50, 50), 1);
        for (int x = 0; x < 50; x++) {
            assertThat(pixel(f, x, 25)).isEqualTo(RED);
        }
        long coloured = java.util.Arrays.stream(f.argb()).filter(p -> p != 0).count();
        assertThat(coloured).as("nothing from the segment outside the view").isEqualTo(50);
    }

    @Test
    void clipsSegmentsToARectangle() {
        assertThat(LinkRaster.clip(-10, 5, 30, 5, 0, 0, 20, 10)).containsExactly(0, 5, 20, 5);
        assertThat(LinkRaster.clip(-10, -5, -1, -1, 0, 0, 20, 10)).isNull();
    }

    private static int pixel(Frame f, int x, int y) {
        return f.argb()[y * f.width() + x];
    }
}
