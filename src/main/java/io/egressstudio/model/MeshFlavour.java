package io.egressstudio.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which control plane runs a mesh, and so which resources install it, which versions exist and how namespaces join.
 * The rules that follow from a flavour at run time (membership, what the control plane creates, defaults) live in one
 * place per layer: here for the file format, {@code mesh.FlavourRules} for prediction, the generator's control-plane
 * factories for generation.
 */
public enum MeshFlavour {
    /** OpenShift Service Mesh 2.x: a ServiceMeshControlPlane ({@code v2.0}…{@code v2.6}) and its member roll. */
    MAISTRA_2("Maistra 2.x (OpenShift Service Mesh 2)", "v2.1", Pattern.compile("v2\\.([0-6])")),
    /**
     * OpenShift Service Mesh 3: an {@code Istio} resource of the Sail operator with the Istio version
     * ({@code v1.24.3}, {@code v1.26-latest}), namespaces joined by injection labels.
     */
    OSSM_3("OpenShift Service Mesh 3", "v1.28-latest", Pattern.compile("v1\\.(2[1-9]|30)(?:\\.\\d{1,2}|-latest)")),
    /** Upstream Istio installed by Helm or istioctl: the mesh config in the {@code istio} ConfigMap. */
    ISTIO("upstream Istio", "1.28", Pattern.compile("1\\.(1[89]|2\\d|30)(?:\\.\\d{1,2})?"));

    private final String title;
    private final String defaultVersion;
    private final Pattern versions;

    MeshFlavour(String title, String defaultVersion, Pattern versions) {
        this.title = title;
        this.defaultVersion = defaultVersion;
        this.versions = versions;
    }

    public String title() {
        return title;
    }

    /** A mesh's version as a diagram labels it: {@code v2.1}, {@code OSSM 3 v1.28-latest}, {@code Istio 1.28}. */
    public String label(String version) {
        return switch (this) {
            case MAISTRA_2 -> version;
            case OSSM_3 -> "OSSM 3 " + version;
            case ISTIO -> "Istio " + version;
        };
    }

    public String defaultVersion() {
        return defaultVersion;
    }

    /** Whether a version exists for this flavour, in the spelling its install resource uses. */
    public boolean knows(String version) {
        return version != null && versions.matcher(version).matches();
    }

    /** What a user should write instead of a version this flavour does not have. */
    public String versionHint() {
        return switch (this) {
            case MAISTRA_2 -> "v2.0 … v2.6";
            case OSSM_3 -> "an Istio version of the Sail operator, v1.21.x … v1.30.x or vX.Y-latest";
            case ISTIO -> "an Istio release, 1.18 … 1.30 (optionally with its patch)";
        };
    }

    /**
     * The Istio minor release a version of this flavour runs (Maistra 2.1 is built on Istio 1.9), or empty for a
     * version the flavour does not know.
     */
    public Optional<Integer> istioMinor(String version) {
        Matcher m = version == null ? null : versions.matcher(version);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int minor = Integer.parseInt(m.group(1));
        return Optional.of(this == MAISTRA_2 ? MAISTRA_ISTIO_MINOR[minor] : minor);
    }

    /** Istio minor per Maistra 2.x minor (2.0 is Istio 1.6, …, 2.6 is Istio 1.20). */
    private static final int[] MAISTRA_ISTIO_MINOR = {6, 9, 12, 14, 16, 18, 20};

    /** Namespaces join a Maistra mesh by its member roll, the others by injection labels. */
    public boolean memberRoll() {
        return this == MAISTRA_2;
    }

    /**
     * Whether the control plane creates the gateways, the mesh-wide mTLS resources and the OpenShift Routes itself
     * (Maistra's SMCP does; with the Sail operator or Helm each is a resource of its own).
     */
    public boolean controlPlaneCreatesResources() {
        return this == MAISTRA_2;
    }

    /** Maistra federation exists only in 2.x; OSSM 3 and Istio use multi-cluster meshes instead. */
    public boolean federation() {
        return this == MAISTRA_2;
    }

    /** Auto mTLS: off in Maistra 2.x's default profile unless set, on in Istio's defaults. */
    public boolean defaultAutoMtls() {
        return this != MAISTRA_2;
    }
}
