"""The address block as each language's table lays it out, and the Russian dative of real officials' names."""

from __future__ import annotations

from typing import cast

import pytest

from iphr_desk.core.letters.letter import Gender, Recipient
from iphr_desk.core.protocol.address import address_block_for
from iphr_desk.core.protocol.russian import dative_short_name, dative_title

# (language, office, gender, register, name, title, expected lines)
BLOCKS: list[tuple[str, str, str, str, str, str | None, tuple[str, ...]]] = [
    (
        "ru",
        "head_of_state",
        "male",
        "house",
        "Шавкат Мирзиёев",
        "Президент Республики Узбекистан",
        ("Президенту Республики Узбекистан", "Ш. Мирзиёеву"),
    ),
    (
        "ru",
        "head_of_state",
        "female",
        "formal",
        "Айгуль Аманкулова",
        "Президент Республики",
        ("Ее Превосходительству госпоже А. Аманкуловой, Президенту Республики",),
    ),
    (
        "ru",
        "head_of_state",
        "unspecified",
        "formal",
        "Касым-Жомарт Токаев",
        "Президент Республики Казахстан",
        # No honorific to lead (gender unspecified): GOST order, office first (resources/protocol/README).
        ("Президенту Республики Казахстан", "К.-Ж. Токаеву"),
    ),
    (
        "ru",
        "ambassador",
        "female",
        "house",
        "Малика Юсупова",
        "Посол Республики Узбекистан в Королевстве Бельгия",
        ("Послу Республики Узбекистан в Королевстве Бельгия", "М. Юсуповой"),
    ),
    (
        "ru",
        "minister",
        "male",
        "formal",
        "Сергей Лавров",
        "Министр иностранных дел Российской Федерации",
        ("Министру иностранных дел Российской Федерации", "господину С. Лаврову"),
    ),
    (
        "ru",
        "eu_high_representative",
        "female",
        "house",
        "Кая Каллас",
        "Высокий представитель Союза",
        ("Высокому представителю Союза", "К. Каллас"),
    ),
    (
        "ru",
        "prosecutor",
        "male",
        "house",
        "Асхат Бекенов",
        "Генеральный прокурор Республики Казахстан",
        ("Генеральному прокурору Республики Казахстан", "А. Бекенову"),
    ),
    (
        "ru",
        "monarch",
        "male",
        "house",
        "Филипп",
        "Король Бельгийцев",
        ("Его Величеству Филиппу, Королю Бельгийцев",),
    ),
    (
        "ru",
        "organisation",
        "unspecified",
        "house",
        "Министерство иностранных дел",
        None,
        ("Министерство иностранных дел",),
    ),
    (
        "de",
        "minister",
        "female",
        "house",
        "Annalena Baerbock",
        "Bundesministerin des Auswärtigen",
        ("Frau", "Annalena Baerbock", "Bundesministerin des Auswärtigen"),
    ),
    (
        "de",
        "head_of_state",
        "male",
        "formal",
        "Emmanuel Macron",
        "Präsident der Französischen Republik",
        # Reference §5/§7: after "Seiner Exzellenz" the office and "Herrn" are in the dative.
        ("Seiner Exzellenz", "dem Präsidenten der Französischen Republik", "Herrn Emmanuel Macron"),
    ),
    ("de", "official", "unspecified", "house", "Alex Weber", None, ("Alex Weber",)),
    (
        "en",
        "eu_high_representative",
        "female",
        "house",
        "Kaja Kallas",
        "High Representative of the Union",
        ("Ms Kaja Kallas", "High Representative of the Union"),
    ),
    (
        "en",
        "head_of_state",
        "male",
        "formal",
        "Kassym-Jomart Tokayev",
        "President of Kazakhstan",
        ("H.E. Mr Kassym-Jomart Tokayev", "President of Kazakhstan"),
    ),
    (
        "fr",
        "head_of_state",
        "male",
        "house",
        "Emmanuel Macron",
        "Président de la République française",
        ("Monsieur Emmanuel Macron, Président de la République française",),
    ),
]


@pytest.mark.parametrize(("language", "office", "gender", "register", "name", "title", "expected"), BLOCKS)
def test_address_block_layout(
    language: str,
    office: str,
    gender: str,
    register: str,
    name: str,
    title: str | None,
    expected: tuple[str, ...],
) -> None:
    recipient = Recipient(name=name, gender=cast(Gender, gender), office=office, title=title)
    assert address_block_for(recipient, language, register).lines == expected


def test_organisation_comes_first_in_russian_and_after_the_person_elsewhere() -> None:
    ru = Recipient(
        name="Малика Юсупова",
        gender="female",
        office="ambassador",
        title="Посол",
        organisation="Посольство Республики Узбекистан",
        address="Брюссель",
    )
    assert address_block_for(ru, "ru").lines == (
        "Посольство Республики Узбекистан",
        "Послу",
        "М. Юсуповой",
        "Брюссель",
    )
    de = Recipient(
        name="Annalena Baerbock",
        gender="female",
        office="minister",
        title="Bundesministerin",
        organisation="Auswärtiges Amt",
        address="Werderscher Markt 1\n10117 Berlin",
    )
    assert address_block_for(de, "de").lines == (
        "Frau",
        "Annalena Baerbock",
        "Bundesministerin",
        "Auswärtiges Amt",
        "Werderscher Markt 1",
        "10117 Berlin",
    )


def test_uncertain_forms_are_noted() -> None:
    guessed = Recipient(
        name="Шавкат Мирзиёев", office="head_of_state", title="Президент Республики Узбекистан"
    )
    assert any("guessed" in note for note in address_block_for(guessed, "ru").notes)
    latin = Recipient(name="Anna Petrova", gender="female", office="minister", title="Minister")
    assert address_block_for(latin, "ru").notes
    sure = Recipient(
        name="Шавкат Мирзиёев", gender="male", office="head_of_state", title="Президент Республики Узбекистан"
    )
    assert address_block_for(sure, "ru").notes == ()


# Officials of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan, Russia and the EU
# (and two invented women): the initials and surname in the dative.
NAMES: list[tuple[str, str, str, str]] = [
    ("Касым-Жомарт Токаев", "", "male", "К.-Ж. Токаеву"),
    ("Олжас Бектенов", "", "male", "О. Бектенову"),
    ("Мурат Нуртлеу", "", "male", "М. Нуртлеу"),
    ("Ерлан Карин", "", "male", "Е. Карину"),
    ("Аида Балаева", "", "female", "А. Балаевой"),
    ("Садыр Жапаров", "", "male", "С. Жапарову"),
    ("Адылбек Касымалиев", "", "male", "А. Касымалиеву"),
    ("Жээнбек Кулубаев", "", "male", "Ж. Кулубаеву"),
    ("Камчыбек Ташиев", "", "male", "К. Ташиеву"),
    ("Гульмира Асанбаева", "", "female", "Г. Асанбаевой"),
    ("Эмомали Рахмон", "", "male", "Э. Рахмону"),
    ("Кохир Расулзода", "", "male", "К. Расулзоде"),
    ("Сироджиддин Мухриддин", "", "male", "С. Мухриддину"),
    ("Рустами Эмомали", "", "male", "Р. Эмомали"),
    ("Сердар Бердымухамедов", "", "male", "С. Бердымухамедову"),
    ("Гурбангулы Бердымухамедов", "", "male", "Г. Бердымухамедову"),
    ("Рашид Мередов", "", "male", "Р. Мередову"),
    ("Гульшат Мамедова", "", "female", "Г. Мамедовой"),
    ("Шавкат Мирзиёев", "", "male", "Ш. Мирзиёеву"),
    ("Шавкат Миромонович Мирзиёев", "", "male", "Ш.М. Мирзиёеву"),
    ("Абдулла Арипов", "", "male", "А. Арипову"),
    ("Бахтиёр Саидов", "", "male", "Б. Саидову"),
    ("Танзила Нарбаева", "", "female", "Т. Нарбаевой"),
    ("Саида Мирзиёева", "", "female", "С. Мирзиёевой"),
    ("Малика Юсупова", "", "female", "М. Юсуповой"),
    ("Айгуль Аманкулова", "", "female", "А. Аманкуловой"),
    ("Владимир Путин", "", "male", "В. Путину"),
    ("Михаил Мишустин", "", "male", "М. Мишустину"),
    ("Сергей Лавров", "", "male", "С. Лаврову"),
    ("Мария Захарова", "", "female", "М. Захаровой"),
    ("Валентина Матвиенко", "", "female", "В. Матвиенко"),
    ("Татьяна Москалькова", "", "female", "Т. Москальковой"),
    ("Игорь Краснов", "", "male", "И. Краснову"),
    ("Урсула фон дер Ляйен", "фон дер Ляйен", "female", "У. фон дер Ляйен"),
    ("Урсула фон дер Ляйен", "", "female", "У. фон дер Ляйен"),
    ("Кая Каллас", "", "female", "К. Каллас"),
    ("Антониу Кошта", "", "male", "А. Коште"),
    ("Роберта Мецола", "", "female", "Р. Мецоле"),
    ("Жозеп Боррель", "", "male", "Ж. Боррелю"),
    ("Фолькер Тюрк", "", "male", "Ф. Тюрку"),
    ("Антониу Гутерреш", "", "male", "А. Гутеррешу"),
    ("Айгуль Рахмон", "", "female", "А. Рахмон"),
]


@pytest.mark.parametrize(("name", "surname", "gender", "expected"), NAMES)
def test_dative_short_name(name: str, surname: str, gender: str, expected: str) -> None:
    surname = surname or name.split()[-1]
    assert dative_short_name(name, surname, gender).text == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Президент Республики Узбекистан", "Президенту Республики Узбекистан"),
        (
            "Чрезвычайный и Полномочный Посол Республики Казахстан",
            "Чрезвычайному и Полномочному Послу Республики Казахстан",
        ),
        ("Премьер-министр Кыргызской Республики", "Премьер-министру Кыргызской Республики"),
        ("Генеральный секретарь ООН", "Генеральному секретарю ООН"),
        ("Судья Верховного суда", "Судье Верховного суда"),
        ("Верховный комиссар ООН по правам человека", "Верховному комиссару ООН по правам человека"),
    ],
)
def test_dative_title_changes_only_the_head_phrase(title: str, expected: str) -> None:
    declined = dative_title(title)
    assert (declined.text, declined.notes) == (expected, ())


def test_a_lone_surrogate_in_a_russian_title_or_name_is_left_as_written() -> None:
    """Found by test_export_fuzz: the dictionaries encode words as UTF-8 and raised on '\\ud800'."""
    from iphr_desk.core.protocol import russian

    assert russian.dative_title("\ud800").text == "\ud800"
    assert russian.dative_title("Посол \ud800").text.startswith("Послу")
    assert (
        "\ud800"
        in russian.dative_short_name("Иван\ud800 Петров", "", "male").text
        + russian.dative_full_name("Иван\ud800 Петров", "", "male").text
    )
