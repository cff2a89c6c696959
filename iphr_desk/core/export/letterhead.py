"""Letterheads: a Word template (headers, footers, styles) plus the organisation's profile.

The built-in letterhead `iphr` ships in `resources/letterheads/` (iphr.docx is built from iphr.toml
by `python -m tools.letterhead_build`). An organisation can register its own Word
letterhead with `iphr-desk letterhead add NAME FILE.docx`; it is stored in the data folder as
`letterheads/NAME.docx` (the org's headers, footers and styles, with the body emptied and any
missing letter styles added from the default) next to `letterheads/NAME.toml` (the profile).
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
import re
import tempfile
import threading
import tomllib
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, TypeVar

from lxml import etree

from iphr_desk.core.errors import LetterheadError
from iphr_desk.core.export.builtin import BUILTIN as BUILTIN
from iphr_desk.core.export.builtin import builtin_dir
from iphr_desk.core.export.letterhead_sanitize import MAX_TOTAL_BYTES, parse_part, read_parts

if TYPE_CHECKING:
    from iphr_desk.core.protocol.housestyle import HouseStyle

_NAME_RE: Final = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_MAIN_DOCUMENT: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MAIN_TEMPLATE: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_OLE_MAGIC: Final = bytes.fromhex("D0CF11E0A1B11AE1")  # compound file: .doc, or an encrypted .docx
_T = TypeVar("_T")


@dataclass(frozen=True)
class Organisation:
    """Who writes: the name goes into the document's author fields and the letterhead text.

    The place and the address lines may have a version per letter language. In the profile, `place`
    and `address` are either one value for every language (`address = ["…", "…"]`, as profiles
    written before there were versions) or a table keyed by language code with an optional
    `default` (`[organisation.place]` `default = "Brussels"`, `fr = "Bruxelles"`, …). The default of a
    table without one is its `en` entry, else its first. `place_for` and `address_for` pick the
    version for a language, or the default when the profile has none for it (`has_version` says which).
    """

    name: str
    short_name: str | None = None
    address_lines: tuple[str, ...] = ()  # the default address
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    place: str | None = None  # the default place
    places: tuple[tuple[str, str], ...] = ()  # (language, place)
    addresses: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (language, address lines)
    localised: bool = False  # the profile gives versions per language (a table for place or address)

    def place_for(self, language: str | None) -> str | None:
        """The place in `language`, else the default place (None: the profile names no place)."""
        return dict(self.places).get(language or "", self.place)

    def address_for(self, language: str | None) -> tuple[str, ...]:
        """The address lines in `language`, else (and for None) the default address."""
        return dict(self.addresses).get(language or "", self.address_lines)

    def footer_for(self, language: str | None) -> str:
        """The letterhead's footer line (address lines and website) in `language`; None: the default
        one, which `tools.letterhead_build` writes into the template."""
        return " · ".join((*self.address_for(language), *(x for x in (self.website,) if x)))

    def has_version(self, language: str) -> bool:
        """False when the profile has versions per language but none for `language` (its defaults are
        used); True for a profile with one value for every language."""
        if not self.localised:
            return True
        return language in dict(self.places) or language in dict(self.addresses)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str) -> Organisation:
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise LetterheadError(f"{source}: [organisation] needs a name.")
        address, addresses = _localised(data.get("address", ()), "address", source, _lines)
        place, places = _localised(data.get("place"), "place", source, _place)
        return cls(
            name=name.strip(),
            short_name=_optional_str(data.get("short_name")),
            address_lines=address or (),
            website=_optional_str(data.get("website")),
            email=_optional_str(data.get("email")),
            phone=_optional_str(data.get("phone")),
            place=place,
            places=tuple((k, v) for k, v in places if v),
            addresses=addresses,
            localised=isinstance(data.get("place"), dict) or isinstance(data.get("address"), dict),
        )


def _lines(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, list | tuple):
        raise LetterheadError(f"{where} must be a list of lines or a text.")
    return tuple(str(line).strip() for line in value if str(line).strip())


def _place(value: object, where: str) -> str | None:
    if not isinstance(value, str):
        raise LetterheadError(f"{where} must be a text.")
    return value.strip() or None


def _localised(
    value: object, key: str, source: str, convert: Callable[[object, str], _T]
) -> tuple[_T | None, tuple[tuple[str, _T], ...]]:
    """(the default, the versions per language) of a profile value that may be a table of languages."""
    from iphr_desk.core.letters.letter import LANGUAGES

    if value is None:
        return None, ()
    if not isinstance(value, dict):
        return convert(value, f"{source}: [organisation] {key}"), ()
    unknown = [k for k in value if k != "default" and k not in LANGUAGES]
    if unknown:
        raise LetterheadError(
            f"{source}: [organisation.{key}] has no language '{unknown[0]}' "
            f"(use default, {', '.join(LANGUAGES)})."
        )
    versions = tuple((k, convert(v, f"{source}: [organisation.{key}] {k}")) for k, v in value.items())
    found = dict(versions)
    default = found.get("default", found.get("en", versions[0][1] if versions else None))
    return default, tuple((k, v) for k, v in versions if k != "default")


@dataclass(frozen=True)
class Letterhead:
    """A letterhead ready for the exporter: its Word template and its organisation profile.

    `house_style` is the profile's raw `[house_style]` table; `style()` turns it into the
    protocol module's `HouseStyle` (kept lazy so loading a letterhead does not need the protocol
    data).
    """

    name: str
    template: Path
    organisation: Organisation
    house_style: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    profile: Path | None = None

    def style(self) -> HouseStyle:
        """The house style; a mistake in the profile names the profile file."""
        from iphr_desk.core.errors import BadInput
        from iphr_desk.core.protocol.housestyle import HouseStyle

        if not self.house_style:
            return HouseStyle.default()
        try:
            return HouseStyle.from_mapping(dict(self.house_style))
        except BadInput as exc:
            raise LetterheadError(f"{self.profile or self.name}: {exc}") from exc


def _optional_str(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


@lru_cache(maxsize=1)
def registered_dir(data_dir: Path) -> Path:
    return data_dir / "letterheads"


def read_profile(path: Path) -> tuple[Organisation, Mapping[str, Any]]:
    """The organisation and house style of a letterhead profile (.toml).

    Every export reads the profile: the parsed text is kept, and each caller gets its own copy.
    """
    data = copy.deepcopy(_profile_data(path))
    organisation = data.get("organisation")
    if not isinstance(organisation, dict):
        raise LetterheadError(f"{path}: the letterhead profile needs an [organisation] table.")
    style = data.get("house_style", {})
    if not isinstance(style, dict):
        raise LetterheadError(f"{path}: [house_style] must be a table.")
    return Organisation.from_mapping(organisation, str(path)), MappingProxyType(style)


_profiles: dict[tuple[str, str], dict[str, Any]] = {}
_profiles_lock = threading.Lock()


def _profile_data(path: Path) -> dict[str, Any]:
    """The parsed profile, parsed again only when its text changed (reading it costs little)."""
    try:
        text = path.read_text(encoding="utf-8")
        key = (str(path), text)
        with _profiles_lock:
            found = _profiles.get(key)
        if found is not None:
            return found
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LetterheadError(f"{path}: cannot read the letterhead profile ({exc}).") from exc
    with _profiles_lock:
        if len(_profiles) >= 16:
            _profiles.clear()
        _profiles[key] = data
    return data


def load_letterhead(name: str | None = None, data_dir: Path | None = None) -> Letterhead:
    """The letterhead called `name` (default: the built-in one), registered ones from `data_dir`."""
    name = name or BUILTIN
    if name == BUILTIN:
        folder = builtin_dir()
    elif data_dir is not None and (registered_dir(data_dir) / f"{name}.docx").is_file():
        folder = registered_dir(data_dir)
    else:
        known = ", ".join(available_letterheads(data_dir))
        raise LetterheadError(f"There is no letterhead called '{name}' (known: {known}).")
    template = folder / f"{name}.docx"
    if not template.is_file():
        raise LetterheadError(f"The letterhead template {template} is missing.")
    profile = folder / f"{name}.toml"
    if not profile.is_file():
        profile = builtin_dir() / f"{BUILTIN}.toml"
    organisation, style = read_profile(profile)
    return Letterhead(
        name=name, template=template, organisation=organisation, house_style=style, profile=profile
    )


def available_letterheads(data_dir: Path | None = None) -> list[str]:
    names = [BUILTIN]
    if data_dir is not None and registered_dir(data_dir).is_dir():
        names += sorted(p.stem for p in registered_dir(data_dir).glob("*.docx") if p.stem != BUILTIN)
    return names


def check_name(name: str) -> None:
    if name == BUILTIN:
        raise LetterheadError(f"'{BUILTIN}' is the built-in letterhead; choose another name.")
    if not _NAME_RE.match(name):
        raise LetterheadError(
            f"'{name}' cannot name a letterhead: use lower-case letters, digits, '-' or '_' (at most 40)."
        )


def read_word_package(file: Path) -> bytes:
    """The bytes of a Word document (.docx, or a .dotx made openable), refusing anything else.

    Macro-enabled files are refused outright: a letterhead is copied into every letter the NGO
    sends, and a macro must never travel with them.
    """
    from iphr_desk.core.boundedio import UnreadableFile, read_bounded

    if file.suffix.lower() in (".docm", ".dotm"):
        raise LetterheadError(
            f"{file.name}: macro-enabled Word files (.docm, .dotm) cannot be letterheads; "
            "save it as a Word Document (.docx) without macros."
        )
    try:
        # Counted as read, not trusted from st_size: /dev/zero or a FIFO is refused at once, not read.
        data = read_bounded(file, MAX_TOTAL_BYTES, what="a Word document")
    except UnreadableFile as exc:
        raise LetterheadError(f"{file}: {exc.problem}.") from None
    if data.startswith(_OLE_MAGIC):
        raise LetterheadError(
            f"{file.name}: this is an old Word .doc or a password-protected file; "
            "open it in Word and save it as a Word Document (.docx) without a password."
        )
    parts = read_parts(data, file.name)  # bounded: a zip bomb is refused here, before any parsing
    if "[Content_Types].xml" not in parts:
        raise LetterheadError(f"{file.name}: this is not a Word document (.docx).")
    types = parse_part(parts["[Content_Types].xml"], file.name, "[Content_Types].xml")
    content_types = [el.get("ContentType", "") for el in types]
    if any("macroEnabled" in ct or "vbaProject" in ct for ct in content_types) or any(
        name.lower().endswith("vbaproject.bin") for name in parts
    ):
        raise LetterheadError(
            f"{file.name}: this Word file contains macros and cannot be a letterhead; "
            "save it as a Word Document (.docx) without macros."
        )
    if _MAIN_DOCUMENT in content_types:
        return data
    if _MAIN_TEMPLATE in content_types:
        return _template_as_document(parts, types)
    raise LetterheadError(f"{file.name}: this is not a Word document (.docx).")


def _template_as_document(parts: dict[str, bytes], types: etree._Element) -> bytes:
    """A .dotx repackaged as a .docx: only the main part's content type differs."""
    for el in types:
        if el.get("ContentType") == _MAIN_TEMPLATE:
            el.set("ContentType", _MAIN_DOCUMENT)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in parts.items():
            if name == "[Content_Types].xml":
                blob = etree.tostring(types, xml_declaration=True, encoding="UTF-8")
            target.writestr(name, blob)
    return out.getvalue()


@dataclass(frozen=True)
class PreparedLetterhead:
    """A letterhead checked and cleaned in memory, ready to be stored (see `install_letterhead`)."""

    name: str
    template: bytes
    profile: str
    removed: str = ""  # what sanitising took out, for the user ("1 remote field"); empty if nothing


def prepare_letterhead(name: str, file: Path) -> PreparedLetterhead:
    """Everything `register_letterhead` checks, done before anything touches the disk.

    The stored template is also opened the way the exporter will open it, so a letterhead that
    registers is one that exports: a half-checked file must never become a profile that fails
    every export afterwards.
    """
    from iphr_desk.core.export.docx.template import build_letterhead, open_prepared, profile_text
    from iphr_desk.core.export.letterhead_sanitize import sanitise_package

    check_name(name)
    safe = sanitise_package(read_word_package(file), file.name)
    template, organisation = build_letterhead(safe.data, name, file.name)
    open_prepared(io.BytesIO(template), Path(f"{name}.docx"))
    profile = profile_text(organisation)
    try:
        Organisation.from_mapping(tomllib.loads(profile)["organisation"], f"{name}.toml")
    except (tomllib.TOMLDecodeError, KeyError) as exc:  # a bug in profile_text, never the user's file
        raise LetterheadError(f"{file.name}: its organisation name cannot be stored ({exc}).") from exc
    return PreparedLetterhead(name=name, template=template, profile=profile, removed=safe.summary())


def install_letterhead(data_dir: Path, prepared: PreparedLetterhead) -> Path:
    """Store a prepared letterhead as `letterheads/NAME.docx` (+ `NAME.toml`); returns the template.

    Both files are written under temporary names in the same folder, flushed to disk, then renamed
    into place, so a failure leaves the previous state (nothing, or the previous letterhead). An
    existing profile is kept (the organisation may have edited it) unless it cannot be read, as
    one left behind by an earlier, failed registration. Letterheads are private: folder 0700,
    files 0600.
    """
    folder = registered_dir(data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(folder, 0o700)
    except OSError as exc:
        raise LetterheadError(f"Cannot create {folder}: {exc.strerror or exc}.") from exc
    target = folder / f"{prepared.name}.docx"
    profile = folder / f"{prepared.name}.toml"
    writes = [(target, prepared.template)]
    if not _readable_profile(profile):
        writes.insert(0, (profile, prepared.profile.encode("utf-8")))
    temps: list[tuple[Path, Path]] = []
    renamed: list[Path] = []
    existed = {path: path.exists() for path, _ in writes}
    try:
        for path, data in writes:
            temps.append((_write_private_temp(folder, data), path))
        for temp, path in temps:
            os.replace(temp, path)
            renamed.append(path)
        _sync_folder(folder)
    except OSError as exc:
        for temp, _path in temps:
            with contextlib.suppress(OSError):
                temp.unlink()
        for path in renamed:
            if not existed[path]:
                with contextlib.suppress(OSError):
                    path.unlink()
        raise LetterheadError(f"Cannot store the letterhead in {folder}: {exc.strerror or exc}.") from exc
    return target


def _readable_profile(profile: Path) -> bool:
    if not profile.is_file():
        return False
    try:
        read_profile(profile)
    except LetterheadError:
        return False
    return True


def _write_private_temp(folder: Path, data: bytes) -> Path:
    from iphr_desk.core.safewrite import TEMP_PREFIX

    handle, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=folder)
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o600)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def _sync_folder(folder: Path) -> None:
    """Make the renames durable (POSIX); Windows cannot open a folder for this and needs not."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def register_letterhead(data_dir: Path, name: str, file: Path) -> Path:
    """Store `file` as the letterhead `name` under `data_dir`; returns the stored template's path."""
    return install_letterhead(data_dir, prepare_letterhead(name, file))
