/* Events: show an event's times in the visitor's own time zone too.
   Each <time class="js-local-time" datetime="…Z" data-end="…Z" data-zone="Area/City" data-label="Your time">
   keeps the times on the venue's clock; when the visitor's clock reads differently,
   a line "Your time: …" is added after it (at the end of an enclosing [data-local-time] box). Without JavaScript, or with a browser that lacks
   Intl time zones, nothing changes. Loaded with defer; no dependencies. */
(function () {
  "use strict";

  function visitorZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return "";
    }
  }

  function formatter(language, zone, withDate) {
    var options = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone };
    if (withDate) {
      options.weekday = "short";
      options.day = "numeric";
      options.month = "short";
    }
    return new Intl.DateTimeFormat(language, options);
  }

  function zoneName(language, zone, moment) {
    try {
      var parts = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: "short" }).formatToParts(moment);
      for (var i = 0; i < parts.length; i++) {
        if (parts[i].type === "timeZoneName") return parts[i].value;
      }
    } catch (error) {
      /* an old engine without formatToParts: leave the zone out */
    }
    return "";
  }

  function describe(language, zone, start, end) {
    var withDate = formatter(language, zone, true);
    var timeOnly = formatter(language, zone, false);
    var dayOf = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
    var text = withDate.format(start);
    if (end) {
      text += "–" + (dayOf.format(start) === dayOf.format(end) ? timeOnly.format(end) : withDate.format(end));
    }
    return text;
  }

  function enhance(element, zone, language) {
    var start = new Date(element.getAttribute("datetime"));
    var endValue = element.getAttribute("data-end");
    var end = endValue ? new Date(endValue) : null;
    var eventZone = element.getAttribute("data-zone");
    if (isNaN(start.getTime()) || !eventZone || (end && isNaN(end.getTime()))) return;
    var mine, theirs;
    try {
      mine = describe(language, zone, start, end);
      theirs = describe(language, eventZone, start, end);
    } catch (error) {
      return; /* an unknown zone name */
    }
    // Same clock reading (e.g. Asia/Chongqing and Asia/Shanghai): nothing to add.
    if (mine === theirs) return;
    var name = zoneName(language, zone, start);
    var note = document.createElement("span");
    note.className = "local-time";
    note.textContent = (element.getAttribute("data-label") || "Your time") + ": " + mine + (name ? " (" + name + ")" : "");
    // After the zone label when the element sits in a [data-local-time] box, else right after the times.
    var box = element.closest ? element.closest("[data-local-time]") : null;
    if (box) {
      box.appendChild(note);
    } else {
      element.insertAdjacentElement("afterend", note);
    }
  }

  function enhanceAll() {
    if (typeof Intl === "undefined" || !Intl.DateTimeFormat) return;
    var zone = visitorZone();
    if (!zone) return;
    var language = document.documentElement.lang || undefined;
    var elements = document.querySelectorAll("time.js-local-time");
    for (var i = 0; i < elements.length; i++) {
      enhance(elements[i], zone, language);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
