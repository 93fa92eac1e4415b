package io.egressstudio.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpAddressesTest {
    @Test
    void aCidrCoversTheAddressesOfItsPrefixOnly() {
        assertThat(IpAddresses.covers("10.20.0.0/16", "10.20.255.1")).isTrue();
        assertThat(IpAddresses.covers("10.20.0.0/16", "10.21.0.1")).isFalse();
        assertThat(IpAddresses.covers("192.168.1.7", "192.168.1.7")).isTrue();
        assertThat(IpAddresses.covers("192.168.1.7/32", "192.168.1.8")).isFalse();
        assertThat(IpAddresses.covers("0.0.0.0/0", "8.8.8.8")).isTrue();
        assertThat(IpAddresses.covers("10.0.0.0/33", "10.0.0.1")).as("not a prefix length").isFalse();
    }

    @Test
    void onlyLiteralsAreAddressesAndNamesAreNeverLookedUp() {
        assertThat(IpAddresses.isLiteral("10.0.0.1")).isTrue();
        assertThat(IpAddresses.isLiteral("2001:db8::1")).isTrue();
        assertThat(IpAddresses.isLiteral("db.example.internal")).isFalse();
        assertThat(IpAddresses.isLiteral("300.1.1.1")).isFalse();
        assertThat(IpAddresses.isLiteral("1.2.3")).isFalse();
    }
}
