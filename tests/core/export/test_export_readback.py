"""The exported letters as LibreOffice and Pandoc read them: every part, in docs/letter-format.md's order."""

from __future__ import annotations

import re
import zipfile

import pytest
from export_samples import DE_FRAME, EN_FRAME, FR_FRAME, IPHR, RU_FRAME, Samples
from readback import lines, soffice

needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")


@needs_soffice
def test_french_letter_reads_back_exactly_in_order(samples: Samples) -> None:
    assert lines(samples.texts["fr"]) == [
        "À l’attention de\u00a0:",  # typeset at export; FR_FRAME holds what was typed
        "Monsieur Kassym-Jomart Tokaïev, Président de la République du Kazakhstan",
        "Palais présidentiel Akorda",
        "010000 Astana, Kazakhstan",
        "Bruxelles, 30 octobre 2023",
        "Objet\u00a0: Votre visite d'État en France et la situation des défenseurs des droits humains",
        "Monsieur le Président,",
        "À la veille de votre visite d'État en France, nous souhaitons attirer votre attention sur la "
        "situation des défenseurs des droits humains au Kazakhstan, et en particulier sur trois dossiers "
        "qui nous préoccupent1.",
        "Nous vous demandons respectueusement\u00a0:",
        "1. de libérer sans condition les personnes détenues pour avoir exercé pacifiquement "
        "leurs droits\u202f;",
        "2. de garantir l'indépendance des avocats\u202f;",
        "3. de mettre fin aux poursuites contre les journalistes.",
        "Notre analyse complète est disponible sur notre site.",
        FR_FRAME.closing.replace("'", "’"),
        "Brigitte Dufour",
        "Directrice",
        f"{IPHR} (IPHR)",
        "Copie\u00a0:",
        "Monsieur Emmanuel Macron, Président de la République française",
    ]


def test_french_letter_in_pandoc_keeps_emphasis_list_link_and_footnote(samples: Samples) -> None:
    md = samples.markdown["fr"]
    assert "*défenseurs des droits humains*" in md
    assert "**trois dossiers**" in md
    assert re.search(r"^1\.\s+de libérer", md, re.M)
    assert re.search(r"^3\.\s+de mettre fin", md, re.M)
    assert "[notre site](https://www.iphronline.org/kazakhstan)" in md
    assert "préoccupent[^1]" in md
    assert re.search(
        r"^\[\^1\]: Voir le rapport conjoint \*Kazakhstan\u00a0: la répression continue\*", md, re.M
    )


@needs_soffice
def test_english_joint_letter_order_and_signatures(samples: Samples) -> None:
    got = lines(samples.texts["en"])
    expected_order = [
        *EN_FRAME.address_lines,
        EN_FRAME.date_line,
        "Subject: Human rights benchmarks for the EU–Tajikistan Cooperation Council",
        "Dear High Representative,",
        "We write, as a coalition of human rights organisations, ahead of the Cooperation Council1.",
        "We urge you to raise the following cases:",
        "the lawyer Buzurgmehr Yorov, sentenced to 28 years;",
        "the journalist Daler Imomali2;",
        "held since June 2022.",
        "Every detained lawyer is a message to all lawyers.",
        "More details in our report.",
        "Yours sincerely,",
        "Brigitte Dufour",
        "Director",
        IPHR,
        "Nigora Khidoyatova",
        "Chair",
        "Freedom Now Tashkent",
        "Anna Petrova",
        "Helsinki Group Dushanbe",
        "cc:",
        "Ms Maria Ionescu, EU Special Representative for Central Asia",
    ]
    # Bullets are rendered by LibreOffice with its own glyph; compare the text after it.
    got = [re.sub(r"^[•◦▪–-]\s*", "", line) for line in got]
    assert got == expected_order


def test_english_joint_letter_in_pandoc(samples: Samples) -> None:
    md = samples.markdown["en"]
    assert re.search(r"^-\s+the lawyer \*Buzurgmehr Yorov\*", md, re.M)
    assert re.search(r"^\s+-\s+held since June 2022\.", md, re.M), "nested bullet"
    assert "Cooperation Council[^1]." in md
    assert "**Daler Imomali**[^2]" in md
    assert re.search(r"^\[\^1\]: Meeting in Brussels on 21 March 2024\.", md, re.M)
    assert re.search(r"^> Every detained lawyer", md, re.M)
    assert "[our report](https://www.iphronline.org/tajikistan-2024)" in md
    assert "[the verdict](https://example.org/verdict)" in md  # a link inside the footnote
    # Three signatories side by side: one table row holding the three names.
    row = next(line for line in md.splitlines() if "Brigitte Dufour" in line)
    assert "Nigora Khidoyatova" in row and "Anna Petrova" in row


@needs_soffice
@pytest.mark.parametrize(
    ("name", "frame", "body_lines"),
    [
        (
            "ru",
            RU_FRAME,
            [
                "Мы обращаемся к Вам в связи с задержанием журналистов в Нукусе.",
                "1. Освободить задержанных.",
                "2. Обеспечить независимое расследование.",
            ],
        ),
        ("de", DE_FRAME, ["wir wenden uns an Sie wegen der Lage der Zivilgesellschaft in Turkmenistan."]),
    ],
)
def test_russian_and_german_letters_without_subject_label(
    samples: Samples, name: str, frame: object, body_lines: list[str]
) -> None:
    from iphr_desk.core.protocol.frame import Frame

    assert isinstance(frame, Frame)
    expected = [
        *frame.address_lines,
        frame.date_line,
        frame.subject,
        frame.salutation,
        *body_lines,
        frame.closing,
        *[line for block in frame.signatures for line in block.lines],
        *([frame.cc_label] if frame.cc_label and frame.cc_lines else []),
        *frame.cc_lines,
    ]
    assert lines(samples.texts[name]) == expected


def test_russian_emphasis_in_pandoc(samples: Samples) -> None:
    assert "*задержанием*" in samples.markdown["ru"]
    assert "**независимое**" in samples.markdown["ru"]


@needs_soffice
def test_batch_of_three_has_own_address_and_salutation(samples: Samples) -> None:
    names = [samples.paths[f"batch{i}"].name for i in range(3)]
    assert names == [
        "2024-03-14 von der Leyen - Release of detained lawyers a joint appeal.docx",
        "2024-03-14 Türk - Release of detained lawyers a joint appeal.docx",
        "2024-03-14 Lawlor - Release of detained lawyers a joint appeal.docx",
    ]
    firsts = [lines(samples.texts[f"batch{i}"])[:4] for i in range(3)]
    assert [f[0] for f in firsts] == ["Ursula von der Leyen", "Volker Türk", "Mary Lawlor"]
    assert [f[3] for f in firsts] == [
        "Dear President von der Leyen,",
        "Dear High Commissioner,",
        "Dear Special Rapporteur,",
    ]


@needs_soffice
def test_combined_batch_holds_every_letter_in_turn(samples: Samples) -> None:
    text = lines(samples.texts["combined"])
    starts = [text.index(name) for name in ("Ursula von der Leyen", "Volker Türk", "Mary Lawlor")]
    assert starts == sorted(starts)
    assert text.count("Yours sincerely,") == 3


def test_combined_batch_starts_each_letter_on_a_new_section_with_page_one(samples: Samples) -> None:
    with zipfile.ZipFile(samples.paths["combined"]) as archive:
        xml = archive.read("word/document.xml").decode()
    assert xml.count("<w:sectPr") == 3
    assert xml.count('<w:pgNumType w:start="1"/>') == 3
    assert xml.count("<w:titlePg/>") == 3  # the first-page letterhead again for each letter
    assert xml.count('<w:numRestart w:val="eachSect"/>') == 3  # footnotes count from 1 in each letter


@needs_soffice
def test_hostile_input_exports_and_keeps_emoji_and_rtl(samples: Samples) -> None:
    text = samples.texts["nasty"]
    assert "مرحبا بالعالم" in text and "שלום" in text
    assert "🕊️✊🏽👩‍⚖️" in text
    assert "Long Long" in text
    assert "<div>raw html</div>" in text  # raw HTML is shown, never silently dropped
    assert "Control and chars and  here." in text
    assert 'Bad chars & <xml> "quotes"' in text
    assert "XY" in lines(text)


def test_hostile_input_warns_about_removed_characters(samples: Samples) -> None:
    warnings = samples.warnings["nasty"]
    assert any("from the body" in w and "4 invisible control characters" in w for w in warnings), warnings
    assert any("from the letter's details" in w for w in warnings), warnings
    assert samples.warnings["fr"] == []


def test_every_exported_document_passes_the_word_schema_check(samples: Samples, validation: str) -> None:
    assert "INVALID" not in validation, validation
    for path in samples.paths.values():
        assert f"{path}: word/document.xml: valid" in validation
    assert f"{samples.paths['fr']}: word/footnotes.xml: valid" in validation
    assert f"{samples.paths['en']}: word/numbering.xml: valid" in validation


@needs_soffice
def test_letter_exported_from_its_file_form_follows_the_letter_format(samples: Samples) -> None:
    got = [line.replace("\u00a0", " ") for line in lines(samples.texts["letter_fr"])]
    assert got[:7] == [
        "À l’attention de :",
        "Monsieur Emmanuel Macron, Président de la République Française",
        "55 rue du Faubourg Saint-Honoré",
        "75008 Paris",
        "Bruxelles, 30 octobre 2023",
        "Objet : Questions relatives aux droits humains en vue de votre visite",
        "Monsieur le Président,",
    ]
    assert got[-6:] == [
        "Nous vous prions de recevoir, Monsieur le Président, l’expression de nos sentiments distingués.",
        "Brigitte Dufour",
        "Directrice",
        f"{IPHR} (IPHR)",
        "Copie :",
        "Ministère de l'Europe et des Affaires étrangères",
    ]


@needs_soffice
def test_batch_frames_computed_per_recipient(samples: Samples) -> None:
    texts = [lines(samples.texts[f"computed{i}"]) for i in range(3)]
    salutations = [next(line for line in text if line.startswith("Dear ")) for text in texts]
    assert len(set(salutations)) == 3, salutations
    assert [text[0] for text in texts] != [texts[0][0]] * 3, "each letter has its own address block"
    assert [text[-1] for text in texts] == [IPHR] * 3
