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
