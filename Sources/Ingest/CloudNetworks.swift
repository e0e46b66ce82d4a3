/// Networks of the large cloud providers, where mail-security gateways run their link pre-fetchers.
///
/// A click from one of them is a scanner's, not a person's: people click from home and mobile networks (a
/// person on a cloud VPN is the known false positive, see docs/tracking.md). The list is coarse on purpose, a
/// few blocks per provider from their published ranges; it needs the /24 or /48 only, so it runs on the
/// anonymised address.
enum CloudNetworks {
    /// (first 32 bits, prefix length) of IPv4 networks.
    static let ipv4: [(UInt32, Int)] = [
        (0x0300_0000, 8),  // 3.0.0.0/8 Amazon Web Services
        (0x0D00_0000, 8),  // 13.0.0.0/8 AWS and Microsoft Azure
        (0x1200_0000, 8),  // 18.0.0.0/8 AWS
        (0x1400_0000, 8),  // 20.0.0.0/8 Microsoft Azure (Defender for Office 365 Safe Links)
        (0x2200_0000, 8),  // 34.0.0.0/8 Google Cloud
        (0x2300_0000, 8),  // 35.0.0.0/8 Google Cloud
        (0x2840_0000, 10),  // 40.64.0.0/10 Microsoft
        (0x3400_0000, 8),  // 52.0.0.0/8 AWS and Azure
        (0x3600_0000, 8),  // 54.0.0.0/8 AWS
        (0x6828_0000, 13),  // 104.40.0.0/13 Microsoft Azure
        (0x68C4_0000, 14),  // 104.196.0.0/14 Google Cloud
    ]

    /// (first 64 bits, prefix length) of IPv6 networks.
    static let ipv6: [(UInt64, Int)] = [
        (0x2600_1F00_0000_0000, 24),  // 2600:1f00::/24 AWS
        (0x2A05_D000_0000_0000, 25),  // 2a05:d000::/25 AWS (Europe)
        (0x2600_1900_0000_0000, 28),  // 2600:1900::/28 Google Cloud
        (0x2603_1000_0000_0000, 25),  // 2603:1000::/25 Microsoft Azure
    ]

    static func contains(_ address: AnonymizedAddress) -> Bool {
        let bits = address.leadingBits
        if address.isIPv4 {
            let value = UInt32(truncatingIfNeeded: bits >> 32)
            return ipv4.contains { network, length in value >> (32 - length) == network >> (32 - length) }
        }
        return ipv6.contains { network, length in bits >> (64 - length) == network >> (64 - length) }
    }
}
