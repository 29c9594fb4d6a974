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
