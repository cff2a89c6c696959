"""What every window and widget of the app is given: the open store, the dialogs service, the settings.

Passed explicitly (no global singletons), so a test builds one with a temporary store and fake services.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from iphr_desk.gui.services import Services

if TYPE_CHECKING:
    from iphr_desk.core.store.database import Store
    from iphr_desk.gui.settings import Settings


@dataclass
class AppContext:
    store: Store
    services: Services
    settings: Settings
    data_dir: Path
