import Foundation
import PortalSources
import PortalSite
import PortalText

/// Every meeting of a site, in time order: pages with a `meeting` and the occurrences of
/// the series of `data/meetings.*`, with the pages that record them (minutes). Made once
/// per build, only for a site that has meetings.
public struct MeetingSchedule: Sendable {
    package struct Event: Sendable {
        package var instant: Date
        package var start: WallClock
        package var zone: TimeZone
        package var durationMinutes: Int
        package var location: String?
        package var join: String?
        package var recording: String?
        package var notes: String?
        /// The series it belongs to, and which occurrence it is.
        package var series: MeetingSeries?
        package var occurrence: MeetingSeries.Occurrence?
        package var cancelled = false
        package var moved = false
        /// The pages (any language) that announce or record this meeting.
        package var pages: [Int] = []
        /// A one-off meeting's translation group (for its UID), or nil for a series occurrence.
        package var group: String?

        package var end: Date { instant.addingTimeInterval(TimeInterval(durationMinutes * 60)) }
    }

    package let data: MeetingData
    /// In time order (then series id, then page id).
    package private(set) var events: [Event] = []
    /// Page id -> its event.
    package private(set) var eventOfPage: [Int: Int] = [:]
    /// The moment upcoming meetings are measured against.
    package let now: Date

    /// nil for a site without meetings (no series and no page with a `meeting`).
    public static func make(content: SiteContent, data: MeetingData, now: Date) -> (schedule: MeetingSchedule?, diagnostics: [Diagnostic]) {
        let meetingPages = content.pages.filter { $0.metadata.meeting != nil && $0.fallbackOf == nil }
        guard !meetingPages.isEmpty || !data.series.isEmpty else { return (nil, []) }
        var schedule = MeetingSchedule(data: data, now: now)
        let diagnostics = schedule.fill(pages: meetingPages, content: content)
        return (schedule.events.isEmpty ? nil : schedule, diagnostics)
    }

    private init(data: MeetingData, now: Date) {
        self.data = data
        self.now = now
    }

    private mutating func fill(pages: [Page], content: SiteContent) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // A year of upcoming meetings for series without an end.
        let horizon = now.addingTimeInterval(366 * 86_400)
        var byOccurrence: [String: Int] = [:]
        for series in data.series {
            for occurrence in series.occurrences(through: horizon) {
                byOccurrence[series.id + " " + occurrence.start.dayText] = events.count
                byOccurrence[series.id + " " + occurrence.planned.dayText] = events.count
                events.append(Event(instant: occurrence.instant, start: occurrence.start, zone: series.zone,
                                    durationMinutes: series.durationMinutes, location: series.location, join: series.join,
                                    notes: series.notes, series: series, occurrence: occurrence, cancelled: occurrence.cancelled,
                                    moved: occurrence.moved))
            }
        }
        var byGroup: [String: Int] = [:]
        for page in pages {
            guard let meeting = page.metadata.meeting else { continue }
            let location = SourceLocation(path: page.source.sitePath, line: meeting.line, column: 1)
            var series: MeetingSeries?
            if let id = meeting.series {
                series = data.series(id)
                if series == nil {
                    // Without any series the key may mean something else (a site moved from elsewhere): a warning.
                    let known = data.series.map(\.id)
                    let message = "unknown meeting series '\(id)'" + (known.isEmpty ? " (data/meetings.toml defines none); the page has no meeting"
                        : " (expected one of: \(known.joined(separator: ", ")))")
                    diagnostics.append(known.isEmpty ? .warning(message, at: location) : .error(message, at: location))
                    continue
                }
            }
            var index: Int?
            if let series {
                // The occurrence on the meeting's day, or on the page's day in either zone.
                var days: [String] = []
                if let start = meeting.start { days.append(start.dayText) }
                if let date = page.date {
                    days.append(ZoneTime.wallClock(date, in: series.zone).clock.dayText)
                    days.append(ZoneTime.wallClock(date, in: content.config.timeZone).clock.dayText)
                }
                index = days.lazy.compactMap { byOccurrence[series.id + " " + $0] }.first
                if index == nil, meeting.start == nil {
                    diagnostics.append(.warning("no meeting of series '\(series.id)' on \(days.first ?? "the page's day (it has no date)")",
                                                at: location))
                    continue
                }
            }
            if index == nil { index = byGroup[page.translationGroup] }
            if index == nil, let start = meeting.start, let instant = meeting.instant, let zoneName = meeting.timeZone,
               let zone = TimeZone(identifier: zoneName) {
                index = events.count
                byGroup[page.translationGroup] = events.count
                events.append(Event(instant: instant, start: start, zone: zone, durationMinutes: meeting.durationMinutes ?? series?.durationMinutes ?? 60,
                                    series: nil, group: page.translationGroup))
            }
            guard let index else { continue }
            var event = events[index]
            event.pages.append(page.id)
            event.location = meeting.location ?? event.location
            event.join = meeting.join ?? event.join
            event.recording = meeting.recording ?? event.recording
            event.notes = meeting.notes ?? event.notes
            events[index] = event
        }
        let order = events.indices.sorted { a, b in
            let x = events[a], y = events[b]
            if x.instant != y.instant { return x.instant < y.instant }
            return (x.series?.id ?? "", x.pages.first ?? 0) < (y.series?.id ?? "", y.pages.first ?? 0)
        }
        events = order.map { events[$0] }
        for (index, event) in events.enumerated() {
            for page in event.pages { eventOfPage[page] = index }
        }
        return diagnostics
    }

    /// The event as `page` describes it: a translation may name the place in its language.
    package static func details(_ event: Event, page: Page?) -> Event {
        guard let meeting = page?.metadata.meeting else { return event }
        var copy = event
        copy.location = meeting.location ?? event.location
        copy.join = meeting.join ?? event.join
        copy.recording = meeting.recording ?? event.recording
        copy.notes = meeting.notes ?? event.notes
        return copy
    }
}
