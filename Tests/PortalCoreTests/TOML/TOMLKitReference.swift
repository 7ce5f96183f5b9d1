import Foundation
import TOMLKit

/// TOMLKit (toml++), kept as a test dependency only: the reference the differential
/// test compares portal's TOML reader with. Texts are in `TOMLText.canonical`'s form.
/// (TOMLKit never frees what it parses: use it in tests only.)
enum TOMLKitReference {
    /// The canonical text of the parse, or nil when TOMLKit refuses the text.
    static func canonical(_ text: String) -> String? {
        guard let table = try? TOMLTable(string: text) else { return nil }
        return canonical(table)
    }

    /// One result per text: the canonical text, nil when TOMLKit refuses it, or
    /// `crashed` when it stops the process (a debug build of toml++ asserts on some
    /// invalid texts): each text is read in a child process (this test binary, running
    /// only `TOMLDifferentialTests/tomlKitProbe`), started again after the one that crashed.
    static let crashed = "(crashed)"

    static func canonicalInChild(_ texts: [String]) throws -> [String?] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-tomlkit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = folder + "/input"
        try Data(texts.joined(separator: "\u{0}").utf8).write(to: URL(fileURLWithPath: input))
        var results: [String?] = []
        while results.count < texts.count {
            let output = folder + "/output-\(results.count)"
            FileManager.default.createFile(atPath: output, contents: nil)
            let child = Process()
            child.executableURL = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            child.arguments = ["--testing-library", "swift-testing", "--filter", "TOMLDifferentialTests/tomlKitProbe"]
            var environment = ProcessInfo.processInfo.environment
            environment[probeVariable] = "\(input)\u{1}\(output)\u{1}\(results.count)"
            child.environment = environment
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            // At the lowest priority: timed tests run beside it.
            setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(child.processIdentifier), 19)
            child.waitUntilExit()
            let lines = (try String(contentsOfFile: output, encoding: .utf8)).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            results += lines.map { $0 == "-" ? nil : String($0.dropFirst()) }
            if results.count < texts.count && child.terminationReason == .uncaughtSignal { results.append(crashed) }
            if lines.isEmpty && child.terminationReason != .uncaughtSignal { break }
        }
        return results
    }

    static let probeVariable = "PORTAL_TOMLKIT_PROBE"

    /// In the child: reads the texts from the start index on, one line each, written at once.
    static func probe() {
        guard let setting = ProcessInfo.processInfo.environment[probeVariable] else { return }
        let parts = setting.split(separator: "\u{1}").map(String.init)
        guard parts.count == 3, let start = Int(parts[2]), let data = FileManager.default.contents(atPath: parts[0]),
              let handle = FileHandle(forWritingAtPath: parts[1]) else { return }
        let texts = String(decoding: data, as: UTF8.self).split(separator: "\u{0}", omittingEmptySubsequences: false)
        for text in texts.dropFirst(start) {
            let line = canonical(String(text)).map { "+" + $0 } ?? "-"
            handle.write(Data((line + "\n").utf8))
        }
        handle.closeFile()
    }

    static func canonical(_ table: TOMLTable) -> String {
        "{" + table.keys.sorted().compactMap { key in table[key].map { "\(TOMLText.quote(key))=\(canonical($0))" } }.joined(separator: ", ") + "}"
    }

    static func canonical(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .string: return "s" + TOMLText.quote(value.string ?? "")
        case .int: return "i\(value.int ?? 0)"
        case .double:
            let number = value.double ?? 0
            if number.isNaN { return "fnan" }
            if number.isInfinite { return number < 0 ? "f-inf" : "finf" }
            return "f\(number)"
        case .bool: return "b\(value.bool ?? false)"
        case .date:
            guard let date = value.date else { return "?" }
            return "ld" + day(date)
        case .time:
            guard let time = value.time else { return "?" }
            return "lt" + clock(time)
        case .dateTime:
            guard let stamp = value.dateTime else { return "?" }
            guard let offset = stamp.offset else { return "ldt\(day(stamp.date))T\(clock(stamp.time))" }
            return "odt\(day(stamp.date))T\(clock(stamp.time))\(offset.offset >= 0 ? "+" : "-")\(abs(offset.offset))"
        case .array:
            guard let array = value.array else { return "?" }
            return "[" + array.map { canonical($0) }.joined(separator: ", ") + "]"
        case .table:
            guard let table = value.table else { return "?" }
            return canonical(table)
        }
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func day(_ date: TOMLDate) -> String {
        String(repeating: "0", count: max(0, 4 - String(date.year).count)) + "\(date.year)-\(two(date.month))-\(two(date.day))"
    }

    static func clock(_ time: TOMLTime) -> String {
        "\(two(time.hour)):\(two(time.minute)):\(two(time.second)).\(time.nanoSecond)"
    }
}
