"""Controllers of the main window's list pages that need more than a table: the address book and the trash."""
