"""A synthetic corpus for benchmarks and load tests: `iphr-desk dev generate --cases N --letters M`.

Deterministic for a seed (same store contents on every machine), in the four letter languages,
letters of one to four pages with lists, links and footnotes, cases with people and events.

Speed matters (100,000 letters in a couple of minutes), so rows go in through SQLAlchemy Core
`insert()` with executemany in chunks rather than through the ORM and the repository one by one,
and the full-text index is rebuilt once at the end. The bodies are written directly in the
canonical Markdown `letterfile.normalise_body` produces (a test checks it), so no formatter runs.
Generated letters get no revision history: they were never edited.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Final

from iphr_desk.core.letters.letter import Letter, Recipient, Signatory

Progress = Callable[[int, int], object]

CHUNK: Final = 2_000
PAGE_CHARS: Final = 2_200  # about one A4 page of 11-point text under a letterhead
COUNTRIES: Final = ("KZ", "KG", "TJ", "TM", "UZ")
REGIONS: Final = {
    "KZ": ("Almaty", "Astana", "Aktobe", "Atyrau", "Shymkent", "Zhanaozen"),
    "KG": ("Bishkek", "Osh", "Jalal-Abad", "Naryn", "Karakol"),
    "TJ": ("Dushanbe", "Khujand", "Gorno-Badakhshan", "Kulob", "Bokhtar"),
    "TM": ("Ashgabat", "Lebap", "Mary", "Dashoguz", "Balkan"),
    "UZ": ("Tashkent", "Karakalpakstan", "Fergana", "Samarkand", "Andijan", "Namangan"),
}
FIRST_NAMES: Final = (
    "Aigerim", "Yerlan", "Dauren", "Gulnara", "Nurbek", "Cholpon", "Azamat", "Aida", "Timur", "Elmira",
    "Shokirjon", "Parvina", "Mirzo", "Firuza", "Jamshed", "Begench", "Ogulgerek", "Serdar", "Maya", "Rustam",
    "Zuhra", "Bakhtiyor", "Otabek", "Dilnoza", "Saltanat", "Askar", "Madina", "Bolat", "Nigora", "Farrukh",
)  # fmt: skip
SURNAMES: Final = (
    "Sarsenbayev", "Tulegenova", "Iskakov", "Seitkali", "Toktogulov", "Abdykadyrova", "Orozbekov",
    "Sultanbekova", "Osmonaliev", "Kasymova", "Davlatov", "Nazarova", "Alibekov", "Rahimova", "Annayev",
    "Orazov", "Khojamuratov", "Allanazarova", "Yusupov", "Mirzayev", "Zhakupova", "Nurmagambetov",
    "Ergasheva", "Karimov", "Sharipova", "Kurbanov", "Abdullaeva", "Atayev",
)  # fmt: skip
ROLES: Final = ("human_rights_defender", "journalist", "lawyer", "blogger", "activist", "relative", "other")
SITUATIONS: Final = ("detained", "charged", "convicted", "harassed", "released", "missing", "other")
STATUSES: Final = ("open", "monitoring", "closed")
THEMES: Final = (
    "freedom of expression", "freedom of assembly", "fair trial", "torture", "arbitrary detention",
    "independence of lawyers", "media freedom", "enforced disappearance", "transnational repression",
)  # fmt: skip
LETTER_STATUSES: Final = ("draft", "in_review", "changes_requested", "approved", "signed", "sent")
OFFICES: Final = (
    "head_of_state", "head_of_government", "minister", "ambassador", "eu_high_representative",
    "eu_commissioner", "member_of_parliament", "un_special_rapporteur", "prosecutor", "judge", "organisation",
)  # fmt: skip


@dataclass(frozen=True)
class LanguageText:
    """Sentence parts for one language; sentences are put together from them at random."""

    place: str
    subjects: tuple[str, ...]
    openers: tuple[str, ...]
    middles: tuple[str, ...]
    endings: tuple[str, ...]
    asks: tuple[str, ...]
    notes: tuple[str, ...]
    link_words: tuple[str, ...]
    signatory_title: str


TEXTS: Final[dict[str, LanguageText]] = {
    "en": LanguageText(
        place="Brussels",
        subjects=(
            "Detention of {name} in {region}",
            "Urgent concerns about the trial of {name}",
            "Human rights ahead of your visit to {country}",
            "Harassment of the family of {name}",
            "Access to a lawyer for {name}",
            "Follow-up on our letter about {name}",
        ),
        openers=(
            "We write to express our deep concern",
            "Our partners in {region} report",
            "According to the family",
            "Since the hearing of last month",
            "As documented in our previous briefing",
            "We understand",
        ),
        middles=(
            "that {name} has been held without access to a lawyer of choice",
            "that the charges appear to be linked solely to peaceful online posts",
            "that the investigation into allegations of ill-treatment has not started",
            "that relatives were questioned repeatedly by security officers",
            "that the trial continues behind closed doors in {region}",
            "that medical care has been refused despite repeated requests",
        ),
        endings=(
            "and we ask you to raise the matter with your counterparts.",
            "which is incompatible with international fair trial standards.",
            "and we would welcome information on the steps taken.",
            "despite assurances given at the last human rights dialogue.",
        ),
        asks=(
            "ensure the immediate release of {name}",
            "allow independent monitoring of the trial",
            "investigate every allegation of torture",
            "grant family visits without delay",
            "publish the reasons for the continued detention",
        ),
        notes=(
            "See the court record of {date}.",
            "Statement collected by our partners on {date}.",
            "Reported by local media on {date}.",
        ),
        link_words=("our briefing", "the court decision", "the joint statement"),
        signatory_title="Director",
    ),
    "fr": LanguageText(
        place="Bruxelles",
        subjects=(
            "Détention de {name} à {region}",
            "Préoccupations relatives au procès de {name}",
            "Les droits humains en vue de votre visite en {country}",
            "Pressions sur la famille de {name}",
        ),
        openers=(
            "Nous souhaitons vous faire part de notre vive préoccupation",
            "Nos partenaires à {region} signalent",
            "Selon les informations transmises par la famille",
            "Depuis l'audience du mois dernier",
        ),
        middles=(
            "que {name} est détenu sans accès à l'avocat de son choix",
            "que les poursuites semblent liées uniquement à des publications pacifiques",
            "qu'aucune enquête n'a été ouverte sur les allégations de mauvais traitements",
            "que le procès se poursuit à huis clos à {region}",
        ),
        endings=(
            "et nous vous prions d'évoquer cette situation avec vos interlocuteurs.",
            "ce qui est contraire aux normes internationales du procès équitable.",
            "et nous vous serions reconnaissants de nous informer des mesures prises.",
        ),
        asks=(
            "obtenir la libération immédiate de {name}",
            "permettre l'observation indépendante du procès",
            "faire enquêter sur toute allégation de torture",
            "garantir les visites de la famille",
        ),
        notes=(
            "Voir la décision du tribunal du {date}.",
            "Témoignage recueilli par nos partenaires le {date}.",
        ),
        link_words=("notre note d'information", "la décision du tribunal", "la déclaration commune"),
        signatory_title="Directrice",
    ),
    "ru": LanguageText(
        place="Брюссель",
        subjects=(
            "О содержании под стражей {name}",
            "О судебном процессе по делу {name}",
            "О преследовании родственников {name}",
            "О доступе адвоката к {name}",
        ),
        openers=(
            "Выражаем глубокую обеспокоенность тем",
            "По сведениям наших партнёров в регионе {region}, известно",
            "По словам родственников, известно",
            "После последнего судебного заседания стало известно",
        ),
        middles=(
            ", что {name} содержится под стражей без доступа к адвокату по выбору",
            ", что обвинение связано исключительно с мирными публикациями в интернете",
            ", что расследование заявлений о жестоком обращении не начато",
            ", что процесс проходит в закрытом режиме",
        ),
        endings=(
            ", и просим Вас принять меры.",
            ", что противоречит международным стандартам справедливого суда.",
            ", и будем признательны за информацию о принятых мерах.",
        ),
        asks=(
            "освободить {name}",
            "обеспечить независимое наблюдение за процессом",
            "расследовать все заявления о пытках",
            "разрешить свидания с родственниками",
        ),
        notes=("См. решение суда от {date}.", "Показания, собранные нашими партнёрами {date}."),
        link_words=("наш доклад", "решение суда", "совместное заявление"),
        signatory_title="Директор",
    ),
    "de": LanguageText(
        place="Brüssel",
        subjects=(
            "Inhaftierung von {name} in {region}",
            "Sorge um das Verfahren gegen {name}",
            "Menschenrechte vor Ihrer Reise nach {country}",
            "Druck auf die Familie von {name}",
        ),
        openers=(
            "Wir möchten Ihnen unsere große Sorge mitteilen",
            "Unsere Partner in {region} berichten",
            "Nach Angaben der Familie steht fest",
            "Seit der letzten Anhörung ist bekannt",
        ),
        middles=(
            ", dass {name} ohne Zugang zu einem Anwalt eigener Wahl festgehalten wird",
            ", dass die Anklage allein auf friedliche Beiträge im Internet gestützt ist",
            ", dass Vorwürfen der Misshandlung nicht nachgegangen wird",
            ", dass das Verfahren unter Ausschluss der Öffentlichkeit stattfindet",
        ),
        endings=(
            ", und bitten Sie, dies gegenüber Ihren Gesprächspartnern anzusprechen.",
            ", was internationalen Standards eines fairen Verfahrens widerspricht.",
            ", und wären für Informationen über die ergriffenen Schritte dankbar.",
        ),
        asks=(
            "sich für die Freilassung von {name} einzusetzen",
            "eine unabhängige Prozessbeobachtung zu ermöglichen",
            "jedem Foltervorwurf nachgehen zu lassen",
            "Familienbesuche zu gewährleisten",
        ),
        notes=("Siehe die Gerichtsentscheidung vom {date}.", "Von unseren Partnern am {date} dokumentiert."),
        link_words=("unser Hintergrundpapier", "die Gerichtsentscheidung", "die gemeinsame Erklärung"),
        signatory_title="Direktorin",
    ),
}
COUNTRY_NAMES: Final = {
    "en": {
        "KZ": "Kazakhstan",
        "KG": "Kyrgyzstan",
        "TJ": "Tajikistan",
        "TM": "Turkmenistan",
        "UZ": "Uzbekistan",
    },
    "fr": {
        "KZ": "Kazakhstan",
        "KG": "Kirghizstan",
        "TJ": "Tadjikistan",
        "TM": "Turkménistan",
        "UZ": "Ouzbékistan",
    },
    "ru": {
        "KZ": "Казахстан",
        "KG": "Кыргызстан",
        "TJ": "Таджикистан",
        "TM": "Туркменистан",
        "UZ": "Узбекистан",
    },
    "de": {
        "KZ": "Kasachstan",
        "KG": "Kirgisistan",
        "TJ": "Tadschikistan",
        "TM": "Turkmenistan",
        "UZ": "Usbekistan",
    },
}


# --------------------------------------------------------------------------- content


@dataclass(frozen=True)
class GeneratedCase:
    reference: str
    title: str
    country: str
    region: str
    status: str
    themes: tuple[str, ...]
    summary: str
    people: tuple[dict[str, Any], ...]
    events: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class GeneratedLetter:
    uuid: str
    status: str
    letter: Letter


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def _date(rng: random.Random, start: dt.date = dt.date(2015, 1, 1), days: int = 3650) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(days))


def generate_case(rng: random.Random, index: int) -> GeneratedCase:
    """Case number `index` (its reference code is unique by construction)."""
    country = COUNTRIES[index % len(COUNTRIES)]
    region = rng.choice(REGIONS[country])
    opened = _date(rng)
    main_person = _name(rng)
    people = tuple(
        {
            "name": main_person if i == 0 else _name(rng),
            "role": rng.choice(ROLES),
            "situation": rng.choice(SITUATIONS),
            "at_risk": rng.random() < 0.6,
        }
        for i in range(rng.randint(1, 4))
    )
    events = tuple(
        {
            "date": opened + dt.timedelta(days=30 * i + rng.randrange(30)),
            "description": _sentence(rng, TEXTS["en"], main_person, region, opened),
            "source_url": f"https://example.org/monitor/{country.lower()}/{opened.year}/{index}-{i}",
        }
        for i in range(rng.randint(1, 5))
    )
    texts = TEXTS["en"]
    return GeneratedCase(
        reference=f"{country}-{opened.year}-{index:06d}",
        title=rng.choice(texts.subjects).format(name=main_person, region=region, country=country),
        country=country,
        region=region,
        status=rng.choice(STATUSES),
        themes=tuple(sorted(rng.sample(THEMES, rng.randint(1, 3)))),
        summary=" ".join(_sentence(rng, texts, main_person, region, opened) for _ in range(3)),
        people=people,
        events=events,
    )


def _sentence(rng: random.Random, texts: LanguageText, name: str, region: str, when: dt.date) -> str:
    parts = (rng.choice(texts.openers), rng.choice(texts.middles), rng.choice(texts.endings))
    sep_middle = "" if parts[1].startswith(",") else " "
    sep_end = "" if parts[2].startswith(",") else " "
    text = parts[0] + sep_middle + parts[1] + sep_end + parts[2]
    return text.format(name=name, region=region, date=when.isoformat())


def generate_body(rng: random.Random, language: str, name: str, region: str, when: dt.date) -> str:
    """One to four pages of canonical Markdown: paragraphs, a list, a link and footnotes."""
    texts = TEXTS[language]
    target = PAGE_CHARS * rng.randint(1, 4)
    blocks: list[str] = []
    notes: list[str] = []
    size = 0
    while size < target:
        sentences = [_sentence(rng, texts, name, region, when) for _ in range(rng.randint(3, 6))]
        if rng.random() < 0.3:
            word = rng.choice(texts.link_words)
            sentences[-1] = f"{sentences[-1]} [{word}](https://example.org/briefings/{rng.randrange(10**6)})"
        if rng.random() < 0.3:
            notes.append(rng.choice(texts.notes).format(date=_date(rng).isoformat()))
            sentences[0] = f"{sentences[0][:-1]}[^{len(notes)}]{sentences[0][-1]}"
        paragraph = " ".join(sentences)
        if rng.random() < 0.15:
            paragraph = f"*{paragraph}*"
        blocks.append(paragraph)
        size += len(paragraph)
        if rng.random() < 0.25:
            blocks.append(_list(rng, texts, name))
    if not any(block[:2] in ("- ", "1.") for block in blocks):
        blocks.insert(len(blocks) // 2, _list(rng, texts, name))
    blocks.extend(f"[^{i}]: {note}" for i, note in enumerate(notes, start=1))
    return "\n\n".join(blocks) + "\n"


def _list(rng: random.Random, texts: LanguageText, name: str) -> str:
    items = [ask.format(name=name) for ask in rng.sample(texts.asks, rng.randint(2, len(texts.asks)))]
    if rng.random() < 0.5:
        return "\n".join(f"- {item};" for item in items)
    return "\n".join(f"{i}. {item};" for i, item in enumerate(items, start=1))


def generate_letter(rng: random.Random, index: int, case_refs: list[str]) -> GeneratedLetter:
    """Letter number `index`, referring to up to three of `case_refs`."""
    language = ("en", "fr", "ru", "de")[rng.choices(range(4), weights=(45, 25, 20, 10))[0]]
    texts = TEXTS[language]
    country = rng.choice(COUNTRIES)
    region = rng.choice(REGIONS[country])
    name = _name(rng)
    when = _date(rng)
    batch = rng.random() < 0.05
    recipients = tuple(_recipient(rng) for _ in range(rng.randint(2, 5) if batch else 1))
    signatories = (
        Signatory(_name(rng), texts.signatory_title, "International Partnership for Human Rights (IPHR)"),
    )
    extra = tuple(Signatory(_name(rng), "Chair", f"Partner organisation {rng.randrange(40)}") for _ in range(
        rng.choice((0, 0, 0, 1, 2))
    ))  # fmt: skip
    cases = tuple(rng.sample(case_refs, min(len(case_refs), rng.randint(0, 3)))) if case_refs else ()
    subject = rng.choice(texts.subjects).format(
        name=name, region=region, country=COUNTRY_NAMES[language][country]
    )
    letter = Letter(
        language=language,  # type: ignore[arg-type]
        place=texts.place,
        date=when,
        subject=subject,
        recipients=recipients,
        signatories=signatories + extra,
        body=generate_body(rng, language, name, region, when),
        register="formal" if rng.random() < 0.2 else "house",
        voice="i" if rng.random() < 0.1 else "we",
        cc=("Permanent Mission to the United Nations Office at Geneva",) if rng.random() < 0.2 else (),
        cases=cases,
        batch=batch,
    )
    letter_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    return GeneratedLetter(letter_uuid, rng.choice(LETTER_STATUSES), letter)


def _recipient(rng: random.Random) -> Recipient:
    office = rng.choice(OFFICES)
    if office == "organisation":
        return Recipient(name="Human Rights Desk", office=office, organisation="Ministry of Foreign Affairs")
    return Recipient(
        name=_name(rng),
        gender=rng.choice(("female", "male", "unspecified")),
        office=office,
        title=office.replace("_", " ").capitalize(),
        address=f"{rng.randint(1, 200)} Rue de la Loi\n1040 Brussels",
    )


def cases_stream(seed: int, count: int) -> Iterator[GeneratedCase]:
    rng = random.Random(f"cases:{seed}")
    for index in range(1, count + 1):
        yield generate_case(rng, index)


def letters_stream(seed: int, count: int, case_refs: list[str]) -> Iterator[GeneratedLetter]:
    rng = random.Random(f"letters:{seed}")
    for index in range(1, count + 1):
        yield generate_letter(rng, index, case_refs)


# --------------------------------------------------------------------------- result


@dataclass(frozen=True)
class GenerateResult:
    cases: int
    people: int
    events: int
    letters: int
    seconds: float

    def summary(self) -> str:
        return (
            f"generated {self.cases} cases ({self.people} people, {self.events} events) and "
            f"{self.letters} letters in {self.seconds:.1f} s"
        )


def generate_corpus(
    store: Any, cases: int, letters: int, seed: int = 1, progress: Progress | None = None
) -> GenerateResult:
    """Add `cases` cases and `letters` letters to the store, the same ones for the same seed.

    Rows are added after whatever the store holds (ids continue from the highest); letters refer
    to the generated cases by reference code, linked by id as the repository would link them.
    """
    start = _now()
    engine = store.engine
    total = cases + letters
    done = 0
    case_ids: dict[str, int] = {}
    people = events = 0
    with engine.begin() as conn, _fulltext_triggers_suspended(conn):
        _refuse_same_seed(conn, seed)
        next_case = _next_id(conn, "cases")
        for chunk in _chunks(cases_stream(seed, cases)):
            rows = _case_rows(chunk, next_case)
            for table, values in rows.items():
                if values:
                    conn.execute(_insert(table), values)
            case_ids.update({c.reference: next_case + i for i, c in enumerate(chunk)})
            next_case += len(chunk)
            people += len(rows["people"])
            events += len(rows["case_events"])
            done += len(chunk)
            _report(progress, done, total)
        next_letter = _next_id(conn, "letters")
        for chunk in _chunks(letters_stream(seed, letters, list(case_ids))):
            for table, values in _letter_rows(chunk, next_letter, case_ids).items():
                if values:
                    conn.execute(_insert(table), values)
            next_letter += len(chunk)
            done += len(chunk)
            _report(progress, done, total)
    _rebuild_search(store)
    return GenerateResult(cases, people, events, letters, _now() - start)


def _refuse_same_seed(conn: Any, seed: int) -> None:
    """The same seed makes the same reference codes and UUIDs: say so instead of a constraint error."""
    from sqlalchemy import select

    from iphr_desk.core.errors import BadInput
    from iphr_desk.core.store.models import Base

    case = next(cases_stream(seed, 1))
    letter = next(letters_stream(seed, 1, []))
    tables = Base.metadata.tables
    found = (
        conn.execute(
            select(tables["cases"].c.id).where(tables["cases"].c.reference == case.reference)
        ).first()
        or conn.execute(select(tables["letters"].c.id).where(tables["letters"].c.uuid == letter.uuid)).first()
    )
    if found is not None:
        raise BadInput(
            f"seed {seed}: this store already holds the corpus of that seed; "
            "use another --seed or an empty data folder"
        )


@contextlib.contextmanager
def _fulltext_triggers_suspended(conn: Any) -> Iterator[None]:
    """Drop the full-text triggers for the bulk load and put the same ones back in the same transaction.

    Per-row triggers would index each body once per recipient row; `search.rebuild` indexes
    everything once afterwards instead. SQLite DDL is transactional, so a failed load rolls back
    with the triggers intact. Other databases have no such triggers: nothing to do.
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    from sqlalchemy import text

    saved = conn.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%fts%'")
    ).all()
    for name, _sql in saved:
        conn.execute(text(f'DROP TRIGGER "{name}"'))
    yield
    for _name, sql in saved:
        conn.execute(text(sql))


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _insert(table: str) -> Any:
    from sqlalchemy import insert

    from iphr_desk.core.store.models import Base

    return insert(Base.metadata.tables[table])


def _next_id(conn: Any, table: str) -> int:
    from sqlalchemy import func, select

    from iphr_desk.core.store.models import Base

    column = Base.metadata.tables[table].c.id
    return int(conn.execute(select(func.coalesce(func.max(column), 0))).scalar_one()) + 1


def _stamp(day: dt.date, seconds: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC) + dt.timedelta(seconds=seconds)


def _case_rows(chunk: list[GeneratedCase], first_id: int) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {"cases": [], "case_themes": [], "people": [], "case_events": []}
    for offset, case in enumerate(chunk):
        case_id = first_id + offset
        opened = min((e["date"] for e in case.events), default=dt.date(2015, 1, 1))
        latest = max((e["date"] for e in case.events), default=opened)
        rows["cases"].append(
            {
                "id": case_id,
                "reference": case.reference,
                "title": case.title,
                "country": case.country,
                "region": case.region,
                "status": case.status,
                "summary": case.summary,
                "created_at": _stamp(opened, offset),
                "updated_at": _stamp(latest, offset),
            }
        )
        rows["case_themes"] += [
            {"case_id": case_id, "theme": theme, "position": i} for i, theme in enumerate(case.themes)
        ]
        rows["people"] += [
            {"case_id": case_id, "position": i, "notes": "", **person} for i, person in enumerate(case.people)
        ]
        rows["case_events"] += [{"case_id": case_id, **event} for event in case.events]
    return rows


def _letter_rows(
    chunk: list[GeneratedLetter], first_id: int, case_ids: dict[str, int]
) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {
        "letters": [], "letter_recipients": [], "letter_signatories": [], "letter_cases": [],
    }  # fmt: skip
    for offset, generated in enumerate(chunk):
        letter_id = first_id + offset
        letter = generated.letter
        rows["letters"].append(
            {
                "id": letter_id,
                "uuid": generated.uuid,
                "language": letter.language,
                "place": letter.place,
                "date": letter.date,
                "subject": letter.subject,
                "recipient_name": letter.recipients[0].name,  # set here, the sync triggers write nothing
                "register": letter.register,
                "voice": letter.voice,
                "cc": list(letter.cc),
                "letterhead": letter.letterhead,
                "batch": letter.batch,
                "body": letter.body,
                "status": generated.status,
                "created_at": _stamp(letter.date, offset),
                "updated_at": _stamp(letter.date, offset + 3600),
                "deleted_at": None,
            }
        )
        rows["letter_recipients"] += [
            {
                "letter_id": letter_id,
                "position": i,
                "recipient_id": None,
                "name": r.name,
                "surname": r.surname,
                "gender": r.gender,
                "office": r.office,
                "title": r.title,
                "organisation": r.organisation,
                "address": r.address,
                "salutation": r.salutation,
                "closing": r.closing,
            }
            for i, r in enumerate(letter.recipients)
        ]
        rows["letter_signatories"] += [
            {
                "letter_id": letter_id,
                "position": i,
                "signatory_id": None,
                "name": s.name,
                "title": s.title,
                "organisation": s.organisation,
            }
            for i, s in enumerate(letter.signatories)
        ]
        rows["letter_cases"] += [
            {"letter_id": letter_id, "position": i, "reference": ref, "case_id": case_ids.get(ref)}
            for i, ref in enumerate(letter.cases)
        ]
    return rows


def _rebuild_search(store: Any) -> None:
    """Rebuild the full-text index once, through the store's search module when it offers it."""
    import importlib

    try:
        search = importlib.import_module("iphr_desk.core.store.search")
    except ImportError:  # no search module: nothing to rebuild
        return
    rebuild = getattr(search, "rebuild", None)
    if callable(rebuild):
        rebuild(store)


def _chunks(items: Iterator[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _now() -> float:
    return time.perf_counter()
