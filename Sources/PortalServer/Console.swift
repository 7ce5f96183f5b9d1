import Foundation

/// Unbuffered terminal output (stdout is a pipe under scripts and tests).
enum Console {
    static func info(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
