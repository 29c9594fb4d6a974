"""The command line as a user runs it: a fresh process, real files, real exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

FINDING_KEYS = {
    "start", "end", "line", "column", "text", "rule_id", "category", "level", "message",
    "suggestions", "note", "source",
}
READABILITY_KEYS = {
    "profile", "words", "sentences", "syllables", "flesch_reading_ease", "flesch_kincaid_grade",
    "smog_grade", "gunning_fog", "coleman_liau", "automated_readability_index", "dale_chall",
    "reading_age", "smog_reading_age", "nhs_band", "jargon_percent", "reading_time_seconds",
    "target", "meets_target", "notes",
}
SAMPLE = (
    "We will leverage our stakeholder network to facilitate knowledge sharing. "
    "The patient has hypertension and was given analgesia. "
    "Treatment will commence prior to discharge. "
    "In order to optimise outcomes, clinicians should utilise evidence-based interventions."
)


@pytest.fixture
def run(tmp_path):
    env = dict(os.environ)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var.lower())
    env["HOME"] = str(tmp_path / "home")

    def _run(*args, stdin: bytes | None = None):
        return subprocess.run(
            [sys.executable, "-m", "jargonfree", *args], input=stdin, capture_output=True,
            env=env, cwd=tmp_path, timeout=180,
        )

    return _run


def test_check_stdin_flags_leverage_and_stakeholder(run):
    proc = run("check", "-", stdin=b"We will leverage our stakeholder network.")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert any(line.startswith("-:1:9: jargon: ") and "[" in line for line in lines), lines
    assert any(line.startswith("-:1:22: jargon: ") for line in lines), lines
    assert proc.stderr == b""


def test_check_text_lines_name_the_words(run):
    proc = run("check", "-", stdin=b"We will leverage our stakeholder network.\n\n"
               b"The clinic cannot be\nreached by bus.")
    lines = proc.stdout.decode().splitlines()
    leverage = next(line for line in lines if line.startswith("-:1:9: "))
    assert leverage.startswith("-:1:9: jargon: 'leverage': ")
    assert leverage.endswith("]") and ("[use; " in leverage or "[use]" in leverage)
    passive = next(line for line in lines if line.startswith("-:3:"))
    # words across a line break are put on one line, so every finding is one line
    assert passive.startswith("-:3:12: passive: 'cannot be reached': ")
    assert len(lines) == proc.stdout.decode().count("\n")


def test_check_text_lines_cut_long_words(run):
    sentence = ("The multidisciplinary integrated neighbourhood team will operationalise a "
                "whole-system transformation programme across the footprint, with partners, "
                "stakeholders and communities, to co-produce sustainable place-based "
                "solutions for the population by leveraging synergies.")
    proc = run("check", "-", stdin=sentence.encode())
    lines = [line for line in proc.stdout.decode().splitlines() if ": sentence: " in line]
    assert lines
    words = lines[0].split(": ", 3)[2]
    assert words.startswith("'The multidisciplinary") and words.endswith("…'")
    assert len(words) == 62  # 60 characters and the quotes


def test_check_skips_web_addresses_and_link_targets(run):
    """Capitals in a web address or behind a Markdown link are not acronyms; in the
    words they are."""
    quiet = run("check", "-", stdin=b"Read https://www.example.org/ABC now.")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, b"", b"")
    proc = run("check", "-", stdin=b"See [the CQC page](https://example.org/PALS/XYZ).")
    lines = proc.stdout.decode().splitlines()
    assert [line.split(": ")[0:2] for line in lines] == [["-:1:10", "acronym"]], lines


def test_check_json_matches_the_schema(run, tmp_path):
    path = tmp_path / "bid.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    proc = run("check", "--format", "json", str(path))
    assert proc.returncode == 0, proc.stderr
    [doc] = json.loads(proc.stdout)
    assert doc["path"] == str(path)
    assert set(doc["readability"]) == READABILITY_KEYS
    assert doc["findings"], "expected findings"
    for f in doc["findings"]:
        assert set(f) == FINDING_KEYS
        assert SAMPLE[f["start"] : f["end"]] == f["text"]
        assert isinstance(f["suggestions"], list)
    keys = [(f["start"], f["end"], f["rule_id"]) for f in doc["findings"]]
    assert keys == sorted(keys)
    cats = {f["category"] for f in doc["findings"]}
    assert {"jargon", "wordy", "medical"} <= cats


def test_unreadable_input_exits_2_and_others_are_still_checked(run, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("We will leverage it.", encoding="utf-8")
    binary = tmp_path / "photo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    missing = tmp_path / "missing.txt"
    proc = run("check", "--format", "json", str(binary), str(good), str(missing))
    assert proc.returncode == 2
    errors = proc.stderr.decode().strip().splitlines()
    assert len(errors) == 2
    assert "photo.png" in errors[0] and "missing.txt" in errors[1]
    assert "Traceback" not in proc.stderr.decode()
    [doc] = json.loads(proc.stdout)
    assert doc["path"] == str(good)


def test_fail_on(run):
    text = b"We will leverage it."
    assert run("check", "--fail-on", "suggestion", "-", stdin=text).returncode == 1
    assert run("check", "--fail-on", "error", "-", stdin=text).returncode == 0
    assert run("check", "--fail-on", "suggestion", "-", stdin=b"We can help.").returncode == 0


def test_score_prints_reading_age_in_plain_words(run, tmp_path):
    path = tmp_path / "leaflet.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    proc = run("score", str(path))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert "UK reading age:" in out and "Flesch reading ease" in out
    assert "SMOG" in out and "Target for general public" in out


def test_score_reads_stdin_and_handles_empty_text(run):
    proc = run("score", stdin=b"")
    assert proc.returncode == 0
    assert "not enough text" in proc.stdout.decode()


def test_version_and_bad_usage(run):
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.decode().startswith("jargonfree ")
    proc = run("check", "--profile", "nobody", "-", stdin=b"x")
    assert proc.returncode == 2 and b"invalid choice" in proc.stderr


def test_rules_lists_families_and_checks(run):
    proc = run("rules", "--check")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    for family in ("network", "wordy", "medical", "misleading", "total"):
        assert family in out


FOLDER_RULES = """schema = 1
category = "wordy"

[[rule]]
id = "commence"
match = ["commence"]
replace = ["start", "begin"]
message = "Say start."
examples.flag = ["We commence at nine."]
examples.pass = ["We start at nine."]
examples.fix = [["Treatment commenced in May.", "Treatment started in May."]]
"""


def test_rules_check_runs_the_examples_of_a_folder(run, tmp_path):
    """A rule author checks a folder of rule files the way the tests check ours: flag,
    pass and fix examples, through the analyzer."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "our_words.toml").write_text(FOLDER_RULES, encoding="utf-8")
    good = run("rules", "--check", str(folder))
    assert good.returncode == 0, good.stderr
    assert "our_words      1 rule" in good.stdout.decode()  # any file name

    wrong = FOLDER_RULES.replace('"Treatment started in May."', '"Treatment start in May."')
    (folder / "our_words.toml").write_text(wrong, encoding="utf-8")
    bad = run("rules", "--check", str(folder))
    assert bad.returncode == 2
    assert bad.stderr.decode().splitlines() == [
        "jargonfree: our_words.commence: its fix example 'Treatment commenced in May.' gives "
        "'Treatment started in May.', not 'Treatment start in May.'"
    ]


def test_rules_check_reports_a_broken_file(run, tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "wordy.toml").write_text(
        'schema = 1\ncategory = "wordy"\n[[rule]]\nid = "utilise"\nreplace = ["use"]\n'
        'message = "Say use."\n',
        encoding="utf-8",
    )
    proc = run("rules", "--check", str(folder))
    assert proc.returncode == 2
    err = proc.stderr.decode().strip()
    assert err.count("\n") == 0 and "wordy.toml" in err and "'utilise'" in err and "match" in err


def test_crlf_and_bom_offsets(run, tmp_path):
    path = tmp_path / "win.txt"
    text = "Hello there.\r\nWe will utilise it."
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    proc = run("check", "--format", "json", str(path))
    [doc] = json.loads(proc.stdout)
    [f] = [f for f in doc["findings"] if f["text"].lower() == "utilise"]
    assert text[f["start"] : f["end"]] == "utilise" and (f["line"], f["column"]) == (2, 9)


def test_stray_byte_in_utf8_is_a_warning_and_the_check_goes_on(run, tmp_path):
    """UTF-8 with one cp1252 apostrophe: checked as UTF-8 (offsets after "’" hold), the
    bad byte shown as U+FFFD, one warning line, and the usual exit code."""
    path = tmp_path / "notes.txt"
    path.write_bytes("The patient’s care plan.".encode() + b" It\x92s here. We will utilise it.")
    text = "The patient’s care plan. It\ufffds here. We will utilise it."
    proc = run("check", "--format", "json", str(path))
    assert proc.returncode == 0, proc.stderr
    [line] = proc.stderr.decode().splitlines()
    assert line == (f"jargonfree: warning: {path}: 1 byte was not valid UTF-8 and was "
                    "replaced with \ufffd; check the text before saving")
    [doc] = json.loads(proc.stdout)
    [f] = [f for f in doc["findings"] if f["text"] == "utilise"]
    assert f["start"] == text.index("utilise")
    # Standard input the same way; --fail-on still decides the exit code.
    proc = run("check", "--fail-on", "suggestion", "-", stdin=path.read_bytes())
    assert proc.returncode == 1
    assert "standard input: 1 byte was not valid UTF-8" in proc.stderr.decode()
    assert proc.stdout.decode().startswith(f"-:1:{text.index('utilise') + 1}: wordy: ")


OWN_RULES = """schema = 1
category = "jargon"

[[rule]]
id = "ics"
match = ["integrated care system"]
replace = ["local health and care partnership"]
message = "Readers do not know what an ICS is."
examples.flag = ["The integrated care system met."]
examples.pass = ["The care system met.", "Our integrated care system plan."]
"""


def test_own_rules_are_checked_listed_and_validated(run, tmp_path):
    own = tmp_path / "xdg_data_home" / "jargonfree" / "rules"
    own.mkdir(parents=True)
    (own / "trust.toml").write_text(OWN_RULES, encoding="utf-8")
    (own / "broken.toml").write_text("schema = 1\ncategory = 'nonsense'\n", encoding="utf-8")

    proc = run("check", "-", stdin=b"The integrated care system met.")
    assert proc.returncode == 0, proc.stderr
    assert ("jargon: 'integrated care system': Readers do not know what an ICS is. "
            "[local health and care partnership]") in proc.stdout.decode()
    [warning] = proc.stderr.decode().splitlines()
    assert warning.startswith("jargonfree: warning: your rule file ") and "broken.toml" in warning

    quiet = run("check", "--no-user-lists", "-", stdin=b"The integrated care system met.")
    assert "ICS" not in quiet.stdout.decode() and quiet.stderr == b""

    listed = run("rules")
    assert listed.returncode == 0
    assert "own.trust" in listed.stdout.decode() and "Your own rules are read from" in (
        listed.stdout.decode())

    checked = run("rules", "--check")
    assert checked.returncode == 2
    problems = checked.stderr.decode().splitlines()
    assert any("broken.toml" in p for p in problems)
    # The second pass example contains the term: the user is told their example is wrong.
    assert any("own.trust.ics: flagged in its pass example" in p for p in problems), problems


def test_score_on_one_long_word_prints_no_absurd_reading_age(run):
    proc = run("score", "-", stdin=b"Immunohistochemistry")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    [line] = [text for text in out.splitlines() if "UK reading age" in text]
    assert "not enough text to score" in line and "8 words" in line
    assert "reading age 3" not in out  # no "reading age 36" anywhere


def test_score_and_json_say_over_21_for_very_hard_text(run):
    hard = (b"Notwithstanding considerable organisational heterogeneity, multidisciplinary "
            b"stakeholders operationalised interdisciplinary governance arrangements. "
            b"Comprehensive institutionalisation necessitates unprecedented collaboration. "
            b"Multifactorial considerations predominate unequivocally throughout implementation.")
    out = run("score", "-", stdin=hard).stdout.decode()
    assert "UK reading age: over 21 (university level)" in out
    assert "reading age over 21 (university level);" in out  # SMOG
    [doc] = json.loads(run("check", "--format", "json", "-", stdin=hard).stdout)
    r = doc["readability"]
    assert r["reading_age"] == 21.0 and r["smog_reading_age"] == 21.0
    assert r["flesch_kincaid_grade"] > 16 and "reading_age" in r["notes"]
    assert any("over 21 (university level)" in f["message"] for f in doc["findings"]
               if f["rule_id"] == "sentence.very_hard")


def test_sentence_ends_after_acronyms_and_abbreviations_in_the_json(run):
    text = ("Go to A&E. The nurse will see you there. I was told I have MS. It makes me tired. "
            "The wait is six weeks approx. Please call us. See Dr. Patel at 9 a.m. Monday.")
    [doc] = json.loads(run("check", "--format", "json", "-", stdin=text.encode()).stdout)
    assert doc["readability"]["sentences"] == 7


def test_fix_gives_what_the_rules_fix_examples_say(run, tmp_path):
    """`jargonfree fix` and the rule files' examples.fix agree: both paste the first
    suggestion with core.rewrite (a sample of rules whose form matters)."""
    from jargonfree.core.rules import load_rules

    by_key = load_rules().by_key
    keys = ["wordy.endeavour_to", "network.quick_win", "medical.fracture", "wordy.in_order_to"]
    for key in keys:
        [(before, after)] = by_key[key].fix_examples[:1]
        src = tmp_path / f"{key}.txt"
        src.write_text(before + "\n", encoding="utf-8")
        out = tmp_path / f"{key}.fixed.txt"
        proc = run("fix", "--no-user-lists", "--rule", key, str(src), "--output", str(out))
        assert proc.returncode == 0, proc.stderr
        assert out.read_text(encoding="utf-8") == after + "\n", key
