"""Complete the Qt translation catalogs after `pyside6-lupdate` and fill them from fr.yaml / ru.yaml.

Run by `make translations` between lupdate and lrelease:

    pyside6-lupdate <gui sources> -ts iphr_desk_fr.ts iphr_desk_ru.ts
    python resources/translations/catalogs.py          # this script
    pyside6-lrelease iphr_desk_fr.ts iphr_desk_ru.ts

Why a script on top of lupdate: lupdate's Python reader only knows calls spelled `tr(...)`, `self.tr(...)`
and `QCoreApplication.translate(...)`. The GUI also uses small one-argument helpers bound to a context
(`def _tr(text): return QCoreApplication.translate("Labels", text)`) and aliases
(`tr = QCoreApplication.translate`); lupdate misses the first and files the second under the wrong
context. Qt looks a message up by (context, source, disambiguation), so a misfiled entry is never used.
No library reads these patterns, so `extract()` walks the sources' syntax trees itself (hand-written);
the .ts files end up holding exactly the messages the code asks for at run time, including `self.tr`
called from a subclass (PySide6 passes the run-time class name as the context).

Translations live in `<lang>.yaml`, reviewable and kept across runs: a mapping source -> translation that
applies in every context, plus `_contexts: {Context: {source: translation}}` for the few sources that read
differently in one place. A plural message (`%n ...`) maps to a list of forms in Qt's order for the
language (French: one, many; Russian: one, few, many). In French the script turns an ordinary space before
`:` `;` `!` `?` into a no-break space (U+00A0), so the YAML stays readable and the typography is uniform.

English needs no translation but has plurals: a source such as "%n letter(s) to export." would show
"1 letter(s)". `iphr_desk_en.ts` holds only the plural messages, with the English forms made from the
source ("(s)" dropped for one, kept as "s" for many; `en.yaml` may give other forms), so English reads
"1 letter to export." / "3 letters to export." through Qt's ordinary numerus lookup.

`--check` changes nothing and exits 1 when a message has no translation (what the tests and CI use).
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from lxml import etree

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
GUI = ROOT / "iphr_desk" / "gui"
LANGUAGES = ("fr", "ru")
#: The source language's catalog: plural messages only (see the module's docstring).
ENGLISH = "en"
#: Qt's plural forms per catalog language (see QTranslator's numerus rules).
PLURAL_FORMS = {"fr": 2, "ru": 3, "en": 2}
ENGLISH_PLURAL = re.compile(r"\((e?s)\)")
FRENCH_SPACE = re.compile(r" (?=[:;!?](\s|$|<))")
NBSP = "\u00a0"
TRANSLATE_FUNCS = {"translate"}
TRANSLATE_OWNERS = {"QCoreApplication", "QApplication", "QGuiApplication"}


@dataclass(frozen=True, order=True)
class Message:
    context: str
    source: str
    disambiguation: str = ""
    numerus: bool = False


@dataclass
class Extraction:
    messages: set[Message] = field(default_factory=set)
    #: "file:line" of tr/translate calls whose text is not a literal (cannot be catalogued).
    dynamic: list[str] = field(default_factory=list)


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _arg(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    if len(call.args) > position:
        return call.args[position]
    for kw in call.keywords:
        if kw.arg == keyword:
            return kw.value
    return None


def _is_translate_attr(func: ast.expr) -> bool:
    return (
        isinstance(func, ast.Attribute)
        and func.attr in TRANSLATE_FUNCS
        and isinstance(func.value, ast.Name)
        and func.value.id in TRANSLATE_OWNERS
    )


def _helper_context(node: ast.FunctionDef) -> str | None:
    """The context of a helper `def f(text): return QCoreApplication.translate("Ctx", text)`, else None."""
    if not node.args.args or len(node.body) != 1 or not isinstance(node.body[0], ast.Return):
        return None
    value = node.body[0].value
    if not (isinstance(value, ast.Call) and _is_translate_attr(value.func)):
        return None
    context = _literal(_arg(value, 0, "context"))
    text = _arg(value, 1, "sourceText")
    first = node.args.args[0].arg
    if context is not None and isinstance(text, ast.Name) and text.id == first:
        return context
    return None


class _Visitor(ast.NodeVisitor):
    """Collects messages of one module; class contexts are expanded to subclasses afterwards."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.scopes: list[dict[str, str]] = [{}]  # name -> helper context, or "" for a translate alias
        self.classes: list[str] = []
        self.by_class: list[tuple[str, Message]] = []  # self.tr messages, context filled in later
        self.found = Extraction()
        self.bases: dict[str, list[str]] = {}

    def _lookup(self, name: str) -> str | None:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return None

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.bases[node.name] = [b.id if isinstance(b, ast.Name) else ast.unparse(b) for b in node.bases]
        self.classes.append(node.name)
        self.scopes.append({})
        self.generic_visit(node)
        self.scopes.pop()
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        context = _helper_context(node)
        if context is not None:
            self.scopes[-1][node.name] = context
            return  # the helper's own translate(ctx, text) call is not a message
        self.scopes.append({})
        self.generic_visit(node)
        self.scopes.pop()

    def visit_Assign(self, node: ast.Assign) -> None:
        if _is_translate_attr(node.value):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.scopes[-1][target.id] = ""
        self.generic_visit(node)

    def _add(self, node: ast.Call, context: str | None, text: ast.expr | None, extra: int) -> None:
        source = _literal(text)
        if source is None:
            self.found.dynamic.append(f"{self.path}:{node.lineno}")
            return
        disambiguation = _literal(_arg(node, extra, "disambiguation")) or ""
        numerus = _arg(node, extra + 1, "n") is not None
        if context is None:
            if self.classes:
                self.by_class.append((self.classes[-1], Message("", source, disambiguation, numerus)))
            else:
                self.found.dynamic.append(f"{self.path}:{node.lineno} (self.tr outside a class)")
            return
        self.found.messages.add(Message(context, source, disambiguation, numerus))

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "tr":
            if isinstance(func.value, ast.Name) and func.value.id in ("self", "cls"):
                self._add(node, None, _arg(node, 0, "sourceText"), 1)
        elif _is_translate_attr(func) or (isinstance(func, ast.Name) and self._lookup(func.id) == ""):
            context = _literal(_arg(node, 0, "context"))
            if context is None:
                self.found.dynamic.append(f"{self.path}:{node.lineno} (context not a literal)")
            else:
                self._add(node, context, _arg(node, 1, "sourceText"), 2)
        elif isinstance(func, ast.Name) and self._lookup(func.id):
            self._add(node, self._lookup(func.id), _arg(node, 0, "text"), 1)
        self.generic_visit(node)


def _subclasses(bases: dict[str, list[str]]) -> dict[str, set[str]]:
    """Each class name with itself and every class (in the scanned sources) deriving from it."""
    result: dict[str, set[str]] = {name: {name} for name in bases}
    changed = True
    while changed:
        changed = False
        for name, parents in bases.items():
            for parent in parents:
                if parent in result and not result[name] <= result[parent]:
                    result[parent] |= result[name]
                    changed = True
    return result


def extract(paths: Iterable[Path]) -> Extraction:
    """Every message the given sources ask Qt to translate, under the context Qt will look it up in."""
    total = Extraction()
    bases: dict[str, list[str]] = {}
    pending: list[tuple[str, Message]] = []
    for path in sorted(paths):
        visitor = _Visitor(path)
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        total.messages |= visitor.found.messages
        total.dynamic += visitor.found.dynamic
        bases.update(visitor.bases)
        pending += visitor.by_class
    family = _subclasses(bases)
    for owner, message in pending:
        for context in family.get(owner, {owner}):
            total.messages.add(Message(context, message.source, message.disambiguation, message.numerus))
    # A source asked for both with and without a count is one catalog entry (Qt's key has no count).
    plural = {Message(m.context, m.source, m.disambiguation) for m in total.messages if m.numerus}
    total.messages -= plural
    return total


def gui_sources() -> list[Path]:
    return sorted(GUI.rglob("*.py"))


# Translations --------------------------------------------------------------------------------------------


Translation = str | list[str]


def load_translations(language: str) -> tuple[dict[str, Translation], dict[str, dict[str, Translation]]]:
    """`<language>.yaml`, then every `<language>.d/*.yaml` in name order (one file per area of the
    interface, so that work on different windows does not edit one file); a later file may not
    redefine a source an earlier one translated."""
    files = [HERE / f"{language}.yaml", *sorted((HERE / f"{language}.d").glob("*.yaml"))]
    files = [path for path in files if path.exists()]
    data: dict[str, Translation] = {}
    contexts: dict[str, dict[str, Translation]] = {}
    for path in files:
        part: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, entries in (part.pop("_contexts", None) or {}).items():
            contexts.setdefault(name, {}).update(entries)
        clashes = sorted(key for key in part if key in data and data[key] != part[key])
        if clashes:
            raise SystemExit(f"{path.name}: translated differently in an earlier file: {clashes[0]!r}")
        data.update(part)
    return data, contexts


def typeset(language: str, text: str) -> str:
    return FRENCH_SPACE.sub(NBSP, text) if language == "fr" else text


def lookup(
    language: str,
    message: Message,
    common: dict[str, Translation],
    contexts: dict[str, dict[str, Translation]],
) -> list[str] | None:
    """The translation (one form, or the plural forms) of a message, or None when the YAML has none."""
    key = f"{message.source}#{message.disambiguation}" if message.disambiguation else message.source
    specific = contexts.get(message.context, {})
    found = specific.get(key, common.get(key))
    if found is None and language == ENGLISH and message.numerus:
        found = english_forms(message.source)
    if found is None:
        return None
    forms = found if isinstance(found, list) else [found]
    return [typeset(language, str(form)) for form in forms]


def english_forms(source: str) -> list[str]:
    """The English one/many forms of a plural source: "%n file(s)" -> "%n file", "%n files"."""
    return [ENGLISH_PLURAL.sub("", source), ENGLISH_PLURAL.sub(r"\1", source)]


def unused_keys(language: str, messages: set[Message]) -> list[str]:
    """YAML entries no message asks for any more (a string changed or left the GUI): worth deleting."""
    common, contexts = load_translations(language)
    used: set[str] = set()
    used_in: set[tuple[str, str]] = set()
    for message in messages:
        key = f"{message.source}#{message.disambiguation}" if message.disambiguation else message.source
        if key in contexts.get(message.context, {}):
            used_in.add((message.context, key))
        else:
            used.add(key)
    specific = {(context, key) for context, entries in contexts.items() for key in entries}
    return sorted(set(common) - used) + [f"{c}: {k}" for c, k in sorted(specific - used_in)]


# The .ts file --------------------------------------------------------------------------------------------


def _message_of(context: str, element: Any) -> Message:
    comment = element.find("comment")
    return Message(
        context,
        element.findtext("source") or "",
        (comment.text or "") if comment is not None else "",
        element.get("numerus") == "yes",
    )


def _new_message(message: Message) -> Any:
    element = etree.Element("message")
    if message.numerus:
        element.set("numerus", "yes")
    etree.SubElement(element, "source").text = message.source
    if message.disambiguation:
        etree.SubElement(element, "comment").text = message.disambiguation
    etree.SubElement(element, "translation")
    return element


def _context_element(root: Any, name: str) -> Any:
    for context in root.findall("context"):
        if (context.findtext("name") or "") == name:
            return context
    context = etree.SubElement(root, "context")
    etree.SubElement(context, "name").text = name
    return context


def _fill(element: Any, forms: list[str] | None, numerus: bool, plural_forms: int) -> bool:
    """Write the translation into a <message>; True when it is complete (then marked finished)."""
    old = element.find("translation")
    if old is not None:
        element.remove(old)
    translation = etree.SubElement(element, "translation")
    complete = forms is not None and (len(forms) == plural_forms if numerus else len(forms) == 1)
    if not complete:
        translation.set("type", "unfinished")
    if numerus:
        for index in range(plural_forms):
            form = etree.SubElement(translation, "numerusform")
            form.text = forms[index] if forms and index < len(forms) else ""
    else:
        translation.text = forms[0] if forms else ""
    return complete


def _sort(root: Any) -> None:
    contexts = sorted(root.findall("context"), key=lambda c: c.findtext("name") or "")
    for context in contexts:
        root.remove(context)
        messages = sorted(context.findall("message"), key=lambda m: (m.findtext("source") or "").casefold())
        for message in messages:
            context.remove(message)
        if messages:
            root.append(context)
            for message in messages:
                context.append(message)


def sync(ts_path: Path, language: str, wanted: set[Message]) -> tuple[list[Message], list[Message]]:
    """Make the catalog hold exactly `wanted`, filled from the YAML: (misfiled entries dropped, missing)."""
    parser = etree.XMLParser(remove_blank_text=True)
    tree = etree.parse(str(ts_path), parser) if ts_path.exists() else None
    root = tree.getroot() if tree is not None else etree.Element("TS", version="2.1", language=language)
    root.set("language", language)
    common, contexts = load_translations(language)
    dropped: list[Message] = []
    present: set[Message] = set()
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        for element in context.findall("message"):
            message = _message_of(name, element)
            if message in wanted:
                present.add(message)
            else:
                dropped.append(message)
                context.remove(element)
    for message in sorted(wanted - present):
        _context_element(root, message.context).append(_new_message(message))
    missing: list[Message] = []
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        for element in context.findall("message"):
            message = _message_of(name, element)
            forms = lookup(language, message, common, contexts)
            if not _fill(element, forms, message.numerus, PLURAL_FORMS[language]):
                missing.append(message)
    _sort(root)
    etree.indent(root, space="    ")
    text = etree.tostring(root, encoding="unicode")
    ts_path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{text}\n', encoding="utf-8")
    return dropped, missing


def catalog_messages(ts_path: Path) -> Iterator[tuple[Message, Any]]:
    """(message, its <translation> element) for every entry of a .ts file."""
    root = etree.parse(str(ts_path)).getroot()
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        for element in context.findall("message"):
            yield _message_of(name, element), element.find("translation")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything is missing")
    parser.add_argument("--verbose", action="store_true", help="list the entries replaced after lupdate")
    args = parser.parse_args(argv)
    found = extract(gui_sources())
    for where in found.dynamic:
        print(f"not a literal, cannot be catalogued: {where}", file=sys.stderr)
    status = 0
    for language in LANGUAGES:
        ts_path = HERE / f"iphr_desk_{language}.ts"
        if args.check:
            common, contexts = load_translations(language)
            missing = [m for m in sorted(found.messages) if lookup(language, m, common, contexts) is None]
        else:
            dropped, missing = sync(ts_path, language, found.messages)
            if dropped:
                print(
                    f"{language}: replaced {len(dropped)} entries lupdate filed under a context the code "
                    "does not ask for (helpers, aliases)",
                    file=sys.stderr,
                )
            for message in dropped if args.verbose else []:
                print(f"{language}:   {message}", file=sys.stderr)
        for key in unused_keys(language, found.messages):
            print(f"{language}.yaml: unused entry: {key!r}", file=sys.stderr)
        for message in missing:
            print(f"{language}: untranslated: [{message.context}] {message.source!r}", file=sys.stderr)
        print(f"{ts_path.name}: {len(found.messages)} messages, {len(missing)} untranslated")
        status = status or (1 if missing else 0)
    plurals = {message for message in found.messages if message.numerus}
    english = HERE / f"iphr_desk_{ENGLISH}.ts"
    if not args.check:
        sync(english, ENGLISH, plurals)
        print(f"{english.name}: {len(plurals)} plural messages")
    return status if args.check else 0


if __name__ == "__main__":
    sys.exit(main())
