/// One problem found while building, printed like a compiler message.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case warning
        case error
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    public var isError: Bool { severity == .error }

    public var description: String {
        if let location {
            return "\(location): \(severity.rawValue): \(message)"
        }
        return "\(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// Errors first by place, then warnings by place: a stable order for output.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { a, b in
            let la = a.location ?? SourceLocation(path: "")
            let lb = b.location ?? SourceLocation(path: "")
            if la != lb { return la < lb }
            if a.severity != b.severity { return a.severity == .error }
            return a.message < b.message
        }
    }

    public var hasErrors: Bool { contains { $0.isError } }
}
