"""Letters leaving the store and coming back: reviewed .docx copies and exchange packages (issue 15).

    docx_parts    reading a .docx someone else saved: bounded unzip, XML without entities or network
    docx_review   a reviewed .docx read back: the body as the letter's Markdown (tracked insertions kept,
                  deletions applied), the header fields, each tracked change, the comments and replies
    merge         three-way merges of sequences and of Markdown bodies, paragraph by paragraph
    review_import what importing a reviewed copy would do (`plan_review_import`), doing it
                  (`apply_review_import`), and exporting a letter for review (`export_for_review`)
    package*      encrypted exchange packages between offline machines

May import `letters`, `protocol`, `export`, `store` and the shared helpers; never Qt.
"""
