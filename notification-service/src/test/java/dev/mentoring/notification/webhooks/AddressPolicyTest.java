package dev.mentoring.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mentoring.notification.domain.AddressPolicy;

class AddressPolicyTest {

    private static final AddressPolicy STRICT = AddressPolicy.allowing(List.of());

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "127.8.9.10", "::1", "0.0.0.0", "::", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.0.1",
            "169.254.169.254", "fe80::1", "fd00:ec2::254", "fc00::1", "100.64.0.1", "100.127.255.254", "224.0.0.1", "ff02::1",
            "255.255.255.255", "192.0.2.1", "198.18.0.1", "240.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1",
            "::a00:1", "fec0::1", "64:ff9b:1::a00:1", "2001:0:4136:e378:8000:63bf:3fff:fdd2" })
    void addressesOfThePlatformsOwnNetworkAreRefused(String address) throws Exception {
        assertThat(STRICT.refusal(InetAddress.getByName(address))).as(address).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
            "64:ff9b::808:808", "2002:808:808::1" })
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(STRICT.refusal(InetAddress.getByName(address))).as(address).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "10.20.30.40" })
    void anAllowListedNetworkIsLetThrough(String address) throws Exception {
        AddressPolicy policy = AddressPolicy.allowing(List.of("127.0.0.0/8", "10.20.0.0/16"));
        assertThat(policy.refusal(InetAddress.getByName(address))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("10.21.0.1"))).isPresent();
    }
}
