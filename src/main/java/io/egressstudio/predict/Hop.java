package io.egressstudio.predict;

/** One connection on a request's path: from a workload or proxy to the next, with what protects it. */
public record Hop(String from, String to, Encryption encryption) {
}
