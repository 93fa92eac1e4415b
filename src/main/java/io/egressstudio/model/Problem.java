package io.egressstudio.model;

/**
 * Something wrong with a scenario, at a field path such as {@code links[2].to} (the same path a file's loader turns
 * into a line and column).
 */
public record Problem(String path, String message) {
}
