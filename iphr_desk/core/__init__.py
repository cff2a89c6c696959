"""The Qt-free core: everything the CLI, the exporter and the window share, one package per concern.

    letters/      the Letter value, the letter file (Markdown + YAML front matter), the body's Markdown
                  and rich-text model
    protocol/     forms of address (office x gender x language x register), house style, the frame
                  every export format and the preview lay out
    store/        the database: models, migrations, repository, search, backups, encryption, locks
    export/       output formats (docx, pdf) and letterheads
    vocabularies  statuses, roles, situations, countries: defined once
    errors        the one-sentence errors a user is shown
    paths, safewrite, boundedio, textclean, demo
                  shared helpers: where the data folder is, writing and reading user files safely,
                  cleaning text, the demo data

What may import what (tests/test_architecture.py checks it): `letters` and `protocol` import neither
`store` nor `export`; `export` reads `letters` and `protocol`, never `store`; `store` keeps letters as
values of `letters`. Nothing below this package may import Qt (tests/core/test_no_qt.py), so the CLI,
the exporter and the store work on a machine with no display.
"""
