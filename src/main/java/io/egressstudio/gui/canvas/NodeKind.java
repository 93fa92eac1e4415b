package io.egressstudio.gui.canvas;

import org.kordamp.ikonli.feather.Feather;

/** What a box on the canvas stands for; the palette offers every kind. */
public enum NodeKind {
    MESH("Mesh", "A control plane (ServiceMeshControlPlane) and its member roll"),
    NAMESPACE("Namespace", "A member namespace of a mesh: drop it on a mesh"),
    WORKLOAD("Workload", "An application (Deployment and Service): drop it in a mesh to give it a sidecar"),
    EGRESS_GATEWAY("Egress gateway", "An egress gateway of a mesh: drop it on a mesh"),
    EXTERNAL_SERVICE("External service", "A destination outside the mesh, optionally registered by a ServiceEntry"),
    MESH_INGRESS("Other mesh's ingress", "A service behind another mesh's ingress gateway (OpenShift Route)");

    private final String label;
    private final String help;

    NodeKind(String label, String help) {
        this.label = label;
        this.help = help;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    /** The icon the palette and the canvas show for it. */
    public Feather icon() {
        return switch (this) {
            case MESH -> Feather.LAYERS;
            case NAMESPACE -> Feather.FOLDER;
            case WORKLOAD -> Feather.BOX;
            case EGRESS_GATEWAY -> Feather.LOG_OUT;
            case EXTERNAL_SERVICE -> Feather.GLOBE;
            case MESH_INGRESS -> Feather.LOG_IN;
        };
    }

    /** The id fragment used for palette items: {@code palette-egress-gateway}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
