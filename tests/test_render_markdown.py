"""Article bodies: raw HTML escaped, captions as figures, first mention of a leader linked."""
from generator.render.markdown import article_body, captions_as_figures, link_first_mentions, to_html

TO_LAM = ("/lanh-dao/to-lam/", ("Tô Lâm",))
THONG = ("/lanh-dao/thongloun/", ("Thongloun Sisoulith", "Thong-lun Xi-xu-lít"))


def test_raw_html_and_harmful_links_are_not_rendered_as_html():
    out = to_html('Hi <script>alert(1)</script> <img src=x onerror="alert(1)"> [x](javascript:alert(1))')
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "javascript:" not in out


def test_only_the_first_mention_is_linked_and_matching_ignores_diacritics_and_case():
    html = to_html("TO LAM đến. Tô Lâm phát biểu.\n\nTô Lâm ra về.")
    out = link_first_mentions(html, [TO_LAM])
    assert out.count('class="mention"') == 1
    assert '<a class="mention" href="/lanh-dao/to-lam/">TO LAM</a> đến' in out


def test_mentions_skip_headings_and_existing_links_and_take_aliases():
    html = to_html("## Tô Lâm thăm Lào\n\n[Tô Lâm](https://x.vn/) gặp Thong-lun Xi-xu-lít.\n\nTô Lâm nói.")
    out = link_first_mentions(html, [TO_LAM, THONG])
    assert "<h2>Tô Lâm thăm Lào</h2>" in out
    assert '<a href="https://x.vn/">Tô Lâm</a>' in out
    assert '<a class="mention" href="/lanh-dao/thongloun/">Thong-lun Xi-xu-lít</a>' in out
    assert '<a class="mention" href="/lanh-dao/to-lam/">Tô Lâm</a> nói' in out


def test_a_name_inside_a_longer_word_is_not_a_mention():
    out = link_first_mentions(to_html("Tô Lâmxyz không phải."), [TO_LAM])
    assert "mention" not in out


def test_caption_paragraphs_become_figures_and_missing_captions_are_returned():
    body = to_html("Mở đầu.\n\nẢnh hai lãnh đạo.  (TTXVN)\n\nKết.")
    out, missing = captions_as_figures(body, ("Ảnh hai lãnh đạo. (TTXVN)", "Ảnh khác"))
    assert '<figure class="caption"><figcaption>Ảnh hai lãnh đạo.  (TTXVN)</figcaption></figure>' in out
    assert missing == ["Ảnh khác"]


def test_article_body_links_names_but_not_inside_captions():
    out, _ = article_body("Tô Lâm trong ảnh.\n\nTô Lâm nói.", ("Tô Lâm trong ảnh.",), [TO_LAM])
    assert "<figcaption>Tô Lâm trong ảnh.</figcaption>" in out
    assert '<a class="mention" href="/lanh-dao/to-lam/">Tô Lâm</a> nói' in out


def test_overlapping_names_link_the_first_and_look_for_the_other_in_later_text():
    lam = ("/lanh-dao/lam/", ("Lâm Phát",))
    out = link_first_mentions(to_html("Ông Tô Lâm Phát biểu.\n\nLâm Phát đến sau."), [TO_LAM, lam])
    assert '<a class="mention" href="/lanh-dao/to-lam/">Tô Lâm</a> Phát biểu' in out
    assert '<a class="mention" href="/lanh-dao/lam/">Lâm Phát</a> đến sau' in out


def _folded_reference(body_html, people):
    """The rule as first written: fold each text between tags and match the folded names there."""
    import html as html_mod
    import re

    from generator.render.markdown import _NO_LINK, _TAG, _TAG_NAME
    from generator.text import collapse_spaces, fold

    def pattern(names):
        folded = sorted({fold(collapse_spaces(n)) for n in names if n and n.strip()}, key=lambda s: (-len(s), s))
        alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in folded)
        return re.compile(rf"(?<!\w)(?:{alt})(?!\w)") if folded else None

    pending = [(url, p) for url, names in people if (p := pattern(names))]
    parts, depth = _TAG.split(body_html), 0
    for n, part in enumerate(parts):
        if not pending:
            break
        if n % 2:
            m = _TAG_NAME.match(part)
            if m and m.group(2).lower() in _NO_LINK:
                depth += -1 if m.group(1) else 1
            continue
        if depth or not part.strip():
            continue
        folded = fold(part)
        hits = sorted((m.start(), m.end(), url) for url, p in pending if (m := p.search(folded)))
        out, pos, done = [], 0, set()
        for start, end, url in hits:
            if start < pos:
                continue
            out += [part[pos:start], f'<a class="mention" href="{html_mod.escape(url)}">{part[start:end]}</a>']
            pos, done = end, done | {url}
        parts[n] = "".join(out + [part[pos:]])
        pending = [(u, p) for u, p in pending if u not in done]
    return "".join(parts)


def test_mentions_are_those_of_matching_folded_text_on_random_bodies():
    """Names are searched in the text as written (no folding of the body); the links must be
    exactly those of folding each text and matching folded names, on bodies full of near misses."""
    import random

    rng = random.Random(7)
    words = ["Tô", "Lâm", "TÔ", "LÂM", "to", "lam", "Lâmxyz", "xTô", "Phát", "phat", "Thong-lun", "Xi-xu-lít",
             "Thongloun", "SISOULITH", "Sisoulith", "đến", "Đến", "den", "nói", "Σ", "ς", "Κ", "K"]
    people = [TO_LAM, THONG, ("/lanh-dao/lam/", ("Lâm Phát", "Lam")), ("/x/", ("Đến Nói",)), ("/k/", ("Κ",))]
    for _ in range(400):
        blocks = []
        for _ in range(rng.randint(1, 6)):
            text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
            kind = rng.random()
            if kind < 0.15:
                blocks.append("## " + text)
            elif kind < 0.3:
                blocks.append(f"[{text}](https://x.vn/{rng.choice(words)}) {text}")
            elif kind < 0.4:
                blocks.append(f"*{text}* `{text}`")
            else:
                blocks.append(text)
        body_html = to_html("\n\n".join(blocks))
        body_html = body_html.replace("<p>", rng.choice(["<p>", '<p title="Tô Lâm">', "<p>Lâm "]), 1)
        chosen = rng.sample(people, rng.randint(1, len(people)))
        assert link_first_mentions(body_html, chosen) == _folded_reference(body_html, chosen), body_html


def test_the_paragraph_pattern_takes_what_a_lazy_match_up_to_the_first_end_tag_takes():
    import random
    import re

    from generator.render.markdown import _PARA

    lazy = re.compile(r"<p>(.*?)</p>\n?", re.S)
    rng = random.Random(3)
    pieces = ["<p>", "</p>", "</p>\n", "<", "</", "</b>", "<p", "p>", "/p>", "x", " ", "\n", "Lâm", "&amp;"]
    for _ in range(3000):
        html = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert [m.span() for m in _PARA.finditer(html)] == [m.span() for m in lazy.finditer(html)], html
