package io.egressstudio.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A finding names its resource by the key's text; the key is found again from it. */
class ResourceSetKeyTest {

    @Test
    void parsesWhatToStringWroteForNamespacedAndClusterScopedKeys() {
        ResourceSet.Key namespaced = new ResourceSet.Key("DestinationRule", "egress", "greeting");
        ResourceSet.Key clusterScoped = new ResourceSet.Key("Namespace", null, "egress");

        assertThat(ResourceSet.Key.parse(namespaced.toString())).contains(namespaced);
        assertThat(ResourceSet.Key.parse(clusterScoped.toString())).contains(clusterScoped);
        assertThat(ResourceSet.Key.parse("not a key")).isEmpty();
        assertThat(ResourceSet.Key.parse(null)).isEmpty();
    }
}
