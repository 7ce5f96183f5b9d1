import ArgumentParser
import Foundation
import PortalText
import PortalServer

/// `portal serve`: builds the site in memory and serves it with live reload.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site (every language, drafts included) with live reload.")

    @Option(name: .long, help: "The site folder (holds site.toml and content/).")
    var source: String = "."

    @Option(name: .long, help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0 picks a free one).")
    var port: Int = 1313

    @Flag(name: .customLong("no-drafts"), help: "Hide drafts, future and expired posts, as a published build does.")
    var noDrafts = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Watch by polling modification times instead of inotify.")
    var poll = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let root = try SiteFolder.checked(source)
        let options = ServeOptions(siteRoot: root, host: host, port: port, noDrafts: noDrafts, strict: strict, forcePolling: poll)
        // The root command runs synchronously: wait here for the async server.
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { try await PreviewServer(options: options).run() } catch { outcome.set(error) }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            let text = "\(error)"
            if text.contains("Address already in use") || text.contains("errno: 98") || text.contains("errno: 48") {
                Terminal.error("error: port \(port) on \(host) is already in use: choose another with --port N, or --port 0 for any free port")
            } else {
                Terminal.error("error: \(error)")
            }
            throw ExitCode(1)
        }
    }
}

/// The error the server stopped with, handed from its task to the main thread.
private final class Outcome: @unchecked Sendable {
    private let stored = Locked<Error?>(nil)
    var error: Error? { stored.value }
    func set(_ error: Error) { stored.set(error) }
}
