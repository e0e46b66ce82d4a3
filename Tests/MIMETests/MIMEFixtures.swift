import Foundation

/// The target's `Fixtures` folder: SwiftPM's resource copy when it made one, else the folder beside this file.
enum MIMEFixtures {
    static let path: String = {
        if let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) { return url.path }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }()
}
