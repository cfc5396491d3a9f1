from conftest import CORPUS

from claimx.ingest import make_article
from claimx.segment import segment_article

EXAMPLE = CORPUS / "sat-us-pakistan-minerals.txt"


def test_segment_example_body_ends_before_author_box():
    art = make_article(EXAMPLE.read_text(encoding="utf-8"), article_id="x", title_from_first_line=True)
    segs = segment_article(art)
    body_end = max(s.char_end for s in segs if s.kind != "boilerplate")
    cut = art.text.index("SAT Editorial Desk")
    assert body_end < cut
    assert all(s.kind == "boilerplate" for s in segs if s.char_start >= cut)
    assert segs[0].kind == "title"
    assert art.text[body_end - 20 : body_end].endswith("for decades to come.")


def test_segment_nav_lines_are_boilerplate():
    art = make_article(
        "Real paragraph with 5% growth in it.\n\nShare this article\n\nRead More »\n\nAnother real one.", article_id="x"
    )
    kinds = [s.kind for s in segment_article(art)]
    assert kinds == ["paragraph", "boilerplate", "boilerplate", "paragraph"]


def test_segment_long_paragraph_is_split_at_sentences():
    text = "Sales rose 5% this year. " * 2000
    art = make_article(text, article_id="x")
    segs = segment_article(art, max_chars=5000)
    assert len(segs) > 1
    assert all(s.char_end - s.char_start <= 5000 for s in segs)
    assert art.text[segs[1].char_start :].startswith("Sales")


def test_segment_no_claims_from_boilerplate(extract):
    claims = extract(EXAMPLE.read_text(encoding="utf-8"))
    cut = EXAMPLE.read_text(encoding="utf-8").index("SAT Editorial Desk")
    assert claims and all(c.quantity.end < cut for c in claims)
