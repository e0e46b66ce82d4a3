import Diagnostics
import Foundation
import Testing
import VitrineKit

/// A theme is published with the site: a template, string table or asset that is a symbolic link to a file outside
/// the theme's folder is reported at its path and not read; a link that stays inside is followed.
@Suite struct ThemeLinkTests {
    @Test func aLinkLeavingTheThemeIsReportedAndNotRead() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-links-\(UUID())").path
        let theme = root + "/theme"
        try FileManager.default.createDirectory(atPath: theme + "/partials", withIntermediateDirectories: true)
        try "secret text {{x}}".write(toFile: root + "/outside.mustache", atomically: true, encoding: .utf8)
        try "inside {{x}}".write(toFile: theme + "/partials/real.mustache", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: theme + "/partials/leak.mustache", withDestinationPath: "../../outside.mustache")
        try FileManager.default.createSymbolicLink(
            atPath: theme + "/partials/alias.mustache", withDestinationPath: "real.mustache")
        defer { try? FileManager.default.removeItem(atPath: root) }

        var diagnostics = DiagnosticEngine()
        let library = ThemeLoader.library(directories: [theme], diagnostics: &diagnostics)
        #expect(library["partials/leak"] == nil)
        #expect(library["partials/alias"] != nil)
        #expect(library["partials/real"] != nil)
        #expect(
            diagnostics.diagnostics.map(\.message)
                == ["\(theme)/partials/leak.mustache is a link to a file outside the theme folder: not read"])
    }
}
