"""Forms of address: every cell of the four tables, the rules each language keeps, the examples of
docs/letter-format.md."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
import tomllib
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iphr_desk.core.errors import BadInput
from iphr_desk.core.letters.letter import (
    GENDERS,
    LANGUAGES,
    OFFICE_IDS,
    REGISTERS,
    VOICES,
    Gender,
    Letter,
    Recipient,
    Signatory,
)
from iphr_desk.core.protocol.address import (
    ProtocolTableError,
    address_lines_for,
    available_offices,
    bare_salutation,
    closing_for,
    compute_frame,
    load_table,
    office_label,
    parse_table,
    salutation_for,
)
from iphr_desk.core.protocol.frame import SignatureBlock
from iphr_desk.core.protocol.housestyle import NBSP, HouseStyle
from iphr_desk.resources import resource

CELLS = list(itertools.product(LANGUAGES, OFFICE_IDS, GENDERS, REGISTERS))
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def person(office: str, gender: str, **extra: Any) -> Recipient:
    return Recipient(
        name="Anna Maria Petrova",
        gender=cast(Gender, gender),
        office=office,
        title="Title of Office",
        **extra,
    )


def letter(language: str, recipient: Recipient, **extra: Any) -> Letter:
    fields: dict[str, Any] = {
        "language": language,
        "place": "Bruxelles",
        "date": dt.date(2023, 10, 30),
        "subject": "Questions relatives aux droits humains",
        "recipients": (recipient,),
        "signatories": (Signatory("Brigitte Dufour", "Directrice", "IPHR"),),
    }
    fields.update(extra)
    return Letter(**fields)


# --- every cell ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "office", "gender", "register"), CELLS)
def test_every_cell_is_filled_without_placeholders(
    language: str, office: str, gender: str, register: str
) -> None:
    recipient = person(office, gender)
    salutation = salutation_for(recipient, language, register)
    lines = address_lines_for(recipient, language, register)
    texts = [salutation, *lines] + [closing_for(recipient, language, register, voice) for voice in VOICES]
    for text in texts:
        assert text.strip(), (language, office, gender, register)
        assert not PLACEHOLDER.search(text), text
        assert "  " not in text and " ," not in text, text
    block = "\n".join(lines)  # one line (fr) or one element a line (en, de, ru: the table's layout)
    by_initials = language == "ru" and office not in ("monarch", "organisation")
    assert ("A.M. Petrova" if by_initials else "Anna Maria Petrova") in block
    assert "Title of Office" in block


@pytest.mark.parametrize(("language", "office", "gender", "register"), CELLS)
def test_punctuation_rules_per_language(language: str, office: str, gender: str, register: str) -> None:
    recipient = person(office, gender)
    salutation = salutation_for(recipient, language, register)
    closings = [closing_for(recipient, language, register, voice) for voice in VOICES]
    if language == "fr":
        assert salutation.endswith(",")
        assert all(closing.endswith(".") for closing in closings)
        assert not re.search(r"\b(M\.|Mme)\s", salutation + "".join(closings))  # never abbreviated
    elif language == "en":
        assert salutation.endswith(",")
        assert all(closing in ("Yours sincerely,", "Yours faithfully,") for closing in closings)
    elif language == "ru":
        assert salutation.endswith("!")
        assert all(closing.endswith(",") for closing in closings)
    else:
        assert salutation.endswith(",")
        assert all(closing[-1].isalpha() for closing in closings)  # no punctuation after a DE closing


@pytest.mark.parametrize(
    ("office", "gender", "register"), list(itertools.product(OFFICE_IDS, GENDERS, REGISTERS))
)
def test_french_closings_repeat_the_salutation_without_its_comma(
    office: str, gender: str, register: str
) -> None:
    recipient = person(office, gender)
    salutation = salutation_for(recipient, "fr", register)
    for voice in VOICES:
        assert f", {salutation[:-1]}, " in closing_for(recipient, "fr", register, voice)


@pytest.mark.parametrize(("office", "register"), list(itertools.product(OFFICE_IDS, REGISTERS)))
def test_french_voice_changes_subject_and_possessive(office: str, register: str) -> None:
    we = closing_for(person(office, "male"), "fr", register, "we")
    i = closing_for(person(office, "male"), "fr", register, "i")
    assert we != i
    assert re.search(r"\b(notre|nos)\b", we) and not re.search(r"\b(ma|mes|mon)\b", we)
    assert re.search(r"\b(ma|mes|mon)\b", i) and not re.search(r"\b(notre|nos)\b", i)


def test_french_closing_repeats_a_salutation_override() -> None:
    recipient = person("minister", "female", salutation="Madame la Vice-Première ministre,")
    closing = closing_for(recipient, "fr", "formal", "i")
    assert closing == (
        "Je vous prie d'agréer, Madame la Vice-Première ministre, "
        "l'expression de ma très haute considération."
    )


@pytest.mark.parametrize(
    ("office", "expected"),
    [
        ("head_of_state", "Madame la Présidente,"),
        ("ambassador", "Madame l'Ambassadrice,"),
        ("un_special_rapporteur", "Madame la Rapporteuse spéciale,"),
        ("minister", "Madame la Ministre,"),
        ("member_of_parliament", "Madame la Députée,"),
        ("eu_high_representative", "Madame la Haute Représentante,"),
        ("un_high_commissioner", "Madame la Haute-Commissaire,"),
        ("prosecutor", "Madame la Procureure,"),
    ],
)
def test_french_feminine_forms_follow_the_person(office: str, expected: str) -> None:
    for register in REGISTERS:
        assert salutation_for(person(office, "female"), "fr", register) == expected
        assert salutation_for(person(office, "male"), "fr", register) != expected


@pytest.mark.parametrize(
    ("language", "office", "register"), list(itertools.product(LANGUAGES, OFFICE_IDS, REGISTERS))
)
def test_female_and_male_forms_differ_where_the_language_marks_gender(
    language: str, office: str, register: str
) -> None:
    def forms(gender: str) -> tuple[str, str]:
        recipient = person(office, gender)
        return salutation_for(recipient, language, register), address_lines_for(
            recipient, language, register
        )[0]

    if office == "organisation":
        assert forms("female") == forms("male") == forms("unspecified")
    else:
        assert len({forms("female"), forms("male"), forms("unspecified")}) == 3


@pytest.mark.parametrize(
    ("office", "gender", "register"), list(itertools.product(OFFICE_IDS, GENDERS, REGISTERS))
)
def test_english_pairs_named_salutations_with_sincerely(office: str, gender: str, register: str) -> None:
    recipient = person(office, gender)
    salutation = salutation_for(recipient, "en", register)
    closing = closing_for(recipient, "en", register, "we")
    named = salutation.startswith("Dear ") and salutation != "Dear Sir or Madam,"
    assert closing == ("Yours sincerely," if named else "Yours faithfully,")


def test_english_president_uses_the_surname() -> None:
    macron = Recipient(name="Emmanuel Macron", gender="male", office="head_of_state")
    assert salutation_for(macron, "en", "house") == "Dear President Macron,"
    vdl = Recipient(
        name="Ursula von der Leyen", surname="von der Leyen", gender="female", office="eu_president"
    )
    assert salutation_for(vdl, "en", "house") == "Dear President von der Leyen,"


def test_english_sir_or_madam_only_for_organisation() -> None:
    for office, gender, register in itertools.product(OFFICE_IDS, GENDERS, REGISTERS):
        salutation = salutation_for(person(office, gender), "en", register)
        assert (salutation == "Dear Sir or Madam,") == (office == "organisation"), (office, gender)


@pytest.mark.parametrize(("office", "register"), list(itertools.product(OFFICE_IDS, REGISTERS)))
def test_russian_adjectives_agree_with_the_person(office: str, register: str) -> None:
    female = salutation_for(person(office, "female"), "ru", register)
    male = salutation_for(person(office, "male"), "ru", register)
    assert "Уважаемый" not in female and "господин" not in female
    assert "Уважаемая" not in male and "госпожа" not in male
    assert female.endswith("!") and male.endswith("!")


def test_russian_minister_keeps_the_masculine_title_noun() -> None:
    assert salutation_for(person("minister", "female"), "ru", "house") == "Уважаемая госпожа Министр!"


@pytest.mark.parametrize(("office", "register"), list(itertools.product(OFFICE_IDS, REGISTERS)))
def test_german_feminine_titles_and_bare_closings(office: str, register: str) -> None:
    female = salutation_for(person(office, "female"), "de", register)
    assert "Herr " not in female and "geehrter" not in female
    for voice in VOICES:
        closing = closing_for(person(office, "female"), "de", register, voice)
        assert "\n" not in closing and closing[-1] not in ",.!;:"


def test_german_minister_female() -> None:
    assert salutation_for(person("minister", "female"), "de", "house") == "Sehr geehrte Frau Ministerin,"


# --- docs/letter-format.md's house-style table, exactly ------------------------------------------

DESIGN_TABLE = [
    # language, office, gender, voice, salutation, house closing, formal closing
    (
        "fr", "head_of_state", "male", "we", "Monsieur le Président,",
        "Nous vous prions de recevoir, Monsieur le Président, l'expression de nos sentiments distingués.",
        "Nous vous prions d'agréer, Monsieur le Président, l'expression de notre très haute considération.",
    ),
    (
        "fr", "head_of_state", "male", "i", "Monsieur le Président,",
        "Je vous prie de recevoir, Monsieur le Président, l'expression de mes sentiments distingués.",
        "Je vous prie d'agréer, Monsieur le Président, l'expression de ma très haute considération.",
    ),
    (
        "en", "organisation", "unspecified", "we", "Dear Sir or Madam,",
        "Yours faithfully,", "Yours faithfully,",
    ),
    (
        "ru", "head_of_state", "male", "we", "Уважаемый господин Президент!",
        "С уважением,", "С глубоким уважением,",
    ),
    (
        "de", "minister", "female", "we", "Sehr geehrte Frau Ministerin,",
        "Mit freundlichen Grüßen", "Mit vorzüglicher Hochachtung",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "office", "gender", "voice", "salutation", "house", "formal"), DESIGN_TABLE
)
def test_design_house_style_table(
    language: str, office: str, gender: str, voice: str, salutation: str, house: str, formal: str
) -> None:
    recipient = Recipient(name="Emmanuel Macron", gender=gender, office=office)  # type: ignore[arg-type]
    assert salutation_for(recipient, language, "house", voice) == salutation
    assert closing_for(recipient, language, "house", voice) == house
    assert closing_for(recipient, language, "formal", voice) == formal


@pytest.mark.parametrize(
    ("recipient", "salutation"),
    [
        (
            Recipient(name="Kaja Kallas", gender="female", office="eu_high_representative"),
            "Dear High Representative,",
        ),
        (
            Recipient(name="Kassym-Jomart Tokayev", gender="male", office="head_of_state"),
            "Dear President Tokayev,",
        ),
    ],
)
def test_design_english_named_office_holder(recipient: Recipient, salutation: str) -> None:
    assert salutation_for(recipient, "en", "house") == salutation
    assert closing_for(recipient, "en", "house", "we") == "Yours sincerely,"


@pytest.mark.parametrize(
    ("language", "place", "date", "expected"),
    [
        ("fr", "Bruxelles", dt.date(2023, 10, 30), "Bruxelles, 30 octobre 2023"),
        ("en", "Brussels", dt.date(2024, 3, 14), "Brussels, 14 March 2024"),
        ("ru", "Брюссель", dt.date(2023, 11, 1), "Брюссель, 1 ноября 2023 г."),
        ("de", "Brüssel", dt.date(2024, 5, 2), "Brüssel, 2. Mai 2024"),
    ],
)
def test_design_date_lines(language: str, place: str, date: dt.date, expected: str) -> None:
    frame = compute_frame(letter(language, person("official", "female"), place=place, date=date))
    assert frame.date_line == expected


@pytest.mark.parametrize(
    ("language", "subject_line"),
    [
        ("fr", f"Objet{NBSP}: Questions"),
        ("en", "Subject: Questions"),
        ("ru", "Questions"),
        ("de", "Questions"),
    ],
)
def test_design_subject_lines(language: str, subject_line: str) -> None:
    frame = compute_frame(letter(language, person("official", "male"), subject="Questions"))
    assert frame.subject_line == subject_line


def test_done_when_french_frame() -> None:
    macron = Recipient(
        name="Emmanuel Macron",
        gender="male",
        office="head_of_state",
        title="Président de la République Française",
    )
    subject = "Questions relatives aux droits humains en vue de votre visite au Kazakhstan"
    frame = compute_frame(
        letter(
            "fr",
            macron,
            subject=subject,
            voice="we",
            register="house",
            cc=("Ministère des Affaires étrangères",),
        )
    )
    assert frame.language == "fr"
    assert frame.attention_line == "À l'attention de\u00a0:"
    assert frame.address_lines == ("Monsieur Emmanuel Macron, Président de la République Française",)
    assert frame.date_line == "Bruxelles, 30 octobre 2023"
    assert frame.subject_label == "Objet\u00a0:"
    assert frame.subject_line == "Objet\u00a0: " + subject
    assert frame.salutation == "Monsieur le Président,"
    assert frame.closing == (
        "Nous vous prions de recevoir, Monsieur le Président, l'expression de nos sentiments distingués."
    )
    assert frame.signatures == (SignatureBlock("Brigitte Dufour", "Directrice", "IPHR"),)
    assert frame.cc_label == "Copie\u00a0:"
    assert frame.cc_lines == ("Ministère des Affaires étrangères",)


def test_frame_recipient_block_lists_organisation_and_address() -> None:
    recipient = Recipient(
        name="Dr. Katharina Albers",
        surname="Albers",
        gender="female",
        office="minister",
        title="Bundesministerin des Auswärtigen",
        organisation="Auswärtiges Amt",
        address="Werderscher Markt 1\n10117 Berlin\n",
    )
    frame = compute_frame(letter("de", recipient, place="Brüssel"))
    assert frame.attention_line is None
    assert frame.address_lines == (
        "Frau",
        "Dr. Katharina Albers",
        "Bundesministerin des Auswärtigen",
        "Auswärtiges Amt",
        "Werderscher Markt 1",
        "10117 Berlin",
    )
    assert frame.subject_label is None
    assert frame.cc_label is None and frame.cc_lines == ()


def test_frame_without_title_has_no_dangling_comma() -> None:
    frame = compute_frame(letter("fr", Recipient(name="Jeanne Martin", gender="female", office="official")))
    assert frame.address_lines == ("Madame Jeanne Martin",)
    assert frame.salutation == "Madame,"


def test_frame_uses_the_first_recipient_of_a_batch() -> None:
    first = Recipient(name="Jeanne Martin", gender="female", office="official")
    second = Recipient(name="Paul Durand", gender="male", office="official")
    batch = letter("fr", first, recipients=(first, second), batch=True)
    assert compute_frame(batch).salutation == "Madame,"
    assert compute_frame(batch.for_recipient(1)).salutation == "Monsieur,"


def test_recipient_overrides_win() -> None:
    recipient = person(
        "head_of_state", "male", salutation="Excellence,", closing="Avec nos salutations respectueuses."
    )
    frame = compute_frame(letter("fr", recipient))
    assert frame.salutation == "Excellence,"
    assert frame.closing == "Avec nos salutations respectueuses."


def test_formal_register_uses_excellency_in_the_address_block() -> None:
    tokayev = Recipient(
        name="Kassym-Jomart Tokayev", gender="male", office="head_of_state", title="President of Kazakhstan"
    )
    frame = compute_frame(letter("en", tokayev, register="formal"))
    assert frame.address_lines == ("H.E. Mr Kassym-Jomart Tokayev", "President of Kazakhstan")
    assert frame.salutation == "Sir,"
    assert frame.closing == "Yours faithfully,"


# --- helpers for the GUI -------------------------------------------------------------------------


def test_available_offices_are_the_contract_ids() -> None:
    assert available_offices() == OFFICE_IDS
    assert len(available_offices()) == 16


@pytest.mark.parametrize("language", LANGUAGES)
def test_office_labels_exist_and_differ(language: str) -> None:
    labels = [office_label(office, language) for office in OFFICE_IDS]
    assert all(label.strip() for label in labels)
    assert len(set(labels)) == len(labels)


def test_office_label_examples_and_fallback() -> None:
    assert office_label("minister", "fr") == "Ministre"
    assert office_label("minister", "de") == "Minister oder Ministerin"
    assert office_label("minister", "ru") == "Министр"
    assert office_label("minister", "es") == "Minister"  # no Spanish table: English
    assert office_label("minister", "fr_BE") == "Ministre"
    assert office_label("minister", "de-AT") == "Minister oder Ministerin"
    with pytest.raises(BadInput):
        office_label("pope", "fr")


def test_bare_salutation() -> None:
    assert bare_salutation("Madame, Monsieur,") == "Madame, Monsieur"
    assert bare_salutation("Уважаемый господин Президент!") == "Уважаемый господин Президент"
    assert bare_salutation("Monsieur le Président") == "Monsieur le Président"


def test_unknown_office_or_language_is_bad_input() -> None:
    with pytest.raises(BadInput, match="office 'pope'"):
        salutation_for(Recipient(name="X", office="pope"), "fr")
    with pytest.raises(BadInput, match="language 'it'"):
        salutation_for(Recipient(name="X"), "it")


# --- broken tables are refused -------------------------------------------------------------------


def raw_table(language: str) -> dict[str, Any]:
    with resource("protocol", f"{language}.toml").open("rb") as handle:
        return tomllib.load(handle)


@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_tables_load(language: str) -> None:
    table = load_table(language)
    assert len(table.cells) == 16 * 3 * 2


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (lambda d: d["offices"].pop("judge"), "missing table 'judge'"),
        (lambda d: d["offices"]["judge"]["female"].pop("formal"), "missing table 'formal'"),
        (lambda d: d["offices"]["judge"]["female"]["formal"].pop("salutation"), "missing 'salutation'"),
        (lambda d: d["offices"]["judge"]["male"]["house"].pop("courtesy"), "missing 'courtesy'"),
        (lambda d: d["offices"]["judge"].pop("label"), "missing text 'label'"),
        (lambda d: d["house"].pop("closing"), "missing 'closing'"),
        (
            lambda d: d["offices"]["judge"]["male"]["house"].update(salutation="Dear {nmae},"),
            "placeholder {nmae}",
        ),
        (lambda d: d["offices"]["judge"]["male"]["house"].update(salutation="Dear {name,"), "malformed"),
        (lambda d: d["offices"]["judge"]["male"]["house"].update(salutation="  "), "salutation is empty"),
        (lambda d: d["offices"]["judge"]["male"]["house"].update(greeting="Hi"), "unknown key 'greeting'"),
        (
            lambda d: d["offices"]["judge"]["male"]["house"].update(closing={"we": "x"}),
            "exactly 'we' and 'i'",
        ),
        (lambda d: d["offices"].update(pope=d["offices"]["judge"]), "unknown office 'pope'"),
        (lambda d: d["house"].update(address="{courtesy} {name}, {salutation}"), "placeholder {salutation}"),
    ],
)
def test_broken_tables_raise_a_clear_error(break_it: Any, message: str) -> None:
    data = copy.deepcopy(raw_table("en"))
    break_it(data)
    with pytest.raises(ProtocolTableError, match=re.escape(message)) as error:
        parse_table("en", data, "en.toml")
    assert str(error.value).startswith("en.toml")


# --- arbitrary people never crash the frame ------------------------------------------------------

text_without_braces = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="{}\n\r"), max_size=40
)


@given(
    language=st.sampled_from(LANGUAGES),
    office=st.sampled_from(OFFICE_IDS),
    gender=st.sampled_from(GENDERS),
    register=st.sampled_from(REGISTERS),
    voice=st.sampled_from(VOICES),
    name=text_without_braces,
    surname=st.none() | text_without_braces,
    title=st.none() | text_without_braces,
    organisation=st.none() | text_without_braces,
)
def test_arbitrary_names_and_titles_never_crash_or_leave_placeholders(
    language: str,
    office: str,
    gender: str,
    register: str,
    voice: str,
    name: str,
    surname: str | None,
    title: str | None,
    organisation: str | None,
) -> None:
    recipient = Recipient(
        name=name,
        surname=surname,
        gender=cast(Gender, gender),
        office=office,
        title=title,
        organisation=organisation,
    )
    frame = compute_frame(letter(language, recipient, register=register, voice=voice))
    for text in (frame.salutation, frame.closing, *frame.address_lines, frame.date_line):
        assert "{" not in text and "}" not in text
    assert frame.salutation and frame.closing


@given(name=st.text(min_size=1, max_size=30).filter(lambda s: s.strip()))
def test_braces_in_a_name_are_kept_verbatim(name: str) -> None:
    recipient = Recipient(name="{surname} " + name.strip() + " {0}", gender="female", office="official")
    frame = compute_frame(letter("en", recipient))
    assert frame.address_lines[0].startswith("Ms {surname}")
    assert frame.salutation.startswith("Dear Ms ")


def test_house_style_reaches_the_frame() -> None:
    style = HouseStyle.from_mapping({"date_article": True, "colon_spacing": "eu"})
    frame = compute_frame(letter("fr", person("official", "female")), style)
    assert frame.date_line == "Bruxelles, le 30 octobre 2023"
    assert frame.subject_line == "Objet: Questions relatives aux droits humains"
    assert frame.attention_line == "À l'attention de:"
