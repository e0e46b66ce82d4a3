import Diagnostics
import Segmentation
import Store

/// A `segments.json` text with the given rules (JSON-escaped), and the segment definitions a loader would make of
/// it: each rule a `LocatedText` mapping every byte to its place in the file, escapes included.
package struct SegmentsFile {
    package let source: SourceText
    package let definitions: [SegmentDefinition]

    /// Segment `i` sits on line `i + 2` with its rule starting at column 40 (`  { "id": "s0", "name": "S0",
    /// "rule": "` is 39 bytes); the fallback follows without a rule.
    package init(rules: [String?], fallbackRule: String? = nil) {
        var text = "[\n"
        var pending: [(id: String, start: Int, offsets: [Int], rule: String?, segmentOffset: Int)] = []
        let all = rules + [fallbackRule]
        for (index, rule) in all.enumerated() {
            let id = index == all.count - 1 ? "zz" : "s\(index)"
            let segmentOffset = text.utf8.count + 2
            text += "  { \"id\": \"\(id)\", \"name\": \"\(id.uppercased())\""
            var offsets: [Int] = []
            var start = 0
            if let rule {
                text += ", \"rule\": \""
                start = text.utf8.count
                var escaped = ""
                for byte in rule.utf8 {
                    offsets.append(start + escaped.utf8.count)
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { escaped += "\\" }
                    escaped += String(decoding: [byte], as: UTF8.self)
                }
                offsets.append(start + escaped.utf8.count)
                text += escaped + "\""
            }
            text += " }" + (index == all.count - 1 ? "\n" : ",\n")
            pending.append((id, start, offsets, rule, segmentOffset))
        }
        text += "]\n"
        let source = SourceText(path: "segments.json", text: text)
        self.source = source
        self.definitions = pending.map { entry in
            SegmentDefinition(
                id: entry.id, name: entry.id.uppercased(),
                rule: entry.rule.map {
                    LocatedText(text: $0, source: source, startOffset: entry.start, offsets: entry.offsets)
                },
                location: source.location(atOffset: entry.segmentOffset))
        }
    }

    /// Compiles the file's segments; the one-line form of every diagnostic, in file order.
    package func compile() -> (CompiledSegments?, [String]) {
        var engine = DiagnosticEngine()
        engine.register(source)
        let compiled = CompiledSegments.compile(definitions, diagnostics: &engine)
        return (compiled, engine.sorted.map(\.description))
    }
}
