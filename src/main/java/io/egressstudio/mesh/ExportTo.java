package io.egressstudio.mesh;

import java.util.List;

/** Istio's {@code exportTo}: empty means every namespace; {@code .} its own; {@code ~} none; {@code *} all. */
public final class ExportTo {
    private ExportTo() {
    }

    public static boolean visible(List<String> exportTo, String ownNamespace, String clientNamespace) {
        if (exportTo == null || exportTo.isEmpty()) {
            return true;
        }
        for (String e : exportTo) {
            if (e.equals("*") || (e.equals(".") && ownNamespace.equals(clientNamespace)) || e.equals(clientNamespace)) {
                return true;
            }
        }
        return false;
    }
}
