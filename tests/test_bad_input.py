"""Bad input through the command line, as a user would give it (docs/ARCHITECTURE.md, "Bad input and
faults"): every file either works (exit 0, findings whose offsets are right in code points
of the decoded text) or exits 2 with exactly one line on standard error naming the file
and the problem. Never a traceback, never a hang. Broken rule folders the same way.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
JARGON = "We will utilise it and leverage the network."  # two findings with known offsets


@pytest.fixture
def run(tmp_path):
    """`python -m jargonfree ARGS` in a fresh process with the user's folders in tmp_path."""
    env = dict(os.environ)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / "xdg" / var.lower())
    env["HOME"] = str(tmp_path / "home")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))

    def _run(*args: str, stdin: bytes | None = None, timeout: float = 180):
        try:
            return subprocess.run(
                [sys.executable, "-m", "jargonfree", *args], input=stdin,
                capture_output=True, env=env, cwd=tmp_path, timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"jargonfree {' '.join(args)[:200]} did not finish in {timeout} s")

    return _run


def _stderr_lines(proc) -> list[str]:
    err = proc.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in err, err[-3000:]
    return err.splitlines()


def assert_refused(proc, name: str) -> str:
    """Exit 2, nothing on standard output, one line on standard error naming the file."""
    lines = _stderr_lines(proc)
    assert proc.returncode == 2, (proc.returncode, lines)
    assert len(lines) == 1, lines
    assert name in lines[0], lines
    assert proc.stdout.strip() in (b"", b"[]"), proc.stdout[:500]
    return lines[0]


def assert_findings_fit(doc: dict, text: str) -> None:
    """Every finding's span, text, line and column agree with the decoded text."""
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n" or (ch == "\r" and text[i + 1 : i + 2] != "\n"):
            starts.append(i + 1)
    keys = []
    for f in doc["findings"]:
        assert 0 <= f["start"] < f["end"] <= len(text), f
        assert text[f["start"] : f["end"]] == f["text"], f
        line = sum(1 for s in starts if s <= f["start"])
        assert (f["line"], f["column"]) == (line, f["start"] - starts[line - 1] + 1), f
        keys.append((f["start"], f["end"], f["rule_id"]))
    assert keys == sorted(keys)


def _flagged(doc: dict) -> dict[str, int]:
    """Lowercase finding text -> start, for the word-level findings."""
    return {f["text"].lower(): f["start"] for f in doc["findings"]
            if f["category"] in ("jargon", "wordy", "medical")}


# --- files in the encodings people have -------------------------------------------------
# (name, bytes on disk, the text jargonfree should see, or None when it may refuse)
PREFIX = "“Café” – £5 ½ "  # non-ASCII before the jargon, so wrong decoding shifts offsets
ENCODED = [
    ("utf8.txt", (PREFIX + JARGON).encode("utf-8"), PREFIX + JARGON),
    ("utf8-bom.txt", codecs.BOM_UTF8 + (PREFIX + JARGON).encode("utf-8"), PREFIX + JARGON),
    ("cp1252.txt", (PREFIX + JARGON).encode("cp1252"), PREFIX + JARGON),
    ("latin1.txt", ("Café ½ £5 naïve. " + JARGON).encode("latin-1"),
     "Café ½ £5 naïve. " + JARGON),
    ("utf16-le-bom.txt", codecs.BOM_UTF16_LE + f"{PREFIX}😀\r\n{JARGON}".encode("utf-16-le"),
     f"{PREFIX}😀\r\n{JARGON}"),
    ("utf16-be-bom.txt", codecs.BOM_UTF16_BE + f"{PREFIX}😀\n{JARGON}".encode("utf-16-be"),
     f"{PREFIX}😀\n{JARGON}"),
    # UTF-8 with two stray bytes: read as UTF-8, each replaced by U+FFFD, with a warning.
    ("invalid-utf8.txt", (PREFIX + JARGON).encode("utf-8") + b" \xff\xfe bad",
     PREFIX + JARGON + " \ufffd\ufffd bad"),
    # Bytes that are neither UTF-8 nor cp1252 (0x81, 0x8d are unassigned in cp1252).
    ("neither.txt", b"Caf\xe9 \x81\x8d\x8f\x90\x9d " + JARGON.encode(), None),
    ("rtl-emoji.txt", ("שלום עולם, مرحبا. 😀👩🏽‍⚕️ e\u0301 " + JARGON).encode("utf-8"),
     "שלום עולם, مرحبا. 😀👩🏽‍⚕️ e\u0301 " + JARGON),
    ("crlf.txt", f"Line one.\r\n\r\n{JARGON}\r\n".encode(), f"Line one.\r\n\r\n{JARGON}\r\n"),
]
WARNED = {"invalid-utf8.txt"}  # read, with one warning line on standard error


@pytest.fixture(scope="module")
def encoded_run(tmp_path_factory):
    """One `check --format json` over all the encoded files (one engine start-up)."""
    tmp = tmp_path_factory.mktemp("encoded")
    for name, data, _ in ENCODED:
        (tmp / name).write_bytes(data)
    env = dict(os.environ, HOME=str(tmp / "home"), XDG_CACHE_HOME=str(tmp / "cache"),
               XDG_DATA_HOME=str(tmp / "data"), XDG_CONFIG_HOME=str(tmp / "config"),
               XDG_STATE_HOME=str(tmp / "state"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, "-m", "jargonfree", "check", "--format", "json",
         *(name for name, _, _ in ENCODED)],
        capture_output=True, env=env, cwd=tmp, timeout=180,
    )
    errors = _stderr_lines(proc)
    docs = {doc["path"]: doc for doc in json.loads(proc.stdout)}
    return proc, errors, docs


@pytest.mark.parametrize(("name", "data", "text"), ENCODED, ids=[e[0] for e in ENCODED])
def test_encoded_file_works_or_is_refused_in_one_line(encoded_run, name, data, text):
    proc, errors, docs = encoded_run
    named = [line for line in errors if f" {name}:" in line]
    if name in docs:
        if name in WARNED:
            [line] = named
            assert line.startswith("jargonfree: warning: ") and "not valid UTF-8" in line
        else:
            assert not named, named
        doc = docs[name]
        if text is None:  # decoded some way: the offsets must fit what it was decoded as
            text = _decoded(data)
        assert_findings_fit(doc, text)
        flagged = _flagged(doc)
        assert flagged.get("utilise") == text.index("utilise"), doc["findings"]
        assert flagged.get("leverage") == text.index("leverage"), doc["findings"]
        assert doc["readability"]["words"] > 5
    else:
        assert text is None, f"{name} should have worked: {named}"
        assert len(named) == 1, errors
    # Exit 2 exactly when something was refused; one stderr line per refused or warned file.
    refused = [n for n, _, _ in ENCODED if n not in docs]
    assert len(errors) == len(refused) + len(WARNED), errors
    assert proc.returncode == (2 if refused else 0)


def _decoded(data: bytes) -> str:
    """The text of a file that is not valid UTF-8, decoded as the reader would."""
    from jargonfree.formats import decode_bytes

    return decode_bytes(data, "x").text


@pytest.mark.parametrize("command", ["check", "score"])
def test_utf16_and_cp1252_through_standard_input(run, command):
    for data, text in [
        (codecs.BOM_UTF16_LE + JARGON.encode("utf-16-le"), JARGON),
        (("“Café” " + JARGON).encode("cp1252"), "“Café” " + JARGON),
    ]:
        args = ("check", "--format", "json", "-") if command == "check" else ("score", "-")
        proc = run(*args, stdin=data)
        assert proc.returncode == 0, _stderr_lines(proc)
        assert _stderr_lines(proc) == []
        if command == "check":
            [doc] = json.loads(proc.stdout)
            assert doc["path"] == "-"
            assert_findings_fit(doc, text)
            assert _flagged(doc)["utilise"] == text.index("utilise")
        else:
            assert "reading age" in proc.stdout.decode().lower()


# --- files that are not text, or not there ----------------------------------------------


def test_binary_file_is_refused(run, tmp_path):
    path = tmp_path / "program.bin"
    path.write_bytes(Path(sys.executable).read_bytes()[:8192])  # an ELF executable's head
    message = assert_refused(run("check", str(path)), str(path))
    assert "binary" in message or "not text" in message


def test_image_is_refused(run, tmp_path):
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert_refused(run("check", str(path)), str(path))


@pytest.mark.parametrize("data", [
    b"We will\x00 utilise it.",
    b"\x00" * 100,
    codecs.BOM_UTF16_LE + "We will\x00 utilise it.".encode("utf-16-le"),
], ids=["nul-in-text", "only-nuls", "nul-in-utf16"])
def test_nul_bytes_work_or_are_refused(run, tmp_path, data):
    path = tmp_path / "nul.txt"
    path.write_bytes(data)
    proc = run("check", "--format", "json", str(path))
    if proc.returncode == 2:
        assert_refused(proc, str(path))
    else:
        assert proc.returncode == 0 and _stderr_lines(proc) == []
        [doc] = json.loads(proc.stdout)
        assert_findings_fit(doc, _decoded(data))


def test_binary_on_standard_input_is_refused(run):
    proc = run("check", "-", stdin=b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    message = assert_refused(proc, "standard input")
    assert "binary" in message or "not text" in message


def test_empty_file_works(run, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    proc = run("check", "--format", "json", str(path))
    assert proc.returncode == 0 and _stderr_lines(proc) == []
    [doc] = json.loads(proc.stdout)
    assert doc["findings"] == [] and doc["readability"]["words"] == 0
    proc = run("check", str(path))
    assert (proc.returncode, proc.stdout, _stderr_lines(proc)) == (0, b"", [])


def test_blank_file_works(run, tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \r\n\t\n\n \xc2\xa0\n")
    proc = run("check", "--format", "json", str(path))
    assert proc.returncode == 0 and _stderr_lines(proc) == []
    [doc] = json.loads(proc.stdout)
    assert doc["readability"]["words"] == 0


def test_directory_is_refused(run, tmp_path):
    folder = tmp_path / "a folder"
    folder.mkdir()
    message = assert_refused(run("check", str(folder)), str(folder))
    assert "folder" in message or "directory" in message


def test_missing_file_is_refused(run, tmp_path):
    path = tmp_path / "missing.txt"
    message = assert_refused(run("check", str(path)), str(path))
    assert "no such file" in message


def test_path_under_a_regular_file_is_refused(run, tmp_path):
    """An unreadable path that stays unreadable as root: a 'folder' that is a file."""
    parent = tmp_path / "file.txt"
    parent.write_text(JARGON, encoding="utf-8")
    path = parent / "child"
    assert_refused(run("check", str(path)), str(path))
    assert_refused(run("score", str(path)), str(path))


def test_file_without_read_permission_is_refused(tmp_path, unreadable, capsys):
    """In this process (so that it holds as root too): one line, exit 2, and the other
    file is still checked."""
    from jargonfree.cli import main

    path = tmp_path / "secret.txt"
    path.write_text(JARGON, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(JARGON, encoding="utf-8")
    unreadable(path)
    status = main(["check", "--no-user-lists", "--format", "json", str(path), str(good)])
    out, err = capsys.readouterr()
    assert status == 2
    assert err.splitlines() == [
        f"jargonfree: {path}: you do not have permission to read this file"]
    assert [doc["path"] for doc in json.loads(out)] == [str(good)]


def test_one_bad_input_among_good_ones(run, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(JARGON, encoding="utf-8")
    empty = tmp_path / "empty folder"
    empty.mkdir()
    proc = run("check", "--format", "json", str(tmp_path / "gone.txt"), str(good),
               str(empty))
    lines = _stderr_lines(proc)
    assert proc.returncode == 2 and len(lines) == 2
    assert "gone.txt" in lines[0] and f"{empty}: no .txt, .md or .docx files" in lines[1]
    [doc] = json.loads(proc.stdout)
    assert doc["path"] == str(good)
    assert_findings_fit(doc, JARGON)


# --- big input ------------------------------------------------------------------------


def _long_line(size: int) -> str:
    """About `size` characters of health-service prose on one line, with no blank line:
    a 5 MB paste into one paragraph."""
    cycle = (
        "The clinic is open on Monday and you can park for free. "
        "We will leverage the stakeholder network. "
        "Bring a list of the medicines you take and your letter. "
        "Patients with hypertension may need a comorbidity review. "
        "Our volunteers help at the front desk every week. "
        "The form was signed by your GP before the visit. "
    )
    return (cycle * (size // len(cycle) + 1))[:size].rstrip() + "."


def test_five_megabyte_single_line_works(run, tmp_path):
    text = _long_line(5 * 1024 * 1024)
    path = tmp_path / "paste.txt"
    path.write_text(text, encoding="utf-8")
    proc = run("check", "--format", "json", str(path), timeout=300)
    assert proc.returncode == 0, _stderr_lines(proc)[-5:]
    assert _stderr_lines(proc) == []
    [doc] = json.loads(proc.stdout)
    assert doc["readability"]["words"] > 800_000
    assert_findings_fit(doc, text)
    leverage = [f["start"] for f in doc["findings"] if f["rule_id"] == "network.leverage"]
    assert leverage[-1] == text.rindex("leverage")  # offsets hold to the end of the line


def test_very_long_word_and_long_lines_work(run, tmp_path):
    text = "a" * 200_000 + " We will utilise it.\n" + ("x" * 50 + "\n") * 20_000 + JARGON
    path = tmp_path / "odd.txt"
    path.write_text(text, encoding="utf-8")
    proc = run("check", "--format", "json", str(path))
    assert proc.returncode == 0, _stderr_lines(proc)[-5:]
    [doc] = json.loads(proc.stdout)
    assert_findings_fit(doc, text)
    assert _flagged(doc)["leverage"] == text.rindex("leverage")


# --- broken rule folders --------------------------------------------------------------

GOOD_RULE = (
    'schema = 1\ncategory = "wordy"\n\n[[rule]]\nid = "utilise"\nmatch = ["utilise"]\n'
    'replace = ["use"]\nmessage = "Say use."\n'
    'examples.flag = ["We utilise it."]\nexamples.pass = ["We use it."]\n'
)


@pytest.mark.parametrize(("name", "data", "words"), [
    ("wordy.toml", b'schema = 1\ncategory = "wordy"\n[[rule]\nid = "x"\n', ["TOML"]),
    ("network.toml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00" + bytes(range(256)),
     []),
    ("medical.toml", b'schema = 1\ncategory = "medical"\n[[rule]]\nid = "pyrexia"\n'
     b'explain = "high temperature"\nmessage = "Say high temperature."\n', ["pyrexia", "match"]),
    ("wordy.toml", b'schema = 1\ncategory = "wordy"\n[[rule]]\nid = "utilise"\n'
     b'match = "utilise"\nreplace = ["use"]\nmessage = "Say use."\n', ["utilise", "match"]),
    ("misleading.toml", b'schema = 7\ncategory = "misleading"\n', ["schema"]),
    ("wordy.toml", "schema = 1\ncategory = \"wordy\"\n# caf\u00e9\n".encode("cp1252"), []),
    ("consistency.toml", b'[[group]]\nid = "people"\nwords = "members"\n', ["people"]),
    ("consistency.toml", b"\xff\xfe\x00\x01[[group", []),
], ids=["bad-toml", "binary", "no-match", "match-is-a-string", "wrong-schema", "not-utf8",
        "group-words-not-a-list", "binary-groups"])
def test_rules_check_names_the_broken_file_in_one_line(run, tmp_path, name, data, words):
    folder = tmp_path / "rules"
    folder.mkdir()
    if name != "wordy.toml":
        (folder / "wordy.toml").write_text(GOOD_RULE, encoding="utf-8")
    (folder / name).write_bytes(data)
    commands = [("rules", "--check", str(folder))]
    if name != "consistency.toml":  # groups are read by --check only
        commands.append(("rules", str(folder)))
    for args in commands:
        message = assert_refused(run(*args), name)
        for word in words:
            assert word in message, message


def test_rules_check_accepts_a_good_folder_and_refuses_a_missing_one(run, tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "wordy.toml").write_text(GOOD_RULE, encoding="utf-8")
    proc = run("rules", "--check", str(folder))
    assert proc.returncode == 0, _stderr_lines(proc)
    assert "wordy" in proc.stdout.decode()
    assert_refused(run("rules", "--check", str(tmp_path / "nowhere")), "nowhere")
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    assert_refused(run("rules", "--check", str(tmp_path / "afile")), "afile")
