/* Brandhub's share cards: copy, versions, editing, per-network counts and share links.
 * The links in the page work without this script; it adds what needs a browser. */
(function () {
  "use strict";

  var MASTODON_KEY = "brandhub.mastodon";
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
        say("Showing version " + (next + 1) + ".");
      } else if (target.hasAttribute("data-bh-copy")) {
        var variant = current();
        var text = variant.querySelector("[data-bh-text]").value + " " +
          target.getAttribute("data-bh-link");
        copy(text).then(function () { say("Copied! Paste it wherever you like."); },
          function () { say("Could not copy: select the text and copy it yourself."); });
      } else if (target.hasAttribute("data-bh-channel")) {
        var label = target.getAttribute("data-bh-label");
        var channel = target.getAttribute("data-bh-channel");
        var body = textFor(current(), target);
        if (target.getAttribute("data-bh-prefill") === "false") {
          // The network ignores prefilled text: copy it, then let the link open the network.
          copy(body + " " + target.getAttribute("data-bh-link")).then(function () {
            say("Text copied: paste it into " + label + ".");
          }, function () { say("Copy the text above, then paste it into " + label + "."); });
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
        say("Type your server's name, for example mastodon.social.");
        return;
      }
      if (window.localStorage) localStorage.setItem(MASTODON_KEY, value);
      form.hidden = true;
      if (pending) open(pending, value);
      say("Your Mastodon server is remembered in this browser.");
    });
  }

  function init() {
    document.querySelectorAll("[data-bh-share]:not([data-bh-ready])").forEach(function (card) {
      card.setAttribute("data-bh-ready", "");
      setup(card);
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
