"""What a letter must say for its recipient: forms of address, house style and the frame.

Owns the forms of address (address.py: resources/protocol/{fr,en,ru,de}.toml, office x gender x language
x register -> salutation, closing, address block), the house style a letterhead can change
(housestyle.py), localised names of countries and dates (locale_names.py), and the frame (frame.py): the
recipient block, date line, subject line, salutation, closing, signatures and cc of one letter, laid out
once and read by the preview and every export format.

May import: `letters` (the Letter value) and the shared helpers. Never `store` or `export`.
"""
