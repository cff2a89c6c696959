"""The YAML dialect of letter files' front matter (docs/letter-format.md, "The YAML dialect").

Its own module so that the letter-file parser stays readable: a safe loader where every scalar is
text or null and a key given twice is an error, a dumper that writes block style with `|` for
multi-line text, and PyYAML's error vocabulary said in plain sentences.
"""

from __future__ import annotations

from typing import Any, Final

import yaml

from iphr_desk.core.errors import LetterFileError

#: libyaml's parser when PyYAML was built with it (several times faster); the pure-Python one otherwise.
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LetterLoader(_BaseLoader):
    """A safe loader where every scalar is text or null, and a key given twice is an error."""


LetterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int) -> None:
        self.key = key
        self.line = line


class _KeyNotText(Exception):
    """A key written as a list or a mapping (`[a]: x`, `? [a, b]`): no letter key looks like that."""

    def __init__(self, node: yaml.Node) -> None:
        self.what = "a list" if isinstance(node, yaml.SequenceNode) else "a set of 'key: value' lines"
        self.line = node.start_mark.line


def _construct_mapping(loader: LetterLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise _KeyNotText(key_node)  # before constructing it: a list cannot be a dict key
        key = loader.construct_object(key_node)
        if isinstance(key, str) and key in seen:
            raise _DuplicateKey(key, key_node.start_mark.line)
        seen.add(key)
    mapping: dict[Any, Any] = loader.construct_mapping(node)
    return mapping


LetterLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class LetterDumper(_BaseDumper):
    """Block style throughout; multi-line text (addresses) as `|` literal blocks."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


LetterDumper.add_representer(str, _represent_str)


def load_front_matter(front: str, source: str) -> dict[str, Any]:
    try:
        data = yaml.load(front, Loader=LetterLoader)  # a SafeLoader subclass
    except _DuplicateKey as exc:
        raise LetterFileError(source, f"line {exc.line + 2}", f"the key '{exc.key}' is given twice") from None
    except _KeyNotText as exc:
        raise LetterFileError(
            source, f"line {exc.line + 2}", f"a key must be a word such as 'subject', not {exc.what}"
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 2}" if mark else None
        problem = _plain_yaml_problem(exc.problem or exc.context or "unreadable", front, mark)
        raise LetterFileError(source, where, f"malformed YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise LetterFileError(source, None, f"malformed YAML ({exc})") from None
    if data is None:
        raise LetterFileError(
            source, None, "the front matter is empty; it needs language, place, date, subject, "
            "recipient and signatories"
        )  # fmt: skip
    if not isinstance(data, dict):
        raise LetterFileError(
            source, None, f"the front matter must be 'key: value' lines, not {describe_value(data)}"
        )
    return data


#: PyYAML's parser vocabulary, said the way a person editing the file would understand it.
_YAML_PROBLEMS: Final = (
    ("expected <block end>", "this line is not indented like the lines above it"),
    ("did not find expected key", "this line is not indented like the lines above it"),
    ("mapping values are not allowed", "unexpected ':'; put text that contains ': ' in quotes"),
    ("could not find expected ':'", "a line is missing the ':' after its key"),
    ("found undefined alias", "'*' starts a YAML alias; put text that starts with '*' in quotes"),
    ("found unexpected end of stream", "a quotation mark is opened and never closed"),
    ("found unknown escape character", "an unknown escape after a backslash inside double quotes"),
)


def _plain_yaml_problem(problem: str, front: str, mark: Any) -> str:
    if "cannot start any token" in problem:
        char = _char_at(front, mark)
        if char == "\t":
            return "a tab is used for indentation; use spaces"
        return f"'{char}' cannot start a value; put the text in quotes" if char else problem
    for needle, plain in _YAML_PROBLEMS:
        if needle in problem:
            return plain
    return problem


def _char_at(text: str, mark: Any) -> str:
    lines = text.split("\n")
    if mark is None or not 0 <= mark.line < len(lines):
        return ""
    line = lines[mark.line]
    return line[mark.column] if 0 <= mark.column < len(line) else ""


def describe_value(value: object) -> str:
    if isinstance(value, dict):
        return "a set of 'key: value' lines"
    if isinstance(value, list):
        return "a list"
    return "text"
