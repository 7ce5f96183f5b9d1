// Shared by the browser checks: `portal serve` on a port the system picks, and
// headless Chromium driven over the DevTools protocol through a pipe (fds 3 and 4,
// messages separated by NUL bytes), so nothing is installed from npm.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function findBrowser() {
  return ["chromium", "chromium-browser", "google-chrome"].find((name) => {
    try { execFileSync("which", [name], { stdio: "ignore" }); return true; } catch { return false; }
  });
}

// portal serve, on a port the system picks; its first "serving" line gives the URL.
export function serve(portal, site) {
  return new Promise((resolve, reject) => {
    const child = spawn(portal, ["serve", "--source", site, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let seen = "";
    const timer = setTimeout(() => reject(new Error("portal serve did not start in 120 s:\n" + seen)), 120_000);
    const read = (chunk) => {
      seen += chunk;
      const match = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(seen);
      if (match) { clearTimeout(timer); resolve({ child, base: match[1] }); }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => reject(new Error(`portal serve exited (${code}):\n${seen}`)));
  });
}

// Chromium with the DevTools protocol on fds 3 (commands) and 4 (replies and events),
// messages separated by NUL bytes.
export function chromium(browser) {
  const profile = mkdtempSync(join(tmpdir(), "portal-chromium-"));
  const child = spawn(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-pipe",
    `--user-data-dir=${profile}`, "--window-size=1280,900", "about:blank"], { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] });
  const out = child.stdio[3], input = child.stdio[4];
  let id = 0, buffer = "";
  const waiting = new Map(), listeners = [];
  input.on("data", (chunk) => {
    buffer += chunk.toString("utf8");
    let end;
    while ((end = buffer.indexOf("\0")) >= 0) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (message.id && waiting.has(message.id)) {
        const { resolve, reject } = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.error) reject(new Error(JSON.stringify(message.error))); else resolve(message.result);
      } else listeners.forEach((listen) => listen(message));
    }
  });
  function send(method, params = {}, sessionId) {
    const message = { id: ++id, method, params };
    if (sessionId) message.sessionId = sessionId;
    out.write(JSON.stringify(message) + "\0");
    return new Promise((resolve, reject) => waiting.set(message.id, { resolve, reject }));
  }
  // Stops Chromium and removes its profile (its helpers may write there a moment longer).
  function close() {
    return new Promise((resolve) => {
      const done = () => {
        try { rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }); } catch { /* a temporary folder */ }
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once("exit", done);
      child.kill("SIGKILL");
    });
  }
  return { send, listeners, close };
}

// A page to drive: its session, a way to send it commands, to evaluate JavaScript in
// it and to open a URL and wait for it to load.
export async function session(chrome) {
  const { targetId } = await chrome.send("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await chrome.send("Target.attachToTarget", { targetId, flatten: true });
  const send = (method, params) => chrome.send(method, params, sessionId);
  await send("Page.enable");
  const evaluate = async (expression) => (await send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true })).result.value;
  async function open(url) {
    const loaded = new Promise((resolve) => chrome.listeners.push((m) => { if (m.method === "Page.loadEventFired" && m.sessionId === sessionId) resolve(); }));
    await send("Page.navigate", { url });
    await loaded;
  }
  return { sessionId, send, evaluate, open };
}
