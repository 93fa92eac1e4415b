package io.egressstudio.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A client that cannot load one of its classes (a jar left out of an installation) is not a credentials problem: the
 * message names the missing class instead of blaming client-certificate and client-key.
 */
class MissingClassTest {
    @Test
    void aClassMissingAnywhereInTheCausesIsNamed() {
        RuntimeException wrapped = new IllegalStateException("cannot create the client",
                new RuntimeException("loading models", new NoClassDefFoundError("io/fabric8/kubernetes/api/model/batch/v1/Job")));

        assertThat(Kubeconfig.missingClass(wrapped)).isEqualTo("io/fabric8/kubernetes/api/model/batch/v1/Job");
        assertThat(Kubeconfig.missingClass(new IllegalArgumentException("bad PEM"))).isNull();
    }
}
