/// The script added to HTML responses at serve time (never to built files):
/// listens to `/__portal/events`, reloads the page, swaps stylesheets, and
/// shows a failed rebuild over the page.
enum LiveReloadScript {
    static let path = "/__portal/livereload.js"
    static let eventsPath = "/__portal/events"

    static let tag = "<script src=\"\(path)\"></script>"

    /// `html` with the script tag before its last `</body>`, or at the end.
    static func inject(into html: [UInt8]) -> [UInt8] {
        let needle = Array("</body>".utf8)
        let tagBytes = Array(tag.utf8)
        if html.count >= needle.count {
            var i = html.count - needle.count
            while i >= 0 {
                if matchesIgnoringCase(html, at: i, needle) {
                    return Array(html[..<i]) + tagBytes + Array(html[i...])
                }
                i -= 1
            }
        }
        return html + tagBytes
    }

    private static func matchesIgnoringCase(_ bytes: [UInt8], at offset: Int, _ needle: [UInt8]) -> Bool {
        for (j, expected) in needle.enumerated() {
            var byte = bytes[offset + j]
            if byte >= 65 && byte <= 90 { byte += 32 }
            if byte != expected { return false }
        }
        return true
    }

    static let source = """
    (function () {
      "use strict";
      var overlayId = "__portal_overlay";
      function hideOverlay() {
        var old = document.getElementById(overlayId);
        if (old) old.remove();
      }
      function showOverlay(lines) {
        hideOverlay();
        var box = document.createElement("div");
        box.id = overlayId;
        box.setAttribute("role", "alert");
        box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2em;" +
          "background:rgba(20,20,20,.92);color:#ffb4b4;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap";
        var title = document.createElement("strong");
        title.textContent = "portal: rebuild failed (the last good version is served)\\n\\n";
        title.style.color = "#fff";
        box.appendChild(title);
        box.appendChild(document.createTextNode(lines.join("\\n")));
        document.body.appendChild(box);
      }
      function swapStylesheets() {
        var links = document.querySelectorAll('link[rel="stylesheet"]');
        for (var i = 0; i < links.length; i++) {
          var url = new URL(links[i].href, location.href);
          if (url.origin !== location.origin) continue;
          url.searchParams.set("__portal", Date.now().toString());
          links[i].href = url.toString();
        }
      }
      var source = new EventSource("\(eventsPath)");
      source.addEventListener("reload", function () { location.reload(); });
      source.addEventListener("css", function () { hideOverlay(); swapStylesheets(); });
      source.addEventListener("error", function (event) {
        if (!event.data) return; // a dropped connection, not a build error
        try { showOverlay(JSON.parse(event.data).diagnostics || []); } catch (e) {}
      });
    })();
    """
}
