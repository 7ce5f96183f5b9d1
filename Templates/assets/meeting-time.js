// Adds the reader's own time to every meeting time on the page (the page already shows
// the meeting's zone and the site's): Intl formats it in the browser's zone and language.
(function () {
  "use strict";
  var script = document.currentScript;
  var label = (script && script.getAttribute("data-label")) || "Your time";
  var colon = (script && script.getAttribute("data-colon")) || ": ";
  var language = document.documentElement.lang || undefined;
  var zone, format;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    format = new Intl.DateTimeFormat(language, { dateStyle: "full", timeStyle: "short", timeZoneName: undefined });
  } catch (error) {
    return;
  }
  function show() {
    var times = document.querySelectorAll("time[data-meeting-start]");
    for (var i = 0; i < times.length; i++) {
      var time = times[i];
      var date = new Date(time.getAttribute("data-meeting-start"));
      if (isNaN(date.getTime())) continue;
      var holder = time.closest(".meeting, .meeting-item");
      var target = holder && holder.querySelector(".reader-time");
      if (!target) continue;
      target.textContent = label + colon + format.format(date) + (zone ? " (" + zone.replace(/_/g, " ") + ")" : "");
      target.hidden = false;
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
