"""Only the hardest very hard sentences are shaded: at most a fifth of the text."""

from __future__ import annotations

from jargonfree import analyze
from jargonfree.core.emphasis import SHADE_SHARE, shaded_sentences

HARD = ("The multidisciplinary integrated neighbourhood team will operationalise a "
        "comprehensive transformation programme, notwithstanding considerable "
        "organisational complexity. ")
HARDER = ("Interdisciplinary collaborative infrastructure necessitates institutional "
          "reconfiguration, organisational rationalisation and unprecedented administrative "
          "coordination. ")
PLAIN = "We will see you at the clinic. Bring your letter. "


def covered(spans, length: int) -> float:
    mask = bytearray(length)
    for s, e in spans:
        mask[s:e] = b"\x01" * (e - s)
    return sum(mask) / length


def test_a_report_full_of_very_hard_sentences_is_shaded_at_most_a_fifth():
    text = (HARD * 6 + HARDER + PLAIN) * 3
    a = analyze(text)
    very = [f for f in a.findings if f.rule_id == "sentence.very_hard"]
    assert covered([(f.start, f.end) for f in very], len(text)) > 0.6  # was all shaded
    assert 0 < covered(a.shaded, len(text)) <= SHADE_SHARE
    # the hardest go first: every HARDER sentence is shaded
    harder = [f for f in very if f.text.startswith("Interdisciplinary")]
    assert harder and all((f.start, f.end) in a.shaded for f in harder)
    # and every very hard sentence is still a finding (marked in the margin)
    assert len(very) == 21


def test_shading_never_covers_plain_or_merely_hard_text():
    a = analyze(PLAIN * 5)
    assert a.shaded == ()
    assert shaded_sentences("", ()) == ()
