import PortalText

extension TOMLValueReader {
    /// A string that becomes an `href` or `src`: nil when absent, of the wrong type, or
    /// not an http, https, mailto or relative URL (the last reported as a warning).
    package mutating func link(_ table: TOMLTable, _ key: String, at path: [String]) -> String? {
        guard let value = string(table, key, at: path) else { return nil }
        guard URLSafety.isAllowedLink(value) else {
            diagnostics.append(URLSafety.rejection(value, what: "'\(Self.displayName(path + [key]))'", at: location(of: path + [key])))
            return nil
        }
        return value
    }
}
