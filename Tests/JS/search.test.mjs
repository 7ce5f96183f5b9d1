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
