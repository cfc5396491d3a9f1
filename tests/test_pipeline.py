"""claimx's components in a user's own pipeline, through the spacy_factories entry points."""

from importlib.metadata import entry_points

import spacy


def test_pipeline_factories_are_entry_points():
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"claimx_quantities", "claimx_context", "claimx_cell_boundaries"} <= names


def test_pipeline_add_pipe_in_blank_pipeline():
    from claimx.nlp.readings import ArticleContext, QuantityReading

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("claimx_quantities")
    doc = nlp.make_doc("It is worth upwards of $8 trillion.")
    doc._.claimx_context = ArticleContext()
    doc = nlp(doc)
    (span,) = doc.spans["claimx_quantities"]
    assert span.text == "upwards of $8 trillion"
    reading = span._.claimx_quantity
    assert isinstance(reading, QuantityReading)
    assert (reading.value, reading.bound, reading.unit) == (8e12, ">", "USD")
    assert "bound-over" in span._.claimx_rule_ids


def test_pipeline_missing_article_context_warns_once():
    """Components declare what they read (`requires`) and warn once, W001, when the Doc lacks it."""
    import warnings

    from claimx.nlp import extensions

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("claimx_quantities", name="claimx_quantities_w001")
    assert "doc._.claimx_context" in nlp.get_pipe_meta("claimx_quantities_w001").requires
    extensions._warned.discard("claimx_quantities_w001")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp("Costs were Rs 500 crore.")
        nlp("Costs were Rs 600 crore.")
    w001 = [w for w in caught if issubclass(w.category, extensions.MissingContextWarning)]
    assert len(w001) == 1 and "[W001] claimx_quantities_w001" in str(w001[0].message)


def test_pipeline_default_has_model_and_components(nlp):
    assert nlp.pipe_names[-3:] == ["claimx_quantities", "ner", "claimx_context"]
    assert "parser" in nlp.pipe_names and nlp.meta["version"].startswith("3.8")
    assert nlp.pipe_names.index("claimx_cell_boundaries") < nlp.pipe_names.index("parser")


def test_pipeline_lazy_entities_give_the_same_docs(nlp):
    """pipe_lazily = nlp.pipe for every Doc with a quantity; the others skip the entity recognizer."""
    from claimx.nlp.pipeline import SPANS_KEY, pipe_lazily

    texts = [
        "Barrick Gold said output rose 7% in 2023.",
        "The minister met Barrick Gold in Quetta.",
        "It expects $74 billion by 2030, according to the US Geological Survey.",
        "No figures here.",
    ]
    lazy = list(pipe_lazily(nlp, (nlp.make_doc(t) for t in texts), batch_size=2))
    full = list(nlp.pipe(texts))
    assert [d.text for d in lazy] == texts
    for a, b in zip(lazy, full, strict=True):
        if b.spans[SPANS_KEY]:
            assert [(e.text, e.label_) for e in a.ents] == [(e.text, e.label_) for e in b.ents]
            assert [s._.claimx_source for s in a.spans[SPANS_KEY]] == [s._.claimx_source for s in b.spans[SPANS_KEY]]
            assert [s._.claimx_time for s in a.spans[SPANS_KEY]] == [s._.claimx_time for s in b.spans[SPANS_KEY]]
        else:
            assert not a.ents  # the recognizer did not run where nothing needs it
    assert full[1].ents and not full[1].spans[SPANS_KEY]


def test_pipeline_attribute_tables_equal_the_trained_ruler(nlp):
    """TagAttributeRuler writes exactly what en_core_web_sm's attribute ruler writes, token for token."""
    from pathlib import Path

    from claimx.ingest import iter_inputs
    from claimx.nlp.attributes import TagAttributeRuler
    from claimx.nlp.pipeline import find_model
    from claimx.schema import Article

    assert isinstance(nlp.get_pipe("attribute_ruler"), TagAttributeRuler)
    stock = spacy.load(find_model(), enable=["tok2vec", "tagger", "parser", "attribute_ruler"])
    texts = [a.text for a in iter_inputs([Path(__file__).parents[1] / "corpus"]) if isinstance(a, Article)]
    texts += [
        "I ain't gonna do it, y'all.  Let's go.\n\nThere is nothin' here. C'mon, we gotta run.",
        "These are the ones that matter; that one does not.",
        "",
    ]
    ours = TagAttributeRuler(stock, rules=stock.get_pipe("attribute_ruler").patterns)
    with stock.select_pipes(disable=["attribute_ruler"]):
        parsed = list(stock.pipe(texts))
    for doc in parsed:
        expected = stock.get_pipe("attribute_ruler")(doc.copy())
        got = ours(doc.copy())
        assert [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in got] == [
            (t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in expected
        ]


def test_pipeline_no_sentence_starts_mid_sentence(nlp):
    """The parser would split 'was 1,145 (94.2%) White, 4 (0.3%) African American' after the bracket; no
    sentence starts after a comma, after a bracket no full stop closes, or after a lower-case word on the same
    line, unless a capitalised common word shows a missing full stop."""
    census = nlp("The racial makeup of the town was 1,145 (94.2%) White, 4 (0.3%) African American, 6 (0.5%) Asian.")
    assert len(list(census.sents)) == 1
    closed = nlp("The 2026 proposal is a re-proposal of the 2023 one.) However, three rules would offset it.")
    assert [s[0].text for s in closed.sents] == ["The", "However"]
    missing = nlp("Others put the cases at 350 million for falciparum malaria The majority of cases occur in children.")
    assert len(list(missing.sents)) == 2
    lines = nlp.make_doc("Jobs and savings\nThe wind farm employs 300 people.")
    assert nlp.get_pipe("claimx_cell_boundaries")(lines)[4].is_sent_start is None, "a new line may start one"


def test_pipeline_curly_apostrophes_parse_as_straight_ones(nlp, extract):
    """Phenomenon: typeset text writes the possessive and contractions with "’"; the model saw them as "'".
    The curly forms get the straight ones' features, so the parse (and what a figure measures) is the same."""
    sentence = "The agencies' combined democracy assistance allocations peaked at about $3 billion in 2022."
    straight, curly = nlp(sentence), nlp(sentence.replace("'", "’"))
    assert [(t.tag_, t.dep_, t.head.i) for t in curly] == [(t.tag_, t.dep_, t.head.i) for t in straight]
    claim = extract(sentence.replace("'", "’"))[0]
    assert claim.measured == "combined democracy assistance allocations"
    assert [t.text for t in nlp("It’s up 5%.")][:2] == ["It", "’s"]  # the text itself is untouched
