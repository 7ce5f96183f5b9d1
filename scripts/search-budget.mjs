// What a search costs a reader's connection: serves SITE with `portal serve`, opens
// each language's search page in headless Chromium, types queries one after another
// and counts the bytes each query fetched (the index's meta, shards and result
// chunks, and the Traditional-to-Simplified table), as sent and as gzip would send
// them (what static hosts do for JSON).
//
//   node scripts/search-budget.mjs PORTAL_BINARY SITE_FOLDER [QUERIES_PER_LANGUAGE]
//
// The queries are taken from the site's own titles (two to four Chinese characters,
// or two English words), the same ones on every run.
import { gzipSync } from "node:zlib";
import { findBrowser, serve, chromium, session } from "../Tests/Browser/cdp.mjs";

const [portal, site, perLanguage = "20"] = process.argv.slice(2);
if (!portal || !site) {
  console.error("usage: node scripts/search-budget.mjs PORTAL_BINARY SITE_FOLDER [QUERIES_PER_LANGUAGE]");
  process.exit(2);
}
const browser = findBrowser();
if (!browser) {
  console.error("needs chromium (apt-get install chromium)");
  process.exit(1);
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : 0;
};
const kb = (bytes) => (bytes / 1024).toFixed(1) + " KB";

// Queries from titles in the index's result chunks, spread over the site.
async function queries(base, language, count) {
  const meta = await (await fetch(`${base}${language}/search/meta.json`)).json();
  const chunks = Math.ceil(meta.pages / meta.chunk);
  const found = [];
  for (let k = 0; found.length < count && k < chunks; k += Math.max(1, Math.floor(chunks / count))) {
    const rows = await (await fetch(`${base}${language}/search/d${k}.json`)).json();
    const title = rows[0][1];
    if (language === "en") {
      const words = title.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 3);
      if (words.length >= 2) found.push(words.slice(0, 2).join(" "));
    } else {
      const runs = title.match(/[\u4e00-\u9fff]{2,}/g) || [];
      const run = runs.sort((a, b) => b.length - a.length)[0];
      if (run) found.push(run.slice(0, 2 + (k % 3)));
    }
  }
  return found;
}

async function main() {
  const server = await serve(portal, site);
  const chrome = chromium(browser);
  const gzipped = new Map();
  async function compressed(url) {
    if (!gzipped.has(url)) gzipped.set(url, gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 6 }).length);
    return gzipped.get(url);
  }
  try {
    for (const language of ["zh-hans", "en"]) {
      const list = await queries(server.base, language, Number(perLanguage));
      const { sessionId, send, evaluate, open } = await session(chrome);
      await send("Network.enable");
      await send("Network.setCacheDisabled", { cacheDisabled: false });
      const urls = new Map();
      let fetched = [];
      chrome.listeners.push((m) => {
        if (m.sessionId !== sessionId) return;
        if (m.method === "Network.requestWillBeSent") urls.set(m.params.requestId, m.params.request.url);
        if (m.method === "Network.loadingFinished") fetched.push({ url: urls.get(m.params.requestId), bytes: m.params.encodedDataLength });
      });
      await open(`${server.base}${language}/search/`);
      const script = fetched.find((f) => f.url && f.url.endsWith("search.js"));
      const rows = [];
      for (const query of list) {
        fetched = [];
        await evaluate(`(() => { const box = document.getElementById("search-box"); box.value = ""; document.getElementById("search-status").textContent = ""; box.focus(); })()`);
        await send("Input.insertText", { text: query });
        let status = "";
        for (let i = 0; i < 100; i++) {
          await sleep(50);
          status = await evaluate(`document.getElementById("search-status").textContent`);
          if (status && !/…/.test(status)) break;
        }
        await sleep(100);
        const files = fetched.filter((f) => f.url && (f.url.includes("/search/") || f.url.includes("search-t2s")));
        const raw = files.reduce((sum, f) => sum + f.bytes, 0);
        let gz = 0;
        for (const f of files) gz += await compressed(f.url);
        rows.push({ query, files: files.length, raw, gz, status });
      }
      const later = rows.slice(1);
      console.log(`${language}: search.js ${script ? kb(script.bytes) : "?"} sent; ${rows.length} queries`);
      for (const row of rows) console.log(`  ${row.query.padEnd(20)} ${String(row.files).padStart(3)} files ${kb(row.raw).padStart(9)} sent ${kb(row.gz).padStart(9)} gzipped   ${row.status}`);
      console.log(`  first query: ${kb(rows[0].raw)} sent, ${kb(rows[0].gz)} gzipped`);
      console.log(`  later queries, median: ${kb(median(later.map((r) => r.raw)))} sent, ${kb(median(later.map((r) => r.gz)))} gzipped; max ${kb(Math.max(...later.map((r) => r.gz)))} gzipped`);
    }
  } finally {
    await chrome.close();
    server.child.kill("SIGINT");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
