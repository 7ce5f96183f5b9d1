import Foundation
import PortalText

/// A recurring meeting from `data/meetings.toml` (or `.yaml`): every so many days from a
/// first day, at one time or at alternating times (`slots`), in the organiser's zone,
/// until an end, with cancelled and moved occurrences.
public struct MeetingSeries: Sendable, Hashable {
    public var id: String
    /// Title per language code (lower-cased); `""` holds a title for every language.
    public var titles: [String: String]
    public var timeZone: String
    /// The day of the first occurrence.
    public var firstDay: WallClock
    public var intervalDays: Int
    /// Times of day taken in turn by successive occurrences.
    public var slots: [WallClock]
    public var durationMinutes: Int
    /// The last day an occurrence may fall on.
    public var until: WallClock?
    public var location: String?
    public var join: String?
    public var notes: String?
    /// Days (`dayNumber`) of occurrences that do not take place.
    public var cancelled: Set<Int>
    /// Occurrences held at another time: original day -> new wall clock.
    public var moved: [Int: WallClock]
    /// `data/meetings.toml:12`, for messages.
    public var file: String
    public var line: Int

    public func title(in language: String) -> String {
        titles[language.lowercased()] ?? titles[""] ?? titles.sorted { $0.key < $1.key }.first?.value ?? id
    }

    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")! }

    /// One occurrence of a series.
    public struct Occurrence: Sendable, Hashable {
        /// Position in the series (0 for the first).
        public var index: Int
        /// Which slot it takes (`index % slots.count`).
        public var slot: Int
        /// When it was planned, and when it takes place (different when moved).
        public var planned: WallClock
        public var start: WallClock
        public var instant: Date
        public var cancelled: Bool
        public var moved: Bool
    }

    /// Every occurrence up to `until`, or up to `horizon` for a series without an end
    /// (at most 2,000). A planned time the zone skips (a daylight-saving gap) is left out.
    public func occurrences(through horizon: Date) -> [Occurrence] {
        let zone = self.zone
        var result: [Occurrence] = []
        var index = 0
        while result.count < 2_000 {
            let slot = slots[index % slots.count]
            let day = firstDay.adding(days: index * intervalDays)
            let planned = WallClock(year: day.year, month: day.month, day: day.day, hour: slot.hour, minute: slot.minute)
            if let until, day.dayNumber > until.dayNumber { break }
            guard let plannedInstant = ZoneTime.instant(planned, in: zone) else { index += 1; continue }
            if until == nil, plannedInstant > horizon { break }
            let movedTo = moved[day.dayNumber]
            let start = movedTo ?? planned
            let instant = movedTo.flatMap { ZoneTime.instant($0, in: zone) } ?? plannedInstant
            result.append(Occurrence(index: index, slot: index % slots.count, planned: planned, start: start, instant: instant,
                                     cancelled: cancelled.contains(day.dayNumber), moved: movedTo != nil))
            index += 1
        }
        return result
    }
}

/// `data/meetings.toml` / `.yaml` / `.yml`: the site's meeting series and where lists of meetings go.
public struct MeetingData: Sendable, Hashable {
    public var series: [MeetingSeries] = []
    /// The section whose page lists upcoming and past meetings (`meetings`).
    public var section: String = "meetings"
    /// How many upcoming meetings a home page shows.
    public var homeCount: Int = 3

    public init() {}

    public func series(_ id: String) -> MeetingSeries? { series.first { $0.id == id } }
}

extension DataLoader {
    /// Reads `data/meetings.{toml,yaml,yml}` (the first that exists); empty without one.
    public static func loadMeetings(siteRoot: String, timeZone: TimeZone) -> (meetings: MeetingData, diagnostics: [Diagnostic]) {
        for name in ["data/meetings.toml", "data/meetings.yaml", "data/meetings.yml"] {
            switch readText(siteRoot: siteRoot, file: name) {
            case .missing: continue
            case let .failed(diagnostic): return (MeetingData(), [diagnostic])
            case let .text(text): return parseMeetings(text, file: name, timeZone: timeZone)
            }
        }
        return (MeetingData(), [])
    }

    package static func parseMeetings(_ text: String, file: String, timeZone: TimeZone) -> (meetings: MeetingData, diagnostics: [Diagnostic]) {
        let read = file.hasSuffix(".toml")
            ? TOMLFrontMatterReader.readParsed(text, lineOffset: 0, timeZone: timeZone)
            : YAMLFrontMatterReader.read(text, lineOffset: 0)
        switch read {
        case let .failure(problem):
            return (MeetingData(), [.error(problem.message, at: SourceLocation(path: file, line: problem.line, column: problem.column))])
        case let .success(entries):
            var diagnostics: [Diagnostic] = []
            let meetings = MeetingSeriesReader(reader: MeetingReader(path: file)).data(entries, diagnostics: &diagnostics)
            return (meetings, diagnostics)
        }
    }
}

struct MeetingSeriesReader {
    let reader: MeetingReader

    func data(_ entries: [FrontMatterNode.Entry], diagnostics: inout [Diagnostic]) -> MeetingData {
        var data = MeetingData()
        for entry in entries {
            switch entry.key.lowercased() {
            case "section":
                if let text = entry.node.text, !text.isEmpty { data.section = text.trimmingCharacters(in: CharacterSet(charactersIn: "/")) }
            case "home", "homecount":
                if case let .value(.int(count)) = entry.node.kind, count >= 0 { data.homeCount = count }
                else if let count = entry.node.text.flatMap({ Int($0) }), count >= 0 { data.homeCount = count }
                else { diagnostics.append(.warning("ignoring `\(entry.key)`: expected a whole number", at: reader.location(entry.node))) }
            case "series":
                let items: [FrontMatterNode]
                if case let .list(list) = entry.node.kind { items = list } else { items = [entry.node] }
                for item in items {
                    guard let series = series(item, diagnostics: &diagnostics) else { continue }
                    if data.series.contains(where: { $0.id == series.id }) {
                        diagnostics.append(.error("meeting series '\(series.id)' is defined twice", at: reader.location(item)))
                        continue
                    }
                    data.series.append(series)
                }
            default:
                diagnostics.append(.warning("unknown key '\(entry.key)' in \(reader.path) (expected section, home or series)",
                                            at: reader.location(entry.node)))
            }
        }
        return data
    }

    func series(_ node: FrontMatterNode, diagnostics: inout [Diagnostic]) -> MeetingSeries? {
        guard case let .table(entries) = node.kind else {
            diagnostics.append(.error("a meeting series is a table with id, timeZone, start and every", at: reader.location(node)))
            return nil
        }
        let known: Set<String> = ["id", "title", "timezone", "start", "every", "slots", "duration", "until", "location", "join",
                                  "notes", "cancelled", "canceled", "moved"]
        for entry in entries where !known.contains(entry.key.lowercased()) {
            diagnostics.append(.warning("ignoring `\(entry.key)` of a meeting series: expected one of id, title, timeZone, start, every, slots, duration, until, location, join, notes, cancelled, moved",
                                        at: reader.location(entry.node)))
        }
        func required(_ key: String) -> FrontMatterNode? {
            if let value = node.entry(key), !value.isEmpty { return value }
            diagnostics.append(.error("meeting series needs `\(key)`", at: reader.location(node)))
            return nil
        }
        let before = diagnostics.filter(\.isError).count
        guard let id = required("id")?.text else { return nil }
        var titles: [String: String] = [:]
        if let title = node.entry("title") {
            if case let .table(languages) = title.kind {
                for language in languages { if let text = language.node.text { titles[language.key.lowercased()] = text } }
            } else if let text = title.text {
                titles[""] = text
            }
        }
        let zone = required("timeZone").flatMap { reader.zone($0, &diagnostics) }
        let startNode = required("start")
        let everyNode = required("every")
        var interval: Int?
        if let everyNode {
            interval = MeetingDuration.intervalDays(everyNode.text ?? "")
            if interval == nil {
                diagnostics.append(.error("invalid `every` '\(everyNode.text ?? "")': expected an interval such as \"1 week\" or \"2 weeks\"",
                                          at: reader.location(everyNode)))
            }
        }
        var duration = 60
        if let durationNode = node.entry("duration"), !durationNode.isEmpty {
            duration = reader.duration(durationNode, &diagnostics) ?? 60
        }
        guard let zone, let startNode, let interval else { return nil }
        guard let first = reader.wallClock(startNode, zone: zone) else {
            diagnostics.append(.error("invalid series start '\(startNode.wallClock ?? startNode.text ?? "")': expected a day such as 2026-01-06 or a date and time",
                                      at: reader.location(startNode)))
            return nil
        }
        var slots: [WallClock] = []
        if let slotsNode = node.entry("slots"), !slotsNode.isEmpty {
            let items: [FrontMatterNode]
            if case let .list(list) = slotsNode.kind { items = list } else { items = [slotsNode] }
            for item in items {
                guard let time = WallClock.parseTime(item.text ?? "") else {
                    diagnostics.append(.error("invalid slot '\(item.text ?? "")': expected a time of day such as \"19:30\" (quoted)",
                                              at: reader.location(item)))
                    continue
                }
                slots.append(WallClock(year: 1970, month: 1, day: 1, hour: time.hour, minute: time.minute))
            }
        } else if reader.hasTime(startNode) {
            slots = [WallClock(year: 1970, month: 1, day: 1, hour: first.hour, minute: first.minute)]
        } else {
            diagnostics.append(.error("meeting series '\(id)' has no time: give `start` a time or list `slots`", at: reader.location(startNode)))
        }
        var until: WallClock?
        if let untilNode = node.entry("until"), !untilNode.isEmpty {
            until = reader.wallClock(untilNode, zone: zone)
            if until == nil {
                diagnostics.append(.error("invalid `until` '\(untilNode.text ?? "")': expected a day such as 2026-12-31", at: reader.location(untilNode)))
            }
        }
        func days(_ key: String) -> [(Int, FrontMatterNode)] {
            guard let list = node.entry(key), !list.isEmpty else { return [] }
            let items: [FrontMatterNode]
            if case let .list(values) = list.kind { items = values } else { items = [list] }
            return items.compactMap { item in
                guard let day = reader.wallClock(item, zone: zone) else {
                    diagnostics.append(.error("invalid day '\(item.text ?? "")' in `\(key)`: expected a day such as 2026-02-17", at: reader.location(item)))
                    return nil
                }
                return (day.dayNumber, item)
            }
        }
        let cancelled = days("cancelled") + days("canceled")
        var moved: [Int: WallClock] = [:]
        var movedNodes: [(Int, FrontMatterNode)] = []
        if let list = node.entry("moved"), case let .list(items) = list.kind {
            for item in items {
                guard let from = item.entry("from"), let to = item.entry("to") else {
                    diagnostics.append(.error("a moved meeting is a table with `from` (the planned day) and `to` (the new date and time)",
                                              at: reader.location(item)))
                    continue
                }
                guard let day = reader.wallClock(from, zone: zone) else {
                    diagnostics.append(.error("invalid day '\(from.text ?? "")' in `moved`: expected a day such as 2026-03-03", at: reader.location(from)))
                    continue
                }
                guard let start = reader.start(to, zone: zone, &diagnostics) else { continue }
                moved[day.dayNumber] = start.clock
                movedNodes.append((day.dayNumber, from))
            }
        }
        guard diagnostics.filter(\.isError).count == before, !slots.isEmpty else { return nil }
        var series = MeetingSeries(
            id: id, titles: titles, timeZone: zone.identifier, firstDay: WallClock(year: first.year, month: first.month, day: first.day),
            intervalDays: interval, slots: slots, durationMinutes: duration, until: until,
            location: reader.text(node.entry("location")), join: reader.link(node.entry("join"), "join", &diagnostics),
            notes: reader.link(node.entry("notes"), "notes", &diagnostics),
            cancelled: Set(cancelled.map(\.0)), moved: moved, file: reader.path, line: node.line)
        // Every planned time must exist in the zone, and every cancelled or moved day must be one of the series.
        let occurrences = series.occurrences(through: Date(timeIntervalSince1970: TimeInterval(first.localSeconds + 2 * 366 * 86_400)))
        let plannedDays = Set(occurrences.map { $0.planned.dayNumber })
        for (day, item) in cancelled + movedNodes where !plannedDays.contains(day) {
            diagnostics.append(.warning("\(WallClock(localSeconds: day * 86_400).dayText) is not a day of meeting series '\(id)'", at: reader.location(item)))
        }
        var index = 0
        while let until = series.until ?? Optional(series.firstDay.adding(days: 2 * 366)), index < 2_000 {
            let day = series.firstDay.adding(days: index * interval)
            if day.dayNumber > until.dayNumber { break }
            let slot = slots[index % slots.count]
            let planned = WallClock(year: day.year, month: day.month, day: day.day, hour: slot.hour, minute: slot.minute)
            if ZoneTime.instant(planned, in: zone) == nil {
                diagnostics.append(MeetingReader.gapError(planned, zone: zone, at: reader.location(startNode)))
                return nil
            }
            index += 1
        }
        series.line = node.line
        return series
    }
}
