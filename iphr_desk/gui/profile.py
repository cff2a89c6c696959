"""Who is using the app: the one name recorded as the author of every action, and the user's role.

Sign-offs, status changes, imports, comments, restored revisions and new drafts all name their author
with `current_user()`, so the review history says the same thing whichever window, list or panel the
action came from. The name is the user's own, typed once: the first start asks for it with the user's
role (`ProfileQuestion`, dialogs/profile_dialog.py) and Preferences can change both. It never comes from
the operating-system login, which on a shared field laptop or a Windows domain account says nothing about
who signed off a letter. The role (field officer, director...) is recorded in the note of each status
change, so the history says in which capacity someone approved or signed.

The question is not modal: a start on a fresh profile (automation, the tests' subprocesses, a user who
wants to look first) is never held up by it, and it is asked once — a user who closes it without a name
is not asked again at every start; Preferences is where the name is set then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from iphr_desk.gui.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from iphr_desk.gui.dialogs.profile_dialog import ProfileQuestion


def current_user(settings: Settings) -> str:
    """The author recorded for an action: the profile's name, or a placeholder until one is given."""
    return settings.user_name or QCoreApplication.translate("Profile", "Unnamed user")


def current_role(settings: Settings) -> str:
    """The profile's role as stored (a code of `ROLES` or the user's words; '' when none was given)."""
    return settings.user_role


def ask_name_once(settings: Settings, parent: QWidget | None) -> ProfileQuestion | None:
    """Show the name-and-role question when no name is stored and it was never asked; None when nothing
    is asked. (A profile named before roles existed is not asked again: Preferences sets its role.)

    Marked as asked at once (not on the answer), so a crash or a closed window does not ask again.
    """
    if settings.user_name or settings.profile_asked:
        return None
    from iphr_desk.gui.dialogs.profile_dialog import ProfileQuestion

    settings.profile_asked = True
    settings.sync()
    question = ProfileQuestion(settings, parent)
    question.show()
    return question
