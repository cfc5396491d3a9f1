"""claimx's components in a user's own pipeline, through the spacy_factories entry points."""

from importlib.metadata import entry_points

import spacy


def test_pipeline_factories_are_entry_points():
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"claimx_quantities", "claimx_context"} <= names


def test_pipeline_add_pipe_in_blank_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("claimx_quantities")
    doc = nlp("It is worth upwards of $8 trillion.")
    (span,) = doc.spans["claimx_quantities"]
    assert span.text == "upwards of $8 trillion"
    assert span._.claimx_quantity["value"] == 8e12
    assert span._.claimx_quantity["bound"] == ">"
    assert "bound-over" in span._.claimx_rule_ids


def test_pipeline_default_has_model_and_components(nlp):
    assert nlp.pipe_names[-2:] == ["claimx_quantities", "claimx_context"]
    assert "parser" in nlp.pipe_names and nlp.meta["version"].startswith("3.8")
