package io.egressstudio.certs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostNamesTest {
    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
        "greeting.remote.com,   greeting.remote.com,     true",
        "Greeting.Remote.COM,   greeting.remote.com.,    true",
        "greeting.remote.com,   other.remote.com,        false",
        "*.apps.example.com,    hr.apps.example.com,     true",
        "*.apps.example.com,    apps.example.com,        false",
        "*.apps.example.com,    a.b.apps.example.com,    false",
        "*.com,                 example.com,             false",
        "f*.example.com,        foo.example.com,         false",
        "*.example.com,         *.example.com,           false",
        "example.com,           *.example.com,           false",
    })
    void wildcardRules(String pattern, String host, boolean covered) {
        assertThat(HostNames.dnsMatches(pattern, host)).isEqualTo(covered);
    }

    @ParameterizedTest(name = "{0} is an IP literal: {1}")
    @CsvSource({"127.0.0.1, true", "10.0.0.255, true", "::1, true", "[::1], true", "fe80::1, true",
        "256.1.1.1, false", "1.2.3, false", "greeting.remote.com, false", "dead.beef, false", "cafe::xyz, false"})
    void ipLiterals(String text, boolean literal) {
        assertThat(HostNames.isIpLiteral(text)).isEqualTo(literal);
    }

    @ParameterizedTest(name = "''{0}'' is a usable DNS SAN: {1}")
    @CsvSource({"greeting.remote.com, true", "*.apps.example.com, true", "hr-stio-sstm-svc.apps.c1.example.com, true",
        "bad_host, false", "-lead.example.com, false", "*.com, false", "a.*.example.com, false",
        "f*.example.com, false", "127.0.0.1, false", "999.1.1.1, false", "'', false"})
    void dnsNames(String name, boolean usable) {
        assertThat(HostNames.dnsNameProblem(name).isEmpty()).isEqualTo(usable);
    }
}
