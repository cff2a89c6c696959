<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>BodyEditor</name>
        <message numerus="yes">
            <source>%n word(s)</source>
            <translation>
                <numerusform>%n word</numerusform>
                <numerusform>%n words</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CaseActions</name>
        <message numerus="yes">
            <source>Delete %n case(s) with their people and events? Letters keep their case reference.</source>
            <extracomment>Show this case in the case view (after it was created or edited). Views to read again (a `Changes`).</extracomment>
            <translation>
                <numerusform>Delete %n case with their people and events? Letters keep their case reference.</numerusform>
                <numerusform>Delete %n cases with their people and events? Letters keep their case reference.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CompareView</name>
        <message numerus="yes">
            <source>%n header field(s) changed</source>
            <translation>
                <numerusform>%n header field changed</numerusform>
                <numerusform>%n header fields changed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n paragraph(s) moved</source>
            <translation>
                <numerusform>%n paragraph moved</numerusform>
                <numerusform>%n paragraphs moved</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n word(s) deleted</source>
            <translation>
                <numerusform>%n word deleted</numerusform>
                <numerusform>%n words deleted</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n word(s) inserted</source>
            <translation>
                <numerusform>%n word inserted</numerusform>
                <numerusform>%n words inserted</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message numerus="yes">
            <source>%n file(s) written to %1.</source>
            <translation>
                <numerusform>%n file written to %1.</numerusform>
                <numerusform>%n files written to %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Export cancelled. %n file(s) had been written before.</source>
            <translation>
                <numerusform>Export cancelled. %n file had been written before.</numerusform>
                <numerusform>Export cancelled. %n files had been written before.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message numerus="yes">
            <source>%n letter(s) to export.</source>
            <translation>
                <numerusform>%n letter to export.</numerusform>
                <numerusform>%n letters to export.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LetterActions</name>
        <message numerus="yes">
            <source>Delete the %n letter(s) in the trash for good, with their revisions and comments? This cannot be undone.</source>
            <translation>
                <numerusform>Delete the %n letter in the trash for good, with their revisions and comments? This cannot be undone.</numerusform>
                <numerusform>Delete the %n letters in the trash for good, with their revisions and comments? This cannot be undone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Move %n letter(s) to the trash?</source>
            <translation>
                <numerusform>Move %n letter to the trash?</numerusform>
                <numerusform>Move %n letters to the trash?</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ListPage</name>
        <message numerus="yes">
            <source>%Ln row(s)</source>
            <extracomment>True when the user's own column widths were restored (window_layout.py): then left alone.</extracomment>
            <translation>
                <numerusform>%Ln row</numerusform>
                <numerusform>%Ln rows</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PackageActions</name>
        <message numerus="yes">
            <source>%n case(s) added</source>
            <translation>
                <numerusform>%n case added</numerusform>
                <numerusform>%n cases added</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n letter(s) added</source>
            <translation>
                <numerusform>%n letter added</numerusform>
                <numerusform>%n letters added</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n letter(s) written to %1. Give the passphrase separately.</source>
            <translation>
                <numerusform>%n letter written to %1. Give the passphrase separately.</numerusform>
                <numerusform>%n letters written to %1. Give the passphrase separately.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n updated</source>
            <translation>
                <numerusform>%n updated</numerusform>
                <numerusform>%n updated</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Nothing new: the %n letter(s) of the package were already here.</source>
            <translation>
                <numerusform>Nothing new: the %n letter of the package were already here.</numerusform>
                <numerusform>Nothing new: the %n letters of the package were already here.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReviewImportDialog</name>
        <message numerus="yes">
            <source>%n change(s) to the head or foot of the letter (kept as the recipient's overrides).</source>
            <translation>
                <numerusform>%n change to the head or foot of the letter (kept as the recipient's overrides).</numerusform>
                <numerusform>%n changes to the head or foot of the letter (kept as the recipient's overrides).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n comment(s)</source>
            <translation>
                <numerusform>%n comment</numerusform>
                <numerusform>%n comments</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n paragraph(s) changed both in the app and in the copy: both texts are kept and flagged.</source>
            <translation>
                <numerusform>%n paragraph changed both in the app and in the copy: both texts are kept and flagged.</numerusform>
                <numerusform>%n paragraphs changed both in the app and in the copy: both texts are kept and flagged.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n tracked change(s)</source>
            <translation>
                <numerusform>%n tracked change</numerusform>
                <numerusform>%n tracked changes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TrashPage</name>
        <message numerus="yes">
            <source>%n letter(s) restored</source>
            <translation>
                <numerusform>%n letter restored</numerusform>
                <numerusform>%n letters restored</numerusform>
            </translation>
        </message>
    </context>
</TS>
