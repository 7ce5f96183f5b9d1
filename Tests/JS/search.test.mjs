// The theme's search script against the cases the Swift tokeniser runs:
//   node --test Tests/JS/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const root = new URL("../../", import.meta.url);
const search = require(new URL("Templates/assets/search.js", root).pathname);
search.setTable(readFileSync(new URL("Templates/assets/search-t2s.txt", root), "utf8"));
const cases = JSON.parse(readFileSync(new URL("Tests/Fixtures/search/tokenizer-cases.json", root), "utf8"));

test("the shared tokeniser cases", () => {
  assert.ok(cases.length >= 10);
  for (const item of cases) {
    const actual = search.tokens(item.text).map((t) => [t.term, t.position]);
    assert.deepEqual(actual, item.tokens, item.text);
  }
});

test("traditional input is simplified", () => {
  assert.equal(search.normalize("社區網頁開發").join(""), "社区网页开发");
});

// Lists as the index writes them: [pages holding the term, then per page: page gap,
// score, position count, positions].
function index(lists) { return (term) => lists[term] || null; }

test("pairs match at adjacent positions", () => {
  const lookup = index({ 服务: [2, 0, 50, 1, 4, 1, 50, 1, 9], 务网: [2, 0, 50, 1, 5, 1, 50, 1, 30], 网格: [2, 0, 50, 1, 6, 1, 50, 1, 31] });
  // Page 1 holds each pair, none beside the next: not a match.
  assert.deepEqual(search.rank("服务网格", 100, lookup).map((r) => r.page), [0]);
  // Unless the index kept one position per page: the pair beside may be a later one,
  // so page 1 matches, ranked below.
  const loose = search.rank("服务网格", 100, lookup, 1);
  assert.deepEqual(loose.map((r) => r.page), [0, 1]);
  assert.ok(loose[1].score < loose[0].score);
});

test("a partial list ranks pages but does not exclude them", () => {
  // 社区 is on 900 pages; its list keeps pages 0 and 1. 治理 is complete: pages 1 and 2.
  const lookup = index({ 社区: [900, 0, 90, 1, 3, 1, 80, 1, 3], 区治: [2, 1, 40, 1, 4, 1, 40, 1, 4], 治理: [2, 1, 40, 1, 5, 1, 40, 1, 5] });
  const results = search.rank("社区治理", 1000, lookup);
  assert.deepEqual(results.map((r) => r.page), [1, 2], "page 2 is found without 社区 in its list; page 1 ranks first with it");
  assert.equal(results.partial, false);
  // Only partial lists: their common pages, marked partial.
  const only = search.rank("社区", 1000, lookup);
  assert.deepEqual(only.map((r) => r.page), [0, 1]);
  assert.equal(only.partial, true);
});

test("a word no page holds finds nothing", () => {
  const lookup = index({ dapr: [1, 3, 50, 0] });
  assert.deepEqual(search.rank("dapr", 10, lookup).map((r) => r.page), [3]);
  assert.equal(search.rank("dapr nowhere", 10, lookup).length, 0);
});
