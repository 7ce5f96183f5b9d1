/// The default theme compiled into the binary (generated from Templates/ by
/// scripts/embed-theme.py; a test keeps the two identical).
package enum DefaultTheme {
    package static let files: [(String, String)] = DefaultTheme.embedded
}
