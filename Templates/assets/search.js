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

  // One character folded: Latin (also full-width) to lower-case ASCII, other letters
  // to lower case, traditional Chinese to simplified.
  function fold(ch) {
    var c = ch.codePointAt(0);
    if (c < 0x80) return c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : ch;
    if (c >= 0xff01 && c <= 0xff5e) return fold(String.fromCharCode(c - 0xfee0));
    if (c === 0x3000) return " ";
    var s = t2s && t2s.get(ch);
    if (s) return s;
    if (isCJK(c)) return ch;
    var lower = ch.toLowerCase();
    return Array.from(lower).length === 1 ? lower : ch;
  }

  function normalize(text) { return Array.from(text).map(fold); }

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

  // FNV-1a of the term's UTF-8 (the index puts a term in shard hash % shards).
  var encoder = typeof TextEncoder !== "undefined" ? new TextEncoder() : null;
  function fnv1a(text) {
    var bytes = encoder.encode(text), hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { hash ^= bytes[i]; hash = Math.imul(hash, 0x01000193) >>> 0; }
    return hash >>> 0;
  }

  // A query as terms that must all match; the pairs of one run of Chinese must also
  // stand at adjacent positions (offset = their distance in the query).
  function plan(query) {
    var list = tokens(query), groups = [], words = [], i = 0;
    while (i < list.length) {
      var t = list[i];
      if (t.cjk) {
        var group = [{ term: t.term, offset: 0 }], base = t.position, j = i + 1;
        while (j < list.length && list[j].cjk && list[j].position === list[j - 1].position + 1) {
          group.push({ term: list[j].term, offset: list[j].position - base }); j++;
        }
        groups.push(group); i = j;
      } else {
        // A compound (`dapr-cli`) comes whole, then as parts: the parts must match.
        var whole = i + 1 < list.length && !list[i + 1].cjk && list[i + 1].position === t.position && list[i + 1].term !== t.term;
        if (!whole && words.indexOf(t.term) < 0) words.push(t.term);
        i++;
      }
    }
    return { groups: groups, words: words };
  }

  // A term's list: the number of pages holding it, then page, score and positions per
  // page. A list shorter than that number keeps only the pages where the term weighs
  // most: it is `partial`, and ranks pages without being required of them.
  function postings(flat) {
    var map = new Map(), page = 0, i = 1;
    while (i < flat.length) {
      page += flat[i]; var score = flat[i + 1], count = flat[i + 2], positions = [], p = 0;
      for (var k = 0; k < count; k++) { p += flat[i + 3 + k]; positions.push(p); }
      map.set(page, { score: score, positions: positions });
      i += 3 + count;
    }
    return { map: map, df: flat[0], partial: map.size < flat[0] };
  }

  // Ranks pages for a plan, given a way to read a term's flat list (or null). Every
  // complete list must hold a page; partial lists only add to its score (when all
  // lists are partial, a page must be in all of them, and `results.partial` is set).
  function rank(query, pageCount, lookup, kept) {
    kept = kept || 2;
    var q = plan(query), sets = [];
    function idf(df) { return Math.log(1 + (pageCount - df + 0.5) / (df + 0.5)); }
    for (var w = 0; w < q.words.length; w++) {
      var flat = lookup(q.words[w]), found = new Map();
      if (!flat) { sets.push({ pages: found, partial: false }); continue; }
      var list = postings(flat), weight = idf(list.df);
      list.map.forEach(function (e, page) { found.set(page, weight * e.score); });
      sets.push({ pages: found, partial: list.partial });
    }
    for (var g = 0; g < q.groups.length; g++) {
      var group = q.groups[g], lists = [], missing = false;
      for (var k = 0; k < group.length; k++) {
        var f = lookup(group[k].term);
        if (!f) { missing = true; break; }
        lists.push(postings(f));
      }
      var matched = new Map(), complete = lists.filter(function (l) { return !l.partial; });
      if (missing) { sets.push({ pages: matched, partial: false }); continue; }
      // Candidates: the pages of the shortest complete list (or of any list when all are partial).
      var seed = (complete.length ? complete : lists).reduce(function (a, b) { return a.map.size <= b.map.size ? a : b; });
      seed.map.forEach(function (unused, page) {
        var score = 0, present = [];
        for (var m = 0; m < lists.length; m++) {
          var e = lists[m].map.get(page);
          if (!e) { if (!lists[m].partial || !complete.length) return; continue; }
          score += idf(lists[m].df) * e.score;
          present.push(m);
        }
        if (present.length > 1) {
          var first = present[0];
          var adjacent = lists[first].map.get(page).positions.some(function (start) {
            var base = start - group[first].offset;
            return present.every(function (m) { return lists[m].map.get(page).positions.indexOf(base + group[m].offset) >= 0; });
          });
          // Positions are kept for the first occurrences only: a page holding every
          // pair but no kept adjacent one still matches, ranked below.
          if (!adjacent) {
            if (!present.every(function (m) { return lists[m].map.get(page).positions.length >= kept; })) return;
            score *= 0.3;
          }
        }
        matched.set(page, score);
      });
      sets.push({ pages: matched, partial: !complete.length });
    }
    var required = sets.filter(function (s) { return !s.partial; }), partial = !required.length;
    if (partial) required = sets;
    var scores = null;
    required.forEach(function (set) {
      if (!scores) { scores = new Map(set.pages); return; }
      var next = new Map();
      set.pages.forEach(function (score, page) { if (scores.has(page)) next.set(page, scores.get(page) + score); });
      scores = next;
    });
    if (!partial) sets.forEach(function (set) {
      if (set.partial) set.pages.forEach(function (score, page) { if (scores.has(page)) scores.set(page, scores.get(page) + score); });
    });
    var results = [];
    (scores || new Map()).forEach(function (score, page) { results.push({ page: page, score: score }); });
    results.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
    results.partial = partial && results.length > 0;
    return results;
  }

  var api = { tokens: tokens, normalize: normalize, stem: stem, setTable: setTable, fnv1a: fnv1a, plan: plan, rank: rank };
  if (typeof module === "object" && module.exports) { module.exports = api; return; }
  root.portalSearch = api;
  if (typeof document === "undefined") return;

  // The page: a box, a status line read out by screen readers, and the results.
  function start() {
    var form = document.querySelector(".search-form");
    if (!form) return;
    var base = form.getAttribute("data-index"), assets = form.getAttribute("data-assets");
    var box = document.getElementById("search-box"), status = document.getElementById("search-status");
    var list = document.getElementById("search-results"), strings = document.getElementById("search-strings");
    var others = document.querySelectorAll(".search-other-link");
    var meta = null, shards = {}, chunks = {}, timer = 0, composing = false, generation = 0;

    function say(key, count, query) {
      status.textContent = (strings.getAttribute("data-" + key) || "").replace("%n", count).replace("%q", query);
    }
    function json(url) { return fetch(url).then(function (r) { if (!r.ok) throw new Error(url); return r.json(); }); }
    function shardOf(term) { return fnv1a(term) % meta.shards; }
    // One fetch per file; its value is kept on the promise once it arrives.
    function load(cache, key, url) {
      if (!cache[key]) {
        var promise = json(url).then(function (v) { promise.value = v; return v; }, function (e) { delete cache[key]; throw e; });
        cache[key] = promise;
      }
      return cache[key];
    }

    function pattern(query) {
      var q = plan(query), parts = [];
      q.groups.forEach(function (g) { parts.push(g.map(function (p, i) { return i ? Array.from(p.term)[1] : p.term; }).join("")); });
      q.words.forEach(function (w) { parts.push(w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "[\\p{L}\\p{N}]*"); });
      return parts.length ? new RegExp(parts.join("|"), "giu") : null;
    }
    // Text with the matches in <mark>, as DOM nodes (never HTML from the index).
    function marked(text, re) {
      var fragment = document.createDocumentFragment(), last = 0, m;
      if (re) {
        re.lastIndex = 0;
        while ((m = re.exec(text)) && m[0]) {
          fragment.appendChild(document.createTextNode(text.slice(last, m.index)));
          var mark = document.createElement("mark"); mark.textContent = m[0]; fragment.appendChild(mark);
          last = m.index + m[0].length;
        }
      }
      fragment.appendChild(document.createTextNode(text.slice(last)));
      return fragment;
    }
    function excerpt(text, re) {
      var at = 0;
      if (re) { re.lastIndex = 0; var m = re.exec(normalize(text).join("")); if (m) at = Array.from(normalize(text).join("").slice(0, m.index)).length; }
      var chars = Array.from(text), from = Math.max(0, at - 30);
      // In Latin text, start at a word.
      for (var k = from; from > 0 && k < Math.min(at, from + 15); k++) if (/\s/.test(chars[k])) { from = k + 1; break; }
      return (from > 0 ? "…" : "") + chars.slice(from, from + 110).join("") + (from + 110 < chars.length ? "…" : "");
    }

    function run(query) {
      var mine = ++generation;
      query = query.trim();
      others.forEach(function (a) { a.search = query ? "?q=" + encodeURIComponent(query) : ""; });
      if (history.replaceState) history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
      if (!query) { list.textContent = ""; status.textContent = ""; return; }
      say("loading", 0, query);
      var table = !api.hasTable && /[\u3400-\u9fff\uf900-\ufaff]/.test(query)
        ? fetch(assets + "search-t2s.txt").then(function (r) { return r.text(); }).then(function (t) { setTable(t); api.hasTable = true; })
        : Promise.resolve();
      table.then(function () { return meta || json(base + "meta.json"); }).then(function (m) {
        meta = m;
        var q = plan(query), terms = q.words.slice();
        q.groups.forEach(function (g) { g.forEach(function (p) { terms.push(p.term); }); });
        var needed = {};
        terms.forEach(function (t) { needed[shardOf(t)] = true; });
        return Promise.all(Object.keys(needed).map(function (k) { return load(shards, k, base + "s" + k + ".json"); }));
      }).then(function () {
        var results = rank(query, meta.pages, function (term) {
          var shard = shards[shardOf(term)];
          return shard && shard.value ? shard.value[term] : null;
        }, meta.positions);
        return results;
      }).then(function (results) {
        var top = results.slice(0, 10), needed = {};
        top.forEach(function (r) { needed[Math.floor(r.page / meta.chunk)] = true; });
        return Promise.all(Object.keys(needed).map(function (k) { return load(chunks, k, base + "d" + k + ".json"); }))
          .then(function () { return { results: results, top: top }; });
      }).then(function (found) {
        if (mine !== generation) return;
        var re = pattern(query);
        list.textContent = "";
        found.top.forEach(function (r) {
          var chunk = chunks[Math.floor(r.page / meta.chunk)].value, doc = chunk[r.page % meta.chunk];
          var li = document.createElement("li"), a = document.createElement("a");
          a.href = doc[0]; a.className = "search-title"; a.appendChild(marked(doc[1], re)); li.appendChild(a);
          var info = [doc[2], doc[3]].filter(Boolean).join(" · ");
          if (info) { var p = document.createElement("p"); p.className = "meta"; p.textContent = info; li.appendChild(p); }
          var e = document.createElement("p"); e.className = "search-excerpt"; e.appendChild(marked(excerpt(doc[4], re), re)); li.appendChild(e);
          list.appendChild(li);
        });
        var n = found.results.length;
        say(n === 0 ? "none" : found.results.partial ? "more" : n === 1 ? "one" : "many", n, query);
      }).catch(function () { if (mine === generation) say("failed", 0, query); });
    }

    function schedule() { clearTimeout(timer); timer = setTimeout(function () { run(box.value); }, 120); }
    box.addEventListener("compositionstart", function () { composing = true; });
    box.addEventListener("compositionend", function () { composing = false; schedule(); });
    box.addEventListener("input", function (event) { if (!composing && !event.isComposing) schedule(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(box.value); });
    function links() { return Array.prototype.slice.call(list.querySelectorAll("a.search-title")); }
    document.addEventListener("keydown", function (event) {
      var target = event.target, inField = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
      if (event.key === "/" && !inField) { event.preventDefault(); box.focus(); box.select(); return; }
      if (event.key === "Escape" && (target === box || list.contains(target))) { box.value = ""; run(""); box.focus(); return; }
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var all = links(), at = all.indexOf(target);
      if (target === box && event.key === "ArrowDown" && all.length) { event.preventDefault(); all[0].focus(); }
      else if (at >= 0) {
        event.preventDefault();
        if (event.key === "ArrowDown" && at + 1 < all.length) all[at + 1].focus();
        else if (event.key === "ArrowUp") (at > 0 ? all[at - 1] : box).focus();
      }
    });
    var initial = new URLSearchParams(location.search).get("q");
    if (initial) { box.value = initial; run(initial); }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})(this);
