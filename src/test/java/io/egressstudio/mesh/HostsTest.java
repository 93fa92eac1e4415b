package io.egressstudio.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostsTest {
    @Test
    void shortNamesAreReadInTheRulesNamespace() {
        assertThat(Hosts.fqdn("details", "bookinfo")).isEqualTo("details.bookinfo.svc.cluster.local");
        assertThat(Hosts.fqdn("api.example.com", "bookinfo")).isEqualTo("api.example.com");
        assertThat(Hosts.fqdn("*", "bookinfo")).isEqualTo("*");
    }

    @Test
    void wildcardsCoverSubdomainsOnly() {
        assertThat(Hosts.matches("*.example.com", "a.example.com")).isTrue();
        assertThat(Hosts.matches("*.example.com", "a.b.example.com")).isTrue();
        assertThat(Hosts.matches("*.example.com", "example.com")).isFalse();
        assertThat(Hosts.matches("*.local", "x.ns.svc.cluster.local")).isTrue();
        assertThat(Hosts.matches("*", "anything")).isTrue();
        assertThat(Hosts.matches("a.example.com", "*.example.com")).isFalse();
        assertThat(Hosts.matches("*.com", "*.example.com")).isTrue();
        assertThat(Hosts.overlap("a.example.com", "*.example.com")).isTrue();
    }

    @Test
    void candidatesGoFromMostToLeastSpecific() {
        assertThat(Hosts.candidates("x.ns.svc.cluster.local")).containsExactly("x.ns.svc.cluster.local",
                "*.ns.svc.cluster.local", "*.svc.cluster.local", "*.cluster.local", "*.local", "*");
        assertThat(Hosts.candidates("*.example.com")).containsExactly("*.example.com", "*.com", "*");
    }
}
