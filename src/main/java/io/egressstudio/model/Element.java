package io.egressstudio.model;

/** Anything on the canvas that other parts of the scenario refer to by id. */
public sealed interface Element permits Mesh, Workload, EgressGateway, ExternalService, Link, Federation,
        CertificateSpec {
    String id();
}
