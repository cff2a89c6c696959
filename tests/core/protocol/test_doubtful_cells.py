"""Issue 14, deliverable 8: the doubtful cells, decided with sources (resources/protocol/README.md,
     "Decisions").

Every decided cell is written out here: salutation, closing and, where the decision concerns it, the address
block (its lines joined by " / "). The comment above each group names the source; the tables carry the same
decision beside their rows.
"""

from __future__ import annotations

import pytest

from iphr_desk.core.letters.letter import Gender, Recipient
from iphr_desk.core.protocol.address import address_lines_for, closing_for, salutation_for

# (language, office, gender, register, voice, salutation, closing)
CELLS: list[tuple[str, str, str, str, str, str, str]] = [
    # --- RU: the post is capitalised when it is the form of address, for every office.
    # Source: GOST R 7.0.97-2016 §5.18 as shared/reference/protocol.md §4 states it ("Capitalise the post
    # when you address someone by it"), https://ajdocs.ru/gsp/41240/16. Changed: Депутат, Судья, Прокурор
    # (the reference's ◇ rows wrote them in lower case).
    ("ru", "head_of_state", "female", "house", "we", "Уважаемая госпожа Президент!", "С уважением,"),
    ("ru", "head_of_state", "male", "house", "we", "Уважаемый господин Президент!", "С уважением,"),
    ("ru", "head_of_state", "female", "formal", "we", "Уважаемая госпожа Президент!",
     "С глубоким уважением,"),
    ("ru", "head_of_state", "male", "formal", "we", "Уважаемый господин Президент!", "С глубоким уважением,"),
    ("ru", "head_of_government", "female", "house", "we", "Уважаемая госпожа Премьер-министр!",
     "С уважением,"),
    ("ru", "head_of_government", "male", "house", "we", "Уважаемый господин Премьер-министр!",
     "С уважением,"),
    ("ru", "head_of_government", "female", "formal", "we", "Уважаемая госпожа Премьер-министр!",
     "С глубоким уважением,"),
    ("ru", "head_of_government", "male", "formal", "we", "Уважаемый господин Премьер-министр!",
     "С глубоким уважением,"),
    ("ru", "minister", "female", "house", "we", "Уважаемая госпожа Министр!", "С уважением,"),
    ("ru", "minister", "male", "house", "we", "Уважаемый господин Министр!", "С уважением,"),
    ("ru", "minister", "female", "formal", "we", "Уважаемая госпожа Министр!", "С глубоким уважением,"),
    ("ru", "minister", "male", "formal", "we", "Уважаемый господин Министр!", "С глубоким уважением,"),
    ("ru", "ambassador", "female", "house", "we", "Уважаемая госпожа Посол!", "С уважением,"),
    ("ru", "ambassador", "male", "house", "we", "Уважаемый господин Посол!", "С уважением,"),
    ("ru", "eu_president", "female", "house", "we", "Уважаемая госпожа Председатель!", "С уважением,"),
    ("ru", "eu_president", "male", "formal", "we", "Уважаемый господин Председатель!",
     "С глубоким уважением,"),
    ("ru", "eu_high_representative", "female", "house", "we", "Уважаемая госпожа Высокий представитель!",
     "С уважением,"),
    ("ru", "eu_high_representative", "male", "formal", "we", "Уважаемый господин Высокий представитель!",
     "С глубоким уважением,"),
    ("ru", "eu_commissioner", "female", "house", "we", "Уважаемая госпожа Комиссар!", "С уважением,"),
    ("ru", "eu_commissioner", "male", "formal", "we", "Уважаемый господин Комиссар!",
     "С глубоким уважением,"),
    ("ru", "member_of_parliament", "female", "house", "we", "Уважаемая госпожа Депутат!", "С уважением,"),
    ("ru", "member_of_parliament", "male", "house", "we", "Уважаемый господин Депутат!", "С уважением,"),
    ("ru", "member_of_parliament", "female", "formal", "we", "Уважаемая госпожа Депутат!",
     "С глубоким уважением,"),
    ("ru", "member_of_parliament", "male", "formal", "we", "Уважаемый господин Депутат!",
     "С глубоким уважением,"),
    ("ru", "un_secretary_general", "female", "house", "we", "Уважаемая госпожа Генеральный секретарь!",
     "С уважением,"),
    ("ru", "un_secretary_general", "male", "formal", "we", "Уважаемый господин Генеральный секретарь!",
     "С глубоким уважением,"),
    ("ru", "un_high_commissioner", "female", "house", "we", "Уважаемая госпожа Верховный комиссар!",
     "С уважением,"),
    ("ru", "un_high_commissioner", "male", "formal", "we", "Уважаемый господин Верховный комиссар!",
     "С глубоким уважением,"),
    ("ru", "un_special_rapporteur", "female", "house", "we", "Уважаемая госпожа Специальный докладчик!",
     "С уважением,"),
    ("ru", "un_special_rapporteur", "male", "formal", "we", "Уважаемый господин Специальный докладчик!",
     "С глубоким уважением,"),
    ("ru", "judge", "female", "house", "we", "Уважаемая госпожа Судья!", "С уважением,"),
    ("ru", "judge", "male", "house", "we", "Уважаемый господин Судья!", "С уважением,"),
    ("ru", "judge", "female", "formal", "we", "Уважаемая госпожа Судья!", "С уважением,"),
    ("ru", "judge", "male", "formal", "we", "Уважаемый господин Судья!", "С уважением,"),
    # Prosecutor (any rank, "Генеральный прокурор" included): the reference is silent on a salutation naming
    # the rank; same GOST rule, closing "С уважением," (reference §4, judge / prosecutor row).
    ("ru", "prosecutor", "female", "house", "we", "Уважаемая госпожа Прокурор!", "С уважением,"),
    ("ru", "prosecutor", "male", "house", "we", "Уважаемый господин Прокурор!", "С уважением,"),
    ("ru", "prosecutor", "female", "formal", "we", "Уважаемая госпожа Прокурор!", "С уважением,"),
    ("ru", "prosecutor", "male", "formal", "we", "Уважаемый господин Прокурор!", "С уважением,"),
    # --- FR prosecutor: the generic "Monsieur le Procureur," for every rank. Source: the reference's
    # judge / prosecutor row (journaldesmaires.com; Académie française 2019 for "la Procureure"); silent on
    # "Procureur général". Formal closing "sentiments respectueux" (same row). Unchanged.
    ("fr", "prosecutor", "female", "house", "i", "Madame la Procureure,",
     "Je vous prie de recevoir, Madame la Procureure, l'expression de mes sentiments distingués."),
    ("fr", "prosecutor", "male", "house", "we", "Monsieur le Procureur,",
     "Nous vous prions de recevoir, Monsieur le Procureur, l'expression de nos sentiments distingués."),
    ("fr", "prosecutor", "female", "formal", "we", "Madame la Procureure,",
     "Nous vous prions d'agréer, Madame la Procureure, l'expression de nos sentiments respectueux."),
    ("fr", "prosecutor", "male", "formal", "i", "Monsieur le Procureur,",
     "Je vous prie d'agréer, Monsieur le Procureur, l'expression de mes sentiments respectueux."),
    # --- FR unspecified gender, head of state and ambassador: "Madame, Monsieur," in both registers, not
    # "Excellence,". Source: the reference's generic row (OQLF, vitrinelinguistique.oqlf.gouv.qc.ca id=22098);
    # it gives "Excellence" only in the body ("Votre Excellence") and states no "Excellence," salutation.
    ("fr", "head_of_state", "unspecified", "house", "we", "Madame, Monsieur,",
     "Nous vous prions de recevoir, Madame, Monsieur, l'expression de nos sentiments distingués."),
    ("fr", "head_of_state", "unspecified", "formal", "i", "Madame, Monsieur,",
     "Je vous prie d'agréer, Madame, Monsieur, l'expression de ma très haute considération."),
    ("fr", "ambassador", "unspecified", "house", "we", "Madame, Monsieur,",
     "Nous vous prions de recevoir, Madame, Monsieur, l'expression de nos sentiments distingués."),
    ("fr", "ambassador", "unspecified", "formal", "i", "Madame, Monsieur,",
     "Veuillez agréer, Madame, Monsieur, les assurances de ma très haute considération."),
    # FR ambassador, named: dico-lettres.com (sec.), the reference's ambassador row. Unchanged.
    ("fr", "ambassador", "female", "house", "we", "Madame l'Ambassadrice,",
     "Nous vous prions de recevoir, Madame l'Ambassadrice, l'expression de nos sentiments distingués."),
    ("fr", "ambassador", "male", "formal", "i", "Monsieur l'Ambassadeur,",
     "Veuillez agréer, Monsieur l'Ambassadeur, les assurances de ma très haute considération."),
    # --- EN ambassador: "Dear Ambassador," … "Yours sincerely," (house; Debrett's, foreign ambassador page);
    # "Excellency," … "Yours faithfully," (formal; UN Correspondence Manual §§104-106, pairing rule).
    # Unchanged.
    ("en", "ambassador", "female", "house", "we", "Dear Ambassador,", "Yours sincerely,"),
    ("en", "ambassador", "male", "house", "we", "Dear Ambassador,", "Yours sincerely,"),
    ("en", "ambassador", "unspecified", "house", "we", "Dear Ambassador,", "Yours sincerely,"),
    ("en", "ambassador", "female", "formal", "we", "Excellency,", "Yours faithfully,"),
    ("en", "ambassador", "male", "formal", "we", "Excellency,", "Yours faithfully,"),
    ("en", "ambassador", "unspecified", "formal", "we", "Excellency,", "Yours faithfully,"),
    # EN prosecutor (general or not): the reference is silent; the generic named row (Debrett's). Unchanged.
    ("en", "prosecutor", "female", "formal", "we", "Dear Ms Petrova,", "Yours sincerely,"),
    ("en", "prosecutor", "male", "house", "we", "Dear Mr Petrova,", "Yours sincerely,"),
    # --- DE head of state: the cells serve foreign heads of state (protokoll-inland.de Anreden); the
    # Bundespräsident's own forms go through the letter's overrides (test below). Unchanged.
    ("de", "head_of_state", "male", "house", "we", "Sehr geehrter Herr Präsident,",
     "Mit freundlichen Grüßen"),
    ("de", "head_of_state", "male", "formal", "i", "Sehr geehrter Herr Präsident,",
     "Mit dem Ausdruck meiner ausgezeichneten Hochachtung"),
    # DE Bundesministerin: the office shortened and feminine in the salutation (protokoll-inland.de Anreden,
    # "Sehr geehrter Herr Minister,"; "Titles take the feminine form"). Unchanged.
    ("de", "minister", "female", "house", "we", "Sehr geehrte Frau Ministerin,", "Mit freundlichen Grüßen"),
    ("de", "minister", "female", "formal", "we", "Sehr geehrte Frau Ministerin,",
     "Mit vorzüglicher Hochachtung"),
    # DE monarch ◇: the reference is silent on monarchs; a monarch is a foreign head of state, so both
    # registers close with the head-of-state formula (protokoll-inland.de Anreden). Changed from
    # "Mit vorzüglicher Hochachtung".
    ("de", "monarch", "female", "house", "we", "Majestät,",
     "Mit dem Ausdruck unserer ausgezeichneten Hochachtung"),
    ("de", "monarch", "male", "house", "i", "Majestät,",
     "Mit dem Ausdruck meiner ausgezeichneten Hochachtung"),
    ("de", "monarch", "unspecified", "house", "we", "Majestät,",
     "Mit dem Ausdruck unserer ausgezeichneten Hochachtung"),
    ("de", "monarch", "female", "formal", "i", "Majestät,",
     "Mit dem Ausdruck meiner ausgezeichneten Hochachtung"),
    ("de", "monarch", "male", "formal", "we", "Majestät,",
     "Mit dem Ausdruck unserer ausgezeichneten Hochachtung"),
    ("de", "monarch", "unspecified", "formal", "i", "Majestät,",
     "Mit dem Ausdruck meiner ausgezeichneten Hochachtung"),
    # DE prosecutor (Generalstaatsanwalt included): the reference states no form; the named generic row
    # (protokoll-inland.de Anreden; briefschreiber.name). Unchanged.
    ("de", "prosecutor", "male", "formal", "we", "Sehr geehrter Herr Petrova,", "Mit freundlichen Grüßen"),
    ("de", "prosecutor", "female", "house", "we", "Sehr geehrte Frau Petrova,", "Mit freundlichen Grüßen"),
]  # fmt: skip

# (language, office, gender, register, name, title, address lines joined by " / ")
ADDRESSES: list[tuple[str, str, str, str, str, str, str]] = [
    # RU prosecutor general: GOST R 7.0.97-2016 "адресат", the office in the dative from the title, then the
    # initials and surname (https://docs.cntd.ru/document/995118776/titles/6L2ILE; reference §7).
    ("ru", "prosecutor", "male", "house", "Асхат Бекенов", "Генеральный прокурор Республики Казахстан",
     "Генеральному прокурору Республики Казахстан / А. Бекенову"),
    ("ru", "prosecutor", "male", "formal", "Асхат Бекенов", "Генеральный прокурор Республики Казахстан",
     "Генеральному прокурору Республики Казахстан / господину А. Бекенову"),
    # FR procureur général: the house style's one line, courtesy title + name, then the title (design.md §2).
    ("fr", "prosecutor", "male", "formal", "Rémy Heitz", "Procureur général près la Cour de cassation",
     "Monsieur Rémy Heitz, Procureur général près la Cour de cassation"),
    # FR ambassador: "Son Excellence" in the formal register only (reference §2, dico-lettres.com (sec.));
    # the house register writes the courtesy title + name (shared/design.md, exported letter §2).
    ("fr", "ambassador", "female", "house", "Anna Petrova", "Ambassadrice de Suède",
     "Madame Anna Petrova, Ambassadrice de Suède"),
    ("fr", "ambassador", "male", "house", "Anders Svensson", "Ambassadeur de Suède",
     "Monsieur Anders Svensson, Ambassadeur de Suède"),
    ("fr", "ambassador", "female", "formal", "Anna Petrova", "Ambassadrice de Suède",
     "Son Excellence Madame Anna Petrova, Ambassadrice de Suède"),
    ("fr", "ambassador", "male", "formal", "Anders Svensson", "Ambassadeur de Suède",
     "Son Excellence Monsieur Anders Svensson, Ambassadeur de Suède"),
    ("fr", "ambassador", "unspecified", "formal", "Alex Morgan", "Ambassadeur du Canada",
     "Son Excellence Alex Morgan, Ambassadeur du Canada"),
    ("fr", "head_of_state", "unspecified", "house", "Alex Morgan", "Chef de l'État",
     "Alex Morgan, Chef de l'État"),
    # EN ambassador: "H.E." in the formal register only (reference §7; UN manual §§104-106; Debrett's).
    ("en", "ambassador", "female", "house", "Anna Petrova", "Ambassador of Sweden",
     "Ms Anna Petrova / Ambassador of Sweden"),
    ("en", "ambassador", "male", "house", "Anders Svensson", "Ambassador of Sweden",
     "Mr Anders Svensson / Ambassador of Sweden"),
    ("en", "ambassador", "female", "formal", "Anna Petrova", "Ambassador of Sweden",
     "H.E. Ms Anna Petrova / Ambassador of Sweden"),
    ("en", "ambassador", "male", "formal", "Anders Svensson", "Ambassador of Sweden",
     "H.E. Mr Anders Svensson / Ambassador of Sweden"),
    ("en", "ambassador", "unspecified", "formal", "Alex Morgan", "Ambassador of Canada",
     "H.E. Alex Morgan / Ambassador of Canada"),
    # DE Bundesministerin: DIN 5008 Anschriftfeld, "Frau" on its own line, the full office as the title.
    ("de", "minister", "female", "house", "Annalena Baerbock", "Bundesministerin des Auswärtigen",
     "Frau / Annalena Baerbock / Bundesministerin des Auswärtigen"),
]  # fmt: skip


def _id(row: tuple[str, ...]) -> str:
    return "-".join(row[:5])


@pytest.mark.parametrize(
    ("language", "office", "gender", "register", "voice", "salutation", "closing"),
    CELLS,
    ids=[_id(row) for row in CELLS],
)
def test_decided_cell(
    language: str, office: str, gender: Gender, register: str, voice: str, salutation: str, closing: str
) -> None:
    recipient = Recipient(name="Anna Petrova", gender=gender, office=office)
    assert salutation_for(recipient, language, register, voice) == salutation
    assert closing_for(recipient, language, register, voice) == closing


@pytest.mark.parametrize(
    ("language", "office", "gender", "register", "name", "title", "expected"),
    ADDRESSES,
    ids=[_id(row) for row in ADDRESSES],
)
def test_decided_address(
    language: str, office: str, gender: Gender, register: str, name: str, title: str, expected: str
) -> None:
    recipient = Recipient(name=name, gender=gender, office=office, title=title)
    assert " / ".join(address_lines_for(recipient, language, register)) == expected


# Where the reference states a form for one rank that the generic office cannot name (FR "Procureur général",
# RU "Генеральный прокурор", DE "Generalstaatsanwalt", DE "Bundespräsident": protokoll-inland.de Anreden,
# "Sehr verehrter Herr Bundespräsident," … "Mit vorzüglicher Hochachtung"), the letter sets `salutation:`
# (and `closing:`); the French closing repeats the override.
@pytest.mark.parametrize(
    ("language", "office", "register", "salutation", "closing_override", "closing"),
    [
        ("fr", "prosecutor", "formal", "Monsieur le Procureur général,", None,
         "Je vous prie d'agréer, Monsieur le Procureur général, l'expression de mes sentiments respectueux."),
        ("ru", "prosecutor", "house", "Уважаемый господин Генеральный прокурор!", None, "С уважением,"),
        ("de", "prosecutor", "house", "Sehr geehrter Herr Generalstaatsanwalt,", None,
     "Mit freundlichen Grüßen"),
        ("de", "head_of_state", "formal", "Sehr verehrter Herr Bundespräsident,",
         "Mit vorzüglicher Hochachtung",
         "Mit vorzüglicher Hochachtung"),
    ],
)  # fmt: skip
def test_rank_named_through_the_override(
    language: str, office: str, register: str, salutation: str, closing_override: str | None, closing: str
) -> None:
    recipient = Recipient(
        name="Frank Walter", gender="male", office=office, salutation=salutation, closing=closing_override
    )
    assert salutation_for(recipient, language, register, "i") == salutation
    assert closing_for(recipient, language, register, "i") == closing
