"""Help pages that are more than a line or two: what jargonfree keeps, and where."""

from __future__ import annotations

import html

from jargonfree.app.autosave import STALE_DAYS
from jargonfree.paths import AppPaths


def privacy_help(paths: AppPaths) -> str:
    """The Help > Privacy page (rich text), naming this computer's folders."""

    def where(path) -> str:
        return f"<code>{html.escape(str(path))}</code>"

    return f"""
<p><b>Your text stays on this computer.</b> jargonfree never connects to the internet.</p>
<p>What it keeps, and where:</p>
<ul>
<li><b>Unsaved work</b>, every few seconds while you have changes that are not saved, in
{where(paths.autosave_dir)}. Only you can read it: the files are private to your account
(permissions 600) in a folder only you can open (700). It is removed when you save, when
you discard the changes, or when you close without saving. After a crash it is offered back
the next time you open that file, when you start jargonfree, and from File &gt; Recover
Unsaved Work; once you recover or discard it, it is gone. Work older than {STALE_DAYS} days
is offered one last time, then removed.</li>
<li><b>Settings</b> in {where(paths.settings_file)} (private to you): your choices, the
window's layout and the list of recent files (their names and folders, never their text).
File &gt; Open Recent &gt; Clear Recent Files empties the list; Preferences &gt; General
&gt; "Remember recent files" off keeps none.</li>
<li><b>Your word lists and rules</b> in {where(paths.data_dir)} (private to you): only the
words you choose to always allow or always flag, such as a name you allowed.</li>
<li><b>Compiled rules</b> in {where(paths.cache_dir)}: the built-in and your own rules,
ready to load fast; never your text. Safe to delete at any time: they are built again.</li>
<li><b>Files you save and reports you export</b> go where you choose. Saving over a file
keeps its permissions; a new file gets your system's usual ones. Each save writes a
temporary file next to it (private to you) and renames it over the old one. The first
time you save over a Word document, its original is kept beside it as NAME.backup.docx,
private to you.</li>
</ul>
<p>There are no log files. The Open and Save dialogs are your desktop's or Qt's and may
keep their own list of recent folders. To remove everything, quit jargonfree and delete the
folders above.</p>
"""


SCORES_HELP = """
<p><b>How to read the scores</b></p>
<p><b>UK reading age</b> (the big number) is the age at which most children can read
your text: lower is easier. Many UK adults read best at a reading age of 9 to 11, so health
information for the public should aim there. It comes from the Flesch-Kincaid grade (a US
school year) plus 5.</p>
<p><b>The target</b> under it depends on <b>Who is it for?</b> above: each audience has
its own reading age to aim for. A tick means your text meets it; a warning sign means it is
harder. Very short texts get no verdict: there is not enough to tell.</p>
<p><b>SMOG</b> counts long words (three syllables or more) across your sentences. It
comes with the share of UK adults who can read a text at that level.</p>
<p><b>Flesch reading ease</b> runs from 0 to 100: higher is easier. 60 or more is plain
English; under 30 is very hard.</p>
<p><b>Jargon</b> is the share of words that are uncommon in everyday English or flagged by
the rules: lower is plainer.</p>
<p><b>Length</b> counts words and sentences and gives a reading time.</p>
<p><b>Other formulas</b> (Gunning fog, Coleman-Liau, ARI, Dale-Chall) give US school
grades too; they disagree a little because each counts different things.</p>
<p><b>Reading age by paragraph</b> shows which paragraphs are hardest, so you know where to
start.</p>
<p>All scores are estimates from sentence and word lengths: they cannot tell whether your
text makes sense. Short sentences and everyday words lower them; so does asking a reader.</p>
"""
