package io.egressstudio.model;

/** Where an element sits on the canvas. */
public record Position(double x, double y) {
}
