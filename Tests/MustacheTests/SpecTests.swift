import Testing

/// The whole mustache/spec suite, one reported case per spec test.
@Suite("mustache/spec")
struct SpecTests {
    @Test(arguments: SpecCase.load("comments")) func comments(_ test: SpecCase) { test.check() }
    @Test(arguments: SpecCase.load("delimiters")) func delimiters(_ test: SpecCase) { test.check() }
    @Test(arguments: SpecCase.load("interpolation")) func interpolation(_ test: SpecCase) { test.check() }
    @Test(arguments: SpecCase.load("inverted")) func inverted(_ test: SpecCase) { test.check() }
    @Test(arguments: SpecCase.load("partials")) func partials(_ test: SpecCase) { test.check() }
    @Test(arguments: SpecCase.load("sections")) func sections(_ test: SpecCase) { test.check() }
    @Test(arguments: SpecCase.load("~inheritance")) func inheritance(_ test: SpecCase) { test.check() }
    @Test(arguments: SpecCase.load("~dynamic-names")) func dynamicNames(_ test: SpecCase) { test.check() }
    @Test(arguments: SpecCase.load("~lambdas")) func lambdas(_ test: SpecCase) { test.check() }

    @Test func everyFileHasItsTests() {
        let counts = [
            "comments": 12, "delimiters": 14, "interpolation": 42, "inverted": 22, "partials": 12, "sections": 34,
            "~inheritance": 27, "~dynamic-names": 21, "~lambdas": 10,
        ]
        for (file, count) in counts {
            #expect(SpecCase.load(file).count == count, "\(file)")
        }
    }
}
