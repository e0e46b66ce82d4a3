import EventStore
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The send lock of a campaign across real processes: the probe holding it, flock(1) from util-linux as a peer, and
/// the lock's release when its holder is SIGKILLed.
@Suite("campaign send lock")
struct CampaignLockTests {
    /// Starts `eventstore-probe lock` and waits for its "locked" line.
    static func holdLock(_ state: String, campaign: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: StateFolder.probe)
        process.arguments = ["lock", state, campaign]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var received: [UInt8] = []
        while !received.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received += chunk
        }
        #expect(String(decoding: received, as: UTF8.self) == "locked\n")
        return process
    }

    @Test func aLockHeldByAnotherProcessIsRefusedUntilThatProcessIsKilled() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        let store = try EventStore(path: folder.state)
        let holder = try Self.holdLock(folder.state, campaign: "spring")

        let error = #expect(throws: EventStoreError.self) { _ = try store.lockCampaign("spring") }
        #expect(error == EventStoreError(.campaignLocked("spring"), path: folder.state))
        // A second probe is refused too, and says so.
        let second = try ChildProcess.run(StateFolder.probe, ["lock", folder.state, "spring"])
        #expect(second.status == 3)
        #expect(second.outputText == "busy\n")
        // util-linux's flock(1) sees the same lock on the same file.
        let lockFile = folder.state + ".send-spring.lock"
        #expect(FileManager.default.fileExists(atPath: lockFile))
        #expect(try ChildProcess.run("flock", ["--nonblock", lockFile, "true"]).status == 1)
        // Another campaign is free.
        let autumn = try store.lockCampaign("autumn")
        autumn.release()

        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        let lock = try store.lockCampaign("spring")
        #expect(lock.path == lockFile)
        #expect(try ChildProcess.run("flock", ["--nonblock", lockFile, "true"]).status == 1)
        lock.release()
        #expect(try ChildProcess.run("flock", ["--nonblock", lockFile, "true"]).status == 0)
    }

    @Test func aLockHeldByFlockIsRefused() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        let store = try EventStore(path: folder.state)
        let lockFile = folder.state + ".send-spring.lock"
        // The shell takes the lock on descriptor 9 with flock(1), then becomes `sleep`, which keeps the descriptor:
        // killing that one process is what drops the lock.
        let peer = Process()
        peer.executableURL = URL(fileURLWithPath: "/bin/sh")
        peer.arguments = ["-c", "exec 9>\"$0\" && flock 9 && exec sleep 30", lockFile]
        try peer.run()
        var refused = false
        for _ in 0..<500 where !refused {
            do {
                try store.lockCampaign("spring").release()
                Thread.sleep(forTimeInterval: 0.01)
            } catch {
                #expect(error.reason == .campaignLocked("spring"))
                refused = true
            }
        }
        #expect(refused, "flock(1) never took the lock")
        kill(peer.processIdentifier, SIGKILL)
        peer.waitUntilExit()
        try store.lockCampaign("spring").release()
    }

    @Test func twoLocksInOneProcessExcludeEachOtherAndReleaseOnDeinit() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        let store = try EventStore(path: folder.state)
        do {
            let lock = try store.lockCampaign("spring/../x é")
            #expect(lock.path == folder.state + ".send-spring%2F..%2Fx%20%C3%A9.lock")
            #expect(throws: EventStoreError.self) { _ = try store.lockCampaign("spring/../x é") }
            withExtendedLifetime(lock) {}
        }
        let again = try store.lockCampaign("spring/../x é")
        again.release()
        again.release()
    }
}
