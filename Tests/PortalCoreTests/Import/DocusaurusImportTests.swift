import Foundation
import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalPipeline

@Suite struct DocusaurusImportTests {
    static let configJS = """
        // @ts-check
        const { themes } = require('prism-react-renderer');
        const siteUrl = 'https://docs.example.org';

        /** @type {import('@docusaurus/types').Config} */
        module.exports = {
          title: 'Example',
          tagline: "Tools \\"for\\" people", // a comment with 'quotes' and { braces
          url: siteUrl,
          baseUrl: '/project/',
          i18n: {
            defaultLocale: 'en',
            locales: ['en', 'zh-CN', 'fr'],
            localeConfigs: { fr: { label: 'Français (France)' } },
          },
          presets: [
            [
              require.resolve('@docusaurus/preset-classic'),
              {
                docs: {
                  sidebarPath: require.resolve('./sidebars.js'),
                  editUrl: ({ locale, docPath }) => `https://github.com/x/edit/${locale}/${docPath}`,
                  exclude: [/\\/_.*\\.md$/, '**/drafts/**'],
                },
                blog: {
                  authorsMapPath: 'people.yml',
                  postsPerPage: 'ALL',
                },
                theme: { customCss: './src/css/custom.css' },
              },
            ],
          ],
          plugins: [
            [
              '@docusaurus/plugin-content-docs',
              { id: 'community', path: 'community', routeBasePath: '/community/' },
            ],
            'docusaurus-plugin-sass',
          ],
          themeConfig: { navbar: { title: 'Example' }, footer: { links: [] } },
        };
        """

    static func makeSite(_ files: [String: String], folders: [String] = []) throws -> TemporarySite {
        let site = try TemporarySite()
        for (path, text) in files { try site.write(path, text) }
        for folder in folders {
            try FileManager.default.createDirectory(atPath: site.root + "/" + folder, withIntermediateDirectories: true)
        }
        return site
    }

    @Test func classicPresetWithVersionsLocalesAndAPluginInstance() throws {
        let site = try Self.makeSite([
            "docusaurus.config.js": Self.configJS,
            "versions.json": #"["2.0", "1.0"]"#,
            "blog/people.yml": "alice:\n  name: Alice\n",
            "sidebars.js": "module.exports = {};\n",
        ], folders: [
            "docs", "versioned_docs/version-2.0", "blog", "community",
            "i18n/zh-CN/docusaurus-plugin-content-docs/current",
            "i18n/zh-CN/docusaurus-plugin-content-docs/version-2.0",
            "i18n/zh-CN/docusaurus-plugin-content-blog",
            "i18n/zh-CN/docusaurus-plugin-content-docs-community/current",
            "i18n/fr/docusaurus-plugin-content-docs/current",
            "i18n/en/docusaurus-plugin-content-docs/current",
        ])
        defer { site.remove() }
        let (found, diagnostics) = try SiteImporter.read(siteRoot: site.root)
        #expect(diagnostics.isEmpty)
        #expect(found.generator == .docusaurus)
        #expect(found.title == "Example")
        #expect(found.baseURL == "https://docs.example.org/project/")
        #expect(found.defaultLanguage == "en")
        #expect(found.markdownUnsafe == true)
        #expect(found.pageSize == nil)
        #expect(found.orderedLanguages.map(\.code) == ["en", "zh-CN", "fr"])
        #expect(found.orderedLanguages.map(\.name) == ["English", "简体中文", "Français (France)"])
        #expect(found.languages.first { $0.code == "zh-CN" }?.locale == "zh-Hans")
        #expect(found.orderedMounts == [
            .init(source: "blog", target: "blog"),
            .init(source: "community", target: "community"),
            .init(source: "versioned_docs/version-2.0", target: "docs"),
            .init(source: "docs", target: "docs/next"),
            .init(source: "i18n/fr/docusaurus-plugin-content-docs/current", target: "docs/next", lang: "fr"),
            .init(source: "i18n/zh-CN/docusaurus-plugin-content-blog", target: "blog", lang: "zh-CN"),
            .init(source: "i18n/zh-CN/docusaurus-plugin-content-docs-community/current", target: "community", lang: "zh-CN"),
            .init(source: "i18n/zh-CN/docusaurus-plugin-content-docs/version-2.0", target: "docs", lang: "zh-CN"),
            .init(source: "i18n/zh-CN/docusaurus-plugin-content-docs/current", target: "docs/next", lang: "zh-CN"),
        ])
        #expect(found.sectionLayouts == ["docs": "docs", "community": "docs"])
        #expect(found.data == ["authors": "blog/people.yml"])
        let notes = found.notes.joined(separator: "\n")
        #expect(notes.contains("versions.json lists 1.0"))
        #expect(notes.contains("plugin docusaurus-plugin-sass"))
        #expect(notes.contains("postsPerPage"))
        #expect(notes.contains("themeConfig (navbar, footer)"))
        #expect(notes.contains("sidebars (sidebars.js)"))
        #expect(notes.contains("tagline"))
    }

    @Test func writtenFileParses() throws {
        let site = try Self.makeSite(["docusaurus.config.js": Self.configJS], folders: ["docs", "blog"])
        defer { site.remove() }
        let result = try SiteImporter.run(siteRoot: site.root, output: nil, force: false, currentFolder: site.root)
        #expect(result.text.contains("[[mounts]]\nsource = \"docs\"\ntarget = \"docs\"\n"))
        #expect(result.text.contains("[languages.zh-CN]\nname = \"简体中文\"\ntitle = \"Example\"\nweight = 2\nlocale = \"zh-Hans\"\n"))
        let (config, diagnostics) = SiteConfigLoader.parse(result.text, path: "import-docusaurus-\(UUID().uuidString)/site.toml")
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(config?.baseURL == "https://docs.example.org/project/")
        #expect(config?.languages.map(\.code) == ["en", "zh-CN", "fr"])
    }

    @Test func typeScriptConfigWithCurrentAsLastVersionAndNoBlog() throws {
        let site = try Self.makeSite([
            "docusaurus.config.ts": """
                import type { Config } from '@docusaurus/types';
                import { themes as prismThemes } from 'prism-react-renderer';

                const config: Config = {
                  title: 'Typed',
                  url: 'https://typed.dev/',
                  baseUrl: '/',
                  i18n: { defaultLocale: 'zh-Hans', locales: ['zh-Hans', 'en'] },
                  presets: [
                    [
                      'classic',
                      {
                        docs: {
                          routeBasePath: '/',
                          lastVersion: 'current',
                          versions: { current: { label: 'Next', path: '' } },
                        },
                        blog: false,
                        pages: false,
                      } satisfies Preset.Options,
                    ],
                  ],
                };

                export default config;
                """,
            "versions.json": #"["1.0"]"#,
        ], folders: ["docs", "blog", "versioned_docs/version-1.0", "i18n/en/docusaurus-plugin-content-docs/version-1.0", "src/pages"])
        defer { site.remove() }
        let (found, _) = try SiteImporter.read(siteRoot: site.root)
        #expect(found.title == "Typed")
        #expect(found.baseURL == "https://typed.dev/")
        #expect(found.defaultLanguage == "zh-Hans")
        #expect(found.orderedMounts == [
            .init(source: "docs", target: ""),
            .init(source: "versioned_docs/version-1.0", target: "1.0"),
            .init(source: "i18n/en/docusaurus-plugin-content-docs/version-1.0", target: "1.0", lang: "en"),
        ])
        #expect(found.sectionLayouts.isEmpty)
        #expect(found.data.isEmpty)
        #expect(found.notes.contains { $0.contains("served at the site root") })
    }

    @Test func versionPathsAndOnlyIncludedVersions() throws {
        let site = try Self.makeSite([
            "docusaurus.config.js": """
                module.exports = {
                  title: 'V', url: 'https://v.dev', baseUrl: '/',
                  presets: [['@docusaurus/preset-classic', { docs: {
                    routeBasePath: '/reference/',
                    onlyIncludeVersions: ['current', '3.0'],
                    versions: { current: { path: '/edge/' }, '3.0': { path: 'stable' } },
                  }, blog: false }]],
                };
                """,
            "versions.json": #"["3.0", "2.0"]"#,
        ], folders: ["docs", "versioned_docs/version-3.0", "versioned_docs/version-2.0"])
        defer { site.remove() }
        let (found, _) = try SiteImporter.read(siteRoot: site.root)
        #expect(found.orderedMounts == [
            .init(source: "docs", target: "reference/edge"),
            .init(source: "versioned_docs/version-3.0", target: "reference/stable"),
        ])
        #expect(found.sectionLayouts == ["reference": "docs"])
    }

    @Test func defaultsWhenTheConfigurationHasNoLiteralObject() throws {
        let site = try Self.makeSite([
            "docusaurus.config.js": "module.exports = require('./config/make')();\n",
            "blog/authors.yml": "a:\n  name: A\n",
        ], folders: ["docs", "src/pages"])
        try site.write("src/pages/index.js", "export default function Home() { return null; }\n")
        defer { site.remove() }
        let (found, diagnostics) = try SiteImporter.read(siteRoot: site.root)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .warning)
        #expect(found.defaultLanguage == "en")
        #expect(found.orderedMounts == [
            .init(source: "src/pages", target: ""),
            .init(source: "blog", target: "blog"),
            .init(source: "docs", target: "docs"),
        ])
        #expect(found.data == ["authors": "blog/authors.yml"])
        #expect(found.notes.contains { $0.contains("src/pages/index.js") })
    }

    @Test func notASiteIsAUsageError() throws {
        let site = try Self.makeSite(["README.md": "hello\n"])
        defer { site.remove() }
        do {
            _ = try SiteImporter.run(siteRoot: site.root, output: nil, force: false, currentFolder: site.root)
            Issue.record("expected an error")
        } catch {
            guard case let .usage(message) = error else {
                Issue.record("expected a usage error, got \(error)")
                return
            }
            #expect(message.contains("neither a Hugo site"))
        }
        #expect(!FileManager.default.fileExists(atPath: site.root + "/site.toml"))
    }

    @Test func anExistingSiteTOMLIsKeptUnlessForced() throws {
        let site = try Self.makeSite(["docusaurus.config.js": Self.configJS, "site.toml": "title = \"mine\"\n"])
        defer { site.remove() }
        #expect(throws: SiteImportError.usage("\(site.root)/site.toml already exists; pass --force to replace it")) {
            try SiteImporter.run(siteRoot: site.root, output: nil, force: false, currentFolder: site.root)
        }
        #expect(try String(contentsOfFile: site.root + "/site.toml", encoding: .utf8) == "title = \"mine\"\n")
        let result = try SiteImporter.run(siteRoot: site.root, output: nil, force: true, currentFolder: site.root)
        #expect(try String(contentsOfFile: site.root + "/site.toml", encoding: .utf8) == result.text)
    }

    @Test func outputNamesAFileOrAFolder() throws {
        let site = try Self.makeSite(["docusaurus.config.js": Self.configJS], folders: ["out"])
        defer { site.remove() }
        #expect(SiteImporter.outputPath(nil, siteRoot: "/s", currentFolder: "/c") == "/s/site.toml")
        #expect(SiteImporter.outputPath("out", siteRoot: site.root, currentFolder: site.root) == site.root + "/out/site.toml")
        #expect(SiteImporter.outputPath("new/", siteRoot: site.root, currentFolder: site.root) == site.root + "/new/site.toml")
        #expect(SiteImporter.outputPath("x.toml", siteRoot: site.root, currentFolder: "/c") == "/c/x.toml")
        let result = try SiteImporter.run(siteRoot: site.root, output: "out", force: false, currentFolder: site.root)
        #expect(result.output == site.root + "/out/site.toml")
        #expect(result.text.contains("relative to the site folder\n# \(site.root)."))
    }

    @Test func outputIsTheSameEveryTime() throws {
        let site = try Self.makeSite(["docusaurus.config.js": Self.configJS, "versions.json": #"["2.0"]"#],
                                     folders: ["docs", "blog", "versioned_docs/version-2.0", "i18n/fr/docusaurus-plugin-content-blog"])
        defer { site.remove() }
        let first = SiteTOMLWriter.text(for: try SiteImporter.read(siteRoot: site.root).0)
        for _ in 0..<3 {
            #expect(SiteTOMLWriter.text(for: try SiteImporter.read(siteRoot: site.root).0) == first)
        }
    }
}
