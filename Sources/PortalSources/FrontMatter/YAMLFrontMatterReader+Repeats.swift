extension YAMLFrontMatterReader {
    /// A top-level key written more than once: the later value is read, as Hugo reads it.
    package struct RepeatedKey: Equatable {
        package var key: String
        /// 1-based lines, relative to the YAML text, of the first and the repeated key.
        package var firstLine: Int
        package var line: Int
    }

    /// `text` with every earlier occurrence of a repeated top-level key (its line and the
    /// indented or blank lines under it) blanked out, line numbers kept; nil when a key
    /// libyaml reports repeated is not repeated at the top level (a repeat inside a
    /// nested mapping stays an error).
    package static func keepingLastOfRepeatedKeys(_ text: String, reported: [String]) -> (text: String, repeats: [RepeatedKey])? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var occurrences: [String: [Int]] = [:]
        for (index, line) in lines.enumerated() {
            if let key = topLevelKey(line) { occurrences[key, default: []].append(index) }
        }
        guard reported.allSatisfy({ (occurrences[$0]?.count ?? 0) > 1 }) else { return nil }
        var repeats: [RepeatedKey] = []
        for (key, places) in occurrences where places.count > 1 {
            for (earlier, later) in zip(places, places.dropFirst()) {
                repeats.append(RepeatedKey(key: key, firstLine: places[0] + 1, line: later + 1))
                lines[earlier] = ""
                var next = earlier + 1
                while next < lines.count, lines[next].first.map({ $0 == " " || $0 == "\t" || $0 == "-" }) ?? true,
                      topLevelKey(lines[next]) == nil {
                    // A block list under the key may start at column 1 (`- item`): it is the key's.
                    lines[next] = ""
                    next += 1
                }
            }
        }
        return (lines.joined(separator: "\n"), repeats.sorted { ($0.line, $0.key) < ($1.line, $1.key) })
    }

    /// The key of a `key:` line at column 1 (plain or quoted), else nil.
    private static func topLevelKey(_ line: String) -> String? {
        guard let first = line.first, first != " ", first != "\t", first != "#", first != "-" else { return nil }
        if first == "\"" || first == "'" {
            let rest = line.dropFirst()
            guard let close = rest.firstIndex(of: first) else { return nil }
            let after = rest[rest.index(after: close)...]
            guard after.hasPrefix(":") else { return nil }
            return String(rest[..<close])
        }
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let after = line[line.index(after: colon)...]
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces)
        return key.isEmpty ? nil : key
    }
}
