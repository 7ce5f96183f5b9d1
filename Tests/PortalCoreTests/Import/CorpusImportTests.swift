import Foundation
import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalPipeline

/// `portal import` on the five real sites in ../shared/corpora: each is recognized and
/// its site.toml reads without errors (warnings for keys portal does not know yet are fine).
/// Nothing is written into the corpora.
@Suite struct CorpusImportTests {
    static let corpora = SharedFolder.root + "/corpora"
    static var hasCorpora: Bool { FileManager.default.fileExists(atPath: corpora) }

    static let expected: [(name: String, generator: ImportedSite.Generator, languages: [String])] = [
        ("sofastack.tech", .hugo, ["zh", "en"]),
        ("openfunction.dev", .hugo, ["en", "zh-cn"]),
        ("kubevela.io", .docusaurus, ["en", "zh"]),
        ("karmada.io", .docusaurus, ["en", "zh"]),
        ("volcano.sh", .docusaurus, ["en", "zh-Hans"]),
    ]

    @Test(.enabled(if: hasCorpora, "needs ../shared/corpora beside the repository"))
    func everyCorpusImportsAndItsSiteTOMLParses() throws {
        for corpus in Self.expected {
            let root = Self.corpora + "/" + corpus.name
            let (site, diagnostics) = try SiteImporter.read(siteRoot: root)
            #expect(!diagnostics.hasErrors, "\(corpus.name): \(diagnostics)")
            #expect(site.generator == corpus.generator, "\(corpus.name)")
            #expect(site.orderedLanguages.map(\.code) == corpus.languages, "\(corpus.name)")
            for mount in site.mounts {
                #expect(ImportPaths.isFolder(root + "/" + mount.source), "\(corpus.name): \(mount.source)")
            }
            let text = SiteTOMLWriter.text(for: site)
            let (config, parsed) = SiteConfigLoader.parse(text, path: "corpus-\(corpus.name)/site.toml")
            #expect(!parsed.hasErrors, "\(corpus.name): \(parsed.filter(\.isError))")
            #expect(config?.languages.map(\.code) == corpus.languages, "\(corpus.name)")
            #expect(text == SiteTOMLWriter.text(for: try SiteImporter.read(siteRoot: root).0), "\(corpus.name) twice")
        }
    }

    @Test(.enabled(if: hasCorpora, "needs ../shared/corpora beside the repository"))
    func corpusShapesAreMapped() throws {
        let openfunction = try SiteImporter.read(siteRoot: Self.corpora + "/openfunction.dev").0
        #expect(openfunction.languages.first { $0.code == "zh-cn" }?.contentDir == "content/zh")
        #expect(openfunction.permalinks.map(\.section) == ["blog"])
        #expect(openfunction.sectionLayouts == ["docs": "docs"])
        #expect(openfunction.markdownUnsafe == true)

        let sofastack = try SiteImporter.read(siteRoot: Self.corpora + "/sofastack.tech").0
        #expect(sofastack.defaultLanguage == "zh")
        #expect(sofastack.pageSize == 10)
        #expect(sofastack.notes.contains { $0.contains("menus") })

        let volcano = try SiteImporter.read(siteRoot: Self.corpora + "/volcano.sh").0
        #expect(volcano.data == ["authors": "blog/authors.yml"])
        // lastVersion 'current' with path '': the current docs at /docs/, the release at its name.
        #expect(volcano.mounts.contains(.init(source: "docs", target: "docs")))

        let kubevela = try SiteImporter.read(siteRoot: Self.corpora + "/kubevela.io").0
        #expect(kubevela.mounts.contains(.init(source: "docs", target: "docs/next")))
        #expect(kubevela.mounts.contains(.init(source: "videos", target: "videos")))
        #expect(kubevela.sectionLayouts == ["docs": "docs", "videos": "docs"])
    }
}
