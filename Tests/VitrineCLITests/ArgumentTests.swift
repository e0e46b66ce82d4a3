import Testing

@testable import VitrineCLI

@Suite("Command line")
struct ArgumentTests {
    @Test("unknown options get a suggestion and exit 2")
    func unknownOption() throws {
        let result = try VitrineBinary.run(["check", "--jsno"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "vitrine check: error: unknown option '--jsno'; did you mean '--json'?\nrun 'vitrine check --help' for usage\n"
        )
    }

    @Test("unknown commands get a suggestion and exit 2")
    func unknownCommand() throws {
        let result = try VitrineBinary.run(["chek"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("vitrine: error: unknown command 'chek'; did you mean 'check'?\n"))
    }

    @Test("parsing: values, = values, flags, positionals, --")
    func parsing() throws {
        let spec = CommandSpec(
            name: "x", summary: "",
            positionals: [.init(name: "A", help: "", isOptional: true)],
            options: [.value("store", "DIR", "", default: "Catalog"), .flag("json", "")])
        #expect(
            try ArgumentParser.parse(["--store=S", "--json", "a"], for: spec)
                == ParsedArguments(positionals: ["a"], values: ["store": "S"], flags: ["json"]))
        #expect(try ArgumentParser.parse([], for: spec).value("store") == "Catalog")
        #expect(try ArgumentParser.parse(["--", "--json"], for: spec).positionals == ["--json"])
        #expect(throws: UsageError(message: "option '--store' needs a value (DIR)")) {
            try ArgumentParser.parse(["--store"], for: spec)
        }
        #expect(throws: UsageError(message: "unexpected argument 'b'")) {
            try ArgumentParser.parse(["a", "b"], for: spec)
        }
        #expect(throws: UsageError(message: "option '--json' takes no value")) {
            try ArgumentParser.parse(["--json=1"], for: spec)
        }
    }
}
