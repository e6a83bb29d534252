/* Brandhub's share cards: copy, versions, editing, per-network counts and share links.
 * The links in the page work without this script; it adds what needs a browser. */
(function () {
  "use strict";

  var MASTODON_KEY = "brandhub.mastodon";
  // The words to show, in the hub's language (hub/scriptwords.py): read from the page's <head>,
  // which content cannot add to, never from an element content could name first.
  var WORDS = (function () {
    var found = document.head ? document.head.querySelectorAll("script[data-bh-words]") : [];
    try { return found.length ? JSON.parse(found[found.length - 1].textContent) : {}; }
    catch (e) { return {}; }
  })();
  var plurals = typeof Intl !== "undefined" && Intl.PluralRules
    ? new Intl.PluralRules(WORDS.locale || undefined) : null;

  function word(key, values) {
    var text = WORDS[key];
    if (text && typeof text === "object") {
      var category = plurals && values ? plurals.select(values.count) : "other";
      text = text[category] || text.other;
    }
    if (typeof text !== "string") return "";
    return text.replace(/%\((\w+)\)s/g, function (all, name) {
      return values && name in values ? String(values[name]) : all;
    });
  }
  var URL_WEIGHT = 23;
  // X's published weighting (twitter-text v3): these code points weigh 1, the rest 2.
  var LIGHT = [[0, 4351], [8192, 8205], [8208, 8223], [8242, 8247]];
  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter
    ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

  function graphemes(text) {
    if (!segmenter) return Array.from(text);
    return Array.from(segmenter.segment(text), function (s) { return s.segment; });
  }

  function xWeight(text) {
    var total = 0;
    graphemes(text).forEach(function (g) {
      if (/\p{Extended_Pictographic}/u.test(g)) { total += 2; return; }
      Array.from(g).forEach(function (ch) {
        var cp = ch.codePointAt(0);
        var light = LIGHT.some(function (r) { return cp >= r[0] && cp <= r[1]; });
        total += light ? 1 : 2;
      });
    });
    return total;
  }

  // Bluesky's composer counts a link as host + 13 characters + "..." (social-app toShortUrl).
  function blueskyShort(link) {
    try {
      var url = new URL(link);
      if (url.protocol !== "http:" && url.protocol !== "https:") return link;
      var rest = (url.pathname === "/" ? "" : url.pathname) + url.search + url.hash;
      return url.host + (rest.length > 15 ? rest.slice(0, 13) + "..." : rest);
    } catch (e) { return link; }
  }

  var COUNTERS = {
    x: function (text) { return xWeight(text) + 1 + URL_WEIGHT; },
    mastodon: function (text) { return Array.from(text).length + 1 + URL_WEIGHT; },
    bluesky: function (text, link) { return graphemes(text + " " + blueskyShort(link)).length; }
  };

  function count(channel, text, link) {
    var counter = COUNTERS[channel];
    return counter ? counter(text, link) : Array.from(text + " " + link).length;
  }

  function shareUrl(template, text, link, title, instance) {
    var values = { text: text, url: link, post: text + " " + link, title: title };
    var result = template;
    Object.keys(values).forEach(function (key) {
      result = result.split("{" + key + "}").join(encodeURIComponent(values[key]));
    });
    return result.split("{instance}").join(instance || "");
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Fallback for browsers or pages without the Clipboard API (plain http, old browsers).
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  function setup(card) {
    var status = card.querySelector("[data-bh-status]");
    var form = card.querySelector("[data-bh-mastodon-form]");
    var pending = null;
    if (typeof navigator.share === "function") {
      card.querySelectorAll("[data-bh-native]").forEach(function (b) { b.hidden = false; });
    }

    function say(message) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = message; }, 30);
    }

    function current() {
      return card.querySelector("[data-bh-variant]:not([hidden])");
    }

    function textFor(variant, button) {
      var area = variant.querySelector("[data-bh-text]");
      var edited = area.value !== area.getAttribute("data-bh-original");
      // Untouched: the network's own text (its override, if any). Edited: the reader's words.
      return edited || !button ? area.value : button.getAttribute("data-bh-channel-text");
    }

    function refresh(variant) {
      var area = variant.querySelector("[data-bh-text]");
      var link = variant.querySelector("[data-bh-copy]").getAttribute("data-bh-link");
      variant.querySelectorAll("[data-bh-count]").forEach(function (item) {
        var channel = item.getAttribute("data-bh-count");
        var left = Number(item.getAttribute("data-bh-limit")) - count(channel, area.value, link);
        item.querySelector("[data-bh-left]").textContent = String(left);
        item.classList.toggle("bh-low", left < 20);
      });
    }

    function pick(index) {
      card.querySelectorAll("[data-bh-variant]").forEach(function (v) {
        v.hidden = v.getAttribute("data-bh-variant") !== String(index);
      });
      card.querySelectorAll("[data-bh-pick]").forEach(function (b) {
        b.setAttribute("aria-pressed", String(b.getAttribute("data-bh-pick") === String(index)));
      });
    }

    function open(button, instance) {
      var variant = current();
      var url = shareUrl(button.getAttribute("data-bh-template"), textFor(variant, button),
        button.getAttribute("data-bh-link"), button.getAttribute("data-bh-title"), instance);
      window.open(url, "_blank", "noopener");
    }

    card.addEventListener("input", function (event) {
      if (event.target.matches("[data-bh-text]")) refresh(current());
    });

    card.addEventListener("click", function (event) {
      var target = event.target.closest("button, a");
      if (!target || !card.contains(target)) return;
      if (target.hasAttribute("data-bh-pick")) {
        pick(target.getAttribute("data-bh-pick"));
      } else if (target.hasAttribute("data-bh-shuffle")) {
        var all = card.querySelectorAll("[data-bh-variant]");
        var now = Number(current().getAttribute("data-bh-variant"));
        var next = (now + 1 + Math.floor(Math.random() * (all.length - 1))) % all.length;
        pick(next);
        say(word("version", { number: next + 1 }));
      } else if (target.hasAttribute("data-bh-native")) {
        // The device's own share sheet: the post as it stands, with the copy button's link.
        navigator.share({ text: current().querySelector("[data-bh-text]").value,
          url: target.getAttribute("data-bh-link") }).catch(function () { /* cancelled */ });
      } else if (target.hasAttribute("data-bh-copy")) {
        var variant = current();
        var text = variant.querySelector("[data-bh-text]").value + " " +
          target.getAttribute("data-bh-link");
        copy(text).then(function () { say(word("copied")); },
          function () { say(word("copyFailed")); });
      } else if (target.hasAttribute("data-bh-channel")) {
        var label = target.getAttribute("data-bh-label");
        var channel = target.getAttribute("data-bh-channel");
        var body = textFor(current(), target);
        if (target.getAttribute("data-bh-prefill") === "false") {
          // The network ignores prefilled text: copy it, then let the link open the network.
          copy(body + " " + target.getAttribute("data-bh-link")).then(function () {
            say(word("copiedFor", { network: label }));
          }, function () { say(word("copyFor", { network: label })); });
          return;
        }
        event.preventDefault();
        if (channel === "mastodon") {
          var saved = window.localStorage && localStorage.getItem(MASTODON_KEY);
          if (!saved) {
            pending = target;
            form.hidden = false;
            form.querySelector("input").focus();
            return;
          }
          open(target, saved);
          return;
        }
        open(target, "");
      }
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = form.querySelector("input").value.trim()
        .replace(/^https?:\/\//, "").replace(/\/.*$/, "");
      if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(value)) {
        say(word("mastodonAsk"));
        return;
      }
      if (window.localStorage) localStorage.setItem(MASTODON_KEY, value);
      form.hidden = true;
      if (pending) open(pending, value);
      say(word("mastodonKept"));
    });
  }

  /* Welcome journeys: a checklist kept in this browser, and a calendar from the start date. */

  function ics(text) {
    // RFC 5545 text: escape backslash, semicolon, comma and line breaks.
    return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n").replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "");
  }

  // A URI or an identifier is not text: it cannot be escaped, so one with a line break or a
  // control character (which would start a line of its own, an ATTENDEE say) is left out.
  function plain(value) {
    return value && !/[\s\x00-\x1f\x7f]/.test(value) ? value : "";
  }
  var MAX_DAY = 3650;  // hub/kinds.py: the check refuses a later step
  var MIN_DAY = -60;  // hub/kinds.py: pre-boarding starts at most this many days before

  function fold(line) {
    // Lines longer than 75 octets continue on the next line after CRLF and a space;
    // a character is never split between two lines.
    var encoder = new TextEncoder();
    var out = [];
    var current = "";
    var size = 0;
    Array.from(line).forEach(function (ch) {
      var bytes = encoder.encode(ch).length;
      var limit = out.length === 0 ? 75 : 74;
      if (size + bytes > limit) {
        out.push(current);
        current = "";
        size = 0;
      }
      current += ch;
      size += bytes;
    });
    out.push(current);
    return out.join("\r\n ");
  }

  function day(start, offset) {
    // setUTCFullYear, not Date.UTC, which reads the years 0 to 99 as 1900 to 1999.
    var date = new Date(0);
    date.setUTCFullYear(start[0], start[1] - 1, start[2] + offset);
    var year = date.getUTCFullYear();
    if (isNaN(year) || year < 1 || year > 9999) return "";
    return String(year).padStart(4, "0") +
      String(date.getUTCMonth() + 1).padStart(2, "0") + String(date.getUTCDate()).padStart(2, "0");
  }

  function journeyCalendar(journey, startValue) {
    var start = startValue.split("-").map(Number);
    var key = plain(journey.getAttribute("data-bh-journey")) || "journey";
    var host = plain(journey.getAttribute("data-bh-host")) || "brandhub";
    var stamp = day(start, 0) + "T000000Z";
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Brandhub//Brandhub hub//EN",
      "CALSCALE:GREGORIAN", "X-WR-CALNAME:" + ics(journey.getAttribute("data-bh-calname"))];
    journey.querySelectorAll("[data-bh-day]").forEach(function (step, index) {
      var offset = Number(step.getAttribute("data-bh-day"));
      var summary = step.getAttribute("data-bh-summary");
      var url = plain(step.getAttribute("data-bh-url"));
      if (!(Number.isInteger(offset) && offset >= MIN_DAY && offset <= MAX_DAY)) return;
      if (!day(start, offset + 1) || !day(start, offset)) return;  // outside years 1 to 9999
      var description = [summary, url].filter(Boolean).join("\n");
      lines.push("BEGIN:VEVENT", "UID:" + key + "-step-" + (index + 1) + "-" + startValue + "@" + host,
        "DTSTAMP:" + stamp, "DTSTART;VALUE=DATE:" + day(start, offset),
        "DTEND;VALUE=DATE:" + day(start, offset + 1),
        "SUMMARY:" + ics(step.getAttribute("data-bh-title")));
      if (description) lines.push("DESCRIPTION:" + ics(description));
      if (url) lines.push("URL:" + url);
      lines.push("END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  function setupJourney(journey) {
    var key = "brandhub.journey." + journey.getAttribute("data-bh-journey");
    var boxes = journey.querySelectorAll("[data-bh-step]");
    var progress = journey.querySelector("[data-bh-progress]");
    var done = [];
    try { done = JSON.parse(localStorage.getItem(key) || "[]"); } catch (e) { done = []; }

    function show() {
      var count = journey.querySelectorAll("[data-bh-step]:checked").length;
      progress.textContent = word("stepsDone", { done: count, count: boxes.length });
    }

    boxes.forEach(function (box) {
      box.checked = done.indexOf(box.getAttribute("data-bh-step")) !== -1;
      box.addEventListener("change", function () {
        var ticked = Array.from(journey.querySelectorAll("[data-bh-step]:checked"))
          .map(function (b) { return b.getAttribute("data-bh-step"); });
        try { localStorage.setItem(key, JSON.stringify(ticked)); } catch (e) { /* private mode */ }
        show();
      });
    });
    show();

    var form = journey.querySelector("[data-bh-calendar-form]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = form.querySelector("input[type=date]").value;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !day(value.split("-").map(Number), 0)) return;
      var blob = new Blob([journeyCalendar(journey, value)], { type: "text/calendar" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = (word("calendarFile") || "my-first-weeks") + ".ics";
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });
  }

  /* Key messages: show only those for one audience. */
  function setupFilter(filter) {
    var status = document.querySelector("[data-bh-filter-status]");
    filter.hidden = false;
    filter.addEventListener("click", function (event) {
      var button = event.target.closest("[data-bh-audience]");
      if (!button) return;
      var audience = button.getAttribute("data-bh-audience");
      filter.querySelectorAll("[data-bh-audience]").forEach(function (b) {
        b.setAttribute("aria-pressed", String(b === button));
      });
      var shown = 0;
      document.querySelectorAll("[data-bh-audiences]").forEach(function (item) {
        var list = item.getAttribute("data-bh-audiences").split("|");
        item.hidden = Boolean(audience) && list.indexOf(audience) === -1;
        if (!item.hidden) shown += 1;
      });
      document.querySelectorAll("[data-bh-pillar]").forEach(function (pillar) {
        pillar.hidden = !pillar.querySelector("[data-bh-audiences]:not([hidden])");
      });
      if (status) status.textContent = word("messagesShown", { count: shown });
    });
  }

  /* Who's who: keep the people who match every choice of the form (team, location, language,
   * topic, ambassadors, buddies). Without this script the form stays hidden and all are shown. */
  function setupPeopleFilter(form) {
    var status = document.querySelector("[data-bh-people-status]");
    var none = document.querySelector("[data-bh-people-none]");
    var people = document.querySelectorAll("[data-bh-person]");
    var controls = form.querySelectorAll("[data-bh-facet]");
    form.hidden = false;

    function matches(person) {
      return Array.prototype.every.call(controls, function (control) {
        var facet = control.getAttribute("data-bh-facet");
        var wanted = control.type === "checkbox" ? (control.checked ? control.value : "") : control.value;
        if (!wanted) return true;
        var values = (person.getAttribute("data-bh-" + facet) || "").split(" ");
        return values.indexOf(wanted) !== -1;
      });
    }
    function apply() {
      var shown = 0;
      people.forEach(function (person) {
        person.hidden = !matches(person);
        if (!person.hidden) shown += 1;
      });
      if (none) none.hidden = shown !== 0;
      if (status) status.textContent = word("peopleShown", { count: shown });
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    // Choices the browser restored on "back" are applied at once.
    if (Array.prototype.some.call(controls, function (c) { return c.checked || (c.type !== "checkbox" && c.value); })) {
      apply();
    }
  }

  /* Search: Material's field and result list, answered from Pagefind's chunked index, which
   * is fetched piece by piece as the reader types (nothing before the field is used). */
  var pagefind = null;
  // The site's root is where this script was served from (assets/brandhub/brandhub.js), not
  // what an element of the page says: content could name an element __config (DOM clobbering).
  var SELF = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : "";

  function siteRoot() {
    return new URL(SELF ? "../../" : "./", SELF || window.location.href);
  }

  function words() {
    var config = document.getElementById("__config");
    try { return JSON.parse(config.textContent).translations || {}; } catch (e) { return {}; }
  }

  // The index comes in shards (hub/search.py): the first bundle's script searches them all.
  function loadPagefind(root, folder) {
    if (!pagefind) {
      var base = new URL(folder + "/", root);
      var listed = fetch(new URL("shards.json", base).href).then(function (response) {
        if (!response.ok) throw new Error("no search index");
        return response.json();
      });
      pagefind = listed.then(function (shards) {
        return import(new URL(shards[0] + "pagefind.js", base).href).then(function (pf) {
          var options = { baseUrl: root.pathname };
          return pf.options(options).then(function () {
            return Promise.all(shards.slice(1).map(function (shard) {
              return pf.mergeIndex(new URL(shard, base).pathname, options);
            }));
          }).then(function () {
            pf.init();
            return pf;
          });
        });
      });
      pagefind.catch(function () { pagefind = null; });  // try again on the next keystroke
    }
    return pagefind;
  }

  // Pagefind's excerpt marks the matched words with <mark>: keep those and the text, nothing else.
  function excerpt(html) {
    var parsed = new DOMParser().parseFromString(html, "text/html").body;
    var out = document.createDocumentFragment();
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function resultItem(data) {
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    var text = document.createElement("p");
    text.appendChild(excerpt(data.excerpt || ""));
    article.appendChild(title);
    article.appendChild(text);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function setupSearch(root) {
    var toggle = document.getElementById("__search");
    var query = root.querySelector("[data-bh-search-query]");
    var status = root.querySelector("[data-bh-search-status]");
    var list = root.querySelector("[data-bh-search-results]");
    var form = root.querySelector("[data-bh-search-form]");
    var folder = root.getAttribute("data-bh-search");
    var site = siteRoot();
    var t = words();
    var placeholder = t["search.result.placeholder"] || "Type to start searching";
    var results = [];
    var shown = 0;
    var latest = 0;
    status.textContent = placeholder;

    function open() {
      if (toggle && !toggle.checked) toggle.checked = true;
    }
    function close() {
      if (toggle) toggle.checked = false;
      query.blur();
    }
    function counted(n) {
      if (n === 0) return t["search.result.none"] || "No matching documents";
      if (n === 1) return t["search.result.one"] || "1 matching document";
      return (t["search.result.other"] || "# matching documents").replace("#", String(n));
    }
    function showMore(ticket) {
      var batch = results.slice(shown, shown + 10);
      shown += batch.length;
      var more = list.querySelector("[data-bh-search-more]");
      if (more) more.remove();
      // All ten are fetched at once; each is shown, in order, as soon as it and those above
      // it have arrived, so the first result does not wait for the tenth.
      var shownInOrder = batch.map(function (r) { return r.data(); }).reduce(function (chain, loading) {
        return chain.then(function () {
          return loading.then(function (data) {
            if (ticket === latest) list.appendChild(resultItem(data));
          });
        });
      }, Promise.resolve());
      return shownInOrder.then(function () {
        if (ticket !== latest) return;
        if (shown < results.length) {
          var item = document.createElement("li");
          item.className = "md-search-result__item";
          item.setAttribute("data-bh-search-more", "");
          var button = document.createElement("button");
          button.type = "button";
          button.className = "md-button bh-search-more";
          button.textContent = word("moreResults");
          button.addEventListener("click", function () {
            var next = list.children.length - 1;
            showMore(ticket).then(function () {
              var link = list.children[next] && list.children[next].querySelector("a");
              if (link) link.focus();
            });
          });
          item.appendChild(button);
          list.appendChild(item);
        }
      });
    }
    // Searching waits until the reader pauses, runs one search at a time, and skips the
    // stale ones: at 10,000 stories a one-letter search ranks most of the hub (0.6 s in
    // Pagefind), and searches queued behind it would hold back the one the reader wants.
    // Index chunks are fetched at every keystroke, so the pause costs no download time.
    var PAUSE_MS = 150;
    var MIN_LETTERS = 2;
    var timer = 0;
    var busy = false;
    var waiting = null;
    function run() {
      var text = query.value.trim();
      var ticket = ++latest;
      window.clearTimeout(timer);
      if (text.length < MIN_LETTERS) {
        results = [];
        list.replaceChildren();
        status.textContent = placeholder;  // one letter would match most of a large hub
        return;
      }
      loadPagefind(site, folder).then(function (pf) { return pf.preload(text); }).catch(function () {});
      timer = window.setTimeout(function () { search(text, ticket); }, PAUSE_MS);
    }
    function search(text, ticket) {
      if (ticket !== latest) return;
      if (busy) { waiting = [text, ticket]; return; }  // runs when the current search ends
      busy = true;
      function next() {
        busy = false;
        var later = waiting;
        waiting = null;
        if (later) search(later[0], later[1]);
      }
      loadPagefind(site, folder).then(function (pf) {
        return pf.search(text);
      }).then(function (found) {
        next();
        if (!found || ticket !== latest) return;  // a newer keystroke took over
        results = found.results;
        shown = 0;
        list.replaceChildren();
        status.textContent = counted(results.length);
        return showMore(ticket);
      }, function (error) {
        next();
        throw error;
      }).catch(function () {
        if (ticket === latest) status.textContent = word("searchFailed");
      });
    }
    function links() {
      return Array.prototype.slice.call(list.querySelectorAll("a, button"));
    }

    query.addEventListener("focus", function () {
      open();
      loadPagefind(site, folder).catch(function () {});  // warm up while the reader types
    });
    query.addEventListener("input", run);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) window.location.href = first.href;
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { run(); query.focus(); }, 0);
    });
    if (toggle) {
      toggle.addEventListener("change", function () {
        if (toggle.checked) window.setTimeout(function () { query.focus(); }, 0);
        else query.blur();
      });
    }
    var opener = document.querySelector("[data-bh-search-open]");
    if (opener) {
      opener.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        open();
        query.focus();
      });
    }
    root.addEventListener("keydown", function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      } else if (event.key === "ArrowDown" && all.length) {
        event.preventDefault();
        all[Math.min(at + 1, all.length - 1)].focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        if (at === 0) query.focus(); else all[at - 1].focus();
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (["/", "s", "f"].indexOf(event.key) === -1) return;
      var target = event.target;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      open();
      query.focus();
    });
    if (query.value) run();  // a query the browser restored on "back"
  }

  // Material's tooltips (content.tooltips, for the glossary) take an element's title away
  // while it has focus: an icon-only link (Edit this page) keeps its name in aria-label.
  function keepNames() {
    document.querySelectorAll("a[title]:not([aria-label]), button[title]:not([aria-label])")
      .forEach(function (el) {
        if (!el.textContent.trim()) el.setAttribute("aria-label", el.getAttribute("title"));
      });
  }

  function init() {
    keepNames();
    document.querySelectorAll("[data-bh-search]:not([data-bh-ready])").forEach(function (root) {
      root.setAttribute("data-bh-ready", "");
      setupSearch(root);
    });
    document.querySelectorAll("[data-bh-share]:not([data-bh-ready])").forEach(function (card) {
      card.setAttribute("data-bh-ready", "");
      setup(card);
    });
    document.querySelectorAll("[data-bh-journey]:not([data-bh-ready])").forEach(function (j) {
      j.setAttribute("data-bh-ready", "");
      setupJourney(j);
    });
    document.querySelectorAll("[data-bh-people-filter]:not([data-bh-ready])").forEach(function (f) {
      f.setAttribute("data-bh-ready", "");
      setupPeopleFilter(f);
    });
    document.querySelectorAll("[data-bh-filter]:not([data-bh-ready])").forEach(function (f) {
      f.setAttribute("data-bh-ready", "");
      setupFilter(f);
    });
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
