import Ingest
import Testing

@Suite struct AnonymizedAddressTests {
    @Test(arguments: [
        ("203.0.113.77", "203.0.113.0"),
        ("8.8.8.8", "8.8.8.0"),
        ("255.255.255.255", "255.255.255.0"),
        ("0.0.0.0", "0.0.0.0"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1::"),
        ("2001:0DB8:0001:ffff::", "2001:db8:1::"),
        ("2001:db8::1", "2001:db8::"),
        ("2001:0:0:1::", "2001::"),
        ("0:0:1::", "0:0:1::"),
        ("::1", "::"),
        ("::", "::"),
        ("2a01:e0a:1f:2::7", "2a01:e0a:1f::"),
        ("2a05:d018:12ab:9:8:7:6:5", "2a05:d018:12ab::"),
        ("1:2:3:4:5:6:7::", "1:2:3::"),
        ("1:2:3:4:5:6:1.2.3.4", "1:2:3::"),
        ("::ffff:1.2.3.4", "1.2.3.0"),
        ("::FFFF:198.51.100.200", "198.51.100.0"),
        ("::ffff:c633:64c8", "198.51.100.0"),
        ("64:ff9b::1.2.3.4", "64:ff9b::"),
    ])
    func anonymized(address: String, expected: String) throws {
        let anonymized = try #require(AnonymizedAddress(address))
        #expect(anonymized.description == expected)
        #expect(anonymized.isIPv4 == expected.contains("."))
    }

    @Test(arguments: [
        "", "-", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.4 ", " 1.2.3.4", "1..2.3", "1.2.3.4/24",
        "2001:db8::1::2", "2001:db8:1:2:3:4:5:6:7", "12345::", "fe80::1%eth0", "2001:db8:", ":2001:db8::",
        ":::", "1:2:3:4:5:6:7:1.2.3.4", "::ffff:1.2.3", "::ffff:1.2.3.256", "g::1", "[2001:db8::1]",
        "2001:db8:1:2:3:4:5", "unknown", "1:2:3:4:5:6:7:8::",
    ])
    func malformed(address: String) {
        #expect(AnonymizedAddress(address) == nil)
    }
}
