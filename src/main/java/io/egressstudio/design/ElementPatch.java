package io.egressstudio.design;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressstudio.io.FieldPaths;
import io.egressstudio.model.Element;
import io.egressstudio.model.Scenario;
import java.util.Arrays;

/**
 * Reads and sets one field of an element by its path ({@code outboundPolicy}, {@code sidecarTls.mode},
 * {@code server.ingress.gatewayPort}), the same paths a walkthrough step's {@code set} uses. The element goes through
 * the file format's JSON shape ({@link FieldPaths}, as steps do), so a value the file would reject is rejected here
 * too, with the reason.
 */
public final class ElementPatch {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ElementPatch() {
    }

    /** The value at a path as a JSON node (missing when unset). */
    public static JsonNode get(Object element, String path) {
        JsonNode node;
        if (element instanceof Scenario s && !path.contains(".")) {
            // the scenario's own fields, without serializing every element of a large scenario
            java.util.Map<String, Object> own = new java.util.HashMap<>();
            own.put("name", s.name());
            own.put("title", s.title());
            own.put("description", s.description());
            own.put("istioApi", s.istioApi());
            node = JSON.valueToTree(own);
        } else {
            node = JSON.valueToTree(element);
        }
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** The element with the field at {@code path} set to {@code value} (null: unset, the default applies). */
    public static <T> T set(T element, String path, Object value) {
        ObjectNode tree = JSON.valueToTree(element);
        try {
            FieldPaths.set(tree, path.split("\\."), 0, value == null ? null : JSON.valueToTree(value));
        } catch (FieldPaths.NotAMapping e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        try {
            @SuppressWarnings("unchecked")
            T patched = (T) JSON.treeToValue(tree, element.getClass());
            if (patched instanceof io.egressstudio.model.Mesh mesh && path.equals("flavour")
                    && !mesh.flavour().knows(mesh.version())) {
                // another control plane has other versions: start from its default rather than an invalid one
                @SuppressWarnings("unchecked")
                T moved = (T) mesh.withFlavour(mesh.flavour(), mesh.autoMtls());
                return moved;
            }
            return patched;
        } catch (InvalidFormatException e) {
            if (e.getTargetType() != null && e.getTargetType().isEnum()) {
                throw new IllegalArgumentException("'" + e.getValue() + "' is not one of "
                        + Arrays.toString(e.getTargetType().getEnumConstants()), e);
            }
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** Sets a field of the scenario itself (name, title, description, istioApi). */
    public static Scenario setScenarioField(Scenario scenario, String path, Object value) {
        return set(scenario, path, value);
    }

    /** Convenience for elements, keeping the static type. */
    public static Element setField(Element element, String path, Object value) {
        return set(element, path, value);
    }
}
