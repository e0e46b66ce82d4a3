import Foundation
import Testing

/// What a clone must hold (issue 11, item 7): no path of one machine, and a `Catalog/README.md` that speaks to the
/// owner of a new store (`vitrine init` copies it) about commands that exist.
@Suite("The repository")
struct RepositoryTests {
    static let root = VitrineBinary.packageRoot

    /// Every text file git tracks (or would) under the folders a clone has.
    static func files(under folders: [String]) -> [String] {
        var found: [String] = []
        for folder in folders {
            let base = "\(root)/\(folder)"
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else {
                found.append(folder)
                continue
            }
            for path in (try? FileManager.default.subpathsOfDirectory(atPath: base)) ?? []
            where [".swift", ".sh", ".md", ".py", ".json", ".mustache", ".css", "run"].contains(where: path.hasSuffix) {
                found.append("\(folder)/\(path)")
            }
        }
        return found
    }

    @Test("no absolute path of a machine: ../shared relative to the repository root")
    func noMachinePaths() throws {
        let files = Self.files(under: [
            "Sources", "Tests", ".ci", "docs", "Themes", "Catalog", "README.md", "Package.swift",
        ])
        #expect(files.count > 100)
        // This machine's own places, found at run time: the folder holding the checkout (where `../shared` is) and
        // the home folder. A clone elsewhere has other ones, so no file may name them.
        let parent = URL(fileURLWithPath: Self.root).deletingLastPathComponent().path + "/"
        let machinePaths = [parent, NSHomeDirectory() + "/"].filter { $0.count > 2 }
        for file in files {
            let text = try String(contentsOfFile: "\(Self.root)/\(file)", encoding: .utf8)
            for machinePath in machinePaths {
                #expect(!text.contains(machinePath), "\(file) names \(machinePath)")
            }
        }
    }

    @Test("Catalog/README.md speaks to a store's owner, of commands that exist")
    func catalogReadme() throws {
        let text = try String(contentsOfFile: "\(Self.root)/Catalog/README.md", encoding: .utf8)
        #expect(!text.contains("vitrine-bench"))
        #expect(!text.contains("Sources/"))
        let help = try VitrineBinary.run(["--help"]).stdout
        let commands = help.split(separator: "\n").compactMap { line -> String? in
            line.hasPrefix("  ") ? line.split(separator: " ").first.map(String.init) : nil
        }
        #expect(commands.contains("build"))
        var mentioned = 0
        for part in text.split(whereSeparator: { $0 == "\n" || $0 == "`" }) {
            let word = part.drop { $0 == " " }
            guard word.hasPrefix("vitrine ") else { continue }
            let command = word.split(separator: " ")[1]
            #expect(commands.contains(String(command)), "Catalog/README.md mentions vitrine \(command)")
            mentioned += 1
        }
        #expect(mentioned > 0)
    }
}
