import PortalSources

/// The documentation sections of a site as trees of folders and pages: what a docs
/// sidebar, breadcrumbs and previous/next links show. A top-level section is
/// documentation when `[sections.<name>] layout = "docs"` says so, or its `_index.md`
/// has `type: docs` (Docsy). Items are ordered by `weight` / `sidebar_position`
/// (unset last), then title; labels are `linkTitle` / `sidebar_label`, else the title.
public struct DocsTree: Sendable {
    public struct Node: Sendable {
        /// The label shown in the sidebar.
        public var label: String
        /// The page this item opens: the page itself, or a folder's `_index.md` / index page.
        public var page: Int?
        public var weight: Int
        public var children: [Node] = []
    }

    /// Per language: section name -> the section's items.
    public private(set) var roots: PerLanguage<[String: [Node]]>
    /// Page id -> the folders above it (outermost first), as nodes without children.
    public private(set) var ancestors: [Int: [Node]] = [:]
    /// Page id -> the previous and next page in reading order (depth first).
    public private(set) var neighbours: [Int: (previous: Int?, next: Int?)] = [:]
    /// Page id -> where it sits: section name and the path of item indices to it.
    public private(set) var positions: [Int: (section: String, path: [Int])] = [:]

    public func isDocs(_ page: Page) -> Bool { positions[page.id] != nil }

    public init(content: SiteContent) {
        let config = content.config
        roots = PerLanguage(config) { _ in [:] }
        for language in config.languageIDs {
            for section in content.sections[language] where Self.isDocs(section, content: content) {
                let ids = content.pages.indices.filter { id in
                    let page = content.pages[id]
                    return page.languageID == language && page.section == section.name && page.fallbackOf == nil
                        && !page.metadata.unlisted && id != section.indexPage && (page.kind == .regular || page.kind == .section)
                }
                var root = Folder()
                for id in ids {
                    let page = content.pages[id]
                    // Below the section's own folder.
                    let folders = page.folders.dropFirst().map(String.init)
                    if page.kind == .section {
                        root.insert(index: id, at: Array(folders))
                    } else {
                        root.insert(page: id, at: Array(folders))
                    }
                }
                let prefix = content.config[language].code.lowercased() + "/"
                let nodes = root.nodes(content: content, path: section.name) { folder in
                    content.categories[prefix + folder] ?? content.categories[folder]
                }
                roots[language][section.name] = nodes
                record(nodes, section: section.name, path: [], above: [])
            }
        }
    }

    private static func isDocs(_ section: SiteContent.Section, content: SiteContent) -> Bool {
        if let layout = content.config.layout.section(section.name).layout { return layout == .docs }
        return section.indexPage.map { content.pages[$0].metadata.type?.lowercased() == "docs" } ?? false
    }

    private mutating func record(_ nodes: [Node], section: String, path: [Int], above: [Node]) {
        var order: [Int] = []
        func walk(_ nodes: [Node], path: [Int], above: [Node]) {
            for (index, node) in nodes.enumerated() {
                if let id = node.page {
                    order.append(id)
                    positions[id] = (section, path + [index])
                    ancestors[id] = above
                }
                var parent = node
                parent.children = []
                walk(node.children, path: path + [index], above: above + [parent])
            }
        }
        walk(nodes, path: path, above: above)
        for (index, id) in order.enumerated() {
            neighbours[id] = (index > 0 ? order[index - 1] : nil, index + 1 < order.count ? order[index + 1] : nil)
        }
    }

    /// A folder while the tree is built.
    private struct Folder {
        var index: Int?
        var pages: [Int] = []
        var folders: [String: Folder] = [:]

        mutating func insert(page id: Int, at path: [String]) {
            guard let first = path.first else { pages.append(id); return }
            folders[first, default: Folder()].insert(page: id, at: Array(path.dropFirst()))
        }

        mutating func insert(index id: Int, at path: [String]) {
            guard let first = path.first else { index = id; return }
            folders[first, default: Folder()].insert(index: id, at: Array(path.dropFirst()))
        }

        /// `category` gives a folder (content path under the section) its Docusaurus label and position.
        func nodes(content: SiteContent, path: String, category: (String) -> FolderCategory?) -> [Node] {
            var nodes = pages.map { id in
                let page = content.pages[id]
                return Node(label: page.metadata.linkTitle ?? page.title, page: id, weight: page.weight)
            }
            for (name, folder) in folders {
                let index = folder.index.map { content.pages[$0] }
                let folderPath = path + "/" + name
                let described = category(folderPath)
                let label = index.map { $0.metadata.linkTitle ?? $0.title } ?? described?.label ?? ContentResolver.displayName(ofFolder: name)
                let weight = index.map(\.weight).flatMap { $0 == 0 ? nil : $0 } ?? described?.position ?? 0
                nodes.append(Node(label: label, page: folder.index, weight: weight,
                                  children: folder.nodes(content: content, path: folderPath, category: category)))
            }
            nodes.sort { a, b in
                let wa = a.weight == 0 ? Int.max : a.weight
                let wb = b.weight == 0 ? Int.max : b.weight
                if wa != wb { return wa < wb }
                if a.label != b.label { return a.label < b.label }
                return (a.page ?? -1) < (b.page ?? -1)
            }
            return nodes
        }
    }
}
