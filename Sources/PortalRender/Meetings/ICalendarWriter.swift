import Foundation
import PortalSources
import PortalSite

/// iCalendar files (RFC 5545) of a site's meetings: one per one-off meeting, one per
/// series and one calendar per language with every meeting. Times are written in the
/// organiser's zone (`DTSTART;TZID=…`) with a `VTIMEZONE` made from the system's
/// tzdata transitions over the meetings' span, so that a weekly meeting keeps its wall
/// time across daylight-saving changes. Nothing depends on the build's clock.
package struct ICalendarWriter: Sendable {
    package let model: SiteModel

    package init(model: SiteModel) { self.model = model }

    // MARK: Paths

    /// Where the calendar file of an event is: the page's folder for a one-off meeting
    /// (`/en/meetings/kickoff/meeting.ics`), the meetings section for a series
    /// (`/en/meetings/community.ics`).
    package static func path(of event: MeetingSchedule.Event, language: LanguageID, model: SiteModel) -> String {
        if let series = event.series { return seriesPath(series, language: language, model: model) }
        let pages = event.pages.map { model.content.pages[$0] }
        let page = pages.first { $0.languageID == language } ?? pages.first
        return (page?.sitePath ?? model.paths.home(language)) + "meeting.ics"
    }

    package static func seriesPath(_ series: MeetingSeries, language: LanguageID, model: SiteModel) -> String {
        let section = model.meetings?.data.section ?? "meetings"
        return model.paths.home(language) + (section.isEmpty ? "" : section + "/") + series.id + ".ics"
    }

    /// `/en/calendar.ics`: every meeting of the site, in that language.
    package static func feedPath(language: LanguageID, model: SiteModel) -> String {
        model.paths.home(language) + "calendar.ics"
    }

    /// Every calendar file to write, by site path, with what it holds.
    package enum File: Sendable {
        case event(Int)
        case series(String)
        case feed
    }

    package func files() -> [(sitePath: String, language: LanguageID, file: File)] {
        guard let schedule = model.meetings else { return [] }
        var result: [(String, LanguageID, File)] = []
        for language in model.config.languageIDs {
            result.append((Self.feedPath(language: language, model: model), language, .feed))
            for series in schedule.data.series {
                result.append((Self.seriesPath(series, language: language, model: model), language, .series(series.id)))
            }
            for (index, event) in schedule.events.enumerated() where event.series == nil {
                // A one-off meeting's file sits beside its page in each language it is written in.
                guard event.pages.contains(where: { model.content.pages[$0].languageID == language }) else { continue }
                result.append((Self.path(of: event, language: language, model: model), language, .event(index)))
            }
        }
        return result
    }

    package func render(_ file: File, language: LanguageID) -> [UInt8] {
        guard let schedule = model.meetings else { return [] }
        var events: [Component] = []
        var name: String?
        switch file {
        case let .event(index):
            events = oneOff(schedule.events[index], language: language)
        case let .series(id):
            if let series = schedule.data.series(id) {
                events = seriesEvents(series, language: language)
                name = series.title(in: model.config[language].code)
            }
        case .feed:
            for series in schedule.data.series { events += seriesEvents(series, language: language) }
            for event in schedule.events where event.series == nil { events += oneOff(event, language: language) }
            let config = model.config[language]
            name = config.title.isEmpty ? model.config.title : config.title
        }
        return Array(calendar(events, name: name).utf8)
    }

    // MARK: Events

    /// A VEVENT or VTIMEZONE: its lines, the zones it needs and the instants it spans.
    struct Component {
        var lines: [String]
        var zone: TimeZone?
        var span: ClosedRange<Date>?
    }

    private var host: String {
        URL(string: model.config.baseURL)?.host ?? "portal.invalid"
    }

    /// `meeting-<key>@<host>`: ASCII letters and digits kept, separators as `-`, any other
    /// character as its code (`会` is `u4f1a`), so that two keys never share a UID.
    package func uid(_ key: String) -> String {
        "meeting-" + Self.uidKey(key) + "@" + host
    }

    package static func uidKey(_ key: String) -> String {
        var safe = ""
        for scalar in key.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                safe.unicodeScalars.append(scalar)
            } else if "-/:_. ".unicodeScalars.contains(scalar) {
                safe += "-"
            } else {
                safe += "u" + String(scalar.value, radix: 16)
            }
        }
        return safe.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    private func description(url: String?, notes: String?, join: String?, recording: String?) -> String? {
        var parts: [String] = []
        if let url { parts.append(url) }
        if let join { parts.append(join) }
        if let notes { parts.append(notes) }
        if let recording { parts.append(recording) }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    private func oneOff(_ event: MeetingSchedule.Event, language: LanguageID) -> [Component] {
        let pages = event.pages.map { model.content.pages[$0] }
        guard let page = pages.first(where: { $0.languageID == language }) ?? pages.first else { return [] }
        let url = model.absoluteURL(page.sitePath)
        let event = MeetingSchedule.details(event, page: page)
        var lines = ["BEGIN:VEVENT", "UID:" + uid(event.group ?? page.translationGroup)]
        lines.append("DTSTAMP:" + Self.utc(page.lastmod ?? page.date ?? event.instant))
        lines.append("DTSTART;TZID=" + event.zone.identifier + ":" + event.start.icsText)
        lines.append("DURATION:" + Self.duration(event.durationMinutes))
        lines.append("SUMMARY:" + Self.escape(page.title))
        if let text = description(url: url, notes: event.notes, join: event.join, recording: event.recording) {
            lines.append("DESCRIPTION:" + Self.escape(text))
        }
        if let location = event.location ?? event.join { lines.append("LOCATION:" + Self.escape(location)) }
        lines.append("URL:" + url)
        if event.cancelled { lines.append("STATUS:CANCELLED") }
        lines.append("END:VEVENT")
        return [Component(lines: lines, zone: event.zone, span: event.instant...event.end)]
    }

    /// One VEVENT per slot: slot `s` of `n` repeats every `n` intervals from its first
    /// occurrence, cancelled occurrences are `EXDATE`s and moved ones are overrides
    /// (`RECURRENCE-ID`) of their planned time.
    private func seriesEvents(_ series: MeetingSeries, language: LanguageID) -> [Component] {
        let zone = series.zone
        let title = series.title(in: model.config[language].code)
        let section = model.content.section(named: model.meetings?.data.section ?? "", language: language)
        let url = section.map { model.absoluteURL($0.sitePath) }
        // Far enough for every occurrence of a series with an end; ten years of one without.
        let firstInstant = ZoneTime.instant(WallClock(year: series.firstDay.year, month: series.firstDay.month, day: series.firstDay.day), in: zone)
            ?? Date(timeIntervalSince1970: TimeInterval(series.firstDay.localSeconds))
        let occurrences = series.occurrences(through: firstInstant.addingTimeInterval(10 * 366 * 86_400))
        guard let first = occurrences.first, let last = occurrences.last else { return [] }
        let stamp = Self.utc(first.instant)
        let count = series.slots.count
        var components: [Component] = []
        for slot in 0..<count {
            let mine = occurrences.filter { $0.slot == slot }
            guard let head = mine.first else { continue }
            let id = uid(series.id + "-" + String(slot + 1))
            var lines = ["BEGIN:VEVENT", "UID:" + id, "DTSTAMP:" + stamp,
                         "DTSTART;TZID=" + zone.identifier + ":" + head.planned.icsText,
                         "DURATION:" + Self.duration(series.durationMinutes)]
            let every = series.intervalDays * count
            var rule = every % 7 == 0 ? "RRULE:FREQ=WEEKLY;INTERVAL=\(every / 7)" : "RRULE:FREQ=DAILY;INTERVAL=\(every)"
            if let until = series.until {
                // UNTIL is in UTC when DTSTART has a zone: the end of the last day there.
                let end = ZoneTime.instant(until.adding(days: 1), in: zone) ?? Date(timeIntervalSince1970: TimeInterval(until.adding(days: 1).localSeconds))
                rule += ";UNTIL=" + Self.utc(end.addingTimeInterval(-1))
            }
            lines.append(rule)
            let cancelled = mine.filter(\.cancelled).map(\.planned)
            if !cancelled.isEmpty {
                lines.append("EXDATE;TZID=" + zone.identifier + ":" + cancelled.map(\.icsText).joined(separator: ","))
            }
            lines.append("SUMMARY:" + Self.escape(title))
            if let text = description(url: url, notes: series.notes, join: series.join, recording: nil) {
                lines.append("DESCRIPTION:" + Self.escape(text))
            }
            if let location = series.location ?? series.join { lines.append("LOCATION:" + Self.escape(location)) }
            if let url { lines.append("URL:" + url) }
            lines.append("END:VEVENT")
            components.append(Component(lines: lines, zone: zone, span: first.instant...last.instant.addingTimeInterval(TimeInterval(series.durationMinutes * 60))))
            for moved in mine where moved.moved && !moved.cancelled {
                var override = ["BEGIN:VEVENT", "UID:" + id, "DTSTAMP:" + stamp,
                                "RECURRENCE-ID;TZID=" + zone.identifier + ":" + moved.planned.icsText,
                                "DTSTART;TZID=" + zone.identifier + ":" + moved.start.icsText,
                                "DURATION:" + Self.duration(series.durationMinutes), "SUMMARY:" + Self.escape(title)]
                if let location = series.location ?? series.join { override.append("LOCATION:" + Self.escape(location)) }
                if let url { override.append("URL:" + url) }
                override.append("END:VEVENT")
                components.append(Component(lines: override, zone: zone, span: moved.instant...moved.instant))
            }
        }
        return components
    }

    // MARK: Calendar

    private func calendar(_ events: [Component], name: String?) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//portal//meetings//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        if let name { lines.append("X-WR-CALNAME:" + Self.escape(name)) }
        // One VTIMEZONE per zone, covering every event that uses it.
        var spans: [String: (TimeZone, ClosedRange<Date>)] = [:]
        for event in events {
            guard let zone = event.zone, let span = event.span else { continue }
            if let known = spans[zone.identifier] {
                spans[zone.identifier] = (zone, min(known.1.lowerBound, span.lowerBound)...max(known.1.upperBound, span.upperBound))
            } else {
                spans[zone.identifier] = (zone, span)
            }
        }
        for key in spans.keys.sorted() {
            let (zone, span) = spans[key]!
            lines += Self.timeZone(zone, covering: span)
        }
        for event in events { lines += event.lines }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A VTIMEZONE from the zone's transitions: the observance in force at the start of
    /// `span`, then every change up to its end.
    package static func timeZone(_ zone: TimeZone, covering span: ClosedRange<Date>) -> [String] {
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + zone.identifier]
        func observance(_ daylight: Bool, start: WallClock, from: Int, to: Int) {
            let kind = daylight ? "DAYLIGHT" : "STANDARD"
            lines += ["BEGIN:" + kind, "DTSTART:" + start.icsText, "TZOFFSETFROM:" + ZoneTime.offsetText(from, colon: false),
                      "TZOFFSETTO:" + ZoneTime.offsetText(to, colon: false), "END:" + kind]
        }
        // The observance in force since the last change before the span (or since 1970).
        let begin = span.lowerBound.addingTimeInterval(-86_400)
        let offset = zone.secondsFromGMT(for: begin)
        var previous = begin.addingTimeInterval(-400 * 86_400)
        var lastChange: Date?
        while let next = zone.nextDaylightSavingTimeTransition(after: previous), next <= begin {
            lastChange = next
            previous = next
        }
        let before = lastChange.map { zone.secondsFromGMT(for: $0.addingTimeInterval(-1)) } ?? offset
        let startClock = lastChange.map { WallClock(localSeconds: Int($0.timeIntervalSince1970) + before) }
            ?? WallClock(year: 1970, month: 1, day: 1)
        observance(zone.isDaylightSavingTime(for: begin), start: startClock, from: before, to: offset)
        var cursor = begin
        var changes = 0
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next <= span.upperBound, changes < 200 {
            let from = zone.secondsFromGMT(for: next.addingTimeInterval(-1))
            let to = zone.secondsFromGMT(for: next)
            // DTSTART of an observance is the local time before the change.
            let local = WallClock(localSeconds: Int(next.timeIntervalSince1970) + from)
            observance(zone.isDaylightSavingTime(for: next), start: local, from: from, to: to)
            cursor = next
            changes += 1
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    // MARK: Text

    /// `20220112T033000Z`.
    package static func utc(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let second = ((seconds % 60) + 60) % 60
        return String(WallClock(localSeconds: seconds).icsText.dropLast(2)) + WallClock.pad(second, 2) + "Z"
    }

    /// `PT1H30M`.
    package static func duration(_ minutes: Int) -> String {
        var text = "PT"
        if minutes >= 60 { text += "\(minutes / 60)H" }
        if minutes % 60 != 0 { text += "\(minutes % 60)M" }
        return text
    }

    /// TEXT values: backslash, semicolon, comma and newline escaped.
    package static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"
            case "\r": break
            default: result.append(character)
            }
        }
        return result
    }

    /// Lines longer than 75 octets folded (CRLF and a space), never inside a UTF-8 sequence.
    package static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line }
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0
        var limit = 75
        while start < bytes.count {
            var end = min(start + limit, bytes.count)
            // Back off continuation bytes (10xxxxxx) so that a character is never split.
            while end < bytes.count, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            pieces.append(bytes[start..<end])
            start = end
            limit = 74
        }
        return pieces.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\r\n ")
    }
}
