<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
    <context>
        <name>Actions</name>
        <message>
            <source>&amp;About IPHR Desk</source>
            <translation>À &amp;propos d'IPHR Desk</translation>
        </message>
        <message>
            <source>&amp;Backups…</source>
            <translation>&amp;Sauvegardes…</translation>
        </message>
        <message>
            <source>&amp;Case</source>
            <translation>&amp;Cas</translation>
        </message>
        <message>
            <source>&amp;Cases</source>
            <translation>&amp;Cas</translation>
        </message>
        <message>
            <source>&amp;Close Tab</source>
            <translation>&amp;Fermer l'onglet</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copier</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>É&amp;dition</translation>
        </message>
        <message>
            <source>&amp;Edit Case…</source>
            <translation>&amp;Modifier le cas…</translation>
        </message>
        <message>
            <source>&amp;Encrypt Data…</source>
            <translation>&amp;Chiffrer les données…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Exporter…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>&amp;Rechercher…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Aid&amp;e</translation>
        </message>
        <message>
            <source>&amp;Import Letter File…</source>
            <translation>&amp;Importer un fichier de lettre…</translation>
        </message>
        <message>
            <source>&amp;Letter</source>
            <translation>&amp;Lettre</translation>
        </message>
        <message>
            <source>&amp;Letters</source>
            <translation>&amp;Lettres</translation>
        </message>
        <message>
            <source>&amp;New Letter</source>
            <translation>&amp;Nouvelle lettre</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Ouvrir</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>C&amp;oller</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>&amp;Préférences…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Recipients</source>
            <translation>Des&amp;tinataires</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>Actualise&amp;r</translation>
        </message>
        <message>
            <source>&amp;Signatories</source>
            <translation>&amp;Signataires</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>&amp;Outils</translation>
        </message>
        <message>
            <source>&amp;Trash</source>
            <translation>C&amp;orbeille</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>À propos de &amp;Qt</translation>
        </message>
        <message>
            <source>Change &amp;Passphrase…</source>
            <translation>Changer la &amp;phrase secrète…</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>Co&amp;uper</translation>
        </message>
        <message>
            <source>Export the selected letters as Word documents</source>
            <translation>Exporter les lettres sélectionnées en documents Word</translation>
        </message>
        <message>
            <source>F&amp;ormat</source>
            <extracomment>Filled with the current letter body's formatting actions (format_menu.py).</extracomment>
            <translation>F&amp;ormat</translation>
        </message>
        <message>
            <source>Go to Letter &amp;Body</source>
            <translation>Aller au &amp;texte de la lettre</translation>
        </message>
        <message>
            <source>Go to Letter &amp;Header</source>
            <translation>Aller aux &amp;détails de la lettre</translation>
        </message>
        <message>
            <source>Letter Side &amp;Panel</source>
            <translation>&amp;Panneau latéral de la lettre</translation>
        </message>
        <message>
            <source>Letter&amp;heads</source>
            <translation>&amp;En-têtes</translation>
        </message>
        <message>
            <source>List, create and restore backups of your data</source>
            <translation>Lister, créer et restaurer les sauvegardes de vos données</translation>
        </message>
        <message>
            <source>Load &amp;Demo Data</source>
            <translation>Charger les données de &amp;démonstration</translation>
        </message>
        <message>
            <source>Move to &amp;Trash</source>
            <translation>Mettre à la &amp;corbeille</translation>
        </message>
        <message>
            <source>Ne&amp;xt Tab</source>
            <translation>Onglet suiva&amp;nt</translation>
        </message>
        <message>
            <source>New &amp;Case…</source>
            <translation>Nouveau &amp;cas…</translation>
        </message>
        <message>
            <source>New &amp;Letter from This Case</source>
            <translation>Nouvelle &amp;lettre sur ce cas</translation>
        </message>
        <message>
            <source>Open Data &amp;Folder</source>
            <translation>Ouvrir le d&amp;ossier de données</translation>
        </message>
        <message>
            <source>Open the selected letter in the editor</source>
            <translation>Ouvrir la lettre sélectionnée dans l'éditeur</translation>
        </message>
        <message>
            <source>Pre&amp;vious Tab</source>
            <translation>Onglet &amp;précédent</translation>
        </message>
        <message>
            <source>Protect the data folder with a passphrase</source>
            <translation>Protéger le dossier de données par une phrase secrète</translation>
        </message>
        <message>
            <source>Put the keyboard in the letter's first header field</source>
            <translation>Placer le curseur dans le premier champ des détails de la lettre</translation>
        </message>
        <message>
            <source>Put the keyboard in the letter's text</source>
            <translation>Placer le curseur dans le texte de la lettre</translation>
        </message>
        <message>
            <source>Record a new case</source>
            <translation>Enregistrer un nouveau cas</translation>
        </message>
        <message>
            <source>Search letters and cases</source>
            <translation>Rechercher dans les lettres et les cas</translation>
        </message>
        <message>
            <source>Select &amp;All</source>
            <translation>&amp;Tout sélectionner</translation>
        </message>
        <message>
            <source>Show or hide the preview, cases, review and revisions beside the letter</source>
            <translation>Afficher ou masquer l'aperçu, les cas, la relecture et les révisions à côté de la lettre</translation>
        </message>
        <message>
            <source>Start a letter about the selected case</source>
            <translation>Commencer une lettre sur le cas sélectionné</translation>
        </message>
        <message>
            <source>Start a new letter</source>
            <translation>Commencer une nouvelle lettre</translation>
        </message>
        <message>
            <source>Store a letter written as a Markdown letter file</source>
            <translation>Enregistrer une lettre rédigée dans un fichier de lettre Markdown</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Cannot Open Your Data</source>
            <translation>Impossible d'ouvrir vos données</translation>
        </message>
        <message>
            <source>Damaged Database</source>
            <translation>Base de données endommagée</translation>
        </message>
        <message>
            <source>IPHR Desk</source>
            <translation>IPHR Desk</translation>
        </message>
        <message>
            <source>Newer Data</source>
            <translation>Données plus récentes</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Phrase secrète</translation>
        </message>
        <message>
            <source>Something went wrong while opening your data.</source>
            <translation>Une erreur s'est produite à l'ouverture de vos données.</translation>
        </message>
        <message>
            <source>That passphrase is not right. Try again:</source>
            <translation>Cette phrase secrète est incorrecte. Réessayez :</translation>
        </message>
        <message>
            <source>This data folder is encrypted. Enter its passphrase:</source>
            <translation>Ce dossier de données est chiffré. Saisissez sa phrase secrète :</translation>
        </message>
        <message>
            <source>This data was written by a newer version of IPHR Desk. Install the newer version to open it; nothing was changed.</source>
            <translation>Ces données ont été écrites par une version plus récente d'IPHR Desk. Installez cette version pour les ouvrir ; rien n'a été modifié.</translation>
        </message>
        <message>
            <source>Your database file is missing or empty, but there are backups. Restore the newest good backup, from %1? Nothing else is changed.</source>
            <translation>Le fichier de votre base de données est absent ou vide, mais il existe des sauvegardes. Restaurer la sauvegarde intacte la plus récente, du %1 ? Rien d'autre n'est modifié.</translation>
        </message>
        <message>
            <source>Your database is damaged and there is no good backup to restore.</source>
            <translation>Votre base de données est endommagée et aucune sauvegarde intacte ne peut être restaurée.</translation>
        </message>
        <message>
            <source>Your database is damaged. Restore the newest good backup, from %1? The damaged file is kept aside, not deleted.</source>
            <translation>Votre base de données est endommagée. Restaurer la sauvegarde intacte la plus récente, du %1 ? Le fichier endommagé est mis de côté, pas supprimé.</translation>
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <source>&amp;Create Backup Now</source>
            <translation>&amp;Créer une sauvegarde maintenant</translation>
        </message>
        <message>
            <source>&amp;Restore…</source>
            <translation>&amp;Restaurer…</translation>
        </message>
        <message>
            <source>Backup %1 is now your data.</source>
            <translation>La sauvegarde %1 constitue désormais vos données.</translation>
        </message>
        <message>
            <source>Backup Failed</source>
            <translation>Échec de la sauvegarde</translation>
        </message>
        <message>
            <source>Backup Restored</source>
            <translation>Sauvegarde restaurée</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Sauvegardes</translation>
        </message>
        <message>
            <source>Before an upgrade</source>
            <translation>Avant une mise à jour</translation>
        </message>
        <message>
            <source>Daily</source>
            <translation>Quotidienne</translation>
        </message>
        <message>
            <source>IPHR Desk keeps a copy of your data at the first start of each day and before every upgrade. Restoring a backup keeps the current file aside; nothing is deleted.</source>
            <translation>IPHR Desk garde une copie de vos données au premier démarrage de chaque jour et avant chaque mise à jour. La restauration d'une sauvegarde met le fichier actuel de côté ; rien n'est supprimé.</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>Créée le</translation>
        </message>
        <message>
            <source>Made by you</source>
            <translation>Faite par vous</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>N°</translation>
        </message>
        <message>
            <source>Open &amp;Folder</source>
            <translation>Ouvrir le &amp;dossier</translation>
        </message>
        <message>
            <source>Replace your current data with backup %1? Your current data file is kept aside, not deleted.</source>
            <translation>Remplacer vos données actuelles par la sauvegarde %1 ? Votre fichier de données actuel est mis de côté, pas supprimé.</translation>
        </message>
        <message>
            <source>Restore Backup</source>
            <translation>Restaurer la sauvegarde</translation>
        </message>
        <message>
            <source>Restore Failed</source>
            <translation>Échec de la restauration</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <source>The backup could not be made.</source>
            <translation>La sauvegarde n'a pas pu être créée.</translation>
        </message>
        <message>
            <source>The backup could not be restored.</source>
            <translation>La sauvegarde n'a pas pu être restaurée.</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Motif</translation>
        </message>
    </context>
    <context>
        <name>BodyEditor</name>
        <message numerus="yes">
            <source>%n word(s)</source>
            <translation>
                <numerusform>%n mot</numerusform>
                <numerusform>%n mots</numerusform>
            </translation>
        </message>
        <message>
            <source>1. List</source>
            <translation>1. Liste</translation>
        </message>
        <message>
            <source>Address (URL):</source>
            <translation>Adresse (URL) :</translation>
        </message>
        <message>
            <source>B</source>
            <comment>Bold button</comment>
            <translation>G</translation>
        </message>
        <message>
            <source>Bold</source>
            <translation>Gras</translation>
        </message>
        <message>
            <source>Footnote</source>
            <translation>Note de bas de page</translation>
        </message>
        <message>
            <source>Footnote text:</source>
            <translation>Texte de la note :</translation>
        </message>
        <message>
            <source>Footnote…</source>
            <translation>Note de bas de page…</translation>
        </message>
        <message>
            <source>Formatting</source>
            <translation>Mise en forme</translation>
        </message>
        <message>
            <source>I</source>
            <comment>Italic button</comment>
            <translation>I</translation>
        </message>
        <message>
            <source>Italic</source>
            <translation>Italique</translation>
        </message>
        <message>
            <source>Letter body</source>
            <translation>Corps de la lettre</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Lien</translation>
        </message>
        <message>
            <source>Link…</source>
            <translation>Lien…</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Citation</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Rétablir</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Word count</source>
            <translation>Nombre de mots</translation>
        </message>
        <message>
            <source>• List</source>
            <translation>• Liste</translation>
        </message>
    </context>
    <context>
        <name>CaseActions</name>
        <message>
            <source>Could Not Delete</source>
            <translation>Suppression impossible</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n case(s) with their people and events? Letters keep their case reference.</source>
            <extracomment>Show this case in the case view (after it was created or edited). Views to read again (a `Changes`).</extracomment>
            <translation>
                <numerusform>Supprimer %n cas avec ses personnes et ses événements ? Les lettres gardent leur référence de cas.</numerusform>
                <numerusform>Supprimer %n cas avec leurs personnes et leurs événements ? Les lettres gardent leur référence de cas.</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete Cases</source>
            <translation>Supprimer des cas</translation>
        </message>
    </context>
    <context>
        <name>CaseDialog</name>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Ajouter</translation>
        </message>
        <message>
            <source>&amp;Country:</source>
            <translation>&amp;Pays :</translation>
        </message>
        <message>
            <source>&amp;Reference:</source>
            <translation>&amp;Référence :</translation>
        </message>
        <message>
            <source>&amp;Status:</source>
            <translation>&amp;Statut :</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>&amp;Titre :</translation>
        </message>
        <message>
            <source>Add to %1</source>
            <translation>Ajouter à %1</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>En danger</translation>
        </message>
        <message>
            <source>Comma-separated, e.g. freedom of expression, fair trial</source>
            <translation>Séparés par des virgules, p. ex. liberté d'expression, procès équitable</translation>
        </message>
        <message>
            <source>country</source>
            <translation>pays</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>e.g. KZ-2022-003</source>
            <translation>p. ex. KZ-2022-003</translation>
        </message>
        <message>
            <source>Edit Case</source>
            <translation>Modifier le cas</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Événement</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>New Case</source>
            <translation>Nouveau cas</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Personnes</translation>
        </message>
        <message>
            <source>Please fill in: %1.</source>
            <translation>Veuillez remplir : %1.</translation>
        </message>
        <message>
            <source>Re&amp;gion:</source>
            <translation>Ré&amp;gion :</translation>
        </message>
        <message>
            <source>reference</source>
            <translation>référence</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Retirer</translation>
        </message>
        <message>
            <source>Remove from %1</source>
            <translation>Retirer de %1</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <source>S&amp;ummary:</source>
            <translation>Rés&amp;umé :</translation>
        </message>
        <message>
            <source>Situation</source>
            <translation>Situation</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>T&amp;hemes:</source>
            <translation>T&amp;hèmes :</translation>
        </message>
        <message>
            <source>The case could not be saved.</source>
            <translation>Le cas n'a pas pu être enregistré.</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Chronologie</translation>
        </message>
        <message>
            <source>title</source>
            <translation>titre</translation>
        </message>
    </context>
    <context>
        <name>CasePanel</name>
        <message>
            <source> — at risk</source>
            <translation> — en danger</translation>
        </message>
        <message>
            <source>%1 (not found)</source>
            <translation>%1 (introuvable)</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>Événements</translation>
        </message>
        <message>
            <source>Insert into letter</source>
            <translation>Insérer dans la lettre</translation>
        </message>
        <message>
            <source>Linked cases</source>
            <translation>Cas liés</translation>
        </message>
        <message>
            <source>No linked cases. Add case references in the header.</source>
            <translation>Aucun cas lié. Ajoutez des références de cas dans l'en-tête.</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Personnes</translation>
        </message>
    </context>
    <context>
        <name>CaseTableModel</name>
        <message>
            <source>All countries</source>
            <translation>Tous les pays</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Tous les statuts</translation>
        </message>
        <message>
            <source>All themes</source>
            <translation>Tous les thèmes</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>En danger</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>Pays</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Lettres</translation>
        </message>
        <message>
            <source>People at risk in this case</source>
            <translation>Personnes en danger dans ce cas</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Thème</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <source>At risk</source>
            <translation>En danger</translation>
        </message>
        <message>
            <source>Case details</source>
            <extracomment>Object name of labels that show the user's data (never translated), as opposed to the interface's words.</extracomment>
            <translation>Détails du cas</translation>
        </message>
        <message>
            <source>Click the address to copy it; nothing is fetched.</source>
            <translation>Cliquez sur l'adresse pour la copier ; rien n'est téléchargé.</translation>
        </message>
        <message>
            <source>Country:</source>
            <translation>Pays :</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Double-click or press Enter to open</source>
            <translation>Double-cliquez ou appuyez sur Entrée pour ouvrir</translation>
        </message>
        <message>
            <source>Edit Case…</source>
            <translation>Modifier le cas…</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Lettres</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>New Letter from This Case</source>
            <translation>Nouvelle lettre sur ce cas</translation>
        </message>
        <message>
            <source>No events recorded.</source>
            <translation>Aucun événement enregistré.</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Personnes</translation>
        </message>
        <message>
            <source>Reference:</source>
            <translation>Référence :</translation>
        </message>
        <message>
            <source>Region:</source>
            <translation>Région :</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <source>Select a case to see its people, events and letters.</source>
            <translation>Sélectionnez un cas pour voir ses personnes, ses événements et ses lettres.</translation>
        </message>
        <message>
            <source>Situation</source>
            <translation>Situation</translation>
        </message>
        <message>
            <source>Source address copied: %1</source>
            <translation>Adresse de la source copiée : %1</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Statut :</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Objet</translation>
        </message>
        <message>
            <source>Summary:</source>
            <translation>Résumé :</translation>
        </message>
        <message>
            <source>Themes:</source>
            <translation>Thèmes :</translation>
        </message>
        <message>
            <source>This person is at risk</source>
            <translation>Cette personne est en danger</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Chronologie</translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message>
            <source>Compare Versions</source>
            <translation>Comparer des versions</translation>
        </message>
    </context>
    <context>
        <name>CompareView</name>
        <message numerus="yes">
            <source>%n header field(s) changed</source>
            <translation>
                <numerusform>%n champ d'en-tête modifié</numerusform>
                <numerusform>%n champs d'en-tête modifiés</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n paragraph(s) moved</source>
            <translation>
                <numerusform>%n paragraphe déplacé</numerusform>
                <numerusform>%n paragraphes déplacés</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n word(s) deleted</source>
            <translation>
                <numerusform>%n mot supprimé</numerusform>
                <numerusform>%n mots supprimés</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n word(s) inserted</source>
            <translation>
                <numerusform>%n mot inséré</numerusform>
                <numerusform>%n mots insérés</numerusform>
            </translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(vide)</translation>
        </message>
        <message>
            <source>&lt;b&gt;From:&lt;/b&gt; %1&lt;br/&gt;&lt;b&gt;To:&lt;/b&gt; %2</source>
            <translation>&lt;b&gt;De :&lt;/b&gt; %1&lt;br/&gt;&lt;b&gt;À :&lt;/b&gt; %2</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <source>Address (dative)</source>
            <translation>Adresse (datif)</translation>
        </message>
        <message>
            <source>After</source>
            <translation>Après</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Avant</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Cas</translation>
        </message>
        <message>
            <source>Changed on both sides</source>
            <translation>Modifié des deux côtés</translation>
        </message>
        <message>
            <source>Closing</source>
            <translation>Formule de politesse</translation>
        </message>
        <message>
            <source>Copies (cc)</source>
            <translation>Copies (cc)</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Supprimé</translation>
        </message>
        <message>
            <source>Differences between the letter files</source>
            <translation>Différences entre les fichiers de lettre</translation>
        </message>
        <message>
            <source>Differences between the versions</source>
            <translation>Différences entre les versions</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Champ</translation>
        </message>
        <message>
            <source>Footnotes</source>
            <translation>Notes de bas de page</translation>
        </message>
        <message>
            <source>Formal (protocol)</source>
            <translation>Formel (protocole)</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>Genre</translation>
        </message>
        <message>
            <source>Header</source>
            <translation>En-tête</translation>
        </message>
        <message>
            <source>House style</source>
            <translation>Style maison</translation>
        </message>
        <message>
            <source>I (the signatory)</source>
            <translation>Je (le signataire)</translation>
        </message>
        <message>
            <source>Inserted</source>
            <translation>Inséré</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Lettre</translation>
        </message>
        <message>
            <source>Letterhead</source>
            <translation>En-tête</translation>
        </message>
        <message>
            <source>Moved</source>
            <translation>Déplacé</translation>
        </message>
        <message>
            <source>Moved from here</source>
            <translation>Déplacé d'ici</translation>
        </message>
        <message>
            <source>Moved here</source>
            <translation>Déplacé ici</translation>
        </message>
        <message>
            <source>No differences: the two versions read the same.</source>
            <translation>Aucune différence : les deux versions sont identiques.</translation>
        </message>
        <message>
            <source>Office</source>
            <translation>Fonction</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Lieu</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Destinataire</translation>
        </message>
        <message>
            <source>Recipient %1: %2</source>
            <translation>Destinataire %1 : %2</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>Registre</translation>
        </message>
        <message>
            <source>Salutation</source>
            <translation>Formule d'appel</translation>
        </message>
        <message>
            <source>Show source</source>
            <translation>Afficher la source</translation>
        </message>
        <message>
            <source>Show the letter files' text (front matter and Markdown) line by line</source>
            <translation>Afficher le texte des fichiers de lettre (en-tête YAML et Markdown) ligne par ligne</translation>
        </message>
        <message>
            <source>Side by side</source>
            <translation>Côte à côte</translation>
        </message>
        <message>
            <source>Signatories</source>
            <translation>Signataires</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Objet</translation>
        </message>
        <message>
            <source>Surname</source>
            <translation>Nom de famille</translation>
        </message>
        <message>
            <source>The two letter files are identical.</source>
            <translation>Les deux fichiers de lettre sont identiques.</translation>
        </message>
        <message>
            <source>This version cannot be shown as text (%1); here is its source.</source>
            <translation>Cette version ne peut pas être affichée comme texte (%1) ; voici sa source.</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>Voice</source>
            <translation>Au nom de</translation>
        </message>
        <message>
            <source>We (the organisation)</source>
            <translation>Nous (l'organisation)</translation>
        </message>
    </context>
    <context>
        <name>CoreMessages</name>
        <message>
            <source>%1 is a folder; give a file name such as %2.</source>
            <translation>%1 est un dossier ; indiquez un nom de fichier, par exemple %2.</translation>
        </message>
        <message>
            <source>%1 is not a folder.</source>
            <translation>%1 n'est pas un dossier.</translation>
        </message>
        <message>
            <source>Cannot create the data folder %1: %2.</source>
            <translation>Impossible de créer le dossier de données %1 : %2.</translation>
        </message>
        <message>
            <source>Cannot write in %1: %2.</source>
            <translation>Impossible d'écrire dans %1 : %2.</translation>
        </message>
        <message>
            <source>Could not change the passphrase: %1.</source>
            <translation>Impossible de changer la phrase secrète : %1.</translation>
        </message>
        <message>
            <source>Could not save %1: %2. The previous file is unchanged.</source>
            <translation>Impossible d'enregistrer %1 : %2. Le fichier précédent est inchangé.</translation>
        </message>
        <message>
            <source>Could not write %1: %2. Nothing was changed.</source>
            <translation>Impossible d'écrire %1 : %2. Rien n'a été modifié.</translation>
        </message>
        <message>
            <source>Could not write a backup in %1: %2.</source>
            <translation>Impossible d'écrire une sauvegarde dans %1 : %2.</translation>
        </message>
        <message>
            <source>is empty; give a value or leave the key out</source>
            <translation>est vide ; donnez une valeur ou retirez la clé</translation>
        </message>
        <message>
            <source>Letter %1 is in the trash; restore it before changing it.</source>
            <translation>La lettre %1 est dans la corbeille ; restaurez-la avant de la modifier.</translation>
        </message>
        <message>
            <source>line %1</source>
            <translation>ligne %1</translation>
        </message>
        <message>
            <source>malformed YAML: %1</source>
            <translation>YAML mal formé : %1</translation>
        </message>
        <message>
            <source>must be one line (found a line break)</source>
            <translation>doit tenir sur une ligne (saut de ligne trouvé)</translation>
        </message>
        <message>
            <source>No form of address for office '%1', gender '%2', register '%3'; offices are %4.</source>
            <translation>Aucune formule pour la fonction « %1 », le genre « %2 » et le registre « %3 » ; les fonctions sont : %4.</translation>
        </message>
        <message>
            <source>None of the backups in the backups folder passes its check; move that folder away to start a new, empty store.</source>
            <translation>Aucune des sauvegardes du dossier des sauvegardes ne passe la vérification ; déplacez ce dossier pour repartir de données vides.</translation>
        </message>
        <message>
            <source>required key is missing</source>
            <translation>clé obligatoire absente</translation>
        </message>
        <message>
            <source>required key is missing (list who signs, in signing order)</source>
            <translation>clé obligatoire absente (indiquez qui signe, dans l'ordre des signatures)</translation>
        </message>
        <message>
            <source>required key is missing (or give a list under 'recipients')</source>
            <translation>clé obligatoire absente (ou donnez une liste sous « recipients »)</translation>
        </message>
        <message>
            <source>required key is missing (use one of %1)</source>
            <translation>clé obligatoire absente (utilisez l'une de : %1)</translation>
        </message>
        <message>
            <source>The current passphrase is wrong.</source>
            <translation>La phrase secrète actuelle est incorrecte.</translation>
        </message>
        <message>
            <source>The database %1 is damaged (%2).</source>
            <translation>La base de données %1 est endommagée (%2).</translation>
        </message>
        <message>
            <source>The database %1 is empty (0 bytes), but the folder has backups.</source>
            <translation>La base de données %1 est vide (0 octet), mais le dossier contient des sauvegardes.</translation>
        </message>
        <message>
            <source>The database %1 is missing, but the folder has backups.</source>
            <translation>La base de données %1 est introuvable, mais le dossier contient des sauvegardes.</translation>
        </message>
        <message>
            <source>The file could not be written: %1.</source>
            <translation>Le fichier n'a pas pu être écrit : %1.</translation>
        </message>
        <message>
            <source>the file is not UTF-8 text (byte %1); save it as UTF-8</source>
            <translation>le fichier n'est pas un texte UTF-8 (octet %1) ; enregistrez-le en UTF-8</translation>
        </message>
        <message>
            <source>the file is saved as UTF-16; save it as UTF-8</source>
            <translation>le fichier est enregistré en UTF-16 ; enregistrez-le en UTF-8</translation>
        </message>
        <message>
            <source>the file must start with a line '---' that opens the YAML front matter</source>
            <translation>le fichier doit commencer par une ligne « --- » qui ouvre l'en-tête YAML</translation>
        </message>
        <message>
            <source>The folder %1 does not exist; create it first or choose another.</source>
            <translation>Le dossier %1 n'existe pas ; créez-le d'abord ou choisissez-en un autre.</translation>
        </message>
        <message>
            <source>The folder %1 is read-only; choose another folder.</source>
            <translation>Le dossier %1 est en lecture seule ; choisissez un autre dossier.</translation>
        </message>
        <message>
            <source>the front matter opened on line 1 is never closed by a line '---'</source>
            <translation>l'en-tête YAML ouvert à la ligne 1 n'est jamais fermé par une ligne « --- »</translation>
        </message>
        <message>
            <source>the list is empty; give at least one recipient</source>
            <translation>la liste est vide ; indiquez au moins un destinataire</translation>
        </message>
        <message>
            <source>the list is empty; give at least one signatory</source>
            <translation>la liste est vide ; indiquez au moins un signataire</translation>
        </message>
        <message>
            <source>The newest good backup is %1, from %2 (%3); restore it with `iphr-desk backup restore %4` (the damaged file is kept aside).</source>
            <translation>La sauvegarde valide la plus récente est %1, du %2 (%3) ; restaurez-la avec `iphr-desk backup restore %4` (le fichier endommagé est mis de côté).</translation>
        </message>
        <message>
            <source>The newest good backup is %1, from %2 (%3); restore it with `iphr-desk backup restore %4`.</source>
            <translation>La sauvegarde valide la plus récente est %1, du %2 (%3) ; restaurez-la avec `iphr-desk backup restore %4`.</translation>
        </message>
        <message>
            <source>The passphrase for the store in %1 is wrong (or its file is damaged).</source>
            <translation>La phrase secrète des données de %1 est incorrecte (ou leur fichier est endommagé).</translation>
        </message>
        <message>
            <source>The store %1 is open in another IPHR Desk window or command; close it, then try again.</source>
            <translation>Les données %1 sont ouvertes dans une autre fenêtre ou commande IPHR Desk ; fermez-la, puis réessayez.</translation>
        </message>
        <message>
            <source>The store %1 was written by a newer version of IPHR Desk (schema %2). Update IPHR Desk to open it; the file was left untouched.</source>
            <translation>Les données %1 ont été écrites par une version plus récente d'IPHR Desk (schéma %2). Mettez IPHR Desk à jour pour les ouvrir ; le fichier n'a pas été modifié.</translation>
        </message>
        <message>
            <source>The store in %1 is being encrypted or restored by another IPHR Desk command; try again when it has finished.</source>
            <translation>Les données de %1 sont en cours de chiffrement ou de restauration par une autre commande IPHR Desk ; réessayez quand elle aura terminé.</translation>
        </message>
        <message>
            <source>The store in %1 is encrypted (or its file is damaged): give its passphrase.</source>
            <translation>Les données de %1 sont chiffrées (ou leur fichier est endommagé) : indiquez leur phrase secrète.</translation>
        </message>
        <message>
            <source>There is no %1 with id %2.</source>
            <translation>Aucun élément « %1 » ne porte l'identifiant %2.</translation>
        </message>
        <message>
            <source>There is no good backup to restore.</source>
            <translation>Il n'y a aucune sauvegarde valide à restaurer.</translation>
        </message>
        <message>
            <source>There is no IPHR Desk store in %1 (no such folder).</source>
            <translation>Il n'y a pas de données IPHR Desk dans %1 (ce dossier n'existe pas).</translation>
        </message>
        <message>
            <source>There is no IPHR Desk store in %1.</source>
            <translation>Il n'y a pas de données IPHR Desk dans %1.</translation>
        </message>
        <message>
            <source>this is a binary file, not a letter file (Markdown text with YAML front matter)</source>
            <translation>c'est un fichier binaire, pas un fichier de lettre (texte Markdown avec un en-tête YAML)</translation>
        </message>
        <message>
            <source>unknown key (%1)</source>
            <translation>clé inconnue (%1)</translation>
        </message>
        <message>
            <source>unknown office '%1' (%2)</source>
            <translation>fonction inconnue « %1 » (%2)</translation>
        </message>
        <message>
            <source>Unknown office '%1' (use %2).</source>
            <translation>Fonction inconnue « %1 » (utilisez %2).</translation>
        </message>
    </context>
    <context>
        <name>DativeOverride</name>
        <message>
            <source>Address block in the dative, typed by hand</source>
            <translation>Bloc d'adresse au datif, saisi à la main</translation>
        </message>
        <message>
            <source>Computed address block in the dative</source>
            <extracomment>Item data of a signatory's title cell: the titles per language, the general title, and the language whose title the cell shows and edits (None: the general title).</extracomment>
            <translation>Bloc d'adresse calculé au datif</translation>
        </message>
        <message>
            <source>Override</source>
            <translation>Personnaliser</translation>
        </message>
        <message>
            <source>Type the address block by hand where the computed dative is wrong</source>
            <translation>Saisir le bloc d'adresse à la main lorsque le datif calculé est faux</translation>
        </message>
    </context>
    <context>
        <name>DocumentTabs</name>
        <message>
            <source>A letter could not be saved.</source>
            <translation>Une lettre n'a pas pu être enregistrée.</translation>
        </message>
        <message>
            <source>Could Not Save</source>
            <translation>Enregistrement impossible</translation>
        </message>
        <message>
            <source>Letter Editor</source>
            <translation>Éditeur de lettres</translation>
        </message>
        <message>
            <source>Lists and open letters</source>
            <translation>Listes et lettres ouvertes</translation>
        </message>
        <message>
            <source>New letter</source>
            <translation>Nouvelle lettre</translation>
        </message>
        <message>
            <source>The letter editor is not available in this build.</source>
            <translation>L'éditeur de lettres n'est pas disponible dans cette version.</translation>
        </message>
    </context>
    <context>
        <name>EditorCommands</name>
        <message>
            <source>Open a letter to format its text</source>
            <translation>Ouvrez une lettre pour mettre son texte en forme</translation>
        </message>
    </context>
    <context>
        <name>EmptyState</name>
        <message>
            <source>Load Demo Data</source>
            <translation>Charger les données de démonstration</translation>
        </message>
        <message>
            <source>New Case…</source>
            <translation>Nouveau cas…</translation>
        </message>
        <message>
            <source>New Letter</source>
            <translation>Nouvelle lettre</translation>
        </message>
        <message>
            <source>No letters yet</source>
            <translation>Aucune lettre pour l'instant</translation>
        </message>
        <message>
            <source>Record a case, then write a letter about it. Or load the demo cases and letters to see how it works.</source>
            <translation>Enregistrez un cas, puis écrivez une lettre à son sujet. Ou chargez les cas et lettres de démonstration pour voir comment cela fonctionne.</translation>
        </message>
    </context>
    <context>
        <name>EncryptStore</name>
        <message>
            <source>Change Passphrase</source>
            <translation>Changer la phrase secrète</translation>
        </message>
        <message>
            <source>Choose a passphrase. Without it your data cannot be opened:</source>
            <translation>Choisissez une phrase secrète. Sans elle, vos données ne pourront pas être ouvertes :</translation>
        </message>
        <message>
            <source>Current passphrase:</source>
            <translation>Phrase secrète actuelle :</translation>
        </message>
        <message>
            <source>Encrypt Data</source>
            <translation>Chiffrer les données</translation>
        </message>
        <message>
            <source>New passphrase:</source>
            <translation>Nouvelle phrase secrète :</translation>
        </message>
        <message>
            <source>The passphrase has been changed.</source>
            <translation>La phrase secrète a été changée.</translation>
        </message>
        <message>
            <source>The passphrase was not changed.</source>
            <translation>La phrase secrète n'a pas été changée.</translation>
        </message>
        <message>
            <source>The two passphrases differ; nothing was changed.</source>
            <translation>Les deux phrases secrètes diffèrent ; rien n'a été modifié.</translation>
        </message>
        <message>
            <source>Type the new passphrase again:</source>
            <translation>Saisissez de nouveau la nouvelle phrase secrète :</translation>
        </message>
        <message>
            <source>Type the passphrase again:</source>
            <translation>Saisissez de nouveau la phrase secrète :</translation>
        </message>
        <message>
            <source>Your data could not be encrypted.</source>
            <translation>Vos données n'ont pas pu être chiffrées.</translation>
        </message>
        <message>
            <source>Your data is already encrypted.</source>
            <translation>Vos données sont déjà chiffrées.</translation>
        </message>
        <message>
            <source>Your data is not encrypted: use Tools, Encrypt Data first.</source>
            <translation>Vos données ne sont pas chiffrées : utilisez d'abord Outils, Chiffrer les données.</translation>
        </message>
        <message>
            <source>Your data is now encrypted.</source>
            <translation>Vos données sont désormais chiffrées.</translation>
        </message>
    </context>
    <context>
        <name>ExchangeMenu</name>
        <message>
            <source>Review and E&amp;xchange</source>
            <extracomment>Modules (under iphr_desk.gui) with `add_actions(menu: ExchangeMenu) -&gt; None`, in menu order.</extracomment>
            <translation>Relecture et é&amp;change</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message numerus="yes">
            <source>%n file(s) written to %1.</source>
            <translation>
                <numerusform>%n fichier écrit dans %1.</numerusform>
                <numerusform>%n fichiers écrits dans %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exportation</translation>
        </message>
        <message>
            <source>Export cancelled</source>
            <translation>Exportation annulée</translation>
        </message>
        <message numerus="yes">
            <source>Export cancelled. %n file(s) had been written before.</source>
            <translation>
                <numerusform>Exportation annulée. %n fichier avait déjà été écrit.</numerusform>
                <numerusform>Exportation annulée. %n fichiers avaient déjà été écrits.</numerusform>
            </translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Échec de l'exportation</translation>
        </message>
        <message>
            <source>Export finished</source>
            <translation>Exportation terminée</translation>
        </message>
        <message>
            <source>Exporting %1 of %2: %3</source>
            <translation>Exportation de %1 sur %2 : %3</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Exportation…</translation>
        </message>
        <message>
            <source>Nothing was overwritten. Fix the problem above (for example, choose another folder or close the file in Word) and export again.</source>
            <translation>Rien n'a été écrasé. Corrigez le problème ci-dessus (par exemple, choisissez un autre dossier ou fermez le fichier dans Word) et exportez de nouveau.</translation>
        </message>
        <message>
            <source>Open the folder?</source>
            <translation>Ouvrir le dossier ?</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>%1 is a file, not a folder. Choose a folder.</source>
            <translation>%1 est un fichier, pas un dossier. Choisissez un dossier.</translation>
        </message>
        <message numerus="yes">
            <source>%n letter(s) to export.</source>
            <translation>
                <numerusform>%n lettre à exporter.</numerusform>
                <numerusform>%n lettres à exporter.</numerusform>
            </translation>
        </message>
        <message>
            <source>Choose a folder to export to.</source>
            <translation>Choisissez le dossier où exporter.</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choisir…</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exporter</translation>
        </message>
        <message>
            <source>Export folder</source>
            <translation>Dossier d'exportation</translation>
        </message>
        <message>
            <source>Export letter</source>
            <translation>Exporter la lettre</translation>
        </message>
        <message>
            <source>Export letters</source>
            <translation>Exporter des lettres</translation>
        </message>
        <message>
            <source>Export to folder</source>
            <translation>Exporter dans le dossier</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Dossier</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>Install LibreOffice to export PDF.</source>
            <translation>Installez LibreOffice pour exporter en PDF.</translation>
        </message>
        <message>
            <source>No folder</source>
            <translation>Aucun dossier</translation>
        </message>
        <message>
            <source>No such folder</source>
            <translation>Dossier introuvable</translation>
        </message>
        <message>
            <source>Not a folder</source>
            <translation>Ce n'est pas un dossier</translation>
        </message>
        <message>
            <source>One document with every recipient's letter</source>
            <translation>Un seul document avec la lettre de chaque destinataire</translation>
        </message>
        <message>
            <source>One file per recipient</source>
            <translation>Un fichier par destinataire</translation>
        </message>
        <message>
            <source>PDF (through LibreOffice)</source>
            <translation>PDF (avec LibreOffice)</translation>
        </message>
        <message>
            <source>Several recipients</source>
            <translation>Plusieurs destinataires</translation>
        </message>
        <message>
            <source>The folder %1 could not be created: %2. Choose another folder.</source>
            <translation>Impossible de créer le dossier %1 : %2. Choisissez un autre dossier.</translation>
        </message>
        <message>
            <source>The folder %1 does not exist. Create it?</source>
            <translation>Le dossier %1 n'existe pas. Le créer ?</translation>
        </message>
        <message>
            <source>Word document (.docx)</source>
            <translation>Document Word (.docx)</translation>
        </message>
    </context>
    <context>
        <name>HeaderForm</name>
        <message>
            <source>&amp;Cc</source>
            <translation>&amp;Copie à</translation>
        </message>
        <message>
            <source>&amp;Date</source>
            <translation>&amp;Date</translation>
        </message>
        <message>
            <source>&amp;Gender</source>
            <translation>&amp;Genre</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Langue</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Nom</translation>
        </message>
        <message>
            <source>&amp;Office</source>
            <translation>Fonc&amp;tion</translation>
        </message>
        <message>
            <source>&amp;Place</source>
            <translation>Lie&amp;u</translation>
        </message>
        <message>
            <source>&amp;Register</source>
            <translation>&amp;Registre</translation>
        </message>
        <message>
            <source>&amp;Subject</source>
            <translation>O&amp;bjet</translation>
        </message>
        <message>
            <source>&amp;Title</source>
            <translation>T&amp;itre</translation>
        </message>
        <message>
            <source>&amp;Voice</source>
            <translation>Au no&amp;m de</translation>
        </message>
        <message>
            <source>(new recipient)</source>
            <translation>(nouveau destinataire)</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Ajouter</translation>
        </message>
        <message>
            <source>Add a saved signatory…</source>
            <translation>Ajouter un signataire enregistré…</translation>
        </message>
        <message>
            <source>Add recipient</source>
            <translation>Ajouter un destinataire</translation>
        </message>
        <message>
            <source>Addr&amp;ess</source>
            <translation>Adre&amp;sse</translation>
        </message>
        <message>
            <source>Address block (dative)</source>
            <translation>Bloc d'adresse (datif)</translation>
        </message>
        <message>
            <source>Address block to check</source>
            <translation>Bloc d'adresse à vérifier</translation>
        </message>
        <message>
            <source>Case references, separated by commas</source>
            <translation>Références de cas, séparées par des virgules</translation>
        </message>
        <message>
            <source>Cc</source>
            <translation>Copie à</translation>
        </message>
        <message>
            <source>Check the declension: %1</source>
            <translation>Vérifiez la déclinaison : %1</translation>
        </message>
        <message>
            <source>Closing</source>
            <translation>Formule de politesse</translation>
        </message>
        <message>
            <source>Copies and cases</source>
            <translation>Copies et cas</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Default: the surname found in the name</source>
            <translation>Par défaut : le nom de famille trouvé dans le nom</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>Descendre</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Féminin</translation>
        </message>
        <message>
            <source>Formal (protocol)</source>
            <translation>Formel (protocole)</translation>
        </message>
        <message>
            <source>House style</source>
            <translation>Style maison</translation>
        </message>
        <message>
            <source>I (the signatory)</source>
            <translation>Je (le signataire)</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Lettre</translation>
        </message>
        <message>
            <source>Letter&amp;head</source>
            <translation>&amp;En-tête</translation>
        </message>
        <message>
            <source>Letterhead</source>
            <translation>En-tête</translation>
        </message>
        <message>
            <source>Linked c&amp;ases</source>
            <translation>C&amp;as liés</translation>
        </message>
        <message>
            <source>Linked cases</source>
            <translation>Cas liés</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Masculin</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>One line per copy recipient</source>
            <translation>Une ligne par destinataire en copie</translation>
        </message>
        <message>
            <source>Or&amp;ganisation</source>
            <translation>&amp;Organisation</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Pick a saved recipient…</source>
            <translation>Choisir un destinataire enregistré…</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Lieu</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Destinataire</translation>
        </message>
        <message>
            <source>Recipients</source>
            <translation>Destinataires</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>Registre</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Retirer</translation>
        </message>
        <message>
            <source>Salutation</source>
            <translation>Formule d'appel</translation>
        </message>
        <message>
            <source>Saved recipients</source>
            <translation>Destinataires enregistrés</translation>
        </message>
        <message>
            <source>Saved signatories</source>
            <translation>Signataires enregistrés</translation>
        </message>
        <message>
            <source>Signatories</source>
            <translation>Signataires</translation>
        </message>
        <message>
            <source>Signatories (in signing order)</source>
            <translation>Signataires (dans l'ordre de signature)</translation>
        </message>
        <message>
            <source>Su&amp;rname</source>
            <translation>Nom de &amp;famille</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Objet</translation>
        </message>
        <message>
            <source>Surname guessed from the name: check it</source>
            <translation>Nom de famille deviné d'après le nom : à vérifier</translation>
        </message>
        <message>
            <source>The letterhead has no version in %1: its default place and address are used.</source>
            <translation>L'en-tête n'a pas de version en %1 : son lieu et son adresse par défaut sont utilisés.</translation>
        </message>
        <message>
            <source>The office as written in the address block</source>
            <translation>La fonction telle qu'écrite dans le bloc d'adresse</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>Unspecified</source>
            <translation>Non précisé</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>Monter</translation>
        </message>
        <message>
            <source>Voice</source>
            <translation>Au nom de</translation>
        </message>
        <message>
            <source>We (the organisation)</source>
            <translation>Nous (l'organisation)</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Activist</source>
            <translation>Militant</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Approuvée</translation>
        </message>
        <message>
            <source>Blogger</source>
            <translation>Blogueur</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Cas</translation>
        </message>
        <message>
            <source>Changes requested</source>
            <translation>Modifications demandées</translation>
        </message>
        <message>
            <source>Charged</source>
            <translation>Inculpé</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Clos</translation>
        </message>
        <message>
            <source>Convicted</source>
            <translation>Condamné</translation>
        </message>
        <message>
            <source>Detained</source>
            <translation>Détenu</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Brouillon</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Anglais</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Féminin</translation>
        </message>
        <message>
            <source>French</source>
            <translation>Français</translation>
        </message>
        <message>
            <source>German</source>
            <translation>Allemand</translation>
        </message>
        <message>
            <source>Harassed</source>
            <translation>Harcelé</translation>
        </message>
        <message>
            <source>Human-rights defender</source>
            <translation>Défenseur des droits humains</translation>
        </message>
        <message>
            <source>In review</source>
            <translation>En relecture</translation>
        </message>
        <message>
            <source>Journalist</source>
            <translation>Journaliste</translation>
        </message>
        <message>
            <source>Lawyer</source>
            <translation>Avocat</translation>
        </message>
        <message>
            <source>Letterheads</source>
            <translation>En-têtes</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Lettres</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Masculin</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Disparu</translation>
        </message>
        <message>
            <source>Monitoring</source>
            <translation>Suivi</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Ouvert</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Autre</translation>
        </message>
        <message>
            <source>Recipients</source>
            <translation>Destinataires</translation>
        </message>
        <message>
            <source>Relative</source>
            <translation>Proche</translation>
        </message>
        <message>
            <source>Released</source>
            <translation>Libéré</translation>
        </message>
        <message>
            <source>Russian</source>
            <translation>Russe</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Envoyée</translation>
        </message>
        <message>
            <source>Signatories</source>
            <translation>Signataires</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Signée</translation>
        </message>
        <message>
            <source>Trash</source>
            <translation>Corbeille</translation>
        </message>
        <message>
            <source>Unspecified</source>
            <translation>Non précisé</translation>
        </message>
    </context>
    <context>
        <name>LetterActions</name>
        <message>
            <source>Approve Your Own Letter?</source>
            <translation>Approuver votre propre lettre ?</translation>
        </message>
        <message>
            <source>Could Not Change the Status</source>
            <extracomment>A letter's status changed: (letter id, new status). Its editor applies it; the lists read again. A letter was created or imported and should be shown in an editor. A letter is leaving (to the trash): close its editor first. Views to read again (a `Changes`), after every operation, failed or not. The status dialog while it is open (tests answer it; nothing else should hold it).</extracomment>
            <translation>Impossible de changer le statut</translation>
        </message>
        <message>
            <source>Could Not Create the Letter</source>
            <translation>Impossible de créer la lettre</translation>
        </message>
        <message>
            <source>Could Not Delete</source>
            <translation>Suppression impossible</translation>
        </message>
        <message>
            <source>Could Not Empty the Trash</source>
            <translation>Impossible de vider la corbeille</translation>
        </message>
        <message>
            <source>Could Not Import the Letter</source>
            <translation>Impossible d'importer la lettre</translation>
        </message>
        <message>
            <source>Could Not Restore</source>
            <translation>Restauration impossible</translation>
        </message>
        <message numerus="yes">
            <source>Delete the %n letter(s) in the trash for good, with their revisions and comments? This cannot be undone.</source>
            <translation>
                <numerusform>Supprimer définitivement %n lettre de la corbeille, avec ses révisions et ses commentaires ? Cette opération est irréversible.</numerusform>
                <numerusform>Supprimer définitivement les %n lettres de la corbeille, avec leurs révisions et leurs commentaires ? Cette opération est irréversible.</numerusform>
            </translation>
        </message>
        <message>
            <source>Empty Trash</source>
            <translation>Vider la corbeille</translation>
        </message>
        <message>
            <source>Import a Letter File</source>
            <translation>Importer un fichier de lettre</translation>
        </message>
        <message>
            <source>Letter files (*.md *.markdown);;All files (*)</source>
            <translation>Fichiers de lettre (*.md *.markdown);;Tous les fichiers (*)</translation>
        </message>
        <message numerus="yes">
            <source>Move %n letter(s) to the trash?</source>
            <translation>
                <numerusform>Mettre %n lettre à la corbeille ?</numerusform>
                <numerusform>Mettre %n lettres à la corbeille ?</numerusform>
            </translation>
        </message>
        <message>
            <source>Move to Trash</source>
            <translation>Mettre à la corbeille</translation>
        </message>
        <message>
            <source>Sign Your Own Letter?</source>
            <translation>Signer votre propre lettre ?</translation>
        </message>
        <message>
            <source>You wrote or submitted this letter. Approving it yourself is recorded in its history as a self-approval. Approve it anyway?</source>
            <translation>Vous avez rédigé ou soumis cette lettre. Si vous l'approuvez vous-même, cette auto-approbation sera enregistrée dans son historique. L'approuver quand même ?</translation>
        </message>
        <message>
            <source>You wrote or submitted this letter. Marking it signed yourself is recorded in its history. Mark it signed anyway?</source>
            <translation>Vous avez rédigé ou soumis cette lettre. Si vous la marquez vous-même comme signée, ce sera enregistré dans son historique. La marquer comme signée quand même ?</translation>
        </message>
    </context>
    <context>
        <name>LetterEditor</name>
        <message>
            <source>Cases</source>
            <translation>Cas</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Détails</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exporter…</translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>Non enregistrée : %1</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Aperçu</translation>
        </message>
        <message>
            <source>Read-only</source>
            <translation>Lecture seule</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>Rouvrir</translation>
        </message>
        <message>
            <source>Replace the letter with this revision? The current text stays in the revision list.</source>
            <translation>Remplacer la lettre par cette révision ? Le texte actuel reste dans la liste des révisions.</translation>
        </message>
        <message>
            <source>Restore revision</source>
            <translation>Restaurer la révision</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>Relecture</translation>
        </message>
        <message>
            <source>Review status</source>
            <translation>Statut de relecture</translation>
        </message>
        <message>
            <source>Revisions</source>
            <translation>Révisions</translation>
        </message>
        <message>
            <source>Save revision</source>
            <translation>Enregistrer une révision</translation>
        </message>
        <message>
            <source>Save state</source>
            <translation>État de l'enregistrement</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Enregistrée</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Enregistrement…</translation>
        </message>
        <message>
            <source>The letter could not be saved</source>
            <extracomment>The window's letter actions; an editor on its own (tests) makes its own, same code.</extracomment>
            <translation>La lettre n'a pas pu être enregistrée</translation>
        </message>
        <message>
            <source>The revision could not be restored</source>
            <translation>La révision n'a pas pu être restaurée</translation>
        </message>
        <message>
            <source>The revision could not be saved</source>
            <translation>La révision n'a pas pu être enregistrée</translation>
        </message>
        <message>
            <source>This letter is %1 and cannot be changed. Reopen it to edit (it goes back to draft).</source>
            <translation>Cette lettre a le statut « %1 » et ne peut pas être modifiée. Rouvrez-la pour la modifier (elle redevient un brouillon).</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Modifications non enregistrées</translation>
        </message>
        <message>
            <source>Untitled letter</source>
            <translation>Lettre sans titre</translation>
        </message>
        <message>
            <source>Your last changes to this letter were not saved: %1
Fix the problem (for example, give the letter a signatory) and save again.</source>
            <translation>Vos dernières modifications de cette lettre n'ont pas été enregistrées : %1
Corrigez le problème (par exemple, donnez un signataire à la lettre) et enregistrez de nouveau.</translation>
        </message>
    </context>
    <context>
        <name>LetterLanguages</name>
        <message>
            <source>%1 has no title in %2: “%3” is used.</source>
            <translation>%1 n'a pas de titre pour la langue %2 : « %3 » est utilisé.</translation>
        </message>
    </context>
    <context>
        <name>LetterTableModel</name>
        <message>
            <source>All countries</source>
            <translation>Tous les pays</translation>
        </message>
        <message>
            <source>All languages</source>
            <translation>Toutes les langues</translation>
        </message>
        <message>
            <source>All offices</source>
            <translation>Toutes les fonctions</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Tous les statuts</translation>
        </message>
        <message>
            <source>All themes</source>
            <translation>Tous les thèmes</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>Pays</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>Match</source>
            <translation>Correspondance</translation>
        </message>
        <message>
            <source>Office</source>
            <translation>Fonction</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Destinataire</translation>
        </message>
        <message>
            <source>Review: %1 (of %2)</source>
            <extracomment>"newest" while the first rows show, "ranked" once the best matches replaced them (tests). How many letters match, once the worker has counted them (None meanwhile). The ids of the rows the user has selected (the list page sets it): they keep their place when the ranked rows replace the first ones.</extracomment>
            <translation>Relecture : %1 (étapes : %2)</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Objet</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Thème</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Mise à jour</translation>
        </message>
    </context>
    <context>
        <name>LetterheadTableModel</name>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>Modèle</translation>
        </message>
        <message>
            <source>Website</source>
            <translation>Site web</translation>
        </message>
    </context>
    <context>
        <name>ListPage</name>
        <message numerus="yes">
            <source>%Ln row(s)</source>
            <extracomment>True when the user's own column widths were restored (window_layout.py): then left alone.</extracomment>
            <translation>
                <numerusform>%Ln ligne</numerusform>
                <numerusform>%Ln lignes</numerusform>
            </translation>
        </message>
        <message>
            <source>Number of rows</source>
            <extracomment>The widest a column is made to show its values whole (longer ones, such as names, are shortened). While searching: the width in characters a stretching column (Subject) keeps at least, and the least the snippets' column gets (`ListPage._show_search_column`). Emitted once after `watch_first_rows()`, when the table has been painted with rows.</extracomment>
            <translation>Nombre de lignes</translation>
        </message>
    </context>
    <context>
        <name>ListStack</name>
        <message>
            <source>Filter recipients by name…</source>
            <translation>Filtrer les destinataires par nom…</translation>
        </message>
        <message>
            <source>Filter signatories by name…</source>
            <translation>Filtrer les signataires par nom…</translation>
        </message>
        <message>
            <source>Search cases (reference, title, people)…</source>
            <translation>Rechercher des cas (référence, titre, personnes)…</translation>
        </message>
        <message>
            <source>Search letters (subject, text, recipients)…</source>
            <translation>Rechercher des lettres (objet, texte, destinataires)…</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;Delete Case…</source>
            <translation>&amp;Supprimer le cas…</translation>
        </message>
        <message>
            <source>Data: %1</source>
            <translation>Données : %1</translation>
        </message>
        <message>
            <source>IPHR Desk</source>
            <extracomment>Emitted once, after the window's first paint: `app.py` opens the store then. Emitted after `attach()` has filled the lists. The one path of every letter and case action; made by `attach`, when the store is open.</extracomment>
            <translation>IPHR Desk</translation>
        </message>
        <message>
            <source>Letter %1</source>
            <translation>Lettre %1</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Lettres</translation>
        </message>
        <message>
            <source>Main Toolbar</source>
            <translation>Barre d'outils principale</translation>
        </message>
        <message>
            <source>Move to &amp;Trash</source>
            <translation>Mettre à la &amp;corbeille</translation>
        </message>
        <message>
            <source>Opening your data…</source>
            <translation>Ouverture de vos données…</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Prêt</translation>
        </message>
    </context>
    <context>
        <name>NameHint</name>
        <message>
            <source>The salutation appears once the recipient's name is typed.</source>
            <extracomment>A name the tables fill in like any other; only compared, never shown.</extracomment>
            <translation>La formule d'appel s'affichera une fois le nom du destinataire saisi.</translation>
        </message>
    </context>
    <context>
        <name>NavigationList</name>
        <message>
            <source>Cases</source>
            <translation>Cas</translation>
        </message>
        <message>
            <source>Letterheads</source>
            <translation>En-têtes</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Lettres</translation>
        </message>
        <message>
            <source>Recipients</source>
            <translation>Destinataires</translation>
        </message>
        <message>
            <source>Sections</source>
            <translation>Sections</translation>
        </message>
        <message>
            <source>Signatories</source>
            <translation>Signataires</translation>
        </message>
        <message>
            <source>Trash</source>
            <translation>Corbeille</translation>
        </message>
    </context>
    <context>
        <name>OverridableLine</name>
        <message>
            <source>%1 override</source>
            <translation>%1 personnalisée</translation>
        </message>
        <message>
            <source>Computed %1</source>
            <translation>%1 calculée</translation>
        </message>
        <message>
            <source>Override</source>
            <translation>Personnaliser</translation>
        </message>
    </context>
    <context>
        <name>PackageActions</name>
        <message numerus="yes">
            <source>%n case(s) added</source>
            <translation>
                <numerusform>%n cas ajouté</numerusform>
                <numerusform>%n cas ajoutés</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n letter(s) added</source>
            <translation>
                <numerusform>%n lettre ajoutée</numerusform>
                <numerusform>%n lettres ajoutées</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n letter(s) written to %1. Give the passphrase separately.</source>
            <translation>
                <numerusform>%n lettre écrite dans %1. Transmettez la phrase secrète séparément.</numerusform>
                <numerusform>%n lettres écrites dans %1. Transmettez la phrase secrète séparément.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n updated</source>
            <translation>
                <numerusform>%n mise à jour</numerusform>
                <numerusform>%n mises à jour</numerusform>
            </translation>
        </message>
        <message>
            <source>Could Not Export the Package</source>
            <translation>Impossible d'exporter le paquet</translation>
        </message>
        <message>
            <source>Could Not Import the Package</source>
            <translation>Impossible d'importer le paquet</translation>
        </message>
        <message>
            <source>Edited on both machines, merged and flagged for you to check in the revisions: letter(s) %1.</source>
            <translation>Modifiées sur les deux ordinateurs, fusionnées et signalées pour vérification dans les versions : lettre(s) %1.</translation>
        </message>
        <message>
            <source>Export &amp;Package…</source>
            <translation>Exporter un &amp;paquet…</translation>
        </message>
        <message>
            <source>Export Package</source>
            <translation>Exporter un paquet</translation>
        </message>
        <message>
            <source>I&amp;mport Package…</source>
            <translation>I&amp;mporter un paquet…</translation>
        </message>
        <message>
            <source>Import Package</source>
            <translation>Importer un paquet</translation>
        </message>
        <message>
            <source>IPHR Desk packages (*.iphrpkg)</source>
            <translation>Paquets IPHR Desk (*.iphrpkg)</translation>
        </message>
        <message>
            <source>IPHR Desk packages (*.iphrpkg);;All files (*)</source>
            <translation>Paquets IPHR Desk (*.iphrpkg);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Merge letters from an encrypted package made on another machine</source>
            <translation>Fusionner les lettres d'un paquet chiffré créé sur un autre ordinateur</translation>
        </message>
        <message numerus="yes">
            <source>Nothing new: the %n letter(s) of the package were already here.</source>
            <translation>
                <numerusform>Rien de nouveau : %n lettre du paquet était déjà ici.</numerusform>
                <numerusform>Rien de nouveau : les %n lettres du paquet étaient déjà ici.</numerusform>
            </translation>
        </message>
        <message>
            <source>Package Imported</source>
            <translation>Paquet importé</translation>
        </message>
        <message>
            <source>Write the selected letters with their history to an encrypted package for another machine</source>
            <translation>Écrire les lettres sélectionnées, avec leur historique, dans un paquet chiffré pour un autre ordinateur</translation>
        </message>
    </context>
    <context>
        <name>PassphraseDialog</name>
        <message>
            <source>&amp;Again:</source>
            <translation>À &amp;nouveau :</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>P&amp;hrase secrète :</translation>
        </message>
        <message>
            <source>Add the letters' &amp;cases, with their people and events</source>
            <translation>Ajouter les &amp;cas des lettres, avec leurs personnes et leurs événements</translation>
        </message>
        <message>
            <source>Open Package</source>
            <translation>Ouvrir un paquet</translation>
        </message>
        <message>
            <source>Package Passphrase</source>
            <extracomment>How long the one-line result stays in the status bar (ms).</extracomment>
            <translation>Phrase secrète du paquet</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Phrase secrète</translation>
        </message>
        <message>
            <source>The passphrase “%1” was encrypted with:</source>
            <translation>La phrase secrète avec laquelle « %1 » a été chiffré :</translation>
        </message>
        <message>
            <source>The same passphrase again</source>
            <translation>La même phrase secrète, à nouveau</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>Les deux phrases secrètes diffèrent.</translation>
        </message>
        <message>
            <source>“%1” is encrypted with this passphrase. Give it to the recipient another way than the file itself (by phone, in person).</source>
            <translation>« %1 » est chiffré avec cette phrase secrète. Transmettez-la au destinataire autrement que le fichier lui-même (par téléphone, en personne).</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>(your organisation's first saved signatory)</source>
            <translation>(premier signataire enregistré de votre organisation)</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>Dossier de données</translation>
        </message>
        <message>
            <source>Data folder:</source>
            <translation>Dossier de données :</translation>
        </message>
        <message>
            <source>Default &amp;letterhead:</source>
            <translation>&amp;En-tête par défaut :</translation>
        </message>
        <message>
            <source>Default &amp;place:</source>
            <translation>&amp;Lieu par défaut :</translation>
        </message>
        <message>
            <source>Default &amp;signatory:</source>
            <translation>&amp;Signataire par défaut :</translation>
        </message>
        <message>
            <source>Interface &amp;language:</source>
            <translation>Lan&amp;gue de l'interface :</translation>
        </message>
        <message>
            <source>Interface Language</source>
            <translation>Langue de l'interface</translation>
        </message>
        <message>
            <source>Open Folder</source>
            <translation>Ouvrir le dossier</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>Préférences</translation>
        </message>
        <message>
            <source>Shown in revisions and comments</source>
            <translation>Affiché dans les révisions et les commentaires</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>Langue du système</translation>
        </message>
        <message>
            <source>The new interface language will be used the next time you start IPHR Desk.</source>
            <translation>La nouvelle langue de l'interface sera utilisée au prochain démarrage d'IPHR Desk.</translation>
        </message>
        <message>
            <source>Who signs a new letter. Automatic: the first saved signatory of the default letterhead's organisation.</source>
            <translation>Qui signe une nouvelle lettre. Automatique : le premier signataire enregistré de l'organisation de l'en-tête par défaut.</translation>
        </message>
        <message>
            <source>Your &amp;name:</source>
            <translation>Votre &amp;nom :</translation>
        </message>
        <message>
            <source>Your &amp;role:</source>
            <translation>Votre &amp;rôle :</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <source>Preview of the exported letter</source>
            <extracomment>Stands for the salutation while it awaits the recipient's name; letters only, so no typography rule or HTML escaping touches it before it is swapped for the hint.</extracomment>
            <translation>Aperçu de la lettre exportée</translation>
        </message>
    </context>
    <context>
        <name>Profile</name>
        <message>
            <source>Choose or type your role</source>
            <translation>Choisissez ou saisissez votre rôle</translation>
        </message>
        <message>
            <source>Director (signatory)</source>
            <translation>Directeur ou directrice (signataire)</translation>
        </message>
        <message>
            <source>Field officer</source>
            <translation>Chargé·e de terrain</translation>
        </message>
        <message>
            <source>Partner organisation</source>
            <translation>Organisation partenaire</translation>
        </message>
        <message>
            <source>Programme officer</source>
            <translation>Chargé·e de programme</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>Relecteur ou relectrice</translation>
        </message>
        <message>
            <source>Unnamed user</source>
            <translation>Utilisateur sans nom</translation>
        </message>
    </context>
    <context>
        <name>ProfileQuestion</name>
        <message>
            <source>First name and surname</source>
            <translation>Prénom et nom</translation>
        </message>
        <message>
            <source>Welcome to IPHR Desk</source>
            <extracomment>The name was stored (the caller may refresh what shows it).</extracomment>
            <translation>Bienvenue dans IPHR Desk</translation>
        </message>
        <message>
            <source>Your &amp;name:</source>
            <translation>Votre &amp;nom :</translation>
        </message>
        <message>
            <source>Your &amp;role:</source>
            <translation>Votre &amp;rôle :</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Votre nom</translation>
        </message>
        <message>
            <source>Your name is recorded with every status change, comment and revision, so your colleagues know who approved or changed a letter; your role says in which capacity. You can change both later in Preferences.</source>
            <translation>Votre nom est enregistré avec chaque changement de statut, commentaire et révision, afin que vos collègues sachent qui a approuvé ou modifié une lettre ; votre rôle indique à quel titre. Vous pourrez modifier les deux plus tard dans les Préférences.</translation>
        </message>
        <message>
            <source>Your role</source>
            <translation>Votre rôle</translation>
        </message>
    </context>
    <context>
        <name>RecipientOffer</name>
        <message>
            <source>%1 is not in the address book. Save this recipient for later letters?</source>
            <translation>%1 n'est pas dans le carnet d'adresses. Enregistrer ce destinataire pour de prochaines lettres ?</translation>
        </message>
        <message>
            <source>Could not save the recipient</source>
            <translation>Impossible d'enregistrer le destinataire</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>Pas maintenant</translation>
        </message>
        <message>
            <source>Save to address book</source>
            <translation>Enregistrer dans le carnet d'adresses</translation>
        </message>
    </context>
    <context>
        <name>RecipientTableModel</name>
        <message>
            <source>Gender</source>
            <translation>Genre</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Office</source>
            <translation>Fonction</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
    </context>
    <context>
        <name>RecordDialog</name>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Adresse :</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Parcourir…</translation>
        </message>
        <message>
            <source>&amp;Gender:</source>
            <translation>&amp;Genre :</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Langue :</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nom :</translation>
        </message>
        <message>
            <source>&amp;Office:</source>
            <translation>&amp;Fonction :</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>&amp;Titre :</translation>
        </message>
        <message>
            <source>&amp;Website:</source>
            <translation>Site &amp;web :</translation>
        </message>
        <message>
            <source>Any</source>
            <translation>Toutes</translation>
        </message>
        <message>
            <source>Choose a Word Letterhead</source>
            <translation>Choisir un en-tête Word</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <source>Delete this entry? Letters keep their own copy of it.</source>
            <translation>Supprimer cette entrée ? Les lettres en gardent leur propre copie.</translation>
        </message>
        <message>
            <source>Edit Letterhead</source>
            <translation>Modifier l'en-tête</translation>
        </message>
        <message>
            <source>Edit Recipient</source>
            <translation>Modifier le destinataire</translation>
        </message>
        <message>
            <source>Edit Signatory</source>
            <translation>Modifier le signataire</translation>
        </message>
        <message>
            <source>New Letterhead</source>
            <translation>Nouvel en-tête</translation>
        </message>
        <message>
            <source>New Recipient</source>
            <translation>Nouveau destinataire</translation>
        </message>
        <message>
            <source>New Signatory</source>
            <translation>Nouveau signataire</translation>
        </message>
        <message>
            <source>Or&amp;ganisation:</source>
            <translation>&amp;Organisation :</translation>
        </message>
        <message>
            <source>Please fill in the name.</source>
            <translation>Veuillez indiquer le nom.</translation>
        </message>
        <message>
            <source>S&amp;urname:</source>
            <translation>Nom de &amp;famille :</translation>
        </message>
        <message>
            <source>Signature &amp;image:</source>
            <translation>&amp;Image de signature :</translation>
        </message>
        <message>
            <source>This could not be deleted.</source>
            <translation>La suppression a échoué.</translation>
        </message>
        <message>
            <source>This could not be saved.</source>
            <translation>L'enregistrement a échoué.</translation>
        </message>
        <message>
            <source>Title &amp;by language:</source>
            <translation>Titre &amp;par langue :</translation>
        </message>
        <message>
            <source>Word &amp;template:</source>
            <translation>&amp;Modèle Word :</translation>
        </message>
        <message>
            <source>Word documents (*.docx)</source>
            <translation>Documents Word (*.docx)</translation>
        </message>
        <message>
            <source>Word template</source>
            <translation>Modèle Word</translation>
        </message>
    </context>
    <context>
        <name>RecordPages</name>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Supprimer</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Modifier…</translation>
        </message>
        <message>
            <source>&amp;New…</source>
            <translation>&amp;Nouveau…</translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <source>%1 (in the app)</source>
            <translation>%1 (dans l'application)</translation>
        </message>
        <message>
            <source>%1 (in Word)</source>
            <translation>%1 (dans Word)</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Approuver</translation>
        </message>
        <message>
            <source>Mark sent</source>
            <translation>Marquer comme envoyée</translation>
        </message>
        <message>
            <source>Mark signed…</source>
            <translation>Marquer signée…</translation>
        </message>
        <message>
            <source>On “%1”:</source>
            <translation>Sur « %1 » :</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>Rouvrir</translation>
        </message>
        <message>
            <source>Request changes…</source>
            <translation>Demander des modifications…</translation>
        </message>
        <message>
            <source>Submit for review</source>
            <translation>Soumettre pour relecture</translation>
        </message>
    </context>
    <context>
        <name>ReviewActions</name>
        <message>
            <source>&amp;Import Reviewed Copy…</source>
            <translation>&amp;Importer une copie relue…</translation>
        </message>
        <message>
            <source>A passphrase to encrypt the package (tell it to the reviewer another way):</source>
            <translation>Une phrase secrète pour chiffrer le paquet (communiquez-la au relecteur par un autre moyen) :</translation>
        </message>
        <message>
            <source>Choose a Folder for the Documents to Review</source>
            <translation>Choisir un dossier pour les documents à relire</translation>
        </message>
        <message>
            <source>Could Not Export for Review</source>
            <translation>Impossible d'exporter pour relecture</translation>
        </message>
        <message>
            <source>Could Not Import the Reviewed Copy</source>
            <translation>Impossible d'importer la copie relue</translation>
        </message>
        <message>
            <source>Could Not Read the Reviewed Copy</source>
            <translation>Impossible de lire la copie relue</translation>
        </message>
        <message>
            <source>Could Not Write the Package</source>
            <translation>Impossible d'écrire le paquet</translation>
        </message>
        <message>
            <source>Exchange packages (*%1)</source>
            <translation>Paquets d'échange (*%1)</translation>
        </message>
        <message>
            <source>Export the selected letter as a Word document (or a package) for its reviewer</source>
            <translation>Exporter la lettre sélectionnée en document Word (ou en paquet) pour son relecteur</translation>
        </message>
        <message>
            <source>Import a Reviewed Copy</source>
            <translation>Importer une copie relue</translation>
        </message>
        <message>
            <source>Import it as a new letter?</source>
            <translation>L'importer comme nouvelle lettre ?</translation>
        </message>
        <message>
            <source>Import Reviewed Copy</source>
            <translation>Importer une copie relue</translation>
        </message>
        <message>
            <source>New letter</source>
            <translation>Nouvelle lettre</translation>
        </message>
        <message>
            <source>Package Passphrase</source>
            <translation>Phrase secrète du paquet</translation>
        </message>
        <message>
            <source>Reviewed copy imported: %1</source>
            <translation>Copie relue importée : %1</translation>
        </message>
        <message>
            <source>Select one letter to send for review.</source>
            <translation>Sélectionnez une lettre à envoyer en relecture.</translation>
        </message>
        <message>
            <source>Send for &amp;Review…</source>
            <translation>Envoyer en &amp;relecture…</translation>
        </message>
        <message>
            <source>Send for Review</source>
            <translation>Envoyer en relecture</translation>
        </message>
        <message>
            <source>Sent for review</source>
            <translation>Envoyée en relecture</translation>
        </message>
        <message>
            <source>Sent for review: %1</source>
            <translation>Envoyée en relecture : %1</translation>
        </message>
        <message>
            <source>Take back a reviewed Word document: see its changes, then accept them</source>
            <translation>Reprendre un document Word relu : voir ses modifications, puis les accepter</translation>
        </message>
        <message>
            <source>Take it into the selected letter?</source>
            <translation>L'intégrer à la lettre sélectionnée ?</translation>
        </message>
        <message>
            <source>The letter is written to %1. Move it to “In review” now?</source>
            <translation>La lettre est enregistrée dans %1. La passer maintenant « En relecture » ?</translation>
        </message>
        <message>
            <source>The letter “%1” has the status “%2”, and this reviewed copy changes it. Reopen it as a draft to take the changes in?</source>
            <translation>La lettre « %1 » a le statut « %2 », et cette copie relue la modifie. La rouvrir comme brouillon pour intégrer les modifications ?</translation>
        </message>
        <message>
            <source>The same passphrase again:</source>
            <translation>La même phrase secrète, une seconde fois :</translation>
        </message>
        <message>
            <source>The two passphrases differ; nothing was written.</source>
            <translation>Les deux phrases secrètes diffèrent ; rien n'a été écrit.</translation>
        </message>
        <message>
            <source>Word documents (*.docx)</source>
            <translation>Documents Word (*.docx)</translation>
        </message>
        <message>
            <source>Word documents (*.docx);;All files (*)</source>
            <translation>Documents Word (*.docx);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>“%1” does not come from a letter of this store (it has no IPHR Desk identity, or it was exported elsewhere).</source>
            <translation>« %1 » ne provient d'aucune lettre de cette base (il ne porte pas d'identité IPHR Desk, ou il a été exporté ailleurs).</translation>
        </message>
    </context>
    <context>
        <name>ReviewImportDialog</name>
        <message numerus="yes">
            <source>%n change(s) to the head or foot of the letter (kept as the recipient's overrides).</source>
            <translation>
                <numerusform>%n modification de l'en-tête ou du pied de la lettre (conservée comme valeur imposée du destinataire).</numerusform>
                <numerusform>%n modifications de l'en-tête ou du pied de la lettre (conservées comme valeurs imposées du destinataire).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n comment(s)</source>
            <translation>
                <numerusform>%n commentaire</numerusform>
                <numerusform>%n commentaires</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n paragraph(s) changed both in the app and in the copy: both texts are kept and flagged.</source>
            <translation>
                <numerusform>%n paragraphe modifié à la fois dans l'application et dans la copie : les deux textes sont conservés et signalés.</numerusform>
                <numerusform>%n paragraphes modifiés à la fois dans l'application et dans la copie : les deux textes sont conservés et signalés.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n tracked change(s)</source>
            <translation>
                <numerusform>%n modification suivie</numerusform>
                <numerusform>%n modifications suivies</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Accept</source>
            <translation>&amp;Accepter</translation>
        </message>
        <message>
            <source>(done)</source>
            <translation>(traité)</translation>
        </message>
        <message>
            <source>A new letter made from the reviewed copy.</source>
            <translation>Une nouvelle lettre créée à partir de la copie relue.</translation>
        </message>
        <message>
            <source>Accept and A&amp;pprove</source>
            <translation>Accepter et a&amp;pprouver</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <source>After the import</source>
            <translation>Après l'importation</translation>
        </message>
        <message>
            <source>Against the Letter Now</source>
            <translation>Par rapport à la lettre actuelle</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>Auteur</translation>
        </message>
        <message>
            <source>Body</source>
            <translation>Corps</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Changement</translation>
        </message>
        <message>
            <source>Closing</source>
            <translation>Formule de politesse</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Commentaire</translation>
        </message>
        <message>
            <source>Comments (%1)</source>
            <translation>Commentaires (%1)</translation>
        </message>
        <message>
            <source>Comments in the copy</source>
            <translation>Commentaires de la copie</translation>
        </message>
        <message>
            <source>Copies (cc)</source>
            <translation>Copies (cc)</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Supprimé</translation>
        </message>
        <message>
            <source>Footnote</source>
            <translation>Note de bas de page</translation>
        </message>
        <message>
            <source>Formatting</source>
            <translation>Mise en forme</translation>
        </message>
        <message>
            <source>Head of the letter</source>
            <translation>En-tête de la lettre</translation>
        </message>
        <message>
            <source>Import Reviewed Copy</source>
            <extracomment>What a conflict paragraph starts with in the merged text (core/exchange/merge.py's markers).</extracomment>
            <translation>Importer une copie relue</translation>
        </message>
        <message>
            <source>Inserted</source>
            <translation>Inséré</translation>
        </message>
        <message>
            <source>Moved</source>
            <translation>Déplacé</translation>
        </message>
        <message>
            <source>Moved away</source>
            <translation>Déplacé (origine)</translation>
        </message>
        <message>
            <source>Moved here</source>
            <translation>Déplacé (destination)</translation>
        </message>
        <message>
            <source>On the text</source>
            <translation>Sur le texte</translation>
        </message>
        <message>
            <source>Paragraph</source>
            <translation>Paragraphe</translation>
        </message>
        <message>
            <source>Please check: %1</source>
            <translation>À vérifier : %1</translation>
        </message>
        <message>
            <source>Reviewed by: %1</source>
            <translation>Relue par : %1</translation>
        </message>
        <message>
            <source>Reviewed copy: %1</source>
            <translation>Copie relue : %1</translation>
        </message>
        <message>
            <source>Reviewer's Changes</source>
            <translation>Modifications du relecteur</translation>
        </message>
        <message>
            <source>Salutation</source>
            <translation>Formule d'appel</translation>
        </message>
        <message>
            <source>Signature</source>
            <translation>Signature</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Texte</translation>
        </message>
        <message>
            <source>The copy asks for no change: store it and approve the letter</source>
            <translation>La copie ne demande aucune modification : l'enregistrer et approuver la lettre</translation>
        </message>
        <message>
            <source>The letter now</source>
            <translation>La lettre actuelle</translation>
        </message>
        <message>
            <source>The letter will move to: &lt;b&gt;%1&lt;/b&gt;</source>
            <translation>La lettre passera à : &lt;b&gt;%1&lt;/b&gt;</translation>
        </message>
        <message>
            <source>This copy was imported before: there is nothing new to store.</source>
            <translation>Cette copie a déjà été importée : il n'y a rien de nouveau à enregistrer.</translation>
        </message>
        <message>
            <source>Tracked changes</source>
            <translation>Modifications suivies</translation>
        </message>
        <message>
            <source>Tracked Changes (%1)</source>
            <translation>Modifications suivies (%1)</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Emplacement</translation>
        </message>
    </context>
    <context>
        <name>ReviewPanel</name>
        <message>
            <source>%1 (resolved)</source>
            <translation>%1 (résolu)</translation>
        </message>
        <message>
            <source>%1 → %2</source>
            <translation>%1 → %2</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>Auteur</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Par</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Changement</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Commentaire</translation>
        </message>
        <message>
            <source>Comment text</source>
            <translation>Texte du commentaire</translation>
        </message>
        <message>
            <source>Comments</source>
            <translation>Commentaires</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Historique</translation>
        </message>
        <message>
            <source>Reply</source>
            <translation>Répondre</translation>
        </message>
        <message>
            <source>Resolve</source>
            <translation>Marquer comme résolu</translation>
        </message>
        <message>
            <source>Review status</source>
            <translation>Statut de relecture</translation>
        </message>
        <message>
            <source>Status history</source>
            <translation>Historique des statuts</translation>
        </message>
        <message>
            <source>Status: &lt;b&gt;%1&lt;/b&gt;</source>
            <translation>Statut : &lt;b&gt;%1&lt;/b&gt;</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Write a comment or a reply…</source>
            <translation>Écrivez un commentaire ou une réponse…</translation>
        </message>
    </context>
    <context>
        <name>Revisions</name>
        <message>
            <source>Created</source>
            <translation>Créée</translation>
        </message>
        <message>
            <source>Demo data</source>
            <translation>Données de démonstration</translation>
        </message>
        <message>
            <source>Exported for review</source>
            <translation>Exportée pour relecture</translation>
        </message>
        <message>
            <source>From an exchange package</source>
            <translation>Depuis un paquet d'échange</translation>
        </message>
        <message>
            <source>Imported from a letter file</source>
            <translation>Importée d'un fichier de lettre</translation>
        </message>
        <message>
            <source>Merged</source>
            <translation>Fusionnée</translation>
        </message>
        <message>
            <source>Restored</source>
            <translation>Restaurée</translation>
        </message>
        <message>
            <source>Restored an earlier version</source>
            <translation>Version antérieure restaurée</translation>
        </message>
        <message>
            <source>Restored the version of %1</source>
            <translation>Version du %1 restaurée</translation>
        </message>
        <message>
            <source>Reviewed copy</source>
            <translation>Copie relue</translation>
        </message>
        <message>
            <source>Reviewed copy: %1</source>
            <translation>Copie relue : %1</translation>
        </message>
        <message>
            <source>Save point</source>
            <translation>Point de sauvegarde</translation>
        </message>
        <message>
            <source>Status: %1 → %2</source>
            <translation>Statut : %1 → %2</translation>
        </message>
    </context>
    <context>
        <name>RevisionsPanel</name>
        <message>
            <source>Compare Revisions</source>
            <translation>Comparer des révisions</translation>
        </message>
        <message>
            <source>Compare selected</source>
            <translation>Comparer la sélection</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Restaurer</translation>
        </message>
        <message>
            <source>Revision %1</source>
            <translation>Révision %1</translation>
        </message>
        <message>
            <source>Revisions</source>
            <extracomment>core/exchange/review_import.py: "reviewed copy FILE (REVIEWERS)".</extracomment>
            <translation>Révisions</translation>
        </message>
        <message>
            <source>Select two revisions to compare them, or one to compare it with the newest</source>
            <translation>Sélectionnez deux révisions pour les comparer, ou une pour la comparer à la plus récente</translation>
        </message>
    </context>
    <context>
        <name>SearchField</name>
        <message>
            <source>Search</source>
            <translation>Rechercher</translation>
        </message>
        <message>
            <source>Search letters and cases…</source>
            <translation>Rechercher dans les lettres et les cas…</translation>
        </message>
    </context>
    <context>
        <name>SendForReviewDialog</name>
        <message>
            <source>As a &amp;Word document, to review with tracked changes</source>
            <translation>En document &amp;Word, à relire avec le suivi des modifications</translation>
        </message>
        <message>
            <source>As an encrypted &amp;exchange package, for a reviewer using IPHR Desk</source>
            <translation>En &amp;paquet d'échange chiffré, pour un relecteur qui utilise IPHR Desk</translation>
        </message>
        <message>
            <source>How should “%1” travel to its reviewer?</source>
            <translation>Sous quelle forme « %1 » doit-elle parvenir à son relecteur ?</translation>
        </message>
        <message>
            <source>Include the open &amp;comments as Word comments</source>
            <translation>Inclure les &amp;commentaires ouverts comme commentaires Word</translation>
        </message>
        <message>
            <source>Send for Review</source>
            <translation>Envoyer en relecture</translation>
        </message>
        <message>
            <source>The document remembers which letter and which revision it was made from, so the reviewed copy can be taken back with “Import Reviewed Copy…”.</source>
            <translation>Le document garde la trace de la lettre et de la révision dont il est issu : la copie relue pourra être reprise avec « Importer une copie relue… ».</translation>
        </message>
    </context>
    <context>
        <name>SignActions</name>
        <message>
            <source>&amp;Sign…</source>
            <translation>&amp;Signer…</translation>
        </message>
        <message>
            <source>Cannot Sign</source>
            <translation>Signature impossible</translation>
        </message>
        <message>
            <source>Could Not Record the Signature</source>
            <translation>Impossible d'enregistrer la signature</translation>
        </message>
        <message>
            <source>Could Not Sign</source>
            <translation>Impossible de signer</translation>
        </message>
        <message>
            <source>Letter Signed</source>
            <translation>Lettre signée</translation>
        </message>
        <message>
            <source>Sign</source>
            <translation>Signer</translation>
        </message>
        <message>
            <source>Sign the selected approved letter with your certificate, as a PDF</source>
            <translation>Signer la lettre approuvée sélectionnée avec votre certificat, en PDF</translation>
        </message>
        <message>
            <source>Signed by %1 on %2 UTC. The letter is now signed; the PDF is %3.</source>
            <translation>Signée par %1 le %2 UTC. La lettre est désormais signée ; le PDF est %3.</translation>
        </message>
        <message>
            <source>Signing… (making the PDF/A and signing it)</source>
            <translation>Signature en cours… (création du PDF/A, puis signature)</translation>
        </message>
    </context>
    <context>
        <name>SignDialog</name>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Parcourir…</translation>
        </message>
        <message>
            <source>&amp;Certificate:</source>
            <translation>&amp;Certificat :</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>P&amp;hrase secrète :</translation>
        </message>
        <message>
            <source>&amp;Signed by:</source>
            <translation>&amp;Signé par :</translation>
        </message>
        <message>
            <source>A .p12 or .pfx file</source>
            <translation>Un fichier .p12 ou .pfx</translation>
        </message>
        <message>
            <source>Br&amp;owse…</source>
            <translation>Parc&amp;ourir…</translation>
        </message>
        <message>
            <source>Certificate file</source>
            <translation>Fichier du certificat</translation>
        </message>
        <message>
            <source>Certificates (*.p12 *.pfx);;All files (*)</source>
            <translation>Certificats (*.p12 *.pfx);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Choose Your Certificate</source>
            <translation>Choisir votre certificat</translation>
        </message>
        <message>
            <source>Passphrase of the certificate</source>
            <translation>Phrase secrète du certificat</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Documents PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Save the Signed PDF</source>
            <translation>Enregistrer le PDF signé</translation>
        </message>
        <message>
            <source>Sign</source>
            <translation>Signer</translation>
        </message>
        <message>
            <source>Sign the Letter</source>
            <translation>Signer la lettre</translation>
        </message>
        <message>
            <source>Signed PDF</source>
            <translation>PDF signé</translation>
        </message>
        <message>
            <source>Signed PDF &amp;file:</source>
            <translation>&amp;Fichier PDF signé :</translation>
        </message>
        <message>
            <source>Who signs</source>
            <translation>Qui signe</translation>
        </message>
        <message>
            <source>“%1” will be made as a PDF/A, signed with your certificate (PAdES), and marked as signed.</source>
            <translation>« %1 » sera enregistrée en PDF/A, signée avec votre certificat (PAdES) et marquée comme signée.</translation>
        </message>
    </context>
    <context>
        <name>SignatoryTableModel</name>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
    </context>
    <context>
        <name>SignatureImageField</name>
        <message>
            <source>A PNG or SVG of the handwritten signature. It is printed above the name only on letters that are signed or sent, never on a draft.</source>
            <translation>Un PNG ou un SVG de la signature manuscrite. Elle n'est imprimée au-dessus du nom que sur les lettres signées ou envoyées, jamais sur un brouillon.</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>C&amp;hoisir…</translation>
        </message>
        <message>
            <source>Choose a signature image</source>
            <translation>Choisir une image de signature</translation>
        </message>
        <message>
            <source>Choose a Signature Image</source>
            <translation>Choisir une image de signature</translation>
        </message>
        <message>
            <source>Clea&amp;r</source>
            <translation>Effa&amp;cer</translation>
        </message>
        <message>
            <source>Clear the signature image</source>
            <translation>Effacer l'image de signature</translation>
        </message>
        <message>
            <source>No signature image</source>
            <translation>Aucune image de signature</translation>
        </message>
        <message>
            <source>Signature Image</source>
            <translation>Image de signature</translation>
        </message>
        <message>
            <source>Signature images (*.png *.svg)</source>
            <translation>Images de signature (*.png *.svg)</translation>
        </message>
    </context>
    <context>
        <name>SingleInstance</name>
        <message>
            <source>IPHR Desk is already open on this data folder (%1) but does not answer. Close it, or wait until it has finished, then try again.</source>
            <translation>IPHR Desk est déjà ouvert sur ce dossier de données (%1) mais ne répond pas. Fermez-le ou attendez qu'il ait terminé, puis réessayez.</translation>
        </message>
        <message>
            <source>IPHR Desk is already open on this data folder: its window has been brought forward.</source>
            <translation>IPHR Desk est déjà ouvert sur ce dossier de données : sa fenêtre a été mise au premier plan.</translation>
        </message>
        <message>
            <source>owner unknown</source>
            <translation>propriétaire inconnu</translation>
        </message>
        <message>
            <source>process %1 on %2</source>
            <translation>processus %1 sur %2</translation>
        </message>
    </context>
    <context>
        <name>StatusChangeDialog</name>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motif :</translation>
        </message>
        <message>
            <source>&amp;Signed by:</source>
            <translation>&amp;Signé par :</translation>
        </message>
        <message>
            <source>Mark as Signed</source>
            <translation>Marquer comme signée</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motif</translation>
        </message>
        <message>
            <source>Request Changes</source>
            <translation>Demander des modifications</translation>
        </message>
        <message>
            <source>Say what should change. The reason is added to the letter's comments and to its history.</source>
            <translation>Dites ce qui doit changer. Le motif est ajouté aux commentaires de la lettre et à son historique.</translation>
        </message>
        <message>
            <source>Signatory</source>
            <translation>Signataire</translation>
        </message>
        <message>
            <source>What should the writer change, and why?</source>
            <translation>Que doit changer l'auteur, et pourquoi ?</translation>
        </message>
        <message>
            <source>Which signatory signed the letter? Their name is recorded in the letter's history.</source>
            <translation>Quel signataire a signé la lettre ? Son nom est enregistré dans l'historique de la lettre.</translation>
        </message>
    </context>
    <context>
        <name>StatusMenu</name>
        <message>
            <source>Approve</source>
            <translation>Approuver</translation>
        </message>
        <message>
            <source>Change &amp;Status</source>
            <translation>Changer le &amp;statut</translation>
        </message>
        <message>
            <source>Mark as Sent</source>
            <translation>Marquer comme envoyée</translation>
        </message>
        <message>
            <source>Mark as Signed…</source>
            <translation>Marquer comme signée…</translation>
        </message>
        <message>
            <source>Now: %1</source>
            <translation>Statut actuel : %1</translation>
        </message>
        <message>
            <source>Reopen as Draft</source>
            <translation>Rouvrir comme brouillon</translation>
        </message>
        <message>
            <source>Request Changes…</source>
            <translation>Demander des modifications…</translation>
        </message>
        <message>
            <source>Resubmit for Review</source>
            <translation>Soumettre de nouveau pour relecture</translation>
        </message>
        <message>
            <source>Select one letter</source>
            <translation>Sélectionnez une seule lettre</translation>
        </message>
        <message>
            <source>Submit for Review</source>
            <translation>Soumettre pour relecture</translation>
        </message>
    </context>
    <context>
        <name>StatusNote</name>
        <message>
            <source>As: %1</source>
            <translation>En qualité de : %1</translation>
        </message>
        <message>
            <source>From the reviewed copy %1</source>
            <translation>Depuis la copie relue %1</translation>
        </message>
        <message>
            <source>On the author's own letter (confirmed)</source>
            <translation>Sur la propre lettre de l'auteur (confirmé)</translation>
        </message>
        <message>
            <source>Reason: %1</source>
            <translation>Motif : %1</translation>
        </message>
        <message>
            <source>Signed by: %1</source>
            <translation>Signée par : %1</translation>
        </message>
    </context>
    <context>
        <name>StoreOp</name>
        <message>
            <source>Something went wrong.</source>
            <translation>Une erreur s'est produite.</translation>
        </message>
    </context>
    <context>
        <name>TitlesField</name>
        <message>
            <source>The general title</source>
            <translation>Le titre général</translation>
        </message>
        <message>
            <source>Title in %1</source>
            <translation>Titre en %1</translation>
        </message>
    </context>
    <context>
        <name>ToolsMenu</name>
        <message>
            <source>&lt;h3&gt;IPHR Desk %1&lt;/h3&gt;&lt;p&gt;Cases and advocacy letters on the organisation's letterhead, offline.&lt;/p&gt;&lt;p&gt;Your data stays on this computer: IPHR Desk never connects to the network.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;IPHR Desk %1&lt;/h3&gt;&lt;p&gt;Cas et lettres de plaidoyer sur l'en-tête de l'organisation, hors ligne.&lt;/p&gt;&lt;p&gt;Vos données restent sur cet ordinateur : IPHR Desk ne se connecte jamais au réseau.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About IPHR Desk</source>
            <translation>À propos d'IPHR Desk</translation>
        </message>
        <message>
            <source>About Qt</source>
            <translation>À propos de Qt</translation>
        </message>
        <message>
            <source>Could Not Load the Demo Data</source>
            <translation>Impossible de charger les données de démonstration</translation>
        </message>
        <message>
            <source>Demo cases and letters loaded</source>
            <translation>Cas et lettres de démonstration chargés</translation>
        </message>
        <message>
            <source>Demo Data</source>
            <translation>Données de démonstration</translation>
        </message>
        <message>
            <source>The demo data is not available in this build.</source>
            <translation>Les données de démonstration ne sont pas disponibles dans cette version.</translation>
        </message>
    </context>
    <context>
        <name>TrashPage</name>
        <message numerus="yes">
            <source>%n letter(s) restored</source>
            <translation>
                <numerusform>%n lettre restaurée</numerusform>
                <numerusform>%n lettres restaurées</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Empty Trash…</source>
            <translation>&amp;Vider la corbeille…</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>&amp;Restaurer</translation>
        </message>
        <message>
            <source>Search the trash…</source>
            <extracomment>A line for the status bar.</extracomment>
            <translation>Rechercher dans la corbeille…</translation>
        </message>
    </context>
</TS>
