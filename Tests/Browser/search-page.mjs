// The search page as a reader uses it: `portal serve` on 127.0.0.1 (port 0) and
// headless Chromium driven over the DevTools protocol (a pipe, nothing to install
// from npm). Each query of Tests/Fixtures/search/sample-queries.json is typed into
// the box and the results list is read back; the keyboard, IME composition, the
// other-language link and Traditional input are checked on the way.
//
//   node Tests/Browser/search-page.mjs PORTAL_BINARY SITE_FOLDER
//
// Prints one line per check and exits 1 when one fails; exits 0 with a reason when
// Chromium is not installed (a user's machine need not have it; CI installs it).
import { readFileSync } from "node:fs";
import { findBrowser, serve, chromium, session } from "./cdp.mjs";

const [portal, site] = process.argv.slice(2);
if (!portal || !site) {
  console.error("usage: node Tests/Browser/search-page.mjs PORTAL_BINARY SITE_FOLDER");
  process.exit(2);
}
const browser = findBrowser();
if (!browser) {
  console.log("skipped: no chromium on this machine (apt-get install chromium)");
  process.exit(0);
}
const cases = JSON.parse(readFileSync(new URL("../Fixtures/search/sample-queries.json", import.meta.url), "utf8"));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures += 1;
}

async function main() {
  const server = await serve(portal, site);
  const chrome = chromium(browser);
  try {
    const { sessionId, send, evaluate, open } = await session(chrome);
    const key = (name, code, text) => Promise.all([
      send("Input.dispatchKeyEvent", { type: text ? "keyDown" : "rawKeyDown", key: name, code, windowsVirtualKeyCode: { "/": 191, ArrowDown: 40, ArrowUp: 38, Escape: 27, Enter: 13 }[name], text }),
      send("Input.dispatchKeyEvent", { type: "keyUp", key: name, code }),
    ]);
    // What the page shows: the status line and the results' links, once the status
    // is no longer "searching" and `generation` answers have been drawn.
    const state = () => evaluate(`({ status: document.getElementById("search-status").textContent,
      urls: Array.from(document.querySelectorAll("#search-results a.search-title")).map((a) => new URL(a.href).pathname),
      marks: document.querySelectorAll("#search-results mark").length,
      other: Array.from(document.querySelectorAll(".search-other-link")).map((a) => a.href),
      focused: document.activeElement && (document.activeElement.id || new URL(document.activeElement.href || location.href).pathname),
      box: document.getElementById("search-box").value })`);
    async function settled(previous) {
      for (let i = 0; i < 100; i++) {
        await sleep(50);
        const now = await state();
        if (now.status && !/…|\.\.\./.test(now.status) && now.status !== previous) return now;
      }
      return state();
    }
    async function type(query) {
      await evaluate(`(() => { const box = document.getElementById("search-box"); box.value = ""; box.blur(); document.getElementById("search-status").textContent = ""; })()`);
      await key("/", "Slash", "/"); // `/` focuses the box
      await send("Input.insertText", { text: query });
      return settled("");
    }

    for (const [language, pairs] of Object.entries(cases.top3)) {
      await open(`${server.base}${language}/search/`);
      for (const [query, page] of pairs) {
        const shown = await type(query);
        check(shown.urls.slice(0, 3).includes(page), `${language} "${query}" shows ${page} in its top three (${shown.urls.slice(0, 3).join(" ")}; "${shown.status}")`);
        check(shown.marks > 0, `${language} "${query}" marks the matched text`);
      }
    }

    await open(`${server.base}${cases.traditional[0]}/search/`);
    const traditional = await type(cases.traditional[1]);
    check(traditional.urls[0] === cases.traditional[2], `Traditional "${cases.traditional[1]}" finds ${cases.traditional[2]} first (${traditional.urls[0]})`);
    const none = await type(cases.none[1]);
    check(none.urls.length === 0 && none.status.length > 0, `"${cases.none[1]}" finds nothing and says so ("${none.status}")`);

    // The other language: its link carries the query, and the query finds the page there.
    const other = await type(cases.otherLanguage[1]);
    check(other.urls.length === 0, `"${cases.otherLanguage[1]}" is not in the ${cases.otherLanguage[0]} index`);
    const link = other.other.find((href) => href.includes("?q="));
    check(Boolean(link), `the other-language link carries the query (${other.other.join(" ")})`);
    if (link) {
      await open(new URL(link, server.base).href);
      const there = await settled("");
      check(there.urls[0] === cases.otherLanguage[2], `the other language's page runs it: ${there.urls[0]}`);
    }

    // Keyboard: arrows move through the results, Escape clears, Enter opens.
    await open(`${server.base}en/search/`);
    const listed = await type("meetup");
    await key("ArrowDown", "ArrowDown");
    let now = await state();
    check(now.focused === listed.urls[0], `ArrowDown from the box focuses the first result (${now.focused})`);
    await key("ArrowDown", "ArrowDown");
    now = await state();
    check(listed.urls.length < 2 || now.focused === listed.urls[1], `ArrowDown again focuses the second (${now.focused})`);
    await key("Escape", "Escape");
    now = await state();
    check(now.box === "" && now.urls.length === 0 && now.focused === "search-box", "Escape clears the box and the results and returns to the box");

    // Enter on a result opens it.
    const again = await type("meetup");
    await key("ArrowDown", "ArrowDown");
    await Promise.all([
      new Promise((resolve) => chrome.listeners.push((m) => { if (m.method === "Page.loadEventFired" && m.sessionId === sessionId) resolve(); })),
      key("Enter", "Enter", "\r"),
    ]);
    const opened = await evaluate("location.pathname");
    check(opened === again.urls[0], `Enter opens the focused result (${opened})`);

    // IME composition (pinyin): nothing is searched until the text is committed.
    await open(`${server.base}zh-hans/search/`);
    await evaluate(`document.getElementById("search-box").focus()`);
    await send("Input.imeSetComposition", { text: "huiyi", selectionStart: 5, selectionEnd: 5 });
    await sleep(400);
    now = await state();
    check(now.urls.length === 0 && now.status === "", `no search while composing ("${now.status}")`);
    await send("Input.insertText", { text: "会议" });
    const committed = await settled("");
    check(committed.box === "会议" && committed.urls.length > 0, `the committed text is searched ("${committed.box}": "${committed.status}")`);
  } finally {
    await chrome.close();
    server.child.kill("SIGINT");
  }
  console.log(failures === 0 ? "search page: all checks passed" : `search page: ${failures} checks failed`);
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
