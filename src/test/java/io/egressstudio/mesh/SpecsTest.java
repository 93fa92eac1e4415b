package io.egressstudio.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spec accessors every mesh reader uses never hand out a null list or a null item. */
class SpecsTest {
    @Test
    void listsComeWithoutNullItems() {
        assertThat(Specs.orEmpty((List<String>) null)).isEmpty();
        assertThat(Specs.orEmpty(Arrays.asList("a", null, "b"))).containsExactly("a", "b");
        assertThat(Specs.list(Arrays.asList(null, "member"))).containsExactly("member");
        assertThat(Specs.list(Map.of("not", "a list"))).isEmpty();
    }

    @Test
    void aListWithoutNullsIsHandedOutAsItIs() {
        List<String> hosts = List.of("a.example.com");

        assertThat(Specs.orEmpty(hosts)).isSameAs(hosts);
    }
}
