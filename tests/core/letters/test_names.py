"""The surname found in a name: particles kept, patronymics left out, Spanish double surnames."""

from __future__ import annotations

import pytest

from iphr_desk.core.letters.letter import Recipient
from iphr_desk.core.letters.names import SurnameGuess, surname_of
from iphr_desk.core.protocol.address import salutation_for

#: (name as written, letter language, surname, ambiguous): officials our letters go to.
NAMES = [
    # EU
    ("Ursula von der Leyen", "en", "von der Leyen", False),
    ("Josep Borrell Fontelles", "en", "Borrell", False),
    ("Kaja Kallas", "en", "Kallas", False),
    ("Roberta Metsola", "en", "Metsola", False),
    ("Antonio Costa", "en", "Costa", False),
    # UN
    ("António Guterres", "en", "Guterres", False),
    ("Volker Türk", "en", "Türk", False),
    ("Dunja Mijatović", "en", "Mijatović", False),
    # Central Asia and the Caucasus
    ("Kassym-Jomart Tokayev", "ru", "Tokayev", False),
    ("Tokayev Kassym-Jomart Kemeluly", "ru", "Tokayev", False),
    ("Kassym-Jomart Kemeluly Tokayev", "en", "Tokayev", False),
    ("Shavkat Mirziyoyev", "en", "Mirziyoyev", False),
    ("Mirziyoyev Shavkat Miromon o'g'li", "en", "Mirziyoyev", False),
    ("Emomali Rahmon", "en", "Rahmon", False),
    ("Sadyr Japarov", "en", "Japarov", False),
    ("Sadyr Nurgojo uulu Japarov", "en", "Japarov", False),
    ("Serdar Berdimuhamedow", "en", "Berdimuhamedow", False),
    ("Gurbanguly Berdimuhamedow", "en", "Berdimuhamedow", False),
    ("Ilham Heydar oglu Aliyev", "en", "Aliyev", False),
    # Russian
    ("Сергей Лавров", "ru", "Лавров", False),
    ("Лавров Сергей Викторович", "ru", "Лавров", False),
    ("Жапаров Садыр Нургожоевич", "ru", "Жапаров", False),
    ("Урсула фон дер Ляйен", "ru", "фон дер Ляйен", False),
    ("Мария Захарова", "ru", "Захарова", False),
    # German
    ("Frank-Walter Steinmeier", "de", "Steinmeier", False),
    ("Annalena Baerbock", "de", "Baerbock", False),
    ("Annegret Kramp-Karrenbauer", "de", "Kramp-Karrenbauer", False),
    ("Karl-Theodor zu Guttenberg", "de", "zu Guttenberg", False),
    ("Olaf Scholz", "de", "Scholz", False),
    # French
    ("Charles de Gaulle", "fr", "de Gaulle", False),
    ("Jean-Yves Le Drian", "fr", "Le Drian", False),
    ("Dominique de Villepin", "fr", "de Villepin", False),
    ("Emmanuel Macron", "fr", "Macron", False),
    # Spanish
    ("Pedro Sánchez Pérez-Castejón", "en", "Sánchez", False),
    ("José Luis Rodríguez Zapatero", "en", "Rodríguez", False),
    # Dutch
    ("Mark Rutte", "en", "Rutte", False),
    ("Hans van den Broek", "en", "van den Broek", False),
    ("Dick Schoof", "en", "Schoof", False),
    # Arabic
    ("Hassan al-Turabi", "en", "al-Turabi", False),
    # More than two words, no particle, no rule: the last word, marked for the user to check
    ("John Fitzgerald Kennedy", "en", "Kennedy", True),
    ("Recep Tayyip Erdoğan", "en", "Erdoğan", True),
    ("Michelle Bachelet Jeria", "en", "Jeria", True),
    # A given name and a patronymic and no surname: nothing to find
    ("Nursultan Abish uly", "en", "Nursultan", True),
]


@pytest.mark.parametrize(("name", "language", "surname", "ambiguous"), NAMES)
def test_surname_of_real_names(name: str, language: str, surname: str, ambiguous: bool) -> None:
    assert surname_of(name, language) == SurnameGuess(surname, ambiguous)


def test_the_table_covers_thirty_names() -> None:
    assert len(NAMES) >= 30


def test_an_empty_name_has_no_surname() -> None:
    assert surname_of("   ", "en") == SurnameGuess("", False)


def test_recipient_default_surname_keeps_the_particles() -> None:
    assert Recipient(name="Ursula von der Leyen").effective_surname == "von der Leyen"
    assert Recipient(name="Josep Borrell Fontelles").effective_surname == "Borrell"


def test_the_override_still_wins() -> None:
    recipient = Recipient(name="Ursula von der Leyen", surname="Leyen")
    assert recipient.effective_surname == "Leyen"
    assert Recipient(name="John Fitzgerald Kennedy", surname="Fitzgerald Kennedy").effective_surname == (
        "Fitzgerald Kennedy"
    )


def test_salutation_uses_the_surname_found() -> None:
    recipient = Recipient(name="Ursula von der Leyen", gender="female", office="eu_president")
    assert salutation_for(recipient, "en") == "Dear President von der Leyen,"
