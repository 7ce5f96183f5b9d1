import Foundation
import PortalPipeline
import Testing

/// The meetings fixture site's calendars, read back by Python's `icalendar` and expanded
/// with `dateutil.rrule`: every occurrence lands where the meeting lists say.
@Suite struct MeetingCalendarTests {
    /// A Python that has both modules (Debian's `python3-icalendar` and `python3-dateutil`
    /// install them for /usr/bin/python3), or nil.
    static let python: String? = {
        ["/usr/bin/python3", "/usr/local/bin/python3"].first { path in
            guard FileManager.default.isExecutableFile(atPath: path) else { return false }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = ["-c", "import icalendar, dateutil.rrule, zoneinfo"]
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return false }
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
    }()

    struct Report: Decodable {
        var file: String
        var occurrences: [String]
        var uids: [String]
        var problems: [String]
    }

    static func check(_ files: [String]) throws -> [Report] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(python))
        process.arguments = [Fixtures.packageRoot + "/scripts/check-ics.py"] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { try JSONDecoder().decode(Report.self, from: Data($0.utf8)) }
    }

    /// The biweekly series alternates 10:00 and 19:30 in Los Angeles (UTC 18:00, then 17:00
    /// and 02:30 after the US change of 2026-03-08), skips the cancelled 2026-05-19 and
    /// holds 2026-06-16 on 2026-06-17; then a meeting in Berlin and one in Sydney.
    static let series = [
        "2026-02-24T18:00:00Z", "2026-03-11T02:30:00Z", "2026-03-24T17:00:00Z", "2026-04-08T02:30:00Z", "2026-04-21T17:00:00Z",
        "2026-05-06T02:30:00Z", "2026-06-03T02:30:00Z", "2026-06-17T17:00:00Z", "2026-07-01T02:30:00Z", "2026-07-14T17:00:00Z",
        "2026-07-29T02:30:00Z",
    ]

    @Test(.enabled(if: MeetingCalendarTests.python != nil,
                   "python3 with the icalendar and dateutil modules is not installed (apt-get install python3-icalendar python3-dateutil): the calendar check is skipped"))
    func calendarsParseAndExpandToTheScheduledMeetings() throws {
        let root = Fixtures.sites + "/meetings"
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let calendars = result.files.filter { $0.path.hasSuffix(".ics") }
        #expect(calendars.map(\.path).sorted() == [
            "en/calendar.ics", "en/meetings/community.ics", "en/meetings/design-review/meeting.ics", "en/meetings/release-party/meeting.ics",
            "zh-hans/calendar.ics", "zh-hans/meetings/community.ics", "zh-hans/meetings/release-party/meeting.ics",
        ])
        for file in calendars { Fixtures.write(Fixtures.bytes(of: file), to: folder + "/" + file.path) }
        let reports = try Self.check(calendars.map { folder + "/" + $0.path }.sorted())
        #expect(reports.count == calendars.count)
        for report in reports { #expect(report.problems == [], "\(report.file)") }
        let byFile = Dictionary(uniqueKeysWithValues: reports.map { (String($0.file.dropFirst(folder.count + 1)), $0) })
        #expect(byFile["en/calendar.ics"]?.occurrences == (Self.series + ["2026-03-05T15:00:00Z", "2026-06-19T23:00:00Z"]).sorted())
        // Every meeting of the site is in each language's calendar, one written in one language too.
        #expect(byFile["zh-hans/calendar.ics"]?.occurrences == byFile["en/calendar.ics"]?.occurrences)
        #expect(byFile["zh-hans/meetings/community.ics"]?.occurrences == Self.series)
        #expect(byFile["en/meetings/release-party/meeting.ics"]?.occurrences == ["2026-06-19T23:00:00Z"])
        // One UID per slot of the series and per one-off meeting, the same in both languages.
        #expect(byFile["en/meetings/community.ics"]?.uids == ["meeting-community-1@meet.example.org", "meeting-community-2@meet.example.org"])
        #expect(byFile["zh-hans/meetings/release-party/meeting.ics"]?.uids == byFile["en/meetings/release-party/meeting.ics"]?.uids)
    }

    @Test func upcomingMeetingsFollowTheBuildTime() throws {
        let root = Fixtures.sites + "/meetings"
        func upcoming(_ now: String) -> [String] {
            let options = BuildOptions(sourceRoot: root, now: BuildTime.parse(now)!)
            let result = SiteBuilder(options: options).build()
            let page = result.files.first { $0.path == "en/meetings/index.html" }.map { String(decoding: Fixtures.bytes(of: $0), as: UTF8.self) } ?? ""
            let list = page.components(separatedBy: "Past meetings").first ?? ""
            return list.components(separatedBy: "data-meeting-start=\"").dropFirst().map { String($0.prefix(20)) }
        }
        #expect(upcoming("2026-07-20T00:00:00Z") == ["2026-07-29T02:30:00+"])
        #expect(upcoming("2026-06-01").prefix(3) == ["2026-06-03T02:30:00+", "2026-06-17T17:00:00+", "2026-06-19T23:00:00+"])
        #expect(BuildTime.parse("2026-01-01T08:00:00+08:00") == BuildTime.parse("2026-01-01"))
        #expect(BuildTime.parse("soon") == nil)
    }

    @Test func aSiteWithoutMeetingsHasNoCalendarAndAForeignMeetingKeyIsAWarning() {
        let root = Fixtures.makeSite([
            "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\nmeeting: true\n---\nText\n",
            "content/posts/b.md": "---\ntitle: B\ndate: 2024-01-02\nmeeting: [weekly]\n---\nText\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(!result.files.contains { $0.path.hasSuffix(".ics") })
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("content/posts/a.md:4:1: warning: unknown meeting series 'true'") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/posts/b.md:4:10: warning: ignoring `meeting`") }, "\(messages)")
        #expect(result.files.allSatisfy { !String(decoding: Fixtures.bytes(of: $0), as: UTF8.self).contains("meeting-time.js") })
    }
}
