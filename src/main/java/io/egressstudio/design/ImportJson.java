package io.egressstudio.design;

import static io.egressstudio.design.ImportJson.enumOr;
import static io.egressstudio.design.ImportJson.firstDestination;
import static io.egressstudio.design.ImportJson.firstMatchPort;
import static io.egressstudio.design.ImportJson.protocol;
import static io.egressstudio.design.ImportJson.strings;
import static io.egressstudio.design.ImportJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.egressstudio.model.PortProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reading the fields of imported objects: missing, null and empty all read as absent. */
final class ImportJson {
    private ImportJson() {
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }

    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }

    static PortProtocol protocol(String text) {
        return enumOr(PortProtocol.class, text.toUpperCase(Locale.ROOT), PortProtocol.TCP);
    }

    static <E extends Enum<E>> E enumOr(Class<E> type, String name, E otherwise) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return otherwise;
        }
    }

    /** Whether a VirtualService applies to the mesh's sidecars: it names no gateways, or {@code mesh}. */
    static boolean boundToMesh(ImportedObject vs) {
        List<String> refs = strings(vs.spec().path("gateways"));
        return refs.isEmpty() || refs.contains("mesh");
    }

    static JsonNode firstDestination(JsonNode spec) {
        for (String section : List.of("http", "tls", "tcp")) {
            JsonNode destination = spec.path(section).path(0).path("route").path(0).path("destination");
            if (!destination.isMissingNode()) {
                return destination;
            }
        }
        return MissingNode.getInstance();
    }

    static int firstMatchPort(JsonNode spec) {
        for (String section : List.of("http", "tls", "tcp")) {
            JsonNode port = spec.path(section).path(0).path("match").path(0).path("port");
            if (port.isNumber()) {
                return port.asInt();
            }
        }
        return -1;
    }
}
