// Runs queries against a built site's index from disk, as the search page does in a
// browser: node Tests/JS/query.cjs PUBLIC_DIR LANG_PREFIX QUERY...  -> JSON lines of URLs.
const fs = require("fs");
const path = require("path");
const search = require("../../Templates/assets/search.js");
const [site, prefix, ...queries] = process.argv.slice(2);
search.setTable(fs.readFileSync(path.join(site, "assets", "search-t2s.txt"), "utf8"));
const folder = path.join(site, prefix, "search");
const meta = JSON.parse(fs.readFileSync(path.join(folder, "meta.json"), "utf8"));
const shards = new Map();
function shard(k) {
  if (!shards.has(k)) shards.set(k, JSON.parse(fs.readFileSync(path.join(folder, "s" + k + ".json"), "utf8")));
  return shards.get(k);
}
for (const query of queries) {
  const results = search.rank(query, meta.pages, (term) => shard(search.fnv1a(term) % meta.shards)[term] || null, meta.positions);
  const urls = results.slice(0, 5).map((r) => {
    const chunk = JSON.parse(fs.readFileSync(path.join(folder, "d" + Math.floor(r.page / meta.chunk) + ".json"), "utf8"));
    return chunk[r.page % meta.chunk][0];
  });
  console.log(JSON.stringify({ query, count: results.length, urls }));
}
