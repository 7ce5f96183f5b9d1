import Foundation

/// `portal init`: the files of a new site folder. A site of its own, in its own
/// repository: site.toml, a first post and an about page in each language, one author,
/// .gitignore and a GitHub Pages workflow that downloads a released portal binary.
public enum NewSite {
    public struct Request: Sendable {
        /// Language codes as site.toml spells them; the first is the default language.
        public var languages: [String]
        /// The portal release the workflow downloads (`0.5.0`).
        public var version: String
        /// Where releases are downloaded from: `<download>/v<version>/<archive>`.
        public var download: String
        /// The day of the first post.
        public var now: Date

        public init(languages: [String], version: String, download: String, now: Date) {
            self.languages = languages
            self.version = version
            self.download = download
            self.now = now
        }
    }

    /// What `create` did: the files written and the ones left as they were.
    public struct Outcome: Sendable, Equatable {
        public var written: [String] = []
        public var kept: [String] = []
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case usage(String)
        case write(String)

        public var description: String {
            switch self {
            case let .usage(message), let .write(message): return "error: " + message
            }
        }
    }

    /// The language codes of `--languages zh-Hans,en`, checked.
    public static func languages(_ list: String) throws(Failure) -> [String] {
        let codes = list.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !codes.isEmpty, !codes.contains(where: \.isEmpty) else {
            throw .usage("--languages takes language codes separated by commas, such as zh-Hans,en")
        }
        for code in codes {
            let ok = code.utf8.count <= 35 && code.first!.isASCII && code.first!.isLetter
                && code.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains(Character($0)))) || $0 == "-" }
            guard ok else { throw .usage("'\(code)' is not a language code (letters, digits and hyphens, such as zh-Hans or en)") }
        }
        guard Set(codes.map { $0.lowercased() }).count == codes.count else {
            throw .usage("--languages names a language twice")
        }
        return codes
    }

    /// Writes the new site into `folder`, creating it. Refuses a folder that already
    /// holds a site.toml; never replaces any file (an existing one is kept and listed).
    public static func create(_ request: Request, in folder: String) throws(Failure) -> Outcome {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder + "/site.toml") {
            throw .usage("\(folder) already holds a site.toml; portal init never overwrites a file")
        }
        var outcome = Outcome()
        for (path, text) in files(request) {
            let full = folder + "/" + path
            if manager.fileExists(atPath: full) {
                outcome.kept.append(path)
                continue
            }
            do {
                try manager.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                // withoutOverwriting: a file created meanwhile is not replaced either.
                try Data(text.utf8).write(to: URL(fileURLWithPath: full), options: .withoutOverwriting)
                outcome.written.append(path)
            } catch {
                throw .write("cannot write \(full): \(error.localizedDescription)")
            }
        }
        return outcome
    }

    /// Every file of the new site, by its path in the site folder, in writing order.
    public static func files(_ request: Request) -> [(path: String, text: String)] {
        let languages = request.languages.map(Language.init)
        let main = languages[0]
        let timeZone = main.chinese ? "Asia/Shanghai" : "UTC"
        let day = Self.day(request.now, timeZone: timeZone)
        var files: [(String, String)] = [
            ("site.toml", siteToml(languages, timeZone: timeZone)),
            ("data/authors.toml", authorsToml(languages)),
            (".gitignore", "# portal build writes the site here.\n/public/\n"),
            (".github/workflows/pages.yml", pagesWorkflow(version: request.version, download: request.download)),
        ]
        for language in languages {
            files.append(("content/_index.\(language.suffix).md", home(language)))
            files.append(("content/about.\(language.suffix).md", about(language)))
            files.append(("content/blog/\(day)-welcome.\(language.suffix).md", welcome(language)))
        }
        return files
    }

    static func day(_ now: Date, timeZone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    struct Language {
        let code: String
        var suffix: String { code.lowercased() }
        var chinese: Bool { suffix.hasPrefix("zh") }
        var name: String {
            switch suffix {
            case "zh-hans", "zh-cn", "zh": return "简体中文"
            case "zh-hant", "zh-tw", "zh-hk": return "繁體中文"
            case "en": return "English"
            case "ja": return "日本語"
            case "ko": return "한국어"
            case "fr": return "Français"
            case "de": return "Deutsch"
            case "es": return "Español"
            default: return code
            }
        }
        var title: String { chinese ? "我的社区" : "My Community" }

        init(_ code: String) { self.code = code }
    }

    static func siteToml(_ languages: [Language], timeZone: String) -> String {
        var text = """
        # The site's settings. README.md of portal lists every key ("site.toml").
        title = "\(languages[0].title)"
        # The address the site is served from. GitHub Pages builds pass their own with
        # --base-url (see .github/workflows/pages.yml), so this one is for other hosts.
        baseURL = "https://example.org/"
        # Pages without a language suffix (post.md rather than post.en.md) are in this one.
        defaultLanguage = "\(languages[0].code)"
        # Dates without a time (2025-05-01) are midnight here.
        timeZone = "\(timeZone)"
        # Posts per list page.
        pageSize = 10

        """
        for language in languages {
            let description = language.chinese
                ? "社区的新闻、会议纪要和活动回顾。"
                : "News, meeting minutes and event recaps from the community."
            text += """

            # \(language.name): its pages are NAME.\(language.suffix).md and live under /\(language.suffix)/.
            [languages.\(language.code)]
            name = "\(language.name)"
            title = "\(language.title)"
            description = "\(description)"

            # The footer's links (the header lists the sections by itself).
            [[languages.\(language.code).menus.footer]]
            name = "\(language.chinese ? "关于" : "About")"
            pageRef = "about"

            """
        }
        text += """

        # A search page and its index, built with the site (no server needed).
        [search]
        enabled = true

        """
        return text
    }

    static func authorsToml(_ languages: [Language]) -> String {
        var text = """
        # Author profiles: the key (editor) is what a page's `authors` front matter names.
        [editor]
        name = "The editors"
        title = "Community team"
        bio = "Write a line about yourself here."

        """
        if languages.count > 1 {
            text += "# The name in each language.\n[editor.names]\n"
            for language in languages {
                text += "\(language.suffix) = \"\(language.chinese ? "编辑部" : "The editors")\"\n"
            }
        }
        return text
    }

    static func home(_ language: Language) -> String {
        if language.chinese {
            return """
            +++
            title = "首页"
            +++

            欢迎来到**我的社区**。这里发布新闻、会议纪要和活动回顾，想了解我们，请先读[关于](/\(language.suffix)/about/)。

            """
        }
        return """
        +++
        title = "Home"
        +++

        Welcome to **My Community**: news, meeting minutes and event recaps. New here? Start with [About](/\(language.suffix)/about/).

        """
    }

    static func about(_ language: Language) -> String {
        if language.chinese {
            return """
            +++
            title = "关于"
            description = "我们是谁，如何参与。"
            +++

            这个页面介绍社区：我们做什么、如何协作、怎样联系我们。编辑 `content/about.\(language.suffix).md` 来改写它。

            """
        }
        return """
        +++
        title = "About"
        description = "Who we are and how to take part."
        +++

        This page introduces the community: what it makes, how it works together and how to get in touch. Edit `content/about.\(language.suffix).md` to make it yours.

        """
    }

    static func welcome(_ language: Language) -> String {
        if language.chinese {
            return """
            +++
            title = "你好，portal"
            tags = ["公告"]
            authors = ["editor"]
            +++

            这是用 `portal init` 生成的第一篇文章。文件名里的日期就是发布日期，同名不同语言后缀的文件互为译文。

            新建一篇：

            ```sh
            portal new blog/first-meetup.md --lang \(language.code)
            ```

            然后运行 `portal serve`，在浏览器里边写边看。

            """
        }
        return """
        +++
        title = "Hello, portal"
        tags = ["Announcements"]
        authors = ["editor"]
        +++

        This is the first post, made by `portal init`. The date in the file name is the publication date, and files that differ only in their language suffix are translations of each other.

        Start another one with:

        ```sh
        portal new blog/first-meetup.md --lang \(language.code)
        ```

        then run `portal serve` and watch it in the browser as you write.

        """
    }

    /// The shell step that installs a released portal binary: the archive for this
    /// machine, its SHA-256 checked, the binary's folder added to the job's PATH.
    /// The same lines are in action.yml at the root of portal's repository.
    public static let installScript = """
        set -eu
        name="portal-${PORTAL_VERSION}-linux-$(uname -m)"
        dir="${RUNNER_TEMP:-/tmp}/portal-${PORTAL_VERSION}"
        mkdir -p "$dir"
        cd "$dir"
        curl -fsSLO "${PORTAL_DOWNLOAD}/v${PORTAL_VERSION}/${name}.tar.gz"
        curl -fsSLO "${PORTAL_DOWNLOAD}/v${PORTAL_VERSION}/${name}.tar.gz.sha256"
        sha256sum -c "${name}.tar.gz.sha256"
        if [ -n "${PORTAL_SHA256:-}" ]; then echo "${PORTAL_SHA256}  ${name}.tar.gz" | sha256sum -c; fi
        tar -xzf "${name}.tar.gz"
        echo "${dir}/${name}/bin" >> "$GITHUB_PATH"
        "${dir}/${name}/bin/portal" --version

        """

    static func pagesWorkflow(version: String, download: String) -> String {
        let install = installScript.split(separator: "\n").map { "          " + $0 }.joined(separator: "\n")
        return """
        # Builds the site with a released portal binary and publishes it with GitHub
        # Pages on every push to main: no Swift toolchain, nothing compiled. Choose
        # Settings > Pages > Source: "GitHub Actions" once.
        name: Deploy to GitHub Pages

        on:
          push:
            branches: [main]
          workflow_dispatch:

        permissions:
          contents: read
          pages: write
          id-token: write

        # One deployment at a time; a newer push waits instead of cancelling a deploy.
        concurrency:
          group: pages
          cancel-in-progress: false

        env:
          # The portal release this site builds with: change the version to upgrade.
          PORTAL_VERSION: "\(version)"
          PORTAL_DOWNLOAD: "\(download)"
          # Optional: the archive's SHA-256, to accept only the one you checked.
          PORTAL_SHA256: ""

        jobs:
          build:
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/checkout@v4
              - name: Install portal
                run: |
        \(install)
              - name: Configure Pages
                id: pages
                uses: actions/configure-pages@v5
              - name: Build the site
                env:
                  # https://org.github.io/repo (or the custom domain): the base URL of every link.
                  PAGES_URL: ${{ steps.pages.outputs.base_url }}
                # --strict: a broken link or any other warning stops the deploy.
                run: portal build --strict --base-url "$PAGES_URL"
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: public

          deploy:
            needs: build
            runs-on: ubuntu-24.04
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - name: Deploy to GitHub Pages
                id: deployment
                uses: actions/deploy-pages@v4

        """
    }
}
