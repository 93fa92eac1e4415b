package io.egressstudio.model;

public enum CertificateKind { CA, SERVER, CLIENT }
