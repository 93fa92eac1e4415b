package io.egressstudio.analyze;

public enum Severity { ERROR, WARNING, INFO }
