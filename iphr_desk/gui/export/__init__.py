"""Export letters to .docx / PDF from the editor or the letter list, in a background worker."""
