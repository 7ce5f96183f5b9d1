/// Why the output could not be written; the previous output is left as it was.
public struct OutputWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// Absolute, empty, or with `.`/`..` components.
        case invalidPath
        /// Two files for one path, or a file where a folder is needed.
        case conflictingPaths
        /// The system refused an operation (message holds its explanation).
        case system
        /// The output folder holds files but no marker: portal did not write it.
        case notAnOutput
    }

    public var reason: Reason
    /// The path concerned: relative to the output folder for files, else as given.
    public var path: String
    public var message: String

    public init(_ reason: Reason, path: String, message: String) {
        self.reason = reason
        self.path = path
        self.message = message
    }

    public var description: String { "cannot write \(path): \(message)" }
}
