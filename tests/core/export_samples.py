"""Sample letters for the exporter tests (data and builders; the fixtures live in conftest.py).

Frames are written by hand here (the forms-of-address module has its own tests); what these
tests check is that the exporter lays out exactly what the frame says, in docs/letter-format.md's order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
from iphr_desk.core.protocol.frame import Frame, SignatureBlock

FIXED_NOW = dt.datetime(2024, 5, 2, 10, 30, 0, tzinfo=dt.UTC)
IPHR = "International Partnership for Human Rights"

FR_FRAME = Frame(
    language="fr",
    attention_line="À l'attention de :",
    address_lines=(
        "Monsieur Kassym-Jomart Tokaïev, Président de la République du Kazakhstan",
        "Palais présidentiel Akorda",
        "010000 Astana, Kazakhstan",
    ),
    date_line="Bruxelles, 30 octobre 2023",
    subject_label="Objet\u00a0:",
    subject="Votre visite d'État en France et la situation des défenseurs des droits humains",
    salutation="Monsieur le Président,",
    closing=(
        "Nous vous prions de recevoir, Monsieur le Président, l'expression de nos sentiments distingués."
    ),
    signatures=(SignatureBlock("Brigitte Dufour", "Directrice", f"{IPHR} (IPHR)"),),
    cc_label="Copie\u00a0:",
    cc_lines=("Monsieur Emmanuel Macron, Président de la République française",),
)
FR_BODY = """\
À la veille de votre visite d'État en France, nous souhaitons attirer votre attention sur la \
situation des *défenseurs des droits humains* au Kazakhstan, et en particulier sur **trois \
dossiers** qui nous préoccupent[^1].

Nous vous demandons respectueusement :

1. de libérer sans condition les personnes détenues pour avoir exercé pacifiquement leurs droits ;
2. de garantir l'indépendance des avocats ;
3. de mettre fin aux poursuites contre les journalistes.

Notre analyse complète est disponible sur [notre site](https://www.iphronline.org/kazakhstan).

[^1]: Voir le rapport conjoint *Kazakhstan : la répression continue*, octobre 2023.
"""

EN_FRAME = Frame(
    language="en",
    attention_line=None,
    address_lines=(
        "Ms Kaja Kallas",
        "High Representative of the Union for Foreign Affairs and Security Policy",
        "European External Action Service",
        "Rond-Point Robert Schuman 9A",
        "1046 Brussels, Belgium",
    ),
    date_line="Brussels, 14 March 2024",
    subject_label="Subject:",
    subject="Human rights benchmarks for the EU–Tajikistan Cooperation Council",
    salutation="Dear High Representative,",
    closing="Yours sincerely,",
    signatures=(
        SignatureBlock("Brigitte Dufour", "Director", IPHR),
        SignatureBlock("Nigora Khidoyatova", "Chair", "Freedom Now Tashkent"),
        SignatureBlock("Anna Petrova", None, "Helsinki Group Dushanbe"),
    ),
    cc_label="cc:",
    cc_lines=("Ms Maria Ionescu, EU Special Representative for Central Asia",),
)
EN_BODY = """\
We write, as a coalition of human rights organisations, ahead of the Cooperation Council[^cc].

We urge you to raise the following cases:

- the lawyer *Buzurgmehr Yorov*, sentenced to 28 years;
- the journalist **Daler Imomali**[^jail];
  - held since June 2022.

> Every detained lawyer is a message to all lawyers.

More details in [our report](https://www.iphronline.org/tajikistan-2024).

[^jail]: Sentenced to ten years in October 2022, see [the verdict](https://example.org/verdict).
[^cc]: Meeting in Brussels on 21 March 2024.
"""

RU_FRAME = Frame(
    language="ru",
    attention_line=None,
    address_lines=("Президенту Республики Узбекистан", "Господину Ш. М. Мирзиёеву", "Ташкент"),
    date_line="Брюссель, 1 ноября 2023 г.",
    subject_label=None,
    subject="О положении правозащитников в Каракалпакстане",
    salutation="Уважаемый господин Президент!",
    closing="С уважением,",
    signatures=(SignatureBlock("Брижит Дюфур", "Директор", "Международное партнёрство за права человека"),),
    cc_label=None,
    cc_lines=(),
)
RU_BODY = """\
Мы обращаемся к Вам в связи с *задержанием* журналистов в Нукусе.

1. Освободить задержанных.
2. Обеспечить **независимое** расследование.
"""

DE_FRAME = Frame(
    language="de",
    attention_line=None,
    address_lines=(
        "Frau Annalena Baerbock",
        "Bundesministerin des Auswärtigen",
        "Werderscher Markt 1",
        "10117 Berlin",
    ),
    date_line="Brüssel, 2. Mai 2024",
    subject_label=None,
    subject="Menschenrechte in Turkmenistan vor Ihrer Reise nach Aschgabat",
    salutation="Sehr geehrte Frau Ministerin,",
    closing="Mit freundlichen Grüßen",
    signatures=(SignatureBlock("Brigitte Dufour", "Direktorin", IPHR),),
    cc_label="Kopie:",
    cc_lines=("Auswärtiger Ausschuss des Deutschen Bundestages",),
)
DE_BODY = "wir wenden uns an Sie wegen der Lage der *Zivilgesellschaft* in Turkmenistan.\n"

NASTY_BODY = (
    "Control\x07 and\x0b chars\x1f and \ufffe here.\n\n"
    "RTL: مرحبا بالعالم and שלום; emoji 🕊️✊🏽👩‍⚖️.\n\n"
    "* * *\n\n"
    "[link with spaces](<https://example.org/a b>) [](https://example.org) <div>raw *html*</div>\n\n"
    "```\ncode  block\n```\n\n"
    "- \n- [^missing]\n\n"
    "> > nested quote\n\n"
    "# Heading\n\n" + "Long " * 20000 + "\n"
)
NASTY_FRAME = Frame(
    language="en",
    attention_line="Attn\x01:",
    address_lines=("Name\x00 with NUL", "שלום 🕊️"),
    date_line="Brussels, 1 January 2024",
    subject_label="Subject:",
    subject='Bad\x1b chars & <xml> "quotes"',
    salutation="Dear Sir or Madam,",
    closing="Yours faithfully,",
    signatures=(SignatureBlock("X\x08Y"),),
    cc_label=None,
    cc_lines=(),
)


def batch_letter() -> Letter:
    return Letter(
        language="en",
        place="Brussels",
        date=dt.date(2024, 3, 14),
        subject="Release of detained lawyers: a joint appeal",
        recipients=(
            Recipient(
                name="Ursula von der Leyen", surname="von der Leyen", gender="female", office="eu_president"
            ),
            Recipient(name="Volker Türk", gender="male", office="un_high_commissioner"),
            Recipient(name="Mary Lawlor", gender="female", office="un_special_rapporteur"),
        ),
        signatories=(Signatory("Brigitte Dufour", "Director", IPHR),),
        body="We ask you to call for the release of the lawyers named in the annex.\n",
        batch=True,
    )


def design_letter() -> Letter:
    """The letter-file contract's French example (README.md), with the pre-visit body of FR_BODY."""
    return Letter(
        language="fr",
        place="Bruxelles",
        date=dt.date(2023, 10, 30),
        subject="Questions relatives aux droits humains en vue de votre visite",
        recipients=(
            Recipient(
                name="Emmanuel Macron",
                gender="male",
                office="head_of_state",
                title="Président de la République Française",
                address="55 rue du Faubourg Saint-Honoré\n75008 Paris",
            ),
        ),
        signatories=(Signatory("Brigitte Dufour", "Directrice", f"{IPHR} (IPHR)"),),
        body=FR_BODY,
        cc=("Ministère de l'Europe et des Affaires étrangères",),
    )


def batch_frames(letter: Letter) -> list[Frame]:
    salutations = ("Dear President von der Leyen,", "Dear High Commissioner,", "Dear Special Rapporteur,")
    return [
        replace_frame(
            EN_FRAME,
            address_lines=(r.name,),
            salutation=salutations[i],
            subject=letter.subject,
            signatures=(SignatureBlock("Brigitte Dufour", "Director", IPHR),),
            cc_lines=(),
        )
        for i, r in enumerate(letter.recipients)
    ]


def replace_frame(frame: Frame, **changes: object) -> Frame:
    from dataclasses import replace

    return replace(frame, **changes)  # type: ignore[arg-type]


@dataclass
class Samples:
    """Every exported sample of the session with what LibreOffice and Pandoc read from it."""

    folder: Path
    paths: dict[str, Path] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    markdown: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, list[str]] = field(default_factory=dict)
    extra_docx: list[Path] = field(default_factory=list)
