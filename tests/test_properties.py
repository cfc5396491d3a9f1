"""Property tests: on arbitrary text the pipeline never raises, offsets slice the text, values are finite,
and every record validates against the published JSON Schema (issue 7).

`test_properties_fuzz_long` is the longer fuzz run (marked slow); CLAIMX_FUZZ_EXAMPLES sets its size.
"""

import json
import math
import os
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimx.ingest import clean_text

FRAGMENTS = [
    "$",
    "US$",
    "€",
    "£",
    "Rs",
    "5",
    "1,000",
    "3.4",
    "-1.3",
    "70-80",
    "%",
    "per cent",
    "million",
    "bn",
    "k",
    "about",
    "over",
    "at least",
    "between",
    "and",
    "to",
    "from",
    "rose",
    "fell",
    "up",
    "down",
    "by",
    "of",
    "tons",
    "barrels per day",
    "a",
    "third",
    "two-thirds",
    "half",
    "dozen",
    "one in four",
    "2023",
    "FY2031",
    "second-largest",
    "sixth",
    "richest",
    "according to",
    "the ministry",
    "said",
    "(",
    ")",
    ".",
    ",",
    "-",
    "\n\n",
    "Read More »",
    "Recent",
    "\u00a0",
    "½",
    "1/2",
    "x",
    "°C",
    "mph",
    "year-old",
    "or more",
    "/",
    "September",
    "8",
    "Section",
    "427",
    "S&P",
    "500",
    "5G",
    "2-2",
    "doubled",
    "sixfold",
    "million U.S. workers",
]
numbery = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=40).map(" ".join)
texts = st.one_of(st.text(max_size=300), numbery, st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
SCHEMA = json.loads((Path(__file__).parents[1] / "docs" / "claim.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def check(extract, text):
    claims = extract(text)
    clean = clean_text(text)
    for c in claims:
        q = c.quantity
        assert clean[q.start : q.end] == q.text
        assert clean[c.sentence_start : c.sentence_end] == c.sentence
        for v in (q.value, q.low, q.high, q.value_base, q.low_base, q.high_base):
            assert v is None or math.isfinite(v)
        VALIDATOR.validate(c.model_dump(mode="json"))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(text=texts)
def test_properties_arbitrary_text(extract, text):
    check(extract, text)


@pytest.mark.slow
@settings(
    max_examples=int(os.environ.get("CLAIMX_FUZZ_EXAMPLES", "1500")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=numbery)
def test_properties_fuzz_long(extract, text):
    check(extract, text)
