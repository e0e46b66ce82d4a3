import Testing
import Tracking

@Suite struct TrackingTagsTests {
    @Test func lookups() throws {
        let tags = try TrackingTags(
            campaigns: ["spring", "autumn"], segments: ["vip", "new"], targets: ["p-1", "p-2"])
        #expect(tags.campaign(TrackingTags.campaignTag("spring")) == "spring")
        #expect(tags.segment(TrackingTags.segmentTag("new")) == "new")
        #expect(tags.target(TrackingTags.targetTag("p-2")) == "p-2")
        #expect(tags.target(0) == nil)
        // Domains are separate: the same id has unrelated tags in each.
        #expect(UInt32(TrackingTags.campaignTag("vip")) << 16 != TrackingTags.targetTag("vip") & 0xFFFF_0000)
    }

    /// 16-bit campaign tags collide by the birthday bound within a few hundred ids: the first such pair is found
    /// by brute force and must be reported, with both ids, as must a duplicate-free segment collision.
    @Test func collisionsAreReported() {
        var seen: [UInt16: String] = [:]
        var pair: (String, String)?
        for index in 0..<5000 {
            let id = "campaign-\(index)"
            if let other = seen[TrackingTags.campaignTag(id)] {
                pair = (other, id)
                break
            }
            seen[TrackingTags.campaignTag(id)] = id
        }
        guard let (first, second) = pair else {
            Issue.record("no 16-bit collision among 5,000 ids")
            return
        }
        let expected = TrackingTags.Failure(
            reason: .collisions([
                TrackingTags.Collision(
                    domain: .campaign, ids: [first, second], tag: UInt32(TrackingTags.campaignTag(first)))
            ]))
        #expect(throws: expected) {
            try TrackingTags(campaigns: ["solo", first, second, first], segments: ["vip"], targets: [])
        }
        #expect(expected.description == "campaign ids \(first), \(second) share a tracking tag; rename one of them")
    }
}
