"""Table models over the store: rows are fetched in pages as the view needs them, never all at once."""
