package io.egressstudio.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.MeshFlavour;

/** The one Jackson configuration for scenario files: strict on read, tidy and stable on write. */
final class ScenarioMapper {
    static final ObjectMapper YAML = configure(YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .build());

    /** Same rules for JSON (the schema and tooling use it). */
    static final ObjectMapper JSON = configure(JsonMapper.builder().build());

    private ScenarioMapper() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
                .addMixIn(Mesh.class, MeshFormat.class);
    }

    /** A mesh's default flavour is not written, so files of today stay as they are when saved again. */
    private abstract static class MeshFormat {
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = MaistraIsDefault.class)
        abstract MeshFlavour flavour();
    }

    /** Jackson's filter: true for the values to leave out. */
    private static final class MaistraIsDefault {
        @Override
        public boolean equals(Object other) {
            return other == null || other == MeshFlavour.MAISTRA_2;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
