// portal: a copy button on each code block. Loaded only by pages with code; without
// JavaScript the code is all there and can be selected as usual.
(function () {
  "use strict";
  var script = document.currentScript;
  var label = (script && script.getAttribute("data-copy")) || "Copy";
  var done = (script && script.getAttribute("data-copied")) || "Copied";

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand("copy");
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function add(pre) {
    var code = pre.querySelector("code");
    if (!code || pre.parentNode.classList.contains("code-wrap")) return;
    var wrap = document.createElement("div");
    wrap.className = "code-wrap";
    pre.parentNode.insertBefore(wrap, pre);
    wrap.appendChild(pre);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "code-copy";
    button.textContent = label;
    button.addEventListener("click", function () {
      copy(code.textContent.replace(/\n$/, "")).then(function () {
        button.textContent = done;
        setTimeout(function () { button.textContent = label; }, 1500);
      }, function () {});
    });
    wrap.appendChild(button);
  }

  function start() {
    var blocks = document.querySelectorAll("main pre:not(.mermaid)");
    for (var i = 0; i < blocks.length; i++) add(blocks[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
