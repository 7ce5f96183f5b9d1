/// The lines a command prints for a build's diagnostics: every error, and the
/// warnings up to a limit, so a site with thousands of broken links still gives
/// a readable terminal (and a pipe that nobody drains does not fill up).
public enum DiagnosticReport {
    public static let defaultWarningLimit = 50

    /// Errors all listed; warnings beyond `warningLimit` counted in one closing line.
    public static func lines(_ diagnostics: [Diagnostic], warningLimit: Int? = defaultWarningLimit) -> [String] {
        var lines: [String] = []
        var shownWarnings = 0
        var hiddenWarnings = 0
        for diagnostic in diagnostics {
            if diagnostic.isError {
                lines.append(diagnostic.description)
            } else if let limit = warningLimit, shownWarnings >= limit {
                hiddenWarnings += 1
            } else {
                shownWarnings += 1
                lines.append(diagnostic.description)
            }
        }
        if hiddenWarnings > 0 {
            let total = shownWarnings + hiddenWarnings
            lines.append("… and \(hiddenWarnings) more warning\(hiddenWarnings == 1 ? "" : "s") (\(total) in all; --all-warnings lists them)")
        }
        return lines
    }
}
