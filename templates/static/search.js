/* Search page: reads ?q=, folds it exactly like generator/text.py fold(), looks the folded
   syllables up in the static index under search/ (built by generator/render/search.py), and shows
   matching leaders, events and agreements first, then articles. No libraries; data is only ever
   inserted with textContent and createElement. docs/search.md describes the index files. */
(function (root) {
  "use strict";

  // The same character classes as generator/render/search.py (SYLLABLE) and str.isspace().
  var SYLLABLE = /[0-9a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2c00-\u2dff\u3040-\ud7ff\uf900-\ufdff\ufe70-\ufefe]+/g;
  var ONE_SYLLABLE_CHAR = /^[0-9a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2c00-\u2dff\u3040-\ud7ff\uf900-\ufdff\ufe70-\ufefe]$/;
  var SPACE = /^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;
  var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  var ASCII = /^[\x00-\x7f]*$/;
  var PAGE = 10;
  var SHOWN_ENTITIES = 8;
  var KIND_ORDER = { leader: 0, event: 1, agreement: 2 };
  var KIND_LABEL = { leader: "Lãnh đạo", event: "Sự kiện", agreement: "Văn kiện" };

  function foldChar(ch) {
    if (ch === "đ" || ch === "Đ" || ch === "ð" || ch === "Ð") return "d";
    if (SPACE.test(ch)) return " ";
    var base = ch.normalize("NFD").replace(MARKS, "").toLowerCase();
    return Array.from(base).length === 1 ? base : ch;
  }

  function inTable(cp) {
    // Python's fold() translates these first (Latin letters, odd spaces), then lower-cases.
    return (cp >= 0xc0 && cp < 0x250) || (cp >= 0x1e00 && cp < 0x1f00) || SPACE.test(String.fromCodePoint(cp));
  }

  /** Lower case, no diacritics, đ→d: the same result as generator.text.fold. */
  function fold(text) {
    if (ASCII.test(text)) return text.toLowerCase();
    var first = "";
    for (var ch of text) first += inTable(ch.codePointAt(0)) ? foldChar(ch) : ch;
    first = first.toLowerCase();
    if (ASCII.test(first)) return first;
    var out = "";
    for (var c of first) out += foldChar(c);
    return out;
  }

  /** The folded syllables of a query ('Tô Lâm' → ['to', 'lam']). */
  function syllables(text) {
    return fold(text.normalize("NFC")).match(SYLLABLE) || [];
  }

  /** CRC-32 of the token's UTF-8 bytes (zlib's), as search.py's crc32: the shard holding it. */
  var CRC_TABLE = [];
  for (var n = 0; n < 256; n++) {
    var c = n;
    for (var b = 0; b < 8; b++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    CRC_TABLE.push(c >>> 0);
  }
  var UTF8 = new TextEncoder();
  function crc32(token) {
    var bytes = UTF8.encode(token), c = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  function bigrams(words) {
    var out = [];
    for (var i = 0; i + 1 < words.length; i++) out.push(words[i] + " " + words[i + 1]);
    return out;
  }

  /** Edit distance, giving up (returning limit + 1) once it cannot stay within limit. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev = [], cur = [];
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (var k = 1; k <= b.length; k++) {
        cur[k] = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1));
        if (cur[k] < best) best = cur[k];
      }
      if (best > limit) return limit + 1;
      prev = cur;
    }
    return prev[b.length];
  }

  /** How many typing slips a transliterated name of n letters may have. */
  function allowed(n) {
    return n < 6 ? 0 : Math.min(3, Math.floor(n / 6));
  }

  /** Entities whose name or alias matches the query: exact, as a phrase, or (leaders) nearly. */
  function matchEntities(rows, words) {
    var phrase = " " + words.join(" ") + " ";
    var squeezed = words.join("");
    var found = [];
    rows.forEach(function (row) {
      var kind = row[0], best = null;
      [row[1]].concat(row.slice(3)).forEach(function (name) {
        var own = syllables(name);
        var text = " " + own.join(" ") + " ";
        var score = null;
        if (text === phrase) score = 0;
        else if ((words.length > 1 || kind === "leader") && text.indexOf(phrase) >= 0) score = 1;
        else if (kind === "leader" && squeezed.length >= 6) {
          // A misspelt transliteration ('Thongloun Sisulit', 'Thong lun Xi xu lit'): compare
          // without spaces or hyphens against the whole name and against each run of its syllables.
          for (var i = 0; i < own.length; i++) {
            for (var j = i + 1; j <= own.length; j++) {
              var part = own.slice(i, j).join("");
              var limit = allowed(Math.max(part.length, squeezed.length));
              var d = distance(squeezed, part, limit);
              if (d <= limit) {
                var s = 2 + d / 10 + (own.length - (j - i)) / 100;
                if (score === null || s < score) score = s;
              }
            }
          }
        }
        if (score !== null && (best === null || score < best)) best = score;
      });
      if (best !== null) found.push({ score: best, kind: kind, name: row[1], url: row[2] });
    });
    found.sort(function (a, b) {
      return a.score - b.score || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    });
    return found;
  }

  /** Postings ('doc * 4 + weight', delta-encoded) to a map doc → weight. */
  function decode(deltas) {
    var out = new Map(), v = 0;
    for (var i = 0; i < deltas.length; i++) {
      v += deltas[i];
      out.set(v >> 2, v & 3);
    }
    return out;
  }

  /** Documents holding every token, best first: summed weights, then newest. */
  function rank(lists) {
    if (!lists.length || lists.some(function (l) { return !l; })) return [];
    lists.sort(function (a, b) { return a.size - b.size; });
    var out = [];
    lists[0].forEach(function (w, doc) {
      var score = w;
      for (var i = 1; i < lists.length; i++) {
        var other = lists[i].get(doc);
        if (other === undefined) return;
        score += other;
      }
      out.push([doc, score]);
    });
    out.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return out.map(function (p) { return p[0]; });
  }

  /** A snippet as nodes, with the query's phrases (or its one syllable) in <mark>. */
  function highlighted(doc, text, words) {
    var chars = Array.from(text);
    var spans = [], cur = null;
    chars.forEach(function (ch, i) {
      var f = fold(ch);
      if (Array.from(f).length === 1 && ONE_SYLLABLE_CHAR.test(f)) {
        if (!cur) { cur = { start: i, text: "" }; spans.push(cur); }
        cur.text += f;
        cur.end = i + 1;
      } else {
        cur = null;
      }
    });
    var marked = new Set();
    if (words.length === 1) {
      spans.forEach(function (s, i) { if (s.text === words[0]) marked.add(i); });
    } else {
      var wanted = new Set(bigrams(words));
      for (var i = 0; i + 1 < spans.length; i++) {
        if (wanted.has(spans[i].text + " " + spans[i + 1].text)) { marked.add(i); marked.add(i + 1); }
      }
    }
    // Marked syllables separated only by spaces or hyphens become one mark ('Tô Lâm').
    var ranges = [];
    spans.forEach(function (s, i) {
      if (!marked.has(i)) return;
      var last = ranges[ranges.length - 1];
      if (last && /^[\s-]*$/.test(chars.slice(last[1], s.start).join(""))) last[1] = s.end;
      else ranges.push([s.start, s.end]);
    });
    var pos = 0;
    ranges.forEach(function (r) {
      if (r[0] > pos) doc.appendChild(document.createTextNode(chars.slice(pos, r[0]).join("")));
      doc.appendChild(el("mark", "", chars.slice(r[0], r[1]).join("")));
      pos = r[1];
    });
    if (pos < chars.length) doc.appendChild(document.createTextNode(chars.slice(pos).join("")));
  }

  function dateText(iso) {
    var p = iso.split("-");
    return Number(p[2]) + "/" + Number(p[1]) + "/" + p[0];
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function start(app) {
    var index = app.getAttribute("data-index");
    var siteRoot = app.getAttribute("data-root");
    var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
    var input = document.getElementById("q");
    if (input && query) input.value = query;
    var words = syllables(query);
    if (!words.length) return;
    var status = app.querySelector(".search-status");
    var help = document.getElementById("tro-giup-tim-kiem");
    status.textContent = "Đang tìm «" + query + "»…";
    app.removeAttribute("data-state");
    app.hidden = false;

    var meta = null;
    var shardCache = new Map(), chunkCache = new Map();
    function getJSON(path, fresh) {
      var url = index + path + (fresh ? "" : "?v=" + meta.v);
      return fetch(url, fresh ? { cache: "no-cache" } : {}).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + url);
        return r.json();
      });
    }
    function postings(token) {
      var k = crc32(token) % meta.shards;
      if (!shardCache.has(k)) shardCache.set(k, getJSON("s/" + k + ".json"));
      return shardCache.get(k).then(function (shard) {
        return Object.prototype.hasOwnProperty.call(shard, token) ? decode(shard[token]) : null;
      });
    }
    function docs(numbers) {
      return Promise.all(numbers.map(function (n) {
        var c = Math.floor(n / meta.chunk);
        if (!chunkCache.has(c)) chunkCache.set(c, getJSON("d/" + c + ".json"));
        return chunkCache.get(c).then(function (chunk) { return chunk[n % meta.chunk]; });
      }));
    }
    function lookup(tokens) {
      return Promise.all(tokens.map(postings)).then(rank);
    }

    getJSON("entities.json", true).then(function (data) {
      meta = data;
      var tokens = words.length > 1 ? bigrams(words) : words;
      return lookup(tokens).then(function (found) {
        // Syllables that are never adjacent in one sentence: every syllable, anywhere.
        if (!found.length && words.length > 1) return lookup(Array.from(new Set(words)));
        return found;
      }).then(function (found) {
        show(matchEntities(data.entities, words), found);
      });
    }).catch(function (err) {
      status.textContent = "Không tải được chỉ mục tìm kiếm. Hãy thử lại, hoặc tra theo danh mục bên dưới.";
      if (window.console) console.warn(err);
    });

    function show(entities, found) {
      var entityList = app.querySelector(".search-entities");
      var list = app.querySelector(".search-articles");
      var more = app.querySelector(".search-more");
      if (!entities.length && !found.length) {
        status.textContent = "Không tìm thấy kết quả nào cho «" + query + "».";
        app.setAttribute("data-state", "done");
        return;
      }
      // Announced once the first results are on the page, not before (screen readers read it).
      var summary = "Kết quả cho «" + query + "»: " + found.length + " bài viết" +
        (entities.length ? ", " + entities.length + " mục lãnh đạo, sự kiện, văn kiện" : "") + ".";
      function done() {
        status.textContent = summary;
        app.setAttribute("data-state", "done");
      }
      if (help) help.hidden = true;
      if (entities.length) {
        entityList.hidden = false;
        var ul = entityList.querySelector("ul");
        entities.slice(0, SHOWN_ENTITIES).forEach(function (e) {
          var li = el("li");
          var a = el("a", "", e.name);
          a.href = siteRoot + e.url;
          li.appendChild(a);
          li.appendChild(document.createTextNode(" "));
          li.appendChild(el("span", "meta", KIND_LABEL[e.kind] || e.kind));
          ul.appendChild(li);
        });
      }
      var shown = 0;
      function page() {
        var batch = found.slice(shown, shown + PAGE);
        shown += batch.length;
        more.hidden = true;
        return docs(batch).then(function (rows) {
          rows.forEach(function (d) {
            var li = el("li");
            var a = el("a", "card-title");
            highlighted(a, d[0], words);
            a.href = siteRoot + d[1];
            li.appendChild(a);
            var meta = el("span", "meta");
            var t = el("time", "", dateText(d[2]));
            t.setAttribute("datetime", d[2]);
            meta.appendChild(t);
            if (d[3]) meta.appendChild(document.createTextNode(" · " + d[3]));
            li.appendChild(meta);
            var p = el("p", "snippet");
            highlighted(p, d[4], words);
            li.appendChild(p);
            list.appendChild(li);
          });
          more.hidden = shown >= found.length;
        });
      }
      if (found.length) {
        list.hidden = false;
        more.addEventListener("click", function () { page(); });
        page().then(done, function (err) {
          status.textContent = "Không tải được kết quả. Hãy thử lại.";
          if (window.console) console.warn(err);
        });
      } else {
        done();
      }
    }
  }

  var api = { fold: fold, syllables: syllables, crc32: crc32, bigrams: bigrams, distance: distance,
              matchEntities: matchEntities, decode: decode, rank: rank };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (root.document) {
    var app = root.document.getElementById("tim-kiem");
    if (app) start(app);
  }
})(typeof window !== "undefined" ? window : globalThis);
