"""The letters the export, autosave and import figures work on, built the same way on every run.

Hand-written sample text (not the generator's), so these figures do not change when the generator's
vocabulary does, and the page counts stay what the figure names say.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import cast, get_args

from iphr_desk.core.letters.letter import OFFICE_IDS, Gender, Language, Letter, Recipient, Signatory

_SENTENCES = (
    "Nous souhaitons attirer votre attention sur la situation de M. Azamat Nurlanov, défenseur des "
    "droits humains, détenu depuis le 12 mars sans accès à un avocat de son choix.",
    "Selon les informations recueillies par nos partenaires, il aurait été soumis à des pressions "
    "physiques et psychologiques visant à obtenir des aveux.",
    "Ces faits, s'ils étaient confirmés, constitueraient une violation grave des obligations "
    "internationales de l'État, notamment de la **Convention contre la torture**.",
    "Nous rappelons que le *Comité des droits de l'homme des Nations unies* a demandé à plusieurs "
    "reprises la libération des personnes détenues pour l'exercice pacifique de leurs droits.",
    "Sa famille n'a pas été informée du lieu de sa détention pendant plus de dix jours, ce qui "
    "l'exposait à un risque accru de mauvais traitements.",
    "Le procès, ouvert le 4 septembre, s'est tenu à huis clos et les observateurs indépendants "
    "n'ont pas été admis dans la salle d'audience.",
    "Les organisations de la société civile de la région ont documenté des cas semblables au cours "
    "des deux dernières années, comme le montre notre [rapport](https://www.iphronline.org/).",
    "Nous vous serions reconnaissants de bien vouloir intervenir auprès des autorités compétentes "
    "afin que ces allégations fassent l'objet d'une enquête rapide, impartiale et effective.",
)

_LIST_ITEMS = (
    "libérer immédiatement et sans condition toutes les personnes détenues arbitrairement ;",
    "garantir l'accès à un avocat de leur choix et à un médecin indépendant ;",
    "mener une enquête impartiale sur les allégations de torture ;",
    "permettre aux observateurs internationaux d'assister aux audiences.",
)

_NAMES = (
    ("Emmanuel Macron", "male"), ("Ursula Meier", "female"), ("Kassym Tokayev", "male"),
    ("Anna Schmidt", "female"), ("Jean Dupont", "male"), ("Claire Martin", "female"),
    ("Olga Ivanova", "female"), ("Sardor Karimov", "male"), ("Alex Morgan", "unspecified"),
)  # fmt: skip


def body(paragraphs: int, seed: int = 7) -> str:
    """A CommonMark body: `paragraphs` paragraphs of four sentences, a numbered list, two footnotes."""
    rng = random.Random(seed)
    parts: list[str] = []
    for index in range(paragraphs):
        sentences = [rng.choice(_SENTENCES) for _ in range(4)]
        if index == 1:
            sentences[-1] = sentences[-1].rstrip(".") + "[^1]."
        if index == paragraphs - 1:
            sentences[-1] = sentences[-1].rstrip(".") + "[^2]."
        parts.append(" ".join(sentences))
        if index == paragraphs // 2:
            parts.append("\n".join(f"{n}. {item}" for n, item in enumerate(_LIST_ITEMS, 1)))
    parts.append("[^1]: Communication de nos partenaires, 14 mars 2023.")
    parts.append("[^2]: Voir aussi l'avis du Groupe de travail sur la détention arbitraire.")
    return "\n\n".join(parts) + "\n"


def recipients(count: int, seed: int = 11) -> tuple[Recipient, ...]:
    rng = random.Random(seed)
    people = []
    for index in range(count):
        name, gender = _NAMES[index % len(_NAMES)]
        office = OFFICE_IDS[rng.randrange(len(OFFICE_IDS) - 1)]  # every office but `organisation`
        people.append(
            Recipient(
                name=f"{name} {index}" if index >= len(_NAMES) else name,
                surname=name.split()[-1],
                gender=cast(Gender, gender),
                office=office,
                title="Ministre des Affaires étrangères" if office == "minister" else None,
                address="Rue de la Loi 200\n1049 Bruxelles",
            )
        )
    return tuple(people)


#: Paragraphs for an exported letter of two pages (checked with LibreOffice: 7 -> 2 pages, 122 -> 20).
TWO_PAGES = 7


def paragraphs_for(pages: int) -> int:
    return round(pages * 6.1)


def letter(paragraphs: int = TWO_PAGES, recipient_count: int = 1, language: Language = "fr") -> Letter:
    """A letter of two exported pages by default (with the built-in letterhead, 11 pt)."""
    return Letter(
        language=language,
        place="Bruxelles",
        date=dt.date(2023, 10, 30),
        subject="Questions relatives aux droits humains au Kazakhstan",
        recipients=recipients(recipient_count),
        signatories=(
            Signatory("Brigitte Dufour", "Directrice", "International Partnership for Human Rights (IPHR)"),
            Signatory("Nurlan Abenov", "Président", "Bureau kazakh des droits humains"),
        ),
        body=body(paragraphs),
        cc=("Ambassade de France au Kazakhstan",),
        batch=recipient_count > 1,
    )


def import_letters(count: int) -> list[Letter]:
    """`count` different single letters of one to four pages, for the import figure."""
    rng = random.Random(23)
    people = recipients(count)
    languages: tuple[Language, ...] = get_args(Language)
    return [
        Letter(
            language=languages[index % len(languages)],
            place="Bruxelles",
            date=dt.date(2023, 1, 1) + dt.timedelta(days=index % 700),
            subject=f"Affaire n° {index}: détention arbitraire et procès inéquitable",
            recipients=(people[index],),
            signatories=(Signatory("Brigitte Dufour", "Directrice", "IPHR"),),
            body=body(rng.randint(4, 18), seed=index),
        )
        for index in range(count)
    ]
