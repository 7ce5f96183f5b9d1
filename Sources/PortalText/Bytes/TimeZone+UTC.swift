import Foundation

extension TimeZone {
    /// Coordinated Universal Time (Foundation always knows it; the fallbacks are never taken).
    public static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
}
