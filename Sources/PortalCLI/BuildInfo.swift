/// What `portal --version` prints and where `portal init`'s workflow downloads releases.
/// scripts/release.sh writes this file anew before its build (the version from the
/// tag or VERSION, the commit from git, the repository's release address) and puts
/// this one back after; a plain `swift build` says "built from source".
enum BuildInfo {
    static let version = "0.5.0"
    static let commit: String? = nil
    static let releases = "https://github.com/OWNER/portal/releases/download"
}
