import Foundation
import PortalSources

extension NewPage {
    /// The series and its next occurrence (not cancelled, starting after `now`) a page at
    /// `translationPath` records: nil outside the meetings section or without series.
    static func nextMeeting(_ request: Request, translationPath: String, meetings: MeetingData,
                            now: Date) throws(NewPageError) -> (series: MeetingSeries, occurrence: MeetingSeries.Occurrence)? {
        let section = meetings.section
        guard !meetings.series.isEmpty, !section.isEmpty, translationPath.hasPrefix(section + "/") else {
            if let id = request.series {
                throw .usage("--series '\(id)': only pages under content/\(section)/ of a site with meeting series (data/meetings.toml) record a meeting")
            }
            return nil
        }
        let series: MeetingSeries
        if let id = request.series {
            guard let found = meetings.series(id) else {
                throw .usage("unknown meeting series '\(id)': data/meetings has \(meetings.series.map(\.id).joined(separator: ", "))")
            }
            series = found
        } else {
            series = meetings.series[0]
        }
        let horizon = now.addingTimeInterval(366 * 86_400)
        guard let next = series.occurrences(through: horizon).first(where: { $0.instant >= now && !$0.cancelled }) else {
            throw .usage("meeting series '\(series.id)' has no meeting after today")
        }
        return (series, next)
    }

    /// Title, date and the meeting's fields, in the site's front-matter format.
    static func meetingFrontMatter(title: String, series: MeetingSeries, occurrence: MeetingSeries.Occurrence, draft: Bool,
                                   format: ContentOptions.FrontMatterFormat) -> String {
        var fields: [(String, String)] = [("series", quote(series.id)), ("start", occurrence.start.description),
                                          ("timeZone", quote(series.timeZone)), ("duration", quote(durationText(series.durationMinutes)))]
        if let location = series.location { fields.append(("location", quote(location))) }
        if let join = series.join { fields.append(("join", quote(join))) }
        if let notes = series.notes { fields.append(("notes", quote(notes))) }
        // No `date`: the meeting dates the page, which is built before the day (an announcement).
        switch format {
        case .toml:
            return "+++\ntitle = \(quote(title))\ndraft = \(draft)\n\n[meeting]\n"
                + fields.map { "\($0.0) = \($0.1)\n" }.joined() + "+++\n\n"
        case .yaml:
            return "---\ntitle: \(quote(title))\ndraft: \(draft)\nmeeting:\n"
                + fields.map { "  \($0.0): \($0.1)\n" }.joined() + "---\n\n"
        }
    }

    /// `1h`, `1h30m`, `45m`.
    static func durationText(_ minutes: Int) -> String {
        (minutes >= 60 ? "\(minutes / 60)h" : "") + (minutes % 60 != 0 ? "\(minutes % 60)m" : "")
    }

    /// The headings minutes are written under.
    static func agenda(language: String) -> String {
        language.lowercased().hasPrefix("zh") ? "## 议程\n\n## 参会者\n\n## 纪要\n" : "## Agenda\n\n## Attendees\n\n## Notes\n"
    }
}
