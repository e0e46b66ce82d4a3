import Diagnostics
import Foundation
import Mustache
import SeededRandom
import Testing

/// Random and mutated templates must never crash or hang the parser or the renderer, and every diagnostic
/// must point inside its file. Seeds are the spec's templates, partials and data; mutations insert, delete
/// and duplicate bytes, splice in tags and other seeds, and change delimiters.
///
/// 100,000 inputs by default (about 10 s in a debug build on one core); `MUSTACHE_FUZZ_ITERATIONS=N`
/// changes the count and `MUSTACHE_FUZZ_SEED=S` the seed, e.g.
/// `MUSTACHE_FUZZ_ITERATIONS=1000000 swift test -c release --filter MustacheTests.FuzzTests`.
@Suite("fuzz")
struct FuzzTests {
    static let fragments: [[UInt8]] = [
        "{{", "}}", "{{{", "}}}", "{{#a}}", "{{/a}}", "{{^a}}", "{{#list}}", "{{/list}}", "{{.}}", "{{a.b}}",
        "{{>partial}}", "{{>*dynamic}}", "{{<parent}}", "{{/parent}}", "{{$block}}", "{{/block}}", "{{! c }}",
        "{{=| |=}}", "|={{ }}=|", "{{=<% %>=}}", "<%x%>", "{{&x}}", "{{=", "=}}", "\n", "\r\n", "  ", "\t",
        "{{lambda}}", "{{#lambda}}x{{/lambda}}", "é", "😀", "\u{0}", "{{ # }}", "{{/}}", "{{}}", "{{*}}",
    ].map { Array($0.utf8) }

    static let alphabet: [UInt8] = Array("{}#^/>$<&!=.*| \n\r\tabxyz01".utf8) + [0x00, 0xC3, 0xA9, 0xFF, 0xE2, 0x80]

    struct Seed {
        var template: [UInt8]
        var partials: [String: [UInt8]]
        var data: MustacheValue
    }

    static func seeds() -> [Seed] {
        let files = [
            "comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance",
            "~dynamic-names", "~lambdas",
        ]
        return files.flatMap(SpecCase.load).map { test in
            Seed(
                template: Array(test.template.utf8), partials: test.partials.mapValues { Array($0.utf8) },
                data: test.data)
        }
    }

    static func mutate(_ input: [UInt8], seeds: [Seed], using rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let rounds = Int.random(in: 1...4, using: &rng)
        for _ in 0..<rounds {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &rng)
            switch Int.random(in: 0..<8, using: &rng) {
            case 0, 1:  // insert a byte
                bytes.insert(alphabet.randomElement(using: &rng)!, at: position)
            case 2:  // delete a range
                guard !bytes.isEmpty else { continue }
                let start = Int.random(in: 0..<bytes.count, using: &rng)
                let end = min(bytes.count, start + Int.random(in: 1...6, using: &rng))
                bytes.removeSubrange(start..<end)
            case 3:  // duplicate a range
                guard !bytes.isEmpty else { continue }
                let start = Int.random(in: 0..<bytes.count, using: &rng)
                let end = min(bytes.count, start + Int.random(in: 1...16, using: &rng))
                bytes.insert(contentsOf: bytes[start..<end], at: position)
            case 4, 5:  // splice in a tag or a structural fragment
                bytes.insert(contentsOf: fragments.randomElement(using: &rng)!, at: position)
            case 6:  // splice in part of another seed
                let other = seeds.randomElement(using: &rng)!.template
                guard !other.isEmpty else { continue }
                let start = Int.random(in: 0..<other.count, using: &rng)
                let end = min(other.count, start + Int.random(in: 1...24, using: &rng))
                bytes.insert(contentsOf: other[start..<end], at: position)
            default:  // random delimiters
                let open = (0..<Int.random(in: 1...3, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
                let close = (0..<Int.random(in: 1...3, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
                bytes.insert(contentsOf: Array("{{=".utf8) + open + [0x20] + close + Array("=}}".utf8), at: position)
            }
        }
        return bytes
    }

    static func randomTemplate(using rng: inout SplitMix64) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 0...24, using: &rng) {
            if Bool.random(using: &rng) {
                bytes += fragments.randomElement(using: &rng)!
            } else {
                bytes.append(alphabet.randomElement(using: &rng)!)
            }
        }
        return bytes
    }

    /// Parses and renders one input; checks that every diagnostic points inside its file.
    static func exercise(_ bytes: [UInt8], partials: [String: [UInt8]], data: MustacheValue, strict: Bool) -> Int {
        let source = SourceText(path: "fuzz", bytes: bytes)
        let template = Template(source: source, name: "fuzz")
        var templates = [template]
        for (name, partial) in partials {
            templates.append(Template(source: SourceText(path: name, bytes: partial), name: name))
        }
        let library = TemplateLibrary(templates)
        for diagnostic in template.diagnostics {
            guard let location = diagnostic.location else { continue }
            let lines = source.bytes.count { $0 == UInt8(ascii: "\n") } + 1
            #expect(location.line >= 1 && location.line <= lines && location.column >= 1, "\(diagnostic)")
        }
        var output: [UInt8] = []
        let options = RenderOptions(strict: strict, maxDepth: 40, maxOutputBytes: 1 << 18)
        template.render(data, library: library, options: options, into: &output)
        return output.count
    }

    @Test func randomAndMutatedTemplatesNeverCrashOrHang() {
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["MUSTACHE_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 100_000
        let seed = environment["MUSTACHE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x5EED_CAFE
        var rng = SplitMix64(seed: seed)
        let seeds = Self.seeds()
        let trace = environment["MUSTACHE_FUZZ_TRACE"] != nil
        let clock = ContinuousClock()
        let start = clock.now
        var slowest = Duration.zero
        var totalBytes = 0
        for iteration in 0..<iterations {
            let base = seeds[iteration % seeds.count]
            let input: [UInt8]
            var partials = base.partials
            if iteration % 5 == 4 {
                input = Self.randomTemplate(using: &rng)
                partials["partial"] = Self.randomTemplate(using: &rng)
            } else {
                input = Self.mutate(base.template, seeds: seeds, using: &rng)
                if let name = partials.keys.sorted().first, iteration % 3 == 0 {
                    partials[name] = Self.mutate(partials[name]!, seeds: seeds, using: &rng)
                }
            }
            if trace {
                FileHandle.standardError.write(
                    Data(
                        "fuzz \(iteration): \(String(decoding: input, as: UTF8.self).debugDescription) partials \(partials.mapValues { String(decoding: $0, as: UTF8.self) })\n"
                            .utf8))
            }
            let before = clock.now
            totalBytes &+= Self.exercise(input, partials: partials, data: base.data, strict: iteration % 2 == 0)
            let took = clock.now - before
            if took > slowest { slowest = took }
            if took > .seconds(2) {
                Issue.record(
                    "input \(iteration) took \(took): \(String(decoding: input, as: UTF8.self).debugDescription)")
            }
        }
        let elapsed = clock.now - start
        print(
            "fuzz: \(iterations) inputs (seed \(seed)) in \(elapsed), slowest \(slowest), \(totalBytes) bytes rendered")
        #expect(iterations == 0 || totalBytes > 0)
    }

    /// The JSON loader (data files are user input too): mutated spec files must parse or fail with a position
    /// inside the file, never crash; deep nesting is refused, not a stack overflow.
    @Test func mutatedJSONNeverCrashes() throws {
        var rng = SplitMix64(seed: 0x15_0A)
        let directory = fixturesDirectory + "/mustache-spec/"
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }
        let documents = files.sorted().compactMap { FileManager.default.contents(atPath: directory + $0) }.map {
            [UInt8]($0)
        }
        #expect(documents.count == 9)
        let jsonBytes = Array(#"{}[]",:.-+eE0123456789tfnu\"#.utf8) + [0x20, 0x0A, 0xFF, 0x00]
        var parsed = 0
        for iteration in 0..<2_000 {
            var bytes = documents[iteration % documents.count]
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let position = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes.insert(jsonBytes.randomElement(using: &rng)!, at: position)
                case 1: bytes.remove(at: position)
                default: bytes[position] = jsonBytes.randomElement(using: &rng)!
                }
            }
            let source = SourceText(path: "data.json", bytes: bytes)
            switch MustacheValue.parseJSON(source) {
            case .success: parsed += 1
            case .failure(let error):
                let location = try #require(error.diagnostics.diagnostics.first?.location)
                #expect(location.line >= 1 && location.column >= 1)
            }
        }
        #expect(parsed > 0)
        let deep = SourceText(path: "deep.json", text: String(repeating: "[", count: 100_000))
        guard case .failure(let error) = MustacheValue.parseJSON(deep) else {
            Issue.record("100,000 open brackets parsed")
            return
        }
        #expect(error.description == "deep.json:1:513: error: nesting deeper than 512 levels")
    }
}
