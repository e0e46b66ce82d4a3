import Foundation
import Publishing
import Testing

@Suite struct PublisherTests {
    static let site = [
        "index.html": "<h1>shop</h1>", "vip/index.html": "<h1>vip</h1>", "vip/p/greek-tea/index.html": "tea 12,90 €",
        "vip/p/coffee/index.html": "coffee", "assets/app.css": "body{}",
    ]

    @Test func aFirstBuildWritesEveryFileAndPublishesTheTree() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        let summary = try output.build(Self.site)
        #expect(summary == PublishSummary(written: 5, unchanged: 0, removed: 0, bytesWritten: 50))
        #expect(try output.site() == Self.site)
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: "\(output.path)/site")
        #expect(link == ".vitrine/site/generations/1")
        #expect(try output.generations() == ["1", "1.manifest"])
    }

    @Test func aNoChangeRebuildWritesNothingAndCreatesNoGeneration() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        try output.build(Self.site)
        let manifest = "\(output.path)/.vitrine/site/generations/1.manifest"
        let before = try FileManager.default.attributesOfItem(atPath: manifest)[.modificationDate] as? Date
        let summary = try output.build(Self.site)
        #expect(summary == PublishSummary(written: 0, unchanged: 5, removed: 0, bytesWritten: 0))
        #expect(try output.generations() == ["1", "1.manifest"])
        #expect(try FileManager.default.attributesOfItem(atPath: manifest)[.modificationDate] as? Date == before)
        #expect(try output.site() == Self.site)
    }

    @Test func aOneFileChangeWritesExactlyOneAndKeepsTheRestAsLinks() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        try output.build(Self.site)
        var changed = Self.site
        changed["vip/p/greek-tea/index.html"] = "tea 11,50 €"
        let summary = try output.build(changed)
        #expect(summary == PublishSummary(written: 1, unchanged: 4, removed: 0, bytesWritten: 13))
        #expect(try output.site() == changed)
        // The first build stays as the standby of the next one.
        #expect(try output.generations() == ["1", "1.manifest", "2", "2.manifest"])
        // The unchanged files are the first build's inodes, linked from both generations.
        let attributes = try FileManager.default.attributesOfItem(atPath: "\(output.path)/site/vip/index.html")
        #expect((attributes[.referenceCount] as? Int) == 2)
    }

    @Test func filesNoLongerProducedAreRemovedAndForeignFilesAreUntouched() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        try "mine".write(toFile: "\(output.path)/notes.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: "\(output.path)/mail", withIntermediateDirectories: true)
        try "message".write(toFile: "\(output.path)/mail/1.eml", atomically: false, encoding: .utf8)
        try output.build(Self.site)
        var smaller = Self.site
        smaller["vip/p/coffee/index.html"] = nil
        smaller["assets/app.css"] = nil
        let summary = try output.build(smaller)
        #expect(summary == PublishSummary(written: 0, unchanged: 3, removed: 2, bytesWritten: 0))
        #expect(try output.site() == smaller)
        #expect(!FileManager.default.fileExists(atPath: "\(output.path)/site/vip/p/coffee"))
        #expect(try String(contentsOfFile: "\(output.path)/notes.txt", encoding: .utf8) == "mine")
        #expect(try String(contentsOfFile: "\(output.path)/mail/1.eml", encoding: .utf8) == "message")
    }

    @Test func theSameBytesUnderANewFingerprintCountUnchangedAndAreReusedNextTime() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        try output.build(["a.html": "same"])
        var publisher = try Publisher(output: output.path, tree: "site", durable: false)
        var fingerprint = Fingerprint()
        fingerprint.add("a new theme")
        #expect(!publisher.reuse(OutputPath("a.html")!, fingerprint: fingerprint))
        try publisher.publish(OutputPath("a.html")!, bytes: Array("same".utf8), fingerprint: fingerprint)
        #expect(try publisher.commit() == PublishSummary(written: 0, unchanged: 1, removed: 0, bytesWritten: 0))
        #expect(try output.generations() == ["1", "1.manifest"])
        publisher = try Publisher(output: output.path, tree: "site", durable: false)
        #expect(publisher.reuse(OutputPath("a.html")!, fingerprint: fingerprint))
        #expect(try publisher.commit() == PublishSummary(written: 0, unchanged: 1, removed: 0, bytesWritten: 0))
    }

    @Test func aShardRemovesOnlyPathsOfItsOwnScope() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        try output.build(["a/1.html": "a1", "a/2.html": "a2", "b/1.html": "b1"])
        let summary = try output.build(["a/1.html": "a1"], removalScope: { $0.string.hasPrefix("a/") })
        #expect(summary == PublishSummary(written: 0, unchanged: 1, removed: 1, bytesWritten: 0))
        #expect(try output.site() == ["a/1.html": "a1", "b/1.html": "b1"])
    }

    @Test func aRealFolderWhereTheTreeGoesIsRefusedAndKept() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        try FileManager.default.createDirectory(atPath: "\(output.path)/site", withIntermediateDirectories: true)
        try "theirs".write(toFile: "\(output.path)/site/index.html", atomically: false, encoding: .utf8)
        #expect(throws: PublishError(.inspect, path: "\(output.path)/site", .foreignTree)) {
            try Publisher(output: output.path, tree: "site")
        }
        #expect(try String(contentsOfFile: "\(output.path)/site/index.html", encoding: .utf8) == "theirs")
    }

    @Test func aPathPublishedTwiceIsAnError() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        let publisher = try Publisher(output: output.path, tree: "site", durable: false)
        try publisher.publish(OutputPath("a.html")!, bytes: [1], fingerprint: Fingerprint())
        #expect(throws: PublishError(.write, path: "a.html", .duplicatePath)) {
            try publisher.publish(OutputPath("a.html")!, bytes: [2], fingerprint: Fingerprint())
        }
    }

    @Test func aSecondPublisherOnTheSameOutputIsBusy() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        let first = try Publisher(output: output.path, tree: "site", durable: false)
        #expect(throws: PublishError(.lock, path: output.path, .busy)) {
            try Publisher(output: output.path, tree: "site")
        }
        _ = try first.commit()
    }

    @Test func staleGenerationsOfAKilledBuildAreRemovedAtTheNextStart() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        try output.build(Self.site)
        let stale = "\(output.path)/.vitrine/site/generations/2/vip"
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
        try "half".write(toFile: "\(stale)/index.html", atomically: false, encoding: .utf8)
        var changed = Self.site
        changed["index.html"] = "<h1>new</h1>"
        #expect(try output.build(changed).written == 1)
        #expect(try output.generations() == ["1", "1.manifest", "3", "3.manifest"])
        #expect(try output.site() == changed)
    }

    @Test func aDurableCommitPublishesTheSameTree() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        let publisher = try Publisher(output: output.path, tree: "site")
        try publisher.publish(OutputPath("index.html")!, bytes: Array("hi".utf8), fingerprint: Fingerprint())
        #expect(try publisher.commit().written == 1)
        #expect(try output.site() == ["index.html": "hi"])
    }

    @Test func publishingFromManyThreadsCountsEveryFile() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        let publisher = try Publisher(output: output.path, tree: "site", durable: false)
        DispatchQueue.concurrentPerform(iterations: 2000) { index in
            try! publisher.publish(
                OutputPath("s\(index % 3)/p/\(index)/index.html")!, bytes: Array("page \(index)".utf8),
                fingerprint: Fingerprint())
        }
        #expect(try publisher.commit().written == 2000)
        let site = try output.site()
        #expect(site.count == 2000)
        #expect(site["s2/p/1999/index.html"] == nil && site["s1/p/1000/index.html"] == "page 1000")
    }

    @Test func aThirdBuildTakesOverTheStandbyAndChangesOnlyWhatDiffers() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        try output.build(Self.site)
        let original = try output.inode("vip/p/greek-tea/index.html")
        var changed = Self.site
        changed["vip/p/greek-tea/index.html"] = "tea 11,50 €"
        try output.build(changed)
        #expect(try output.inode("vip/p/greek-tea/index.html") != original)
        // Back to the first price: the standby (build 1) already holds those bytes, so nothing is rewritten.
        let summary = try output.build(Self.site)
        #expect(summary == PublishSummary(written: 1, unchanged: 4, removed: 0, bytesWritten: 13))
        #expect(try output.site() == Self.site)
        #expect(try output.inode("vip/p/greek-tea/index.html") == original)
        #expect(try output.generations() == ["2", "2.manifest", "3", "3.manifest"])
        // And once more the other way: build 2's file comes back from the standby (now build 2).
        try output.build(changed)
        #expect(try output.site() == changed)
        #expect(try output.generations() == ["3", "3.manifest", "4", "4.manifest"])
    }

    @Test func theStandbysFilesThatAreNoLongerProducedGoWithTheirEmptyFolders() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        try output.build(["p/a/index.html": "a", "p/b/index.html": "b", "q/index.html": "q"])
        try output.build(["p/a/index.html": "a", "q/index.html": "q2"])
        // The standby (build 1) still has p/b: the taken-over generation must lose it and its folder.
        let summary = try output.build(["p/a/index.html": "a", "q/index.html": "q3", "r.html": "r"])
        #expect(summary == PublishSummary(written: 2, unchanged: 1, removed: 0, bytesWritten: 3))
        #expect(try output.site() == ["p/a/index.html": "a", "q/index.html": "q3", "r.html": "r"])
        #expect(output.folders() == ["p", "p/a", "q"])
    }

    @Test func aFileAndAFolderOfTheSameNameSwapPlacesThroughTheStandby() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        try output.build(["x": "file x", "y/index.html": "folder y"])
        try output.build(["z.html": "between"])
        // The standby (build 1) has a file x and a folder y: this build wants a folder x and a file y.
        try output.build(["x/index.html": "folder x", "y": "file y", "x/deep/more.html": "more"])
        #expect(try output.site() == ["x/index.html": "folder x", "y": "file y", "x/deep/more.html": "more"])
        try output.build(["z.html": "again"])
        // And back: the standby (build 3) has the folder x and the file y.
        try output.build(["x": "file x", "y/index.html": "folder y"])
        #expect(try output.site() == ["x": "file x", "y/index.html": "folder y"])
        #expect(output.folders() == ["y"])
    }

    @Test func aSiblingTheStandbyHoldsIsNotCompressedAgain() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        let page = String(repeating: "<p>a page that compresses well</p>\n", count: 40)
        try output.build(["index.html": page], gzipLevel: 9)
        let sibling = try output.inode("index.html.gz")
        let first = try Data(contentsOf: URL(fileURLWithPath: "\(output.path)/site/index.html.gz"))
        try output.build(["index.html": page + "<p>changed</p>"], gzipLevel: 9)
        #expect(try output.inode("index.html.gz") != sibling)
        let summary = try output.build(["index.html": page], gzipLevel: 9)
        #expect(summary.written == 2 && summary.compressed == 1)
        #expect(try output.inode("index.html.gz") == sibling)
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(output.path)/site/index.html.gz")) == first)
    }

    @Test func aManifestOfManyMegabytesIsWrittenWholeAndSorted() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        // 12,000 files: a manifest of about 1.3 MB, streamed in pieces of 1 MiB, fresh entries published out of order.
        let site = Dictionary(
            uniqueKeysWithValues: (0..<15_000).map { ("p/\(($0 * 7919) % 15_000)/index.html", "\($0)") })
        try output.build(site)
        let manifest = try String(
            contentsOfFile: "\(output.path)/.vitrine/site/generations/1.manifest", encoding: .utf8)
        let paths = manifest.split(separator: "\n").dropFirst().map { $0.split(separator: " ")[3] }
        #expect(manifest.utf8.count > 1 << 20)
        #expect(paths.count == 15_000)
        #expect(
            paths.map { Array($0.utf8) }.elementsEqual(
                paths.map { Array($0.utf8) }.sorted(by: { $0.lexicographicallyPrecedes($1) })))
        // Read back whole: the same site again reuses every file.
        #expect(try output.build(site) == PublishSummary(written: 0, unchanged: 15_000, removed: 0, bytesWritten: 0))
        var changed = site
        changed["p/5/index.html"] = "new"
        #expect(try output.build(changed).written == 1)
        #expect(try output.site() == changed)
    }
}
