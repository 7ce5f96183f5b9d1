import ArgumentParser
import Foundation
import PortalMarkdown
import PortalPipeline

/// The `portal` command: parses arguments and calls the pipeline.
@main
struct Portal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "A static site generator for bilingual open-source community portals.",
        version: Portal.versionLine,
        subcommands: [Build.self, Serve.self, New.self, Init.self, Import.self],
        defaultSubcommand: nil
    )

    /// `portal 0.5.0 (commit 1a2b3c4)`, then what this build can do.
    static var versionLine: String {
        let origin = BuildInfo.commit.map { "commit \($0)" } ?? "built from source"
        let highlighting = CodeBlocks.highlightingAvailable
            ? "code highlighting: KSyntaxHighlighting"
            : "code highlighting: unavailable in this build (code blocks are printed plain)"
        return "portal \(BuildInfo.version) (\(origin))\n\(highlighting)"
    }

    /// Exit codes: 0 success, 1 content errors, 2 usage errors.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue == 64 ? 2 : code.rawValue)
        }
    }
}

/// Options every command that builds shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (holds site.toml and content/).")
    var source: String = "."

    @Flag(name: .long, help: "Build pages marked draft (or unlisted).")
    var drafts = false

    @Flag(name: .long, help: "Build pages dated in the future.")
    var future = false

    @Flag(name: .long, help: "Build pages whose expiryDate has passed.")
    var expired = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    var sourceRoot: String { SiteFolder.absolute(source) }
}

/// The site folder a `--source` names.
enum SiteFolder {
    /// `source` as an absolute path, relative ones taken from the current folder.
    static func absolute(_ source: String) -> String {
        URL(fileURLWithPath: source, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }

    /// The absolute path of `source` when it is a folder holding `site.toml`; otherwise
    /// says what is missing and exits with the usage code.
    static func checked(_ source: String) throws -> String {
        let root = absolute(source)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            Terminal.error("error: the site folder \(root) does not exist")
            throw ExitCode(2)
        }
        guard FileManager.default.fileExists(atPath: root + "/site.toml") else {
            Terminal.error("error: no site.toml in \(root)")
            throw ExitCode(2)
        }
        return root
    }
}

enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
