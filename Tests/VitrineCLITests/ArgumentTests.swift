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

    @Test("help is generated from the declared options")
    func help() throws {
        let result = try VitrineBinary.run(["check", "--help"])
        #expect(result.status == 0)
        #expect(
            result.stdout.contains("usage: vitrine check [--store DIR] [--format FORMAT] [--json] [--quiet] [STORE]\n"))
        #expect(result.stdout.contains("  --store DIR           The store folder (default: Catalog).\n"))
        let overview = try VitrineBinary.run(["--help"])
        #expect(overview.status == 0)
        #expect(overview.stdout.contains("  check             "))
        #expect(overview.stdout.contains("  init              "))
        let bare = try VitrineBinary.run([])
        #expect(bare.status == 2)
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
