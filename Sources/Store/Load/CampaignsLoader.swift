import Diagnostics
import TextFormats

/// `campaigns.json`.
enum CampaignsLoader {
    static let keys = ["id", "segments", "subject", "preheader", "template", "coupon", "send_date"]

    struct Context {
        var locales: [String]
        var defaultLocale: String
        var segmentIDs: [String]
        var couponIDs: [String]
        /// Segments and coupons whose definitions had errors: not "unknown", already reported.
        var rejected: Set<String> = []
        /// `segments.json` could not be used at all (reported there): no segment is "unknown".
        var everySegmentRejected = false
    }

    static func load(_ source: SourceText, context: Context, diagnostics: inout DiagnosticEngine) -> [Campaign] {
        var campaigns: [Campaign] = []
        var ids = FirstDefinitions(source: source)
        for object in JSONArrayFile.objects(in: source, what: "campaign", diagnostics: &diagnostics) {
            object.warnAboutUnknownKeys(known: keys, in: "a campaign", diagnostics: &diagnostics)
            let errorsBefore = diagnostics.errorCount
            let id = ids.identifier(of: object, what: "campaign id", diagnostics: &diagnostics)
            let segments = object.strings("segments", diagnostics: &diagnostics)
            if object["segments"] == nil { diagnostics.error("missing required key \"segments\"", at: object.location) }
            for segment in segments
            where !context.everySegmentRejected && !context.segmentIDs.contains(segment.text)
                && !context.rejected.contains(segment.text)
            {
                diagnostics.error(
                    "unknown segment \"\(segment.text)\"\(Spelling.didYouMean(segment.text, among: context.segmentIDs))",
                    at: segment.location)
            }
            let subject = object.localized(
                "subject", locales: context.locales, defaultLocale: context.defaultLocale, diagnostics: &diagnostics)
            if subject[context.defaultLocale] == nil, !context.locales.isEmpty {
                diagnostics.error(
                    "\"subject\" needs a text for the default locale \"\(context.defaultLocale)\"",
                    at: object.location(of: "subject"))
            }
            // One line each: a subject becomes a mail header.
            object.checkNoControlCharacters("subject", "a subject", diagnostics: &diagnostics)
            object.checkNoControlCharacters("preheader", "a preheader", diagnostics: &diagnostics)
            let preheader = object.localized(
                "preheader", locales: context.locales, defaultLocale: context.defaultLocale, diagnostics: &diagnostics)
            let template = object.string("template", diagnostics: &diagnostics) ?? "newsletter"
            if !Self.isTemplateName(template) {
                diagnostics.error(
                    "template \"\(template)\" is not a name inside the theme's emails/ folder "
                        + "(letters, digits, '-', '_' and '.', folders joined by '/', no '..')",
                    at: object.location(of: "template"))
            }
            let coupon = object.string("coupon", diagnostics: &diagnostics)
            if let coupon, !context.couponIDs.contains(coupon), !context.rejected.contains(coupon) {
                diagnostics.error(
                    "unknown coupon \"\(coupon)\"\(Spelling.didYouMean(coupon, among: context.couponIDs))",
                    at: object.location(of: "coupon"))
            }
            let sendDate = object.date("send_date", diagnostics: &diagnostics)
            guard diagnostics.errorCount == errorsBefore, let id else { continue }
            campaigns.append(
                Campaign(
                    id: id, segments: segments.map(\.text), subject: subject, preheader: preheader, template: template,
                    coupon: coupon, sendDate: sendDate, location: object.location))
        }
        return campaigns
    }
}

extension CampaignsLoader {
    /// `newsletter`, `seasonal/winter`: a path under the theme's `emails/` folder that cannot leave it.
    static func isTemplateName(_ name: String) -> Bool {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        return !name.isEmpty
            && parts.allSatisfy { part in
                !part.isEmpty && part != "." && part != ".."
                    && part.utf8.allSatisfy {
                        switch $0 {
                        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                            UInt8(ascii: "."):
                            true
                        default: false
                        }
                    }
            }
    }
}
