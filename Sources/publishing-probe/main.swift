import Publishing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// publishing-probe OUTPUT BUILD FILES: publishes build number BUILD of a synthetic site of about FILES pages into
// OUTPUT/site and prints "written unchanged removed". PublishingTests kill it at random moments.
//
// Build n's site: `build.txt` holding n, and page i for every i < FILES with (i + n) % 7 != 0 (so every build
// adds and removes pages); a third of the pages change with n, the rest never do.

let arguments = CommandLine.arguments
guard arguments.count == 4, let build = Int(arguments[2]), let files = Int(arguments[3]) else {
    print("usage: publishing-probe OUTPUT BUILD FILES")
    exit(2)
}

func page(_ index: Int, build: Int) -> (path: OutputPath, fingerprint: Fingerprint, bytes: [UInt8])? {
    guard (index + build) % 7 != 0 else { return nil }
    let changes = index % 3 == 0
    var fingerprint = Fingerprint()
    fingerprint.add(index)
    if changes { fingerprint.add(build) }
    let text = changes ? "page \(index) of build \(build)\n" : "page \(index), the same in every build\n"
    return (OutputPath("p/\(index)/index.html")!, fingerprint, Array(text.utf8))
}

do {
    let publisher = try Publisher(output: arguments[1], tree: "site", durable: false)
    for index in 0..<files {
        guard let page = page(index, build: build) else { continue }
        if publisher.reuse(page.path, fingerprint: page.fingerprint) { continue }
        try publisher.publish(page.path, bytes: page.bytes, fingerprint: page.fingerprint)
    }
    var fingerprint = Fingerprint()
    fingerprint.add(build)
    try publisher.publish(OutputPath("build.txt")!, bytes: Array("\(build)\n".utf8), fingerprint: fingerprint)
    let summary = try publisher.commit()
    print("\(summary.written) \(summary.unchanged) \(summary.removed)")
} catch {
    print("publishing-probe: \(error)")
    exit(1)
}
