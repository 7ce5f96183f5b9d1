// Build-time syntax highlighting with KDE's KSyntaxHighlighting (Kate's engine and
// definitions). Only C leaves this file: Swift sees `portal_highlight.h`.
#include "portal_highlight.h"

#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/abstracthighlighter.h>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/definition.h>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/format.h>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/repository.h>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/state.h>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/theme.h>
#include <QHash>
#include <QString>
#include <QVector>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

using namespace KSyntaxHighlighting;

namespace {

// The class a text style is written with: Pygments' short names, which Hugo's and
// many other themes style. nullptr: plain text.
const char *classFor(Theme::TextStyle style) {
    switch (style) {
    case Theme::Keyword: case Theme::ControlFlow: return "k";
    case Theme::Function: return "nf";
    case Theme::Variable: return "nv";
    case Theme::Operator: return "o";
    case Theme::BuiltIn: return "nb";
    case Theme::Extension: return "nx";
    case Theme::Preprocessor: case Theme::RegionMarker: return "cp";
    case Theme::Attribute: return "na";
    case Theme::Char: case Theme::String: case Theme::VerbatimString: return "s";
    case Theme::SpecialChar: return "se";
    case Theme::SpecialString: return "sr";
    case Theme::Import: return "kn";
    case Theme::DataType: return "kt";
    case Theme::DecVal: case Theme::BaseN: case Theme::Float: return "m";
    case Theme::Constant: return "kc";
    case Theme::Comment: case Theme::Documentation: case Theme::CommentVar: return "c";
    case Theme::Annotation: return "nd";
    case Theme::Information: case Theme::Warning: case Theme::Alert: return "cs";
    case Theme::Error: return "err";
    case Theme::Others: return "x";
    default: return nullptr;
    }
}

void appendEscaped(std::string &out, const QByteArray &bytes) {
    for (char c : bytes) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
}

bool isBlank(QStringView text) {
    for (QChar c : text) {
        if (c != QLatin1Char(' ') && c != QLatin1Char('\t')) return false;
    }
    return true;
}

class HTMLHighlighter : public AbstractHighlighter {
public:
    std::string out;

    void highlight(const char *code, size_t length) {
        out.clear();
        out.reserve(length * 2);
        State state;
        size_t start = 0;
        while (start < length) {
            const char *newline = static_cast<const char *>(std::memchr(code + start, '\n', length - start));
            size_t end = newline ? size_t(newline - code) : length;
            line = QString::fromUtf8(code + start, int(end - start));
            written = 0;
            open = nullptr;
            state = highlightLine(line, state);
            if (written < line.size()) plain(QStringView(line).mid(written));
            close();
            if (!newline) break;
            out += '\n';
            start = end + 1;
        }
    }

    using AbstractHighlighter::setDefinition;

protected:
    void applyFormat(int offset, int length, const Format &format) override {
        if (length <= 0 || offset < written) return;
        if (offset > written) plain(QStringView(line).mid(written, offset - written));
        QStringView text = QStringView(line).mid(offset, length);
        const char *name = classFor(format.textStyle());
        if (name == nullptr || isBlank(text)) {
            plain(text);
        } else {
            if (open != name) {
                close();
                out += "<span class=\"";
                out += name;
                out += "\">";
                open = name;
            }
            appendEscaped(out, text.toUtf8());
        }
        written = offset + length;
    }

private:
    QString line;
    int written = 0;
    const char *open = nullptr;

    void plain(QStringView text) {
        close();
        appendEscaped(out, text.toUtf8());
    }

    void close() {
        if (open) out += "</span>";
        open = nullptr;
    }
};

// One per thread: KSyntaxHighlighting's repository and highlighters are not shared
// between threads.
struct HighlightContext {
    Repository repository;
    QHash<QString, Definition> byLowercaseName;
    QHash<QString, Definition> resolved;
    HTMLHighlighter highlighter;

    HighlightContext() {
        for (const Definition &definition : repository.definitions()) {
            byLowercaseName.insert(definition.name().toLower(), definition);
        }
    }

    // A definition name in any case, else a file extension; invalid when neither.
    Definition definition(const char *language) {
        QString key = QString::fromUtf8(language).toLower();
        auto cached = resolved.constFind(key);
        if (cached != resolved.constEnd()) return *cached;
        Definition found = byLowercaseName.value(key);
        if (!found.isValid() && !key.isEmpty()) {
            found = repository.definitionForFileName(QStringLiteral("code.") + key);
        }
        resolved.insert(key, found);
        return found;
    }
};

// Blocks already highlighted, by definition and text. Community sites repeat their code
// a lot: the Chinese and English copies of a page, and every version of versioned
// documentation, show the same blocks (measured on five real portals: 24 % to 72 % of
// their blocks are repeats). Highlighting is deterministic, so a repeat gets the same
// bytes. Bounded: when the entries pass `cacheLimit` bytes the cache starts again.
struct HighlightCache {
    std::mutex lock;
    std::unordered_map<std::string, std::string> entries;
    size_t bytes = 0;
    static constexpr size_t cacheLimit = 32u << 20;
    static constexpr size_t largestBlock = 64u << 10;

    bool find(const std::string &key, std::string &html) {
        std::lock_guard<std::mutex> guard(lock);
        auto found = entries.find(key);
        if (found == entries.end()) return false;
        html = found->second;
        return true;
    }

    void insert(const std::string &key, const std::string &html) {
        std::lock_guard<std::mutex> guard(lock);
        if (bytes + key.size() + html.size() > cacheLimit) {
            entries.clear();
            bytes = 0;
        }
        if (entries.emplace(key, html).second) bytes += key.size() + html.size();
    }
};

HighlightCache &cache() {
    static HighlightCache shared;
    return shared;
}

HighlightContext &context() {
    thread_local std::unique_ptr<HighlightContext> current;
    if (!current) current.reset(new HighlightContext());
    return *current;
}

char *copyOut(const std::string &html, size_t *out_length) {
    char *result = static_cast<char *>(std::malloc(html.size() + 1));
    if (result == nullptr) return nullptr;
    std::memcpy(result, html.data(), html.size());
    result[html.size()] = 0;
    if (out_length) *out_length = html.size();
    return result;
}

} // namespace

extern "C" char *portal_highlight(const char *language, const char *code, size_t length, size_t *out_length) {
    try {
        HighlightContext &ctx = context();
        Definition definition = ctx.definition(language);
        if (!definition.isValid()) return nullptr;
        const bool cacheable = length <= HighlightCache::largestBlock;
        std::string key;
        if (cacheable) {
            QByteArray name = definition.name().toUtf8();
            key.reserve(name.size() + 1 + length);
            key.append(name.constData(), size_t(name.size()));
            key.push_back('\0');
            key.append(code, length);
            std::string html;
            if (cache().find(key, html)) return copyOut(html, out_length);
        }
        ctx.highlighter.setDefinition(definition);
        ctx.highlighter.highlight(code, length);
        if (cacheable) cache().insert(key, ctx.highlighter.out);
        return copyOut(ctx.highlighter.out, out_length);
    } catch (...) {
        return nullptr;
    }
}

extern "C" int portal_highlight_knows(const char *language) {
    try {
        return context().definition(language).isValid() ? 1 : 0;
    } catch (...) {
        return 0;
    }
}

extern "C" void portal_highlight_free(char *html) {
    std::free(html);
}
