import Foundation
import PortalSources
import PortalSite
import PortalTemplates
import PortalText

extension ContextBuilder {
    /// What a page, card or list shows of one meeting, in `language`: its time in its own
    /// zone and in the site's, with `<time datetime>` values, its place, links and calendar file.
    package func meetingValue(_ index: Int, _ language: LanguageID) -> TemplateValue {
        guard let schedule = model.meetings else { return [:] }
        let pages = schedule.events[index].pages.map { model.content.pages[$0] }
        let event = MeetingSchedule.details(schedule.events[index], page: pages.first { $0.languageID == language })
        let words = MeetingText(locale: config[language].locale)
        let own = ZoneTime.wallClock(event.instant, in: event.zone)
        let site = ZoneTime.wallClock(event.instant, in: config.timeZone)
        var value: TemplateValue = [
            "title": .string(meetingTitle(event, language)),
            "iso": .string(event.start.description + ZoneTime.offsetText(own.offset)),
            "utc": .string(ZoneTime.iso(event.instant, in: TimeZone(identifier: "UTC")!)),
            "display": .string(words.dateTime(own.clock)),
            "zone": .string(words.zone(event.zone, offset: own.offset)),
            "siteIso": .string(site.clock.description + ZoneTime.offsetText(site.offset)),
            "siteDisplay": .string(words.dateTime(site.clock)),
            "siteZone": .string(words.zone(config.timeZone, offset: site.offset)),
            // The site's zone is shown only when it reads another time than the meeting's.
            "otherZone": .bool(site.offset != own.offset || event.zone.identifier != config.timeZone.identifier),
            "duration": .string(words.duration(event.durationMinutes)),
            "cancelled": .bool(event.cancelled), "moved": .bool(event.moved), "upcoming": .bool(event.end > schedule.now),
            "ics": .string(model.url(ICalendarWriter.path(of: event, language: language, model: model))),
            "webcal": .string(webcal(ICalendarWriter.path(of: event, language: language, model: model))),
        ]
        if let location = event.location { value["location"] = .string(location) }
        if let join = event.join { value["join"] = .string(join) }
        if let recording = event.recording { value["recording"] = .string(recording) }
        if let notes = event.notes { value["notes"] = .string(notes) }
        // Minutes name the series they record, linked to the meetings section.
        if event.series != nil, let section = model.content.section(named: schedule.data.section, language: language) {
            value["seriesURL"] = .string(model.url(section.sitePath))
        }
        if let page = pages.first(where: { $0.languageID == language }) ?? pages.first {
            value["url"] = .string(model.url(page.sitePath))
        }
        // The pages of a series' meeting are its minutes; a one-off meeting's page is the meeting.
        let minutes = event.series == nil ? [] : pages.filter { $0.languageID == language }
        if !minutes.isEmpty {
            value["minutes"] = .list(minutes.map { ["title": .string($0.title), "url": .string(model.url($0.sitePath))] })
        }
        return value
    }

    /// schema.org `Event` of a page's meeting, as JSON that may stand inside `<script>`.
    func eventJSONLD(_ index: Int, page: Page) -> String? {
        guard let schedule = model.meetings else { return nil }
        let event = MeetingSchedule.details(schedule.events[index], page: page)
        let string = JSONEscaping.literal
        let own = ZoneTime.wallClock(event.instant, in: event.zone)
        let end = ZoneTime.wallClock(event.end, in: event.zone)
        var fields = ["\"@context\":\"https://schema.org\"", "\"@type\":\"Event\"",
                      "\"name\":" + string(meetingTitle(event, page.languageID)),
                      "\"startDate\":" + string(own.clock.description + ZoneTime.offsetText(own.offset)),
                      "\"endDate\":" + string(end.clock.description + ZoneTime.offsetText(end.offset)),
                      "\"eventStatus\":\"https://schema.org/" + (event.cancelled ? "EventCancelled" : event.moved ? "EventRescheduled" : "EventScheduled") + "\"",
                      "\"url\":" + string(model.absoluteURL(page.sitePath))]
        var places: [String] = []
        if let join = event.join { places.append("{\"@type\":\"VirtualLocation\",\"url\":" + string(join) + "}") }
        if let location = event.location { places.append("{\"@type\":\"Place\",\"name\":" + string(location) + "}") }
        if !places.isEmpty {
            let mode = event.join == nil ? "Offline" : event.location == nil ? "Online" : "Mixed"
            fields.append("\"eventAttendanceMode\":\"https://schema.org/" + mode + "EventAttendanceMode\"")
            fields.append("\"location\":" + (places.count == 1 ? places[0] : "[" + places.joined(separator: ",") + "]"))
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// A series' title in `language`, or the title of the page announcing the meeting.
    func meetingTitle(_ event: MeetingSchedule.Event, _ language: LanguageID) -> String {
        if let series = event.series { return series.title(in: config[language].code) }
        let pages = event.pages.map { model.content.pages[$0] }
        return (pages.first { $0.languageID == language } ?? pages.first)?.title ?? ""
    }

    /// `webcal://example.org/en/calendar.ics`: the same file, as a subscription.
    func webcal(_ sitePath: String) -> String {
        let absolute = model.absoluteURL(sitePath)
        for scheme in ["https://", "http://"] where absolute.hasPrefix(scheme) {
            return "webcal://" + absolute.dropFirst(scheme.count)
        }
        return absolute
    }

    /// The lists a meetings section shows: upcoming meetings, past ones by month, and the calendar.
    package func meetingLists(_ language: LanguageID, upcomingCount: Int = 6, pastCount: Int = 24) -> TemplateValue? {
        guard let schedule = model.meetings else { return nil }
        let upcoming = schedule.events.indices.filter { schedule.events[$0].end > schedule.now }.prefix(upcomingCount)
            .map { meetingValue($0, language) }
        var months: [TemplateValue] = []
        var currentKey = -1
        var items: [TemplateValue] = []
        let formatting = model.formatting[language]
        var shown = 0
        for (index, event) in schedule.events.enumerated().reversed() where event.end <= schedule.now && !event.cancelled {
            guard shown < pastCount else { break }
            shown += 1
            let month = formatting.components(event.instant)
            let key = month.year * 100 + month.month
            if key != currentKey {
                if !items.isEmpty { months[months.count - 1]["items"] = .list(items) }
                items = []
                currentKey = key
                months.append(["label": .string(formatting.monthLabel(year: month.year, month: month.month))])
            }
            items.append(meetingValue(index, language))
        }
        if !items.isEmpty { months[months.count - 1]["items"] = .list(items) }
        let calendar = ICalendarWriter.feedPath(language: language, model: model)
        return ["upcoming": .list(upcoming), "past": .list(months), "calendar": .string(model.url(calendar)),
                "webcal": .string(webcal(calendar))]
    }

    /// The next meetings a home page shows, with the link to the meetings section.
    package func nextMeetings(_ language: LanguageID) -> TemplateValue? {
        guard let schedule = model.meetings, schedule.data.homeCount > 0 else { return nil }
        var items: [TemplateValue] = []
        for (index, event) in schedule.events.enumerated() where event.end > schedule.now && !event.cancelled {
            items.append(meetingValue(index, language))
            if items.count == schedule.data.homeCount { break }
        }
        guard !items.isEmpty else { return nil }
        var value: TemplateValue = ["items": .list(items)]
        if let section = model.content.section(named: schedule.data.section, language: language) {
            value["url"] = .string(model.url(section.sitePath))
        }
        return value
    }
}
