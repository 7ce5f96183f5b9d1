import Foundation

/// What the live-reload script in open pages is told.
enum ReloadEvent: Sendable, Equatable {
    /// Pages changed: reload.
    case reload
    /// Only stylesheets changed: swap them without reloading.
    case css
    /// The last rebuild failed: show these diagnostics over the page.
    case error([String])

    /// The event in Server-Sent Events framing.
    var serverSentEvent: String {
        switch self {
        case .reload: return "event: reload\ndata: {}\n\n"
        case .css: return "event: css\ndata: {}\n\n"
        case let .error(lines):
            let payload = (try? JSONSerialization.data(withJSONObject: ["diagnostics": lines]))
                .map { String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/") } ?? "{\"diagnostics\":[]}"
            return "event: error\ndata: \(payload)\n\n"
        }
    }
}
