"""Deterministic health-service texts of a given length, for the benchmarks.

The sentences are our own, written in the style of NHS bids, network reports and patient
leaflets: network jargon, medical terms, wordy phrases, passive voice, long sentences,
plain sentences, headings and bullet lists. Slots ({n}, {place}, ...) are filled from a
seeded generator, so paragraphs rarely repeat (the analyser caches paragraphs, and a
text made of a few repeated paragraphs would measure the cache, not the checks) and the
same (words, seed) always gives the same text.

    python tests/benchmarks/corpus.py 1000 > /tmp/1k.txt
    python tests/benchmarks/corpus.py 1000 1 long > /tmp/1k-long.txt   # or: lines, unbroken
"""

from __future__ import annotations

import random
import re
import sys

WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")  # as docs/ARCHITECTURE.md counts words

JARGON = [
    "We will leverage our stakeholder network to facilitate knowledge sharing across {place}.",
    "The learning network is a nimble structure that enables co-production with people "
    "with lived experience.",
    "Going forward, the programme will deliver robust outcomes for the whole system in {place}.",
    "Partners will work collaboratively to unlock synergies and embed best practice at pace.",
    "Our place-based approach empowers communities and drives transformation at scale.",
    "The steering group will operationalise the framework in {n} pilot sites by {year}.",
    "We aim to upskill frontline staff and build capacity within the integrated care system.",
    "Key stakeholders were engaged in a series of co-design workshops during {month}.",
    "This initiative will streamline pathways and optimise the patient journey.",
    "The network acts as a catalyst for quality improvement and system-wide learning.",
    "A holistic, person-centred model of care will be rolled out across the footprint.",
    "We will incentivise innovation and mainstream the learning from {n} trusts.",
    "Leveraging existing infrastructure, the hub will facilitate cross-cutting conversations.",
    "The evaluation will capture learning and disseminate it to the wider community of practice.",
    "Deliverables include a toolkit, a dashboard and a suite of bite-size resources.",
]
MEDICAL = [
    "The patient has hypertension and was given analgesia after the procedure.",
    "Bilateral oedema of the ankles was noted on examination in clinic {n}.",
    "People with comorbidity such as diabetes and chronic obstructive pulmonary disease "
    "need regular review.",
    "Your scan was unremarkable and the biopsy was negative.",
    "If you have dyspnoea or pyrexia after discharge, call the ward on {phone}.",
    "The consultant may prescribe an antiemetic to stop the nausea.",
    "Haematuria can be a sign of a urinary tract infection.",
    "Some people have tachycardia or palpitations during the first week.",
    "Your condition is progressing and the tumour is benign.",
    "The registrar will check for contraindications before the anaesthetic.",
    "Patients with renal impairment may need a lower dose of the analgesic.",
    "After a myocardial infarction, cardiac rehabilitation starts within {n} weeks.",
    "Take the medicine twice a day with food to avoid gastrointestinal upset.",
    "The nurse will measure your blood pressure and check for postural hypotension.",
]
WORDY = [
    "In order to utilise the funding, teams must commence work prior to {month}.",
    "At this point in time we are not in a position to comment on the proposal.",
    "A large number of participants were in receipt of benefits during the study.",
    "With regard to the budget, we will endeavour to provide additional information in due course.",
    "Please ensure that you notify the clinic in the event that you are unable to attend.",
    "The team will undertake a comprehensive review in excess of {n} cases.",
    "Members of the public are invited to submit their views in respect of the consultation.",
    "We have commenced recruitment and will facilitate sessions on a weekly basis.",
]
PASSIVE = [
    "The form was signed by your GP and was sent to the hospital.",
    "Decisions are made by the board after the evidence has been reviewed.",
    "The report was written by volunteers and was checked by the clinical lead.",
    "Feedback will be collected from learners at the end of each session.",
]
PLAIN = [
    "We meet on the first Tuesday of every month at {time}.",
    "Bring your letter and a list of the medicines you take.",
    "You can park in the main car park for free.",
    "Tell us if you need an interpreter.",
    "The clinic is on the ground floor, next to the pharmacy.",
    "Our members come from {n} different towns.",
    "Carers told us the forms were too long.",
    "We will send you a text the day before.",
    "Ask the nurse if you are not sure.",
    "Most people go home the same day.",
    "You will see the same doctor each time.",
    "We listened to what patients told us and changed the leaflet.",
    "Volunteers help at the front desk on {day}s.",
    "Please call us on {phone} if you cannot come.",
]
LONG = [
    "The network, which was established in {year} following a period of extensive "
    "consultation with commissioners, providers, voluntary sector organisations and patient "
    "representatives, aims to support the development of integrated approaches to the "
    "prevention and management of long-term conditions across {place}, while also ensuring "
    "that the voices of people who are seldom heard are reflected in every stage of the "
    "design, delivery and evaluation of services.",
    "Because the evidence base for interventions targeting health inequalities in coastal "
    "communities remains underdeveloped, the consortium proposes a mixed-methods evaluation "
    "incorporating routinely collected data, semi-structured interviews with {n} participants "
    "and an economic analysis of cost-effectiveness over a five-year horizon.",
]
HEADINGS = [
    "## Our aims", "## What to expect", "## About the network", "## How to get involved",
    "## Plain English summary", "## Before your appointment", "## After your operation",
    "## Background", "## Methods", "## Who we are", "What to bring", "Contact us",
]
LIST_ITEMS = [
    "your appointment letter", "a list of your medicines", "leverage stakeholder engagement",
    "facilitate co-production with service users", "commence treatment prior to discharge",
    "reading glasses if you use them", "a snack and a drink", "the name of your GP",
    "utilise the digital platform", "someone to take you home", "monitor for pyrexia",
    "embed learning across the system", "something to read while you wait",
]
SLOTS = {
    "place": ["Cornwall", "the North East", "Greater Manchester", "Leeds", "Bristol", "Norfolk",
              "south London", "the Midlands", "Cumbria", "Kent"],
    "month": ["January", "March", "April", "June", "September", "October", "December"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "time": ["9am", "10.30am", "2pm", "6pm"],
}
KINDS = [(JARGON, 4), (MEDICAL, 3), (WORDY, 2), (PASSIVE, 1), (PLAIN, 5), (LONG, 1)]


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))


def _fill(template: str, rng: random.Random) -> str:
    def slot(m: re.Match) -> str:
        name = m.group(1)
        if name == "n":
            return str(rng.randint(2, 999))
        if name == "year":
            return str(rng.randint(2015, 2030))
        if name == "phone":
            return f"0{rng.randint(1000, 9999)} {rng.randint(100000, 999999)}"
        return rng.choice(SLOTS[name])

    return re.sub(r"\{(\w+)\}", slot, template)


def _sentence(rng: random.Random) -> str:
    pools, weights = zip(*KINDS, strict=True)
    pool = rng.choices(pools, weights)[0]
    return _fill(rng.choice(pool), rng)


def _block(rng: random.Random) -> str:
    """One paragraph, heading or bullet list."""
    roll = rng.random()
    if roll < 0.08:
        return rng.choice(HEADINGS)
    if roll < 0.16:
        items = rng.sample(LIST_ITEMS, rng.randint(3, 6))
        intro = rng.choice(["Please bring:", "You will need:", "Our objectives are to:"])
        return intro + "\n" + "\n".join(f"- {item}" for item in items)
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 7)))


def make_text(words: int, seed: int = 1) -> str:
    """A text of exactly `words` words (counted as docs/ARCHITECTURE.md says), paragraphs
    split by blank lines. The last sentence is cut short to land on the count."""
    rng = random.Random(f"jargonfree-bench-{seed}")
    blocks: list[str] = []
    total = 0
    while total < words:
        block = _block(rng)
        n = count_words(block)
        if total + n > words:
            block = _truncate(block, words - total)
            n = count_words(block)
        if n:
            blocks.append(block)
            total += n
    return "\n\n".join(blocks) + "\n"


def _truncate(block: str, keep: int) -> str:
    matches = list(WORD_RE.finditer(block))
    if keep <= 0:
        return ""
    cut = matches[keep - 1].end()
    return block[:cut].rstrip(",;:") + "."


def edit_paragraph(text: str, index: int, tag: int) -> str:
    """The same text with one paragraph (by blank-line index) changed: a sentence added,
    as a writer would. `tag` keeps each edit different so no cache can answer it."""
    parts = text.split("\n\n")
    parts[index] = parts[index] + f" We will utilise {tag} extra beds in order to help."
    return "\n\n".join(parts)


# Other shapes of text, from the same sentences (no outside data): "long" is long
# paragraphs of long sentences with few breaks (a report's body, a pasted PDF); "lines" is
# short lines, lists and tables (a form, a leaflet's checklist, a pasted spreadsheet);
# "unbroken" is "long" with no blank line anywhere (one paragraph a line).
SHAPES = ("health", "long", "lines", "unbroken")
_JOINERS = [", and ", ", while ", "; ", ", which means that ", ", because ", ", although "]
_TABLE_HEADS = [("Service", "Where", "When"), ("Item", "Owner", "Due"),
                ("Measure", "Target", "Progress")]


def _long_sentence(rng: random.Random) -> str:
    """Two to four sentences joined into one, lower-cased after the first."""
    parts = [_sentence(rng).rstrip(".") for _ in range(rng.randint(2, 4))]
    out = parts[0]
    for part in parts[1:]:
        out += rng.choice(_JOINERS) + part[:1].lower() + part[1:]
    return out + "."


def _long_block(rng: random.Random) -> str:
    return " ".join(_long_sentence(rng) for _ in range(rng.randint(8, 20)))


def _lines_block(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.15:
        return rng.choice(HEADINGS)
    if roll < 0.45:
        items = rng.sample(LIST_ITEMS, rng.randint(3, 8))
        numbered = rng.random() < 0.4
        return "\n".join(f"{i}. {item}" if numbered else f"* {item}"
                         for i, item in enumerate(items, 1))
    if roll < 0.7:
        head = rng.choice(_TABLE_HEADS)
        rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for _ in range(rng.randint(2, 6)):
            cells = [_fill(rng.choice(LIST_ITEMS), rng), _fill("{place}", rng),
                     _fill("{day} {time}", rng)]
            rows.append("| " + " | ".join(cells) + " |")
        return "\n".join(rows)
    return "\n".join(_fill(rng.choice(PLAIN + PASSIVE + WORDY), rng)
                     for _ in range(rng.randint(1, 4)))


def make_shaped(words: int, shape: str = "health", seed: int = 1) -> str:
    """A text of exactly `words` words in one of SHAPES ("health" is make_text;
    "unbroken" is the "long" text with its paragraphs one a line, no blank line anywhere,
    as text pasted from a web page or an e-mail often comes: one huge paragraph)."""
    if shape == "health":
        return make_text(words, seed)
    if shape == "unbroken":
        return make_shaped(words, "long", seed).replace("\n\n", "\n")
    block = {"long": _long_block, "lines": _lines_block}[shape]
    rng = random.Random(f"jargonfree-bench-{shape}-{seed}")
    blocks: list[str] = []
    total = 0
    while total < words:
        text = block(rng)
        n = count_words(text)
        if total + n > words:
            text = _truncate(text, words - total)
            n = count_words(text)
        if n:
            blocks.append(text)
            total += n
    return "\n\n".join(blocks) + "\n"


if __name__ == "__main__":
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    shape = sys.argv[3] if len(sys.argv) > 3 else "health"
    sys.stdout.write(make_shaped(n, shape, seed))
