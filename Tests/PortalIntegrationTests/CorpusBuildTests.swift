import Foundation
import PortalPipeline
import PortalText
import Testing
import TOMLKit
import Yams

/// The five community sites in ../shared/corpora, unmodified: `portal import` then
/// `portal build` must succeed, build every page (sources minus drafts, per language),
/// and give 20 pages of each the title, date and URL their own generator gives them.
/// The URLs below were worked out from each site's sources and configuration by the
/// rules of Hugo (folder paths, `slug`, `[permalinks]`, language folders) and
/// Docusaurus (docs versions, `slug: /`, dated blog names and folders, locale prefixes).
@Suite(.enabled(if: SharedFolder.exists && FileManager.default.fileExists(atPath: SharedFolder.root + "/corpora"),
                "../shared/corpora is absent (a user's clone): the corpus acceptance builds are skipped"))
struct CorpusBuildTests {
    static let corpora = SharedFolder.root + "/corpora"

    /// Per corpus and language: the folders its generator reads pages from.
    static let sourceFolders: [String: [String: [String]]] = [
        "sofastack.tech": ["zh": ["content/zh"], "en": ["content/en"]],
        "openfunction.dev": ["en": ["content/en"], "zh-cn": ["content/zh"]],
        "kubevela.io": [
            "en": ["blog", "versioned_docs/version-v1.4", "docs", "videos"],
            "zh": ["i18n/zh/docusaurus-plugin-content-blog", "i18n/zh/docusaurus-plugin-content-docs/version-v1.4",
                   "i18n/zh/docusaurus-plugin-content-docs/current", "i18n/zh/docusaurus-plugin-content-docs-videos/current"],
        ],
        "karmada.io": [
            "en": ["src/pages", "blog", "versioned_docs/version-v1.18", "docs"],
            "zh": ["i18n/zh/docusaurus-plugin-content-pages", "i18n/zh/docusaurus-plugin-content-blog",
                   "i18n/zh/docusaurus-plugin-content-docs/version-v1.18", "i18n/zh/docusaurus-plugin-content-docs/current"],
        ],
        "volcano.sh": [
            "en": ["blog", "docs", "versioned_docs/version-v1.15.0"],
            "zh-Hans": ["i18n/zh-Hans/docusaurus-plugin-content-blog", "i18n/zh-Hans/docusaurus-plugin-content-docs/current",
                        "i18n/zh-Hans/docusaurus-plugin-content-docs/version-v1.15.0"],
        ],
    ]

    /// Per corpus: 20 sources (chosen spread over sections and languages) and the URL
    /// their generator publishes them at.
    static let pages: [String: [(source: String, url: String)]] = [
        "sofastack.tech": [
            ("content/zh/blog/sofa-registry-deep-dive/index.md", "/blog/sofa-registry-deep-dive/"),
            ("content/zh/blog/sofa-weekly-20230623/index.md", "/blog/sofa-weekly-20230623/"),
            ("content/zh/blog/sofa-tracer-response-mechanism/index.md", "/blog/sofa-tracer-response-mechanism/"),
            ("content/zh/blog/sofa-weekly-20210402/index.md", "/blog/sofa-weekly-20210402/"),
            ("content/zh/blog/mosn-istio-service-mesh/index.md", "/blog/mosn-istio-service-mesh/"),
            ("content/zh/blog/ospp-experience-sharing-community-contribution-is-a-kind-of-influence/index.md", "/blog/ospp-experience-sharing-community-contribution-is-a-kind-of-influence/"),
            ("content/zh/blog/service-mesh-practice-antfinal-shopping-festival-big-exam/index.md", "/blog/service-mesh-practice-antfinal-shopping-festival-big-exam/"),
            ("content/zh/blog/sofa-weekly-20191122/index.md", "/blog/sofa-weekly-20191122/"),
            ("content/zh/projects/sofa-tracer/log-format-datasource/index.md", "/projects/sofa-tracer/log-format-datasource/"),
            ("content/zh/blog/sofa-weekly-20190920/index.md", "/blog/sofa-weekly-20190920/"),
            ("content/en/projects/sofa-tracer/log-format-datasource/index.md", "/en/projects/sofa-tracer/log-format-datasource/"),
            ("content/en/projects/sofa-acts/getting-started/index.md", "/en/projects/sofa-acts/getting-started/"),
            ("content/en/projects/sofa-jraft/benchmark-performance/index.md", "/en/projects/sofa-jraft/benchmark-performance/"),
            ("content/en/blog/hello-sofastack/index.md", "/en/blog/hello-sofastack/"),
            ("content/en/projects/sofa-boot/sofa-ark-ark-plugin-demo/index.md", "/en/projects/sofa-boot/sofa-ark-ark-plugin-demo/"),
            ("content/en/projects/sofa-boot/sofa-jarslink-jarslink-invocation-demo/index.md", "/en/projects/sofa-boot/sofa-jarslink-jarslink-invocation-demo/"),
            ("content/en/projects/sofa-boot/sofa-ark-startup/index.md", "/en/projects/sofa-boot/sofa-ark-startup/"),
            ("content/en/projects/sofa-acts/usage-api/index.md", "/en/projects/sofa-acts/usage-api/"),
            ("content/en/projects/sofa-acts/developer-guide/index.md", "/en/projects/sofa-acts/developer-guide/"),
            ("content/en/projects/sofa-dashboard/version-rule/index.md", "/en/projects/sofa-dashboard/version-rule/"),
        ],
        "openfunction.dev": [
            ("content/en/docs/getting-started/Quickstarts/prerequisites.md", "/docs/getting-started/quickstarts/prerequisites/"),
            ("content/en/docs/concepts/Events/_index.md", "/docs/concepts/events/"),
            ("content/en/docs/_index.md", "/docs/"),
            ("content/en/blog/releases/release_v0.4.0.md", "/blog/2021/10/19/release-v0.4.0/"),
            ("content/en/docs/concepts/serverless_apps.md", "/docs/concepts/serverless_apps/"),
            ("content/en/docs/getting-started/Quickstarts/_index.md", "/docs/getting-started/quickstarts/"),
            ("content/en/docs/best-practices/_index.md", "/docs/best-practices/"),
            ("content/en/docs/concepts/baas_integration.md", "/docs/concepts/baas_integration/"),
            ("content/en/docs/getting-started/Quickstarts/wasm_functions.md", "/docs/getting-started/quickstarts/wasm_functions/"),
            ("content/zh/docs/getting-started/Quickstarts/prerequisites.md", "/zh-cn/docs/getting-started/quickstarts/prerequisites/"),
            ("content/zh/docs/concepts/Events/_index.md", "/zh-cn/docs/concepts/events/"),
            ("content/zh/docs/_index.md", "/zh-cn/docs/"),
            ("content/zh/blog/blogs/usecase-data-archiving/index.md", "/zh-cn/blog/2021/12/31/基于-openfunction-构建-faas-化的数据归档系统/"),
            ("content/zh/blog/releases/release_v0.4.0.md", "/zh-cn/blog/2021/10/19/release-v0.4.0/"),
            ("content/zh/docs/concepts/serverless_apps.md", "/zh-cn/docs/concepts/serverless_apps/"),
            ("content/zh/docs/getting-started/Quickstarts/_index.md", "/zh-cn/docs/getting-started/quickstarts/"),
            ("content/zh/docs/best-practices/_index.md", "/zh-cn/docs/best-practices/"),
            ("content/zh/docs/concepts/baas_integration.md", "/zh-cn/docs/concepts/baas_integration/"),
            ("content/zh/docs/getting-started/Quickstarts/wasm_functions.md", "/zh-cn/docs/getting-started/quickstarts/wasm_functions/"),
        ],
        "kubevela.io": [
            ("versioned_docs/version-v1.4/platform-engineers/components/component-terraform.md", "/docs/platform-engineers/components/component-terraform/"),
            ("versioned_docs/version-v1.4/cli/vela_completion_zsh.md", "/docs/cli/vela_completion_zsh/"),
            ("versioned_docs/version-v1.4/end-user/components/cloud-services/terraform/alibaba-kubernetes-networking.md", "/docs/end-user/components/cloud-services/terraform/alibaba-kubernetes-networking/"),
            ("versioned_docs/version-v1.4/end-user/components/cloud-services/terraform/gcp-helmrepo.md", "/docs/end-user/components/cloud-services/terraform/gcp-helmrepo/"),
            ("versioned_docs/version-v1.4/platform-engineers/x-def-version.md", "/docs/platform-engineers/x-def-version/"),
            ("docs/platform-engineers/components/component-terraform.md", "/docs/next/platform-engineers/components/component-terraform/"),
            ("docs/cli/vela_completion_zsh.md", "/docs/next/cli/vela_completion_zsh/"),
            ("docs/end-user/components/cloud-services/terraform/alibaba-kubernetes-networking.md", "/docs/next/end-user/components/cloud-services/terraform/alibaba-kubernetes-networking/"),
            ("docs/end-user/components/cloud-services/terraform/gcp-helmrepo.md", "/docs/next/end-user/components/cloud-services/terraform/gcp-helmrepo/"),
            ("docs/platform-engineers/x-def-version.md", "/docs/next/platform-engineers/x-def-version/"),
            ("blog/2022-06-21-release-1.4.md", "/blog/2022/06/21/release-1.4/"),
            ("blog/2021-08-30-kubevela-performance-test.md", "/blog/2021/08/30/kubevela-performance-test/"),
            ("blog/2021-10-08-blog-1.1.md", "/blog/2021/10/08/blog-1.1/"),
            ("blog/2022-07-07-helm-multi-cluster.md", "/blog/2022/07/07/helm-multi-cluster/"),
            ("blog/2022-05-30-abstraction-kubevela.md", "/blog/2022/05/30/abstraction-kubevela/"),
            ("i18n/zh/docusaurus-plugin-content-docs/version-v1.4/platform-engineers/components/component-terraform.md", "/zh/docs/platform-engineers/components/component-terraform/"),
            ("i18n/zh/docusaurus-plugin-content-docs/version-v1.4/cli/vela_completion_zsh.md", "/zh/docs/cli/vela_completion_zsh/"),
            ("i18n/zh/docusaurus-plugin-content-docs/version-v1.4/end-user/components/cloud-services/terraform/alibaba-kubernetes-networking.md", "/zh/docs/end-user/components/cloud-services/terraform/alibaba-kubernetes-networking/"),
            ("i18n/zh/docusaurus-plugin-content-docs/version-v1.4/end-user/components/cloud-services/terraform/gcp-helmrepo.md", "/zh/docs/end-user/components/cloud-services/terraform/gcp-helmrepo/"),
            ("i18n/zh/docusaurus-plugin-content-docs/version-v1.4/platform-engineers/x-def-version.md", "/zh/docs/platform-engineers/x-def-version/"),
        ],
        "karmada.io": [
            ("versioned_docs/version-v1.18/reference/karmadactl/karmadactl-commands/karmadactl_create_priorityclass.md", "/docs/reference/karmadactl/karmadactl-commands/karmadactl_create_priorityclass/"),
            ("versioned_docs/version-v1.18/userguide/clustermanager/cluster-registration.md", "/docs/userguide/clustermanager/cluster-registration/"),
            ("versioned_docs/version-v1.18/administrator/reliability/runbooks/SLO/karmada-scheduler-latency.md", "/docs/administrator/reliability/runbooks/SLO/karmada-scheduler-latency/"),
            ("versioned_docs/version-v1.18/reference/karmadactl/karmadactl-commands/karmadactl_create_poddisruptionbudget.md", "/docs/reference/karmadactl/karmadactl-commands/karmadactl_create_poddisruptionbudget/"),
            ("versioned_docs/version-v1.18/reference/karmadactl/karmadactl-commands/karmadactl_delete.md", "/docs/reference/karmadactl/karmadactl-commands/karmadactl_delete/"),
            ("docs/reference/karmadactl/karmadactl-commands/karmadactl_create_priorityclass.md", "/docs/next/reference/karmadactl/karmadactl-commands/karmadactl_create_priorityclass/"),
            ("docs/userguide/clustermanager/cluster-registration.md", "/docs/next/userguide/clustermanager/cluster-registration/"),
            ("docs/administrator/reliability/runbooks/SLO/karmada-scheduler-latency.md", "/docs/next/administrator/reliability/runbooks/SLO/karmada-scheduler-latency/"),
            ("docs/reference/karmadactl/karmadactl-commands/karmadactl_create_poddisruptionbudget.md", "/docs/next/reference/karmadactl/karmadactl-commands/karmadactl_create_poddisruptionbudget/"),
            ("docs/reference/karmadactl/karmadactl-commands/karmadactl_delete.md", "/docs/next/reference/karmadactl/karmadactl-commands/karmadactl_delete/"),
            ("blog/2022-10-26-test-report/index.md", "/blog/2022/10/26/test-report/"),
            ("blog/2025-09-11-bloomberg-officially-joined-the-karmada-adopter-group/bloomberg.md", "/blog/2025/09/11/bloomberg-officially-joined-the-karmada-adopter-group/bloomberg/"),
            ("blog/2024-09-13-karmada-v1.11/karmada-v1.11.md", "/blog/2024/09/13/karmada-v1.11/karmada-v1.11/"),
            ("blog/2022-09-06-karmada-v1.3/karmada-v1.3.md", "/blog/2022/09/06/karmada-v1.3/karmada-v1.3/"),
            ("blog/2025-10-16-scatterlab-officially-joined-the-karmada-adopter-group/scatterlab.md", "/blog/2025/10/16/scatterlab-officially-joined-the-karmada-adopter-group/scatterlab/"),
            ("i18n/zh/docusaurus-plugin-content-docs/version-v1.18/reference/karmadactl/karmadactl-commands/karmadactl_create_priorityclass.md", "/zh/docs/reference/karmadactl/karmadactl-commands/karmadactl_create_priorityclass/"),
            ("i18n/zh/docusaurus-plugin-content-docs/version-v1.18/userguide/clustermanager/cluster-registration.md", "/zh/docs/userguide/clustermanager/cluster-registration/"),
            ("i18n/zh/docusaurus-plugin-content-docs/version-v1.18/reference/karmadactl/karmadactl-commands/karmadactl_create_poddisruptionbudget.md", "/zh/docs/reference/karmadactl/karmadactl-commands/karmadactl_create_poddisruptionbudget/"),
            ("i18n/zh/docusaurus-plugin-content-docs/version-v1.18/reference/karmadactl/karmadactl-commands/karmadactl_delete.md", "/zh/docs/reference/karmadactl/karmadactl-commands/karmadactl_delete/"),
            ("i18n/zh/docusaurus-plugin-content-docs/version-v1.18/administrator/upgrading/v1.2-v1.3.md", "/zh/docs/administrator/upgrading/v1.2-v1.3/"),
        ],
        "volcano.sh": [
            ("docs/UserGuide/user_guide_how_to_use_network_topology_aware_scheduling.md", "/docs/UserGuide/user_guide_how_to_use_network_topology_aware_scheduling/"),
            ("docs/KeyFeatures/MultiClusterScheduling.md", "/docs/KeyFeatures/MultiClusterScheduling/"),
            ("docs/UserGuide/user_guide_how_to_use_gpu_sharing.md", "/docs/UserGuide/user_guide_how_to_use_gpu_sharing/"),
            ("docs/CLI/Commandline.md", "/docs/CLI/Commandline/"),
            ("docs/UserGuide/user_guide_how_to_use_hypernode_auto_discovery.md", "/docs/UserGuide/user_guide_how_to_use_hypernode_auto_discovery/"),
            ("versioned_docs/version-v1.15.0/UserGuide/user_guide_how_to_use_network_topology_aware_scheduling.md", "/docs/v1.15.0/UserGuide/user_guide_how_to_use_network_topology_aware_scheduling/"),
            ("versioned_docs/version-v1.15.0/KeyFeatures/MultiClusterScheduling.md", "/docs/v1.15.0/KeyFeatures/MultiClusterScheduling/"),
            ("versioned_docs/version-v1.15.0/UserGuide/user_guide_how_to_use_gpu_sharing.md", "/docs/v1.15.0/UserGuide/user_guide_how_to_use_gpu_sharing/"),
            ("versioned_docs/version-v1.15.0/CLI/Commandline.md", "/docs/v1.15.0/CLI/Commandline/"),
            ("versioned_docs/version-v1.15.0/UserGuide/user_guide_how_to_use_hypernode_auto_discovery.md", "/docs/v1.15.0/UserGuide/user_guide_how_to_use_hypernode_auto_discovery/"),
            ("blog/ruitian-en.md", "/blog/ruitian-en/"),
            ("blog/Volcano-1.11.0-release.md", "/blog/Volcano-1.11.0-release/"),
            ("blog/paddlepaddle-en.md", "/blog/paddlepaddle-en/"),
            ("blog/hpc-en.md", "/blog/hpc-en/"),
            ("blog/Volcano-1.15.0-release.md", "/blog/Volcano-1.15.0-release/"),
            ("i18n/zh-Hans/docusaurus-plugin-content-docs/current/UserGuide/user_guide_how_to_use_network_topology_aware_scheduling.md", "/zh-Hans/docs/UserGuide/user_guide_how_to_use_network_topology_aware_scheduling/"),
            ("i18n/zh-Hans/docusaurus-plugin-content-docs/current/KeyFeatures/MultiClusterScheduling.md", "/zh-Hans/docs/KeyFeatures/MultiClusterScheduling/"),
            ("i18n/zh-Hans/docusaurus-plugin-content-docs/current/UserGuide/user_guide_how_to_use_gpu_sharing.md", "/zh-Hans/docs/UserGuide/user_guide_how_to_use_gpu_sharing/"),
            ("i18n/zh-Hans/docusaurus-plugin-content-docs/current/CLI/Commandline.md", "/zh-Hans/docs/CLI/Commandline/"),
            ("i18n/zh-Hans/docusaurus-plugin-content-docs/current/UserGuide/user_guide_how_to_use_hypernode_auto_discovery.md", "/zh-Hans/docs/UserGuide/user_guide_how_to_use_hypernode_auto_discovery/"),
        ],
    ]

    @Test(arguments: ["sofastack.tech", "openfunction.dev", "kubevela.io", "karmada.io", "volcano.sh"])
    func importThenBuild(_ corpus: String) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-corpus-\(corpus)-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Self.corpora + "/" + corpus, toPath: root)
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try SiteImporter.run(siteRoot: root, output: nil, force: false, currentFolder: root)
        // Today: every post of the snapshot lies in the past (the fixtures' fixed day does not).
        let result = SiteBuilder(options: BuildOptions(sourceRoot: root, now: Date())).build()
        #expect(!result.failed, "\(corpus): \(result.diagnostics.filter(\.isError).prefix(5))")

        // Every page is built: sources minus drafts, per language.
        let built = Dictionary(result.statistics.pagesPerLanguage.map { ($0.0, $0.1) }, uniquingKeysWith: +)
        for (language, folders) in Self.sourceFolders[corpus] ?? [:] {
            let expected = folders.reduce(0) { $0 + Self.pageSources(in: root + "/" + $1, hugo: corpus.hasSuffix(".tech") || corpus.hasSuffix(".dev")) }
            #expect(built[language] == expected, "\(corpus) \(language): \(built[language] ?? 0) pages built, \(expected) sources minus drafts")
        }

        // Markup portal did not understand, shown as text: under 0.5 % of pages.
        var pages = 0
        var showing: [String] = []
        for file in result.files where file.path.hasSuffix("index.html") {
            let html = String(decoding: Fixtures.bytes(of: file), as: UTF8.self)
            guard let prose = Self.prose(of: html) else { continue }
            pages += 1
            if let markup = Self.visibleMarkup(in: prose) { showing.append("\(file.path): \(markup)") }
        }
        print("\(corpus): \(showing.count) of \(pages) pages show shortcode, admonition or JSX markup")
        for line in showing.prefix(8) { print("  " + line) }
        #expect(pages > 0)
        #expect(Double(showing.count) < Double(pages) * 0.005, "\(corpus): \(showing.count) of \(pages) pages show markup: \(showing.prefix(5))")
        // Every ref and relref resolves (an unresolved one is an error, which fails the build above).
        #expect(!result.diagnostics.contains { $0.message.hasPrefix("ref ") || $0.message.hasPrefix("relref ") })

        // Title, date and URL of 20 pages.
        let chosen = Self.pages[corpus] ?? []
        #expect(chosen.count >= 19)
        for (source, url) in chosen {
            let path = String(url.dropFirst()) + "index.html"
            guard let html = Fixtures.text(result, path) else {
                Issue.record("\(corpus): \(source) is not built at \(url)")
                continue
            }
            let text = try String(contentsOfFile: root + "/" + source, encoding: .utf8)
            let meta = Self.frontMatter(text)
            let title = (meta["title"] as? String) ?? Self.firstHeading(text)
            if let title {
                #expect(html.contains(">" + HTMLEscaping.escape(title) + "</h1>"), "\(corpus): \(source) should be titled '\(title)'")
            }
            if let day = Self.day(meta["date"]) ?? Self.dayInPath(source) {
                #expect(html.contains("<time datetime=\"" + day), "\(corpus): \(source) should be dated \(day)")
            }
        }
    }

    /// The body of a page (its `prose` block), or nil for pages without one.
    static func prose(of html: String) -> Substring? {
        guard let start = html.range(of: "<div class=\"prose\">") else { return nil }
        let end = html.range(of: "<footer class=\"post-foot\">", range: start.upperBound..<html.endIndex)?.lowerBound
            ?? html.range(of: "</main>", range: start.upperBound..<html.endIndex)?.lowerBound ?? html.endIndex
        return html[start.upperBound..<end]
    }

    /// The first piece of shortcode (`{{<`, `{{%`), admonition (`:::` starting a line)
    /// or JSX (`<Tabs`, `</TabItem>`) markup shown as text in `prose`, outside code.
    static func visibleMarkup(in prose: Substring) -> String? {
        var text = String(prose)
        for (open, close) in [("<pre", "</pre>"), ("<code", "</code>")] {
            while let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) {
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        // Text only: tags go, entities stay escaped (`&lt;` is a `<` shown to the reader).
        var visible = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true } else if character == ">" && inTag { inTag = false; visible.append(" ") } else if !inTag { visible.append(character) }
        }
        for marker in ["{{&lt;", "{{%"] {
            if let found = visible.range(of: marker) { return String(visible[found.lowerBound...].prefix(40)) }
        }
        for line in visible.split(separator: "\n") where line.drop(while: { $0 == " " }).hasPrefix(":::") {
            return String(line.prefix(40))
        }
        var rest = visible[...]
        while let found = rest.range(of: "&lt;") {
            let after = rest[found.upperBound...]
            let name = after.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
            if let first = name.first, first.isUppercase, first.isASCII, name.count > 1 {
                let next = after.drop { $0 == "/" }.dropFirst(name.count).first
                if next == " " || next == "&" || next == "/" { return String(rest[found.lowerBound...].prefix(40)) }
            }
            rest = after
        }
        return nil
    }

    /// Pages under `folder` that are not drafts: Markdown files, and for Hugo `.html`
    /// files with front matter, less the Markdown inside a leaf bundle that is not its
    /// `index.md` (Hugo reads those as the bundle's resources).
    static func pageSources(in folder: String, hugo: Bool) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return 0 }
        var files: [String] = []
        for case let path as String in walker {
            // Only files: one site has a folder whose name ends in `.md`.
            guard walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular,
                  !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            files.append(path)
        }
        let bundles = Set(files.filter { hugo && $0.hasSuffix("/index.md") }.map { String($0.dropLast("/index.md".count)) })
        var count = 0
        for path in files {
            let isMarkdown = path.hasSuffix(".md") || path.hasSuffix(".mdx")
            let text = (try? String(contentsOfFile: folder + "/" + path, encoding: .utf8)) ?? ""
            let isHTMLPage = hugo && path.hasSuffix(".html") && (text.hasPrefix("---") || text.hasPrefix("+++"))
            guard isMarkdown || isHTMLPage else { continue }
            let parents = path.split(separator: "/").dropLast()
            let inBundle = !path.hasSuffix("/index.md") && parents.indices.contains { bundles.contains(parents[...$0].joined(separator: "/")) }
            if inBundle { continue }
            if (frontMatter(text)["draft"] as? Bool) == true { continue }
            count += 1
        }
        return count
    }

    /// The front matter as a dictionary, read with Yams (YAML) or TOMLKit (TOML).
    static func frontMatter(_ text: String) -> [String: Any] {
        let trimmed = text.drop { $0 == "\u{FEFF}" || $0 == "\n" || $0 == "\r" || $0 == " " }
        for fence in ["---", "+++"] where trimmed.hasPrefix(fence) {
            let rest = trimmed.dropFirst(3)
            guard let end = rest.range(of: "\n" + fence) else { return [:] }
            let block = String(rest[..<end.lowerBound])
            if fence == "---" {
                let loaded = try? Yams.load(yaml: block)
                return (loaded as? [String: Any]) ?? [:]
            }
            guard let table = try? TOMLTable(string: block) else { return [:] }
            var values: [String: Any] = [:]
            if let title = table["title"]?.string { values["title"] = title }
            if let date = table["date"]?.date { values["date"] = String(describing: date) }
            if let date = table["date"]?.dateTime { values["date"] = String(describing: date.date) }
            if let draft = table["draft"]?.bool { values["draft"] = draft }
            return values
        }
        return [:]
    }

    static func firstHeading(_ text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
    }

    /// `YYYY-MM-DD` of a date written without a time; nil for date-times (their day
    /// depends on the zone) and for anything else.
    static func day(_ value: Any?) -> String? {
        let text: String
        if let date = value as? Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            guard parts.hour == 0, parts.minute == 0, parts.second == 0 else { return nil }
            text = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        } else if let string = value as? String {
            text = string.trimmingCharacters(in: .whitespaces)
        } else {
            return nil
        }
        guard text.count == 10, text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil else { return nil }
        return text
    }

    /// The date a Docusaurus blog path carries (`blog/2022-9-6-x.md` -> 2022-09-06).
    static func dayInPath(_ source: String) -> String? {
        guard source.contains("blog/"),
              let match = source.range(of: #"\d{4}-\d{1,2}-\d{1,2}"#, options: .regularExpression) else { return nil }
        let parts = source[match].split(separator: "-").compactMap { Int($0) }
        return String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2])
    }
}
