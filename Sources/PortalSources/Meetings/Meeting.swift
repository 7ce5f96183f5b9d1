import Foundation
import PortalText

/// The `meeting` of a page's front matter: a meeting at a time in a zone
/// (`meeting = { start = 2022-01-11T19:30:00, timeZone = "America/Los_Angeles", duration = "1h" }`),
/// or the series whose meeting the page records (`meeting = "community"`, minutes).
public struct PageMeeting: Sendable, Hashable {
    /// The wall clock in `timeZone`; nil for a page that only names its series.
    public var start: WallClock?
    /// The IANA name of the meeting's zone.
    public var timeZone: String?
    /// The instant `start` is in `timeZone`.
    public var instant: Date?
    public var durationMinutes: Int?
    public var location: String?
    /// Where to join (a video call).
    public var join: String?
    public var recording: String?
    /// Notes or an agenda document.
    public var notes: String?
    /// The id of a series in `data/meetings.*` this page belongs to.
    public var series: String?
    /// The line of the `meeting` key, for messages.
    public var line: Int

    public init(line: Int) { self.line = line }
}

/// Reads meetings from front-matter nodes (pages) and from `data/meetings.*` (series),
/// reporting each problem at its place.
package struct MeetingReader {
    package let path: String

    package init(path: String) { self.path = path }

    func location(_ node: FrontMatterNode) -> SourceLocation {
        SourceLocation(path: path, line: node.line, column: node.column)
    }

    /// A page's `meeting` value.
    package func page(_ node: FrontMatterNode, keyLine: Int, diagnostics: inout [Diagnostic]) -> PageMeeting? {
        var meeting = PageMeeting(line: keyLine)
        if let id = node.text, !id.isEmpty {
            meeting.series = id
            return meeting
        }
        guard case let .table(entries) = node.kind else {
            // A site moved from elsewhere may use the key for something else: the page still builds.
            diagnostics.append(.warning("ignoring `meeting`: expected a table with `start` and `timeZone`, or the id of a series", at: location(node)))
            return nil
        }
        let known: Set<String> = ["start", "timezone", "duration", "location", "join", "recording", "notes", "series", "agenda"]
        for entry in entries where !known.contains(entry.key.lowercased()) {
            diagnostics.append(.warning("ignoring `meeting.\(entry.key)`: expected one of start, timeZone, duration, location, join, recording, notes, series",
                                        at: location(entry.node)))
        }
        var failed = false
        meeting.series = text(node.entry("series"))
        meeting.location = text(node.entry("location"))
        meeting.join = link(node.entry("join"), "meeting.join", &diagnostics)
        meeting.recording = link(node.entry("recording"), "meeting.recording", &diagnostics)
        meeting.notes = link(node.entry("notes") ?? node.entry("agenda"), "meeting.notes", &diagnostics)
        if let durationNode = node.entry("duration"), !durationNode.isEmpty {
            if let minutes = duration(durationNode, &diagnostics) { meeting.durationMinutes = minutes } else { failed = true }
        }
        let zoneNode = node.entry("timeZone")
        var zone: TimeZone?
        if let zoneNode, !zoneNode.isEmpty {
            zone = self.zone(zoneNode, &diagnostics)
            if zone == nil { failed = true }
        }
        if let startNode = node.entry("start"), !startNode.isEmpty {
            guard let zoneNode, !zoneNode.isEmpty else {
                diagnostics.append(.error("meeting `start` has no `timeZone`: add the organiser's zone, for example timeZone = \"America/Los_Angeles\"",
                                          at: location(startNode)))
                return nil
            }
            guard let zone, let found = start(startNode, zone: zone, &diagnostics) else { return nil }
            meeting.start = found.clock
            meeting.instant = found.instant
            meeting.timeZone = zone.identifier
        } else if meeting.series == nil {
            diagnostics.append(.error("`meeting` needs a `start` (with its `timeZone`) or the `series` it belongs to", at: location(node)))
            return nil
        }
        return failed ? nil : meeting
    }

    func text(_ node: FrontMatterNode?) -> String? {
        guard let value = node?.text, !value.isEmpty else { return nil }
        return value
    }

    func link(_ node: FrontMatterNode?, _ what: String, _ diagnostics: inout [Diagnostic]) -> String? {
        guard let node, let value = text(node) else { return nil }
        guard URLSafety.isAllowedLink(value) else {
            diagnostics.append(URLSafety.rejection(value, what: "`\(what)`", at: location(node)))
            return nil
        }
        return value
    }

    func zone(_ node: FrontMatterNode, _ diagnostics: inout [Diagnostic]) -> TimeZone? {
        let name = node.text ?? ""
        if let zone = ZoneTime.zone(named: name) { return zone }
        diagnostics.append(.error("unknown time zone '\(name)': expected an IANA name such as America/Los_Angeles or Asia/Shanghai",
                                  at: location(node)))
        return nil
    }

    func duration(_ node: FrontMatterNode, _ diagnostics: inout [Diagnostic]) -> Int? {
        let text = node.text ?? ""
        if let minutes = MeetingDuration.minutes(text) { return minutes }
        // A bare number (`duration = 60`) is minutes.
        if case let .value(.int(value)) = node.kind, (1...10_080).contains(value) { return value }
        diagnostics.append(.error("invalid meeting duration '\(text)': expected a length such as 1h, 45m or 1h30m", at: location(node)))
        return nil
    }

    /// The wall clock a node gives, as written (TOML local date-times, YAML and string text),
    /// or read in `zone` from an instant written with an offset.
    func wallClock(_ node: FrontMatterNode, zone: TimeZone) -> WallClock? {
        if let written = node.wallClock { return WallClock.parse(written) }
        if case let .value(.date(date, _)) = node.kind { return ZoneTime.wallClock(date, in: zone).clock }
        guard let text = node.text else { return nil }
        if let clock = WallClock.parse(text) { return clock }
        if let parsed = FrontMatterDate.parse(text, timeZone: zone), parsed.hasTime {
            return ZoneTime.wallClock(parsed.date, in: zone).clock
        }
        return nil
    }

    func hasTime(_ node: FrontMatterNode) -> Bool {
        if case .value(.date(_, hasTime: false)) = node.kind { return false }
        let text = node.wallClock ?? node.text ?? ""
        return text.count > 10
    }

    /// A meeting's start: a date with a time that exists in `zone`.
    func start(_ node: FrontMatterNode, zone: TimeZone, _ diagnostics: inout [Diagnostic]) -> (clock: WallClock, instant: Date)? {
        guard let clock = wallClock(node, zone: zone), hasTime(node) else {
            diagnostics.append(.error("invalid meeting start '\(node.wallClock ?? node.text ?? "")': expected a date and time such as 2022-01-11T19:30:00",
                                      at: location(node)))
            return nil
        }
        guard let instant = ZoneTime.instant(clock, in: zone) else {
            diagnostics.append(Self.gapError(clock, zone: zone, at: location(node)))
            return nil
        }
        return (clock, instant)
    }

    static func gapError(_ clock: WallClock, zone: TimeZone, at location: SourceLocation) -> Diagnostic {
        .error("\(clock.dayText) \(WallClock.pad(clock.hour, 2)):\(WallClock.pad(clock.minute, 2)) does not exist in \(zone.identifier): "
            + "the clocks skip it when daylight saving time begins; choose a time outside the gap", at: location)
    }
}
