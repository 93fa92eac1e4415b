package io.egressstudio.model;

/** The {@code networking.istio.io} version generated resources use. */
public enum IstioApiVersion {
    V1BETA1("networking.istio.io/v1beta1"),
    V1ALPHA3("networking.istio.io/v1alpha3");

    private final String apiVersion;

    IstioApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String apiVersion() {
        return apiVersion;
    }
}
