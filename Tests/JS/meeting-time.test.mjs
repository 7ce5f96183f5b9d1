// The theme's meeting time script with a small stand-in for the DOM:
//   node --test Tests/JS/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";

const root = new URL("../../", import.meta.url);
const source = readFileSync(new URL("Templates/assets/meeting-time.js", root), "utf8");

function element(attributes = {}) {
  return {
    attributes, hidden: true, textContent: "", parent: null, children: [],
    getAttribute(name) { return name in this.attributes ? this.attributes[name] : null; },
    closest(selector) {
      for (let node = this.parent; node; node = node.parent) {
        if (selector.split(",").some((s) => node.attributes.class === s.trim().slice(1))) return node;
      }
      return null;
    },
    querySelector(selector) { return this.children.find((c) => c.attributes.class === selector.slice(1)) || null; },
  };
}

function page(language, start) {
  const item = element({ class: "meeting-item" });
  const time = element({ "data-meeting-start": start });
  const reader = element({ class: "reader-time" });
  time.parent = item;
  item.children = [time, reader];
  const script = element({ "data-label": language === "zh-Hans" ? "你的时间" : "Your time", "data-colon": language === "zh-Hans" ? "：" : ": " });
  const document = {
    readyState: "complete", currentScript: script, documentElement: { lang: language },
    querySelectorAll: () => [time], addEventListener() {},
  };
  vm.runInNewContext(source, { document, Intl, Date, isNaN });
  return reader;
}

test("the reader's time is shown in the reader's zone and language", () => {
  const start = "2022-01-12T03:30:00+00:00";
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const english = page("en", start);
  assert.equal(english.hidden, false);
  const expected = new Intl.DateTimeFormat("en", { dateStyle: "full", timeStyle: "short" }).format(new Date(start));
  assert.equal(english.textContent, "Your time: " + expected + " (" + zone.replace(/_/g, " ") + ")");
  const chinese = page("zh-Hans", start);
  assert.ok(chinese.textContent.startsWith("你的时间："), chinese.textContent);
});

test("a time that does not parse is left alone", () => {
  const reader = page("en", "not a time");
  assert.equal(reader.hidden, true);
  assert.equal(reader.textContent, "");
});
