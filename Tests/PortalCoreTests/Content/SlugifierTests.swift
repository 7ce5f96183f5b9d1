import Foundation
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline
import Testing

@Suite struct SlugifierTests {
    let slugifier = Slugifier()

    @Test func keepsChineseAndLowercasesASCII() {
        #expect(slugifier.slug("Dapr 中国社区") == "dapr-中国社区")
        #expect(slugifier.slug("服务治理") == "服务治理")
    }

    @Test func punctuationAndSpacesBecomeOneDash() {
        #expect(slugifier.slug("Hello, World! (v1)") == "hello-world-v1")
        #expect(slugifier.slug("  leading and trailing  ") == "leading-and-trailing")
        #expect(slugifier.slug("会议纪要（第 3 期）") == "会议纪要-第-3-期")
    }

    @Test func dotsInsideNamesStay() {
        #expect(slugifier.slug("cloudwego-meeting-8.11") == "cloudwego-meeting-8.11")
        #expect(slugifier.slug("v1.2.") == "v1.2")
    }

    @Test func neverEmpty() {
        #expect(slugifier.slug("！！！") == "")
        let fallback = slugifier.nonEmptySlug("！！！")
        #expect(fallback.count == 8)
        #expect(fallback == slugifier.nonEmptySlug("！！！"))
        #expect(fallback != slugifier.nonEmptySlug("？？？"))
    }

    @Test func pinyinStyleTransliterates() {
        let pinyin = Slugifier(style: .pinyin)
        #expect(pinyin.slug("服务治理") == "fu-wu-zhi-li")
        #expect(pinyin.slug("Dapr 社区") == "dapr-she-qu")
    }

    @Test func percentEncodingForHrefs() {
        #expect("/zh-hans/tags/服务/".percentEncodedPath == "/zh-hans/tags/%E6%9C%8D%E5%8A%A1/")
        #expect("/en/posts/a-b.c_d/".percentEncodedPath == "/en/posts/a-b.c_d/")
    }

    /// The same bytes are kept as with Foundation's path set minus the sub-delimiters.
    @Test func percentEncodingMatchesFoundationsPathRules() {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]@!$&'()*+,;=%")
        var samples = ["/a b/", "/c++/", "/q?x=1#f", "/100%/", "/ümlaut/é/", "/日本語/", "/emoji-😀/", "/tab\tnew\nline", "/~user:x@y/"]
        samples.append(String(decoding: (1...127).map { UInt8($0) }, as: UTF8.self))
        for sample in samples {
            #expect(sample.percentEncodedPath == sample.addingPercentEncoding(withAllowedCharacters: allowed), "\(sample)")
        }
    }

    /// Decoding gives what Foundation gives, and the text itself where Foundation gives nil.
    @Test func percentDecodingMatchesFoundation() {
        let samples = ["/docs/", "/zh-hans/tags/%E6%9C%8D%E5%8A%A1/", "/100%/", "%zz", "%E6%9C", "a%20b", "服务/x y", "", "%", "#top"]
        for sample in samples {
            #expect(sample.percentDecoded == (sample.removingPercentEncoding ?? sample), "\(sample)")
        }
        #expect("/zh-hans/tags/%E6%9C%8D%E5%8A%A1/".percentDecoded == "/zh-hans/tags/服务/")
    }
}
