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


WORD_HELP = """
<p><b>Editing a Word document (.docx)</b></p>
<p>The text you see is what a reader of the document sees, one paragraph after another
with a blank line between them. Headings are drawn larger, list items with their numbers
or bullets, table cells in a frame; those marks are only drawn and are not part of the
text that is checked.</p>
<p>What your edits become in Word when you save:</p>
<ul>
<li><b>Enter</b> splits the paragraph: both parts keep its style (a list item makes two
list items). At the very end of a heading, the new paragraph is in the style Word gives
after that heading, usually Normal.</li>
<li><b>Shift+Enter</b> is a line break inside the paragraph.</li>
<li><b>Backspace</b> at the start of a paragraph, <b>Delete</b> at its end, or deleting a
selection across paragraphs joins them: the first keeps its style, the words of the
second keep their bold, italics and links.</li>
<li><b>Pasting</b> several paragraphs makes paragraphs in the style of the one you paste
into. Typing on the blank line between two paragraphs makes a new paragraph there.</li>
<li>In a <b>table</b>, Enter makes a new paragraph in the same cell; two cells are never
joined, so the table keeps its rows and columns.</li>
</ul>
<p>Everything you did not change is saved exactly as it was. Unless you turn it off in
Preferences, your changes are Word tracked changes by "jargonfree", which you can accept
or reject in Word; changes other people tracked are kept as they are.</p>
"""
