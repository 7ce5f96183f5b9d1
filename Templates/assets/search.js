// portal search: reads the index `portal build` writes under /{lang}/search/ and
// runs queries in the browser. The tokeniser follows the rules of
// Sources/PortalSearch/SearchTokenizer.swift (the same cases run on both sides).
(function (root) {
  "use strict";
  var t2s = null;

  function isCJK(c) {
    return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff) ||
      (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0x20000 && c <= 0x2ffff) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f) ||
      (c >= 0xac00 && c <= 0xd7af);
  }
  var wordRE = /[\p{L}\p{N}\p{M}]/u;
  function isWord(ch) { return wordRE.test(ch); }
  function isJoiner(ch) { return ch === "." || ch === "-" || ch === "_"; }

  function setTable(pairs) {
    t2s = new Map();
    var chars = Array.from(pairs.trim());
    for (var i = 0; i + 1 < chars.length; i += 2) t2s.set(chars[i], chars[i + 1]);
  }

  function normalize(text) {
    var chars = Array.from(text.normalize("NFKC").toLowerCase());
    if (t2s) for (var i = 0; i < chars.length; i++) { var s = t2s.get(chars[i]); if (s) chars[i] = s; }
    return chars;
  }

  function stem(word) {
    if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
    var n = word.length, end = function (s) { return word.endsWith(s); };
    if (end("ies") && n > 4) return word.slice(0, -3) + "y";
    if (end("sses")) return word.slice(0, -2);
    if (end("ches") || end("shes") || end("xes") || end("zzes")) return word.slice(0, -2);
    if (end("ss") || end("us") || end("is")) return word;
    if (end("s")) return word.slice(0, -1);
    if (end("ing") && n > 5) return word.slice(0, -3);
    if (end("ed") && n > 4) return word.slice(0, -2);
    return word;
  }

  // [{term, position, cjk}] in text order.
  function tokens(text) {
    var s = normalize(text), out = [], position = 0, i = 0;
    while (i < s.length) {
      var code = s[i].codePointAt(0);
      if (isCJK(code)) {
        var j = i;
        while (j < s.length && isCJK(s[j].codePointAt(0))) j++;
        if (j - i === 1) out.push({ term: s[i], position: position, cjk: true });
        else for (var k = i; k < j - 1; k++) out.push({ term: s[k] + s[k + 1], position: position + (k - i), cjk: true });
        position += j - i;
        i = j;
      } else if (isWord(s[i])) {
        var parts = [], current = "", m = i;
        while (m < s.length) {
          var ch = s[m];
          if (isWord(ch) && !isCJK(ch.codePointAt(0))) { current += ch; m++; }
          else if (isJoiner(ch) && current && m + 1 < s.length && isWord(s[m + 1]) && !isCJK(s[m + 1].codePointAt(0))) {
            parts.push(current); current = ""; m++;
          } else break;
        }
        parts.push(current);
        if (parts.length > 1) out.push({ term: s.slice(i, m).join(""), position: position, cjk: false });
        for (var p = 0; p < parts.length; p++) out.push({ term: stem(parts[p]), position: position + p, cjk: false });
        position += parts.length;
        i = m;
      } else i++;
    }
    return out;
  }

  var api = { tokens: tokens, normalize: normalize, stem: stem, setTable: setTable };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.portalSearch = api;
})(this);
