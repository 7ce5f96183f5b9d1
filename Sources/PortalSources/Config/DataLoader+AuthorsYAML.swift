import Foundation
import Yams
import PortalText

extension DataLoader {
    /// Parses a Docusaurus `authors.yml`: a mapping of id to profile mapping.
    ///
    /// Only a fixed depth of the tree is visited, so YAML aliases (which Yams
    /// shares rather than copies) cannot blow up the work.
    package static func parseAuthorsYAML(_ text: String, file: String) -> (registry: AuthorRegistry, diagnostics: [Diagnostic]) {
        ParseMemos.authors.value(for: file, text: text) { parseAuthorsYAMLText(text, file: file) }
    }

    package static func parseAuthorsYAMLText(_ text: String, file: String) -> (registry: AuthorRegistry, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            return (AuthorRegistry(), [yamlDiagnostic(error, file: file)])
        }
        guard let root else { return (AuthorRegistry(), []) }
        guard let mapping = root.mapping else {
            diagnostics.append(.error("\(file) must map author ids to profiles", at: location(of: root, file: file)))
            return (AuthorRegistry(), diagnostics)
        }
        var profiles: [String: AuthorProfile] = [:]
        for (key, value) in mapping {
            guard let id = key.scalar?.string, !id.isEmpty else {
                diagnostics.append(.error("author id must be a string", at: location(of: key, file: file)))
                continue
            }
            guard let fields = value.mapping else {
                diagnostics.append(.error("author '\(id)' must be a mapping of profile fields", at: location(of: value, file: file)))
                continue
            }
            profiles[id] = authorProfile(id: id, fields: fields, file: file, diagnostics: &diagnostics)
        }
        return (AuthorRegistry(profiles: profiles), diagnostics.sortedForDisplay())
    }

    package static func authorProfile(id: String, fields: Node.Mapping, file: String, diagnostics: inout [Diagnostic]) -> AuthorProfile {
        var scalars: [String: String] = [:]
        var profile = AuthorProfile(name: id)
        for (keyNode, value) in fields {
            let key = keyNode.scalar?.string ?? ""
            let keyLocation = location(of: keyNode, file: file)
            guard authorKeys.contains(key) else {
                diagnostics.append(.warning("unknown key '\(id).\(key)'", at: keyLocation))
                continue
            }
            if value.null != nil { continue } // `title:` or `title: ~` says nothing
            switch key {
            case "socials", "names":
                guard let entries = value.mapping else {
                    diagnostics.append(.error("'\(id).\(key)' must be a mapping", at: location(of: value, file: file)))
                    continue
                }
                for (entryKey, entryValue) in entries {
                    let name = entryKey.scalar?.string ?? ""
                    guard let text = entryValue.scalar?.string, !name.isEmpty else {
                        diagnostics.append(.error("'\(id).\(key).\(name)' must be a string", at: location(of: entryValue, file: file)))
                        continue
                    }
                    if key == "socials" {
                        guard URLSafety.isAllowedLink(text) else {
                            diagnostics.append(URLSafety.rejection(text, what: "'\(id).socials.\(name)'", at: location(of: entryValue, file: file)))
                            continue
                        }
                        profile.socials.append(.init(network: name, handle: text))
                    } else {
                        profile.localizedNames[name.lowercased()] = text
                    }
                }
            case "page":
                continue // Docusaurus' flag for generating an author page; we always do.
            default:
                // Keep the scalar's text: YAML 1.1 would turn `NO` or `1.10` into other values.
                guard let text = value.scalar?.string else {
                    diagnostics.append(.error("'\(id).\(key)' must be a string", at: location(of: value, file: file)))
                    continue
                }
                if key == "url" || imageKeys.contains(key), !URLSafety.isAllowedLink(text) {
                    diagnostics.append(URLSafety.rejection(text, what: "'\(id).\(key)'", at: location(of: value, file: file)))
                    continue
                }
                if scalars[key] == nil { scalars[key] = text }
            }
        }
        profile.name = scalars["name"] ?? id
        profile.title = scalars["title"]
        profile.url = scalars["url"]
        profile.imageURL = imageKeys.lazy.compactMap { scalars[$0] }.first
        profile.bio = scalars["bio"] ?? scalars["description"]
        return profile
    }

    package static func location(of node: Node, file: String) -> SourceLocation {
        SourceLocation(path: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    package static func yamlDiagnostic(_ error: Error, file: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error("invalid YAML: \(error)", at: SourceLocation(path: file))
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return .error(message, at: SourceLocation(path: file, line: mark.line, column: mark.column))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return .error("invalid YAML: duplicate keys \(keys)", at: SourceLocation(path: file, line: context.mark.line, column: context.mark.column))
        case let .reader(problem, _, _, _):
            return .error("invalid YAML: \(problem)", at: SourceLocation(path: file))
        default:
            return .error("invalid YAML: \(yamlError)", at: SourceLocation(path: file))
        }
    }
}
