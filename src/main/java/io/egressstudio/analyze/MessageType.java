package io.egressstudio.analyze;

/** A kind of finding: its stable code, its name and its severity. Documented in {@code docs/analyzers/CODE.md}. */
public record MessageType(String code, String name, Severity severity, String summary) {
}
