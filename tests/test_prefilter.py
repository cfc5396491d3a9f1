"""Doing less work: which sentences reach the statistical pipeline."""

from claimx.nlp.prefilter import candidate_windows


def windows(text):
    wins, n = candidate_windows(text)
    return [text[a:b] for a, b in wins], n


def test_prefilter_sentences_without_numbers_are_skipped():
    text = "The minister visited Quetta. Talks went well. Exports rose 7% last year. Nobody disagreed."
    assert windows(text) == (["Exports rose 7% last year."], 4)


def test_prefilter_spelled_numbers_and_multipliers_are_candidates():
    text = "Nothing here. Output doubled. Nothing there. Two-thirds of voters agreed."
    got, _ = windows(text)
    assert got == ["Output doubled.", "Two-thirds of voters agreed."]


def test_prefilter_a_sentence_that_refers_back_brings_the_one_before():
    text = "Barrick Gold runs the mine. It said output rose 7%. Analysts were surprised. Copper fell 2%."
    got, _ = windows(text)
    assert got == ["Barrick Gold runs the mine. It said output rose 7%.", "Copper fell 2%."]


def test_prefilter_refers_back_through_a_definite_source():
    text = "Barrick Gold runs the mine. The company expects $74 billion."
    got, _ = windows(text)
    assert got == [text]


def test_prefilter_a_sentence_split_at_an_abbreviation_is_parsed_whole():
    # the splitter ends a sentence at "Res." or "No."; the figure's sentence then opens on a digit
    text = "The Senate adopted S.Con.Res. 33 by a vote of 50-48. Nothing else."
    got, _ = windows(text)
    assert got == ["The Senate adopted S.Con.Res. 33 by a vote of 50-48."]
    got, _ = windows("It rained. Exports rose 7%. 33 firms agreed.")
    assert got == ["Exports rose 7%. 33 firms agreed."]  # a sentence may open on a figure after a full stop


def test_prefilter_keeps_the_claims_of_the_corpus(nlp):
    """Parsing only candidate windows finds the claims a full parse finds (model noise aside: at most 1%)."""
    from pathlib import Path

    from claimx.extract import process_articles
    from claimx.ingest import iter_inputs
    from claimx.schema import Article

    arts = [a for a in iter_inputs([Path(__file__).parents[1] / "corpus"]) if isinstance(a, Article)]

    def keys(prefilter):
        return {
            (c.article_id, c.quantity.start, c.quantity.text, c.quantity.value, c.quantity.unit)
            for r in process_articles(arts, nlp=nlp, prefilter=prefilter)
            for c in r.claims
        }

    full, fast = keys(False), keys(True)
    assert len(full ^ fast) <= len(full) // 100
