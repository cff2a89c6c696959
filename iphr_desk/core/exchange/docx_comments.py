"""The comments of a reviewed .docx (comments.xml), their replies and done state (commentsExtended.xml).

A reply is a comment of its own in comments.xml; only commentsExtended says whose reply it is: its
`w15:paraIdParent` names the `w14:paraId` of the parent comment's last paragraph (MS-DOCX 2.5.2). A
file without that part (older Word, some LibreOffice versions) has no replies, only comments.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from iphr_desk.core.exchange.docx_markdown import Para
from iphr_desk.core.exchange.docx_parts import DocxParts
from iphr_desk.core.exchange.docx_xml import W14, W15, comment_key, parse_date, w
from iphr_desk.core.exchange.review_model import ReviewComment


def read_comments(
    parts: DocxParts,
    main: str,
    read_paragraph: Callable[[etree._Element], Para],
    anchors: dict[str, list[str]],
    references: dict[str, Para],
) -> tuple[ReviewComment, ...]:
    """The comments of the document part `main`; `read_paragraph` reads one paragraph of a comment's
    text, `anchors` holds the text met inside each comment's range, `references` the paragraph holding
    each comment's mark (for a comment with no range)."""
    name = parts.related(main, "/comments")
    root = parts.xml(name) if name else None
    if root is None:
        return ()
    extended_name = parts.related(main, "/commentsExtended")
    extended = parts.xml(extended_name) if extended_name else None
    parents: dict[str, str] = {}
    done: dict[str, bool] = {}
    if extended is not None:
        for entry in extended.iter(f"{{{W15}}}commentEx"):
            para_id = (entry.get(f"{{{W15}}}paraId") or "").upper()
            parent = entry.get(f"{{{W15}}}paraIdParent")
            if parent:
                parents[para_id] = parent.upper()
            done[para_id] = (entry.get(f"{{{W15}}}done") or "0") in ("1", "true")
    raw = []
    by_para: dict[str, int] = {}
    for index, comment in enumerate(root.iter(w("comment"))):
        ident = comment.get(w("id"), "")
        texts = []
        last_para = ""
        for p in comment.iter(w("p")):
            texts.append(read_paragraph(p).text.strip())
            last_para = (p.get(f"{{{W14}}}paraId") or "").upper()
        text = "\n".join(t for t in texts if t).strip()
        if ident in anchors and "".join(anchors[ident]).strip():
            anchor = " ".join("".join(anchors[ident]).split())
        elif ident in references:
            anchor = " ".join(references[ident].text.split())
        else:
            anchor = ""
        raw.append((ident, comment, text, anchor, last_para))
        if last_para:
            by_para[last_para] = index
    keys: list[str] = []
    seen: dict[str, int] = {}
    found: list[ReviewComment] = []
    for ident, comment, text, anchor, last_para in raw:
        parent_index = by_para.get(parents.get(last_para, ""))
        parent_key = keys[parent_index] if parent_index is not None and parent_index < len(keys) else None
        author = comment.get(w("author"), "") or "reviewer"
        date = comment.get(w("date"), "")
        key = comment_key(author, date, text, anchor, parent_key or "")
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:  # two identical comments stay two
            key = comment_key(key, str(seen[key]))
        keys.append(key)
        if not text and not anchor:
            continue
        found.append(
            ReviewComment(
                key=key,
                author=author,
                date=parse_date(date),
                text=text,
                anchor=anchor,
                parent_key=parent_key,
                done=done.get(last_para, False),
                initials=comment.get(w("initials"), "") or "",
            )
        )
        del ident
    return tuple(found)
