<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
    <context>
        <name>Actions</name>
        <message>
            <source>&amp;About IPHR Desk</source>
            <translation>&amp;О программе IPHR Desk</translation>
        </message>
        <message>
            <source>&amp;Backups…</source>
            <translation>&amp;Резервные копии…</translation>
        </message>
        <message>
            <source>&amp;Case</source>
            <translation>&amp;Дело</translation>
        </message>
        <message>
            <source>&amp;Cases</source>
            <translation>&amp;Дела</translation>
        </message>
        <message>
            <source>&amp;Close Tab</source>
            <translation>&amp;Закрыть вкладку</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Копировать</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Правка</translation>
        </message>
        <message>
            <source>&amp;Edit Case…</source>
            <translation>&amp;Изменить дело…</translation>
        </message>
        <message>
            <source>&amp;Encrypt Data…</source>
            <translation>&amp;Зашифровать данные…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Экспорт…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>&amp;Найти…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <source>&amp;Import Letter File…</source>
            <translation>&amp;Импортировать файл письма…</translation>
        </message>
        <message>
            <source>&amp;Letter</source>
            <translation>П&amp;исьмо</translation>
        </message>
        <message>
            <source>&amp;Letters</source>
            <translation>&amp;Письма</translation>
        </message>
        <message>
            <source>&amp;New Letter</source>
            <translation>&amp;Новое письмо</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Открыть</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>Вст&amp;авить</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>&amp;Параметры…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>В&amp;ыход</translation>
        </message>
        <message>
            <source>&amp;Recipients</source>
            <translation>&amp;Адресаты</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Повторить</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>Об&amp;новить</translation>
        </message>
        <message>
            <source>&amp;Signatories</source>
            <translation>П&amp;одписанты</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>С&amp;ервис</translation>
        </message>
        <message>
            <source>&amp;Trash</source>
            <translation>&amp;Корзина</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Отменить</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>О &amp;Qt</translation>
        </message>
        <message>
            <source>Change &amp;Passphrase…</source>
            <translation>Сменить &amp;парольную фразу…</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>&amp;Вырезать</translation>
        </message>
        <message>
            <source>Export the selected letters as Word documents</source>
            <translation>Экспортировать выбранные письма в документы Word</translation>
        </message>
        <message>
            <source>F&amp;ormat</source>
            <extracomment>Filled with the current letter body's formatting actions (format_menu.py).</extracomment>
            <translation>Ф&amp;ормат</translation>
        </message>
        <message>
            <source>Go to Letter &amp;Body</source>
            <translation>К &amp;тексту письма</translation>
        </message>
        <message>
            <source>Go to Letter &amp;Header</source>
            <translation>К &amp;реквизитам письма</translation>
        </message>
        <message>
            <source>Letter Side &amp;Panel</source>
            <translation>&amp;Боковая панель письма</translation>
        </message>
        <message>
            <source>Letter&amp;heads</source>
            <translation>&amp;Бланки</translation>
        </message>
        <message>
            <source>List, create and restore backups of your data</source>
            <translation>Просмотр, создание и восстановление резервных копий ваших данных</translation>
        </message>
        <message>
            <source>Load &amp;Demo Data</source>
            <translation>Загрузить &amp;демонстрационные данные</translation>
        </message>
        <message>
            <source>Move to &amp;Trash</source>
            <translation>Переместить в &amp;корзину</translation>
        </message>
        <message>
            <source>Ne&amp;xt Tab</source>
            <translation>&amp;Следующая вкладка</translation>
        </message>
        <message>
            <source>New &amp;Case…</source>
            <translation>Новое &amp;дело…</translation>
        </message>
        <message>
            <source>New &amp;Letter from This Case</source>
            <translation>Новое &amp;письмо по этому делу</translation>
        </message>
        <message>
            <source>Open Data &amp;Folder</source>
            <translation>Открыть п&amp;апку данных</translation>
        </message>
        <message>
            <source>Open the selected letter in the editor</source>
            <translation>Открыть выбранное письмо в редакторе</translation>
        </message>
        <message>
            <source>Pre&amp;vious Tab</source>
            <translation>П&amp;редыдущая вкладка</translation>
        </message>
        <message>
            <source>Protect the data folder with a passphrase</source>
            <translation>Защитить папку данных парольной фразой</translation>
        </message>
        <message>
            <source>Put the keyboard in the letter's first header field</source>
            <translation>Перейти к первому полю реквизитов письма</translation>
        </message>
        <message>
            <source>Put the keyboard in the letter's text</source>
            <translation>Перейти к тексту письма</translation>
        </message>
        <message>
            <source>Record a new case</source>
            <translation>Завести новое дело</translation>
        </message>
        <message>
            <source>Search letters and cases</source>
            <translation>Поиск по письмам и делам</translation>
        </message>
        <message>
            <source>Select &amp;All</source>
            <translation>Выделить &amp;всё</translation>
        </message>
        <message>
            <source>Show or hide the preview, cases, review and revisions beside the letter</source>
            <translation>Показать или скрыть просмотр, дела, рассмотрение и редакции рядом с письмом</translation>
        </message>
        <message>
            <source>Start a letter about the selected case</source>
            <translation>Начать письмо по выбранному делу</translation>
        </message>
        <message>
            <source>Start a new letter</source>
            <translation>Начать новое письмо</translation>
        </message>
        <message>
            <source>Store a letter written as a Markdown letter file</source>
            <translation>Сохранить письмо, написанное в виде файла Markdown</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Cannot Open Your Data</source>
            <translation>Не удаётся открыть ваши данные</translation>
        </message>
        <message>
            <source>Damaged Database</source>
            <translation>Повреждённая база данных</translation>
        </message>
        <message>
            <source>IPHR Desk</source>
            <translation>IPHR Desk</translation>
        </message>
        <message>
            <source>Newer Data</source>
            <translation>Данные более новой версии</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Парольная фраза</translation>
        </message>
        <message>
            <source>Something went wrong while opening your data.</source>
            <translation>При открытии ваших данных что-то пошло не так.</translation>
        </message>
        <message>
            <source>That passphrase is not right. Try again:</source>
            <translation>Парольная фраза неверна. Попробуйте ещё раз:</translation>
        </message>
        <message>
            <source>This data folder is encrypted. Enter its passphrase:</source>
            <translation>Эта папка данных зашифрована. Введите её парольную фразу:</translation>
        </message>
        <message>
            <source>This data was written by a newer version of IPHR Desk. Install the newer version to open it; nothing was changed.</source>
            <translation>Эти данные записаны более новой версией IPHR Desk. Установите новую версию, чтобы открыть их; ничего не изменено.</translation>
        </message>
        <message>
            <source>Your database file is missing or empty, but there are backups. Restore the newest good backup, from %1? Nothing else is changed.</source>
            <translation>Файл вашей базы данных отсутствует или пуст, но есть резервные копии. Восстановить последнюю исправную резервную копию от %1? Больше ничего не изменится.</translation>
        </message>
        <message>
            <source>Your database is damaged and there is no good backup to restore.</source>
            <translation>Ваша база данных повреждена, а исправной резервной копии для восстановления нет.</translation>
        </message>
        <message>
            <source>Your database is damaged. Restore the newest good backup, from %1? The damaged file is kept aside, not deleted.</source>
            <translation>Ваша база данных повреждена. Восстановить последнюю исправную резервную копию от %1? Повреждённый файл будет отложен в сторону, а не удалён.</translation>
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <source>&amp;Create Backup Now</source>
            <translation>&amp;Создать резервную копию сейчас</translation>
        </message>
        <message>
            <source>&amp;Restore…</source>
            <translation>&amp;Восстановить…</translation>
        </message>
        <message>
            <source>Backup %1 is now your data.</source>
            <translation>Теперь ваши данные — это резервная копия %1.</translation>
        </message>
        <message>
            <source>Backup Failed</source>
            <translation>Ошибка резервного копирования</translation>
        </message>
        <message>
            <source>Backup Restored</source>
            <translation>Резервная копия восстановлена</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Резервные копии</translation>
        </message>
        <message>
            <source>Before an upgrade</source>
            <translation>Перед обновлением</translation>
        </message>
        <message>
            <source>Daily</source>
            <translation>Ежедневная</translation>
        </message>
        <message>
            <source>IPHR Desk keeps a copy of your data at the first start of each day and before every upgrade. Restoring a backup keeps the current file aside; nothing is deleted.</source>
            <translation>IPHR Desk сохраняет копию ваших данных при первом запуске каждый день и перед каждым обновлением. При восстановлении резервной копии текущий файл откладывается в сторону; ничего не удаляется.</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>Создана</translation>
        </message>
        <message>
            <source>Made by you</source>
            <translation>Создана вами</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>№</translation>
        </message>
        <message>
            <source>Open &amp;Folder</source>
            <translation>Открыть &amp;папку</translation>
        </message>
        <message>
            <source>Replace your current data with backup %1? Your current data file is kept aside, not deleted.</source>
            <translation>Заменить текущие данные резервной копией %1? Текущий файл данных будет отложен в сторону, а не удалён.</translation>
        </message>
        <message>
            <source>Restore Backup</source>
            <translation>Восстановление резервной копии</translation>
        </message>
        <message>
            <source>Restore Failed</source>
            <translation>Ошибка восстановления</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Размер</translation>
        </message>
        <message>
            <source>The backup could not be made.</source>
            <translation>Не удалось создать резервную копию.</translation>
        </message>
        <message>
            <source>The backup could not be restored.</source>
            <translation>Не удалось восстановить резервную копию.</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Причина</translation>
        </message>
    </context>
    <context>
        <name>BodyEditor</name>
        <message numerus="yes">
            <source>%n word(s)</source>
            <translation>
                <numerusform>%n слово</numerusform>
                <numerusform>%n слова</numerusform>
                <numerusform>%n слов</numerusform>
            </translation>
        </message>
        <message>
            <source>1. List</source>
            <translation>1. Список</translation>
        </message>
        <message>
            <source>Address (URL):</source>
            <translation>Адрес (URL):</translation>
        </message>
        <message>
            <source>B</source>
            <comment>Bold button</comment>
            <translation>Ж</translation>
        </message>
        <message>
            <source>Bold</source>
            <translation>Полужирный</translation>
        </message>
        <message>
            <source>Footnote</source>
            <translation>Сноска</translation>
        </message>
        <message>
            <source>Footnote text:</source>
            <translation>Текст сноски:</translation>
        </message>
        <message>
            <source>Footnote…</source>
            <translation>Сноска…</translation>
        </message>
        <message>
            <source>Formatting</source>
            <translation>Форматирование</translation>
        </message>
        <message>
            <source>I</source>
            <comment>Italic button</comment>
            <translation>К</translation>
        </message>
        <message>
            <source>Italic</source>
            <translation>Курсив</translation>
        </message>
        <message>
            <source>Letter body</source>
            <translation>Текст письма</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Ссылка</translation>
        </message>
        <message>
            <source>Link…</source>
            <translation>Ссылка…</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Цитата</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Повторить</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Отменить</translation>
        </message>
        <message>
            <source>Word count</source>
            <translation>Число слов</translation>
        </message>
        <message>
            <source>• List</source>
            <translation>• Список</translation>
        </message>
    </context>
    <context>
        <name>CaseActions</name>
        <message>
            <source>Could Not Delete</source>
            <translation>Не удалось удалить</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n case(s) with their people and events? Letters keep their case reference.</source>
            <extracomment>Show this case in the case view (after it was created or edited). Views to read again (a `Changes`).</extracomment>
            <translation>
                <numerusform>Удалить %n дело вместе с людьми и событиями? В письмах номер дела сохранится.</numerusform>
                <numerusform>Удалить %n дела вместе с людьми и событиями? В письмах номера дел сохранятся.</numerusform>
                <numerusform>Удалить %n дел вместе с людьми и событиями? В письмах номера дел сохранятся.</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete Cases</source>
            <translation>Удаление дел</translation>
        </message>
    </context>
    <context>
        <name>CaseDialog</name>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Добавить</translation>
        </message>
        <message>
            <source>&amp;Country:</source>
            <translation>&amp;Страна:</translation>
        </message>
        <message>
            <source>&amp;Reference:</source>
            <translation>&amp;Номер:</translation>
        </message>
        <message>
            <source>&amp;Status:</source>
            <translation>С&amp;татус:</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>Наз&amp;вание:</translation>
        </message>
        <message>
            <source>Add to %1</source>
            <translation>Добавить в раздел «%1»</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>Под угрозой</translation>
        </message>
        <message>
            <source>Comma-separated, e.g. freedom of expression, fair trial</source>
            <translation>Через запятую, например: свобода выражения мнений, справедливый суд</translation>
        </message>
        <message>
            <source>country</source>
            <translation>страна</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>e.g. KZ-2022-003</source>
            <translation>например, KZ-2022-003</translation>
        </message>
        <message>
            <source>Edit Case</source>
            <translation>Изменение дела</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Событие</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>New Case</source>
            <translation>Новое дело</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Люди</translation>
        </message>
        <message>
            <source>Please fill in: %1.</source>
            <translation>Заполните: %1.</translation>
        </message>
        <message>
            <source>Re&amp;gion:</source>
            <translation>&amp;Регион:</translation>
        </message>
        <message>
            <source>reference</source>
            <translation>номер</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Remove from %1</source>
            <translation>Удалить из раздела «%1»</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <source>S&amp;ummary:</source>
            <translation>&amp;Краткое описание:</translation>
        </message>
        <message>
            <source>Situation</source>
            <translation>Положение</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Источник</translation>
        </message>
        <message>
            <source>T&amp;hemes:</source>
            <translation>Т&amp;ематики:</translation>
        </message>
        <message>
            <source>The case could not be saved.</source>
            <translation>Не удалось сохранить дело.</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Хронология</translation>
        </message>
        <message>
            <source>title</source>
            <translation>название</translation>
        </message>
    </context>
    <context>
        <name>CasePanel</name>
        <message>
            <source> — at risk</source>
            <translation> — под угрозой</translation>
        </message>
        <message>
            <source>%1 (not found)</source>
            <translation>%1 (не найдено)</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>События</translation>
        </message>
        <message>
            <source>Insert into letter</source>
            <translation>Вставить в письмо</translation>
        </message>
        <message>
            <source>Linked cases</source>
            <translation>Связанные дела</translation>
        </message>
        <message>
            <source>No linked cases. Add case references in the header.</source>
            <translation>Нет связанных дел. Добавьте номера дел в заголовке.</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Люди</translation>
        </message>
    </context>
    <context>
        <name>CaseTableModel</name>
        <message>
            <source>All countries</source>
            <translation>Все страны</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Все статусы</translation>
        </message>
        <message>
            <source>All themes</source>
            <translation>Все тематики</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>Под угрозой</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>Страна</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Письма</translation>
        </message>
        <message>
            <source>People at risk in this case</source>
            <translation>Люди под угрозой по этому делу</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Номер</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Тематика</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Название</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <source>At risk</source>
            <translation>Под угрозой</translation>
        </message>
        <message>
            <source>Case details</source>
            <extracomment>Object name of labels that show the user's data (never translated), as opposed to the interface's words.</extracomment>
            <translation>Сведения о деле</translation>
        </message>
        <message>
            <source>Click the address to copy it; nothing is fetched.</source>
            <translation>Щёлкните адрес, чтобы скопировать его; ничего не загружается.</translation>
        </message>
        <message>
            <source>Country:</source>
            <translation>Страна:</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Double-click or press Enter to open</source>
            <translation>Дважды щёлкните или нажмите Enter, чтобы открыть</translation>
        </message>
        <message>
            <source>Edit Case…</source>
            <translation>Изменить дело…</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Письма</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>New Letter from This Case</source>
            <translation>Новое письмо по этому делу</translation>
        </message>
        <message>
            <source>No events recorded.</source>
            <translation>События не записаны.</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Люди</translation>
        </message>
        <message>
            <source>Reference:</source>
            <translation>Номер:</translation>
        </message>
        <message>
            <source>Region:</source>
            <translation>Регион:</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <source>Select a case to see its people, events and letters.</source>
            <translation>Выберите дело, чтобы увидеть его людей, события и письма.</translation>
        </message>
        <message>
            <source>Situation</source>
            <translation>Положение</translation>
        </message>
        <message>
            <source>Source address copied: %1</source>
            <translation>Адрес источника скопирован: %1</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Статус:</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Тема</translation>
        </message>
        <message>
            <source>Summary:</source>
            <translation>Краткое описание:</translation>
        </message>
        <message>
            <source>Themes:</source>
            <translation>Тематики:</translation>
        </message>
        <message>
            <source>This person is at risk</source>
            <translation>Этот человек под угрозой</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Хронология</translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message>
            <source>Compare Versions</source>
            <translation>Сравнение версий</translation>
        </message>
    </context>
    <context>
        <name>CompareView</name>
        <message numerus="yes">
            <source>%n header field(s) changed</source>
            <translation>
                <numerusform>изменён %n реквизит</numerusform>
                <numerusform>изменено %n реквизита</numerusform>
                <numerusform>изменено %n реквизитов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n paragraph(s) moved</source>
            <translation>
                <numerusform>перемещён %n абзац</numerusform>
                <numerusform>перемещено %n абзаца</numerusform>
                <numerusform>перемещено %n абзацев</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n word(s) deleted</source>
            <translation>
                <numerusform>удалено %n слово</numerusform>
                <numerusform>удалено %n слова</numerusform>
                <numerusform>удалено %n слов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n word(s) inserted</source>
            <translation>
                <numerusform>вставлено %n слово</numerusform>
                <numerusform>вставлено %n слова</numerusform>
                <numerusform>вставлено %n слов</numerusform>
            </translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(пусто)</translation>
        </message>
        <message>
            <source>&lt;b&gt;From:&lt;/b&gt; %1&lt;br/&gt;&lt;b&gt;To:&lt;/b&gt; %2</source>
            <translation>&lt;b&gt;Было:&lt;/b&gt; %1&lt;br/&gt;&lt;b&gt;Стало:&lt;/b&gt; %2</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Адрес</translation>
        </message>
        <message>
            <source>Address (dative)</source>
            <translation>Адрес (дательный падеж)</translation>
        </message>
        <message>
            <source>After</source>
            <translation>После</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>До</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Дела</translation>
        </message>
        <message>
            <source>Changed on both sides</source>
            <translation>Изменено с обеих сторон</translation>
        </message>
        <message>
            <source>Closing</source>
            <translation>Заключительная формула</translation>
        </message>
        <message>
            <source>Copies (cc)</source>
            <translation>Копии (cc)</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Удалено</translation>
        </message>
        <message>
            <source>Differences between the letter files</source>
            <translation>Различия между файлами письма</translation>
        </message>
        <message>
            <source>Differences between the versions</source>
            <translation>Различия между версиями</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Поле</translation>
        </message>
        <message>
            <source>Footnotes</source>
            <translation>Сноски</translation>
        </message>
        <message>
            <source>Formal (protocol)</source>
            <translation>Официальный (протокол)</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>Пол</translation>
        </message>
        <message>
            <source>Header</source>
            <translation>Реквизиты письма</translation>
        </message>
        <message>
            <source>House style</source>
            <translation>Фирменный стиль</translation>
        </message>
        <message>
            <source>I (the signatory)</source>
            <translation>Я (подписант)</translation>
        </message>
        <message>
            <source>Inserted</source>
            <translation>Вставлено</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Письмо</translation>
        </message>
        <message>
            <source>Letterhead</source>
            <translation>Бланк</translation>
        </message>
        <message>
            <source>Moved</source>
            <translation>Перемещено</translation>
        </message>
        <message>
            <source>Moved from here</source>
            <translation>Перемещено отсюда</translation>
        </message>
        <message>
            <source>Moved here</source>
            <translation>Перемещено сюда</translation>
        </message>
        <message>
            <source>No differences: the two versions read the same.</source>
            <translation>Различий нет: обе версии совпадают.</translation>
        </message>
        <message>
            <source>Office</source>
            <translation>Пост</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Организация</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Место</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Адресат</translation>
        </message>
        <message>
            <source>Recipient %1: %2</source>
            <translation>Адресат %1: %2</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>Стиль</translation>
        </message>
        <message>
            <source>Salutation</source>
            <translation>Обращение</translation>
        </message>
        <message>
            <source>Show source</source>
            <translation>Показать исходный текст</translation>
        </message>
        <message>
            <source>Show the letter files' text (front matter and Markdown) line by line</source>
            <translation>Показать текст файлов письма (заголовок YAML и Markdown) построчно</translation>
        </message>
        <message>
            <source>Side by side</source>
            <translation>Рядом</translation>
        </message>
        <message>
            <source>Signatories</source>
            <translation>Подписанты</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Тема</translation>
        </message>
        <message>
            <source>Surname</source>
            <translation>Фамилия</translation>
        </message>
        <message>
            <source>The two letter files are identical.</source>
            <translation>Оба файла письма совпадают.</translation>
        </message>
        <message>
            <source>This version cannot be shown as text (%1); here is its source.</source>
            <translation>Эту версию нельзя показать как текст (%1); вот её исходный текст.</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Должность</translation>
        </message>
        <message>
            <source>Voice</source>
            <translation>От имени</translation>
        </message>
        <message>
            <source>We (the organisation)</source>
            <translation>Мы (организация)</translation>
        </message>
    </context>
    <context>
        <name>CoreMessages</name>
        <message>
            <source>%1 is a folder; give a file name such as %2.</source>
            <translation>%1 — это папка; укажите имя файла, например %2.</translation>
        </message>
        <message>
            <source>%1 is not a folder.</source>
            <translation>%1 — не папка.</translation>
        </message>
        <message>
            <source>Cannot create the data folder %1: %2.</source>
            <translation>Не удалось создать папку данных %1: %2.</translation>
        </message>
        <message>
            <source>Cannot write in %1: %2.</source>
            <translation>Невозможно записать в %1: %2.</translation>
        </message>
        <message>
            <source>Could not change the passphrase: %1.</source>
            <translation>Не удалось сменить парольную фразу: %1.</translation>
        </message>
        <message>
            <source>Could not save %1: %2. The previous file is unchanged.</source>
            <translation>Не удалось сохранить %1: %2. Прежний файл не изменён.</translation>
        </message>
        <message>
            <source>Could not write %1: %2. Nothing was changed.</source>
            <translation>Не удалось записать %1: %2. Ничего не изменено.</translation>
        </message>
        <message>
            <source>Could not write a backup in %1: %2.</source>
            <translation>Не удалось записать резервную копию в %1: %2.</translation>
        </message>
        <message>
            <source>is empty; give a value or leave the key out</source>
            <translation>пусто; укажите значение или уберите ключ</translation>
        </message>
        <message>
            <source>Letter %1 is in the trash; restore it before changing it.</source>
            <translation>Письмо %1 в корзине; восстановите его, прежде чем изменять.</translation>
        </message>
        <message>
            <source>line %1</source>
            <translation>строка %1</translation>
        </message>
        <message>
            <source>malformed YAML: %1</source>
            <translation>ошибка в YAML: %1</translation>
        </message>
        <message>
            <source>must be one line (found a line break)</source>
            <translation>должно быть одной строкой (найден перевод строки)</translation>
        </message>
        <message>
            <source>No form of address for office '%1', gender '%2', register '%3'; offices are %4.</source>
            <translation>Нет формы обращения для должности «%1», пола «%2» и регистра «%3»; должности: %4.</translation>
        </message>
        <message>
            <source>None of the backups in the backups folder passes its check; move that folder away to start a new, empty store.</source>
            <translation>Ни одна резервная копия в папке резервных копий не прошла проверку; переместите эту папку, чтобы начать с пустыми данными.</translation>
        </message>
        <message>
            <source>required key is missing</source>
            <translation>нет обязательного ключа</translation>
        </message>
        <message>
            <source>required key is missing (list who signs, in signing order)</source>
            <translation>нет обязательного ключа (перечислите подписантов в порядке подписания)</translation>
        </message>
        <message>
            <source>required key is missing (or give a list under 'recipients')</source>
            <translation>нет обязательного ключа (или дайте список в «recipients»)</translation>
        </message>
        <message>
            <source>required key is missing (use one of %1)</source>
            <translation>нет обязательного ключа (используйте одно из: %1)</translation>
        </message>
        <message>
            <source>The current passphrase is wrong.</source>
            <translation>Текущая парольная фраза неверна.</translation>
        </message>
        <message>
            <source>The database %1 is damaged (%2).</source>
            <translation>База данных %1 повреждена (%2).</translation>
        </message>
        <message>
            <source>The database %1 is empty (0 bytes), but the folder has backups.</source>
            <translation>База данных %1 пуста (0 байт), но в папке есть резервные копии.</translation>
        </message>
        <message>
            <source>The database %1 is missing, but the folder has backups.</source>
            <translation>База данных %1 отсутствует, но в папке есть резервные копии.</translation>
        </message>
        <message>
            <source>The file could not be written: %1.</source>
            <translation>Не удалось записать файл: %1.</translation>
        </message>
        <message>
            <source>the file is not UTF-8 text (byte %1); save it as UTF-8</source>
            <translation>файл не является текстом UTF-8 (байт %1); сохраните его в UTF-8</translation>
        </message>
        <message>
            <source>the file is saved as UTF-16; save it as UTF-8</source>
            <translation>файл сохранён в UTF-16; сохраните его в UTF-8</translation>
        </message>
        <message>
            <source>the file must start with a line '---' that opens the YAML front matter</source>
            <translation>файл должен начинаться строкой «---», открывающей заголовок YAML</translation>
        </message>
        <message>
            <source>The folder %1 does not exist; create it first or choose another.</source>
            <translation>Папки %1 не существует; сначала создайте её или выберите другую.</translation>
        </message>
        <message>
            <source>The folder %1 is read-only; choose another folder.</source>
            <translation>Папка %1 доступна только для чтения; выберите другую папку.</translation>
        </message>
        <message>
            <source>the front matter opened on line 1 is never closed by a line '---'</source>
            <translation>заголовок YAML, открытый в строке 1, не закрыт строкой «---»</translation>
        </message>
        <message>
            <source>the list is empty; give at least one recipient</source>
            <translation>список пуст; укажите хотя бы одного адресата</translation>
        </message>
        <message>
            <source>the list is empty; give at least one signatory</source>
            <translation>список пуст; укажите хотя бы одного подписанта</translation>
        </message>
        <message>
            <source>The newest good backup is %1, from %2 (%3); restore it with `iphr-desk backup restore %4` (the damaged file is kept aside).</source>
            <translation>Самая свежая исправная резервная копия — %1 от %2 (%3); восстановите её командой `iphr-desk backup restore %4` (повреждённый файл сохраняется отдельно).</translation>
        </message>
        <message>
            <source>The newest good backup is %1, from %2 (%3); restore it with `iphr-desk backup restore %4`.</source>
            <translation>Самая свежая исправная резервная копия — %1 от %2 (%3); восстановите её командой `iphr-desk backup restore %4`.</translation>
        </message>
        <message>
            <source>The passphrase for the store in %1 is wrong (or its file is damaged).</source>
            <translation>Неверная парольная фраза для данных в %1 (или их файл повреждён).</translation>
        </message>
        <message>
            <source>The store %1 is open in another IPHR Desk window or command; close it, then try again.</source>
            <translation>Данные %1 открыты в другом окне или команде IPHR Desk; закройте их и повторите попытку.</translation>
        </message>
        <message>
            <source>The store %1 was written by a newer version of IPHR Desk (schema %2). Update IPHR Desk to open it; the file was left untouched.</source>
            <translation>Данные %1 записаны более новой версией IPHR Desk (схема %2). Обновите IPHR Desk, чтобы открыть их; файл не изменён.</translation>
        </message>
        <message>
            <source>The store in %1 is being encrypted or restored by another IPHR Desk command; try again when it has finished.</source>
            <translation>Данные в %1 сейчас шифруются или восстанавливаются другой командой IPHR Desk; повторите попытку, когда она завершится.</translation>
        </message>
        <message>
            <source>The store in %1 is encrypted (or its file is damaged): give its passphrase.</source>
            <translation>Данные в %1 зашифрованы (или их файл повреждён): введите парольную фразу.</translation>
        </message>
        <message>
            <source>There is no %1 with id %2.</source>
            <translation>Объект «%1» с идентификатором %2 не найден.</translation>
        </message>
        <message>
            <source>There is no good backup to restore.</source>
            <translation>Нет исправной резервной копии для восстановления.</translation>
        </message>
        <message>
            <source>There is no IPHR Desk store in %1 (no such folder).</source>
            <translation>В %1 нет данных IPHR Desk (такой папки нет).</translation>
        </message>
        <message>
            <source>There is no IPHR Desk store in %1.</source>
            <translation>В %1 нет данных IPHR Desk.</translation>
        </message>
        <message>
            <source>this is a binary file, not a letter file (Markdown text with YAML front matter)</source>
            <translation>это двоичный файл, а не файл письма (текст Markdown с заголовком YAML)</translation>
        </message>
        <message>
            <source>unknown key (%1)</source>
            <translation>неизвестный ключ (%1)</translation>
        </message>
        <message>
            <source>unknown office '%1' (%2)</source>
            <translation>неизвестная должность «%1» (%2)</translation>
        </message>
        <message>
            <source>Unknown office '%1' (use %2).</source>
            <translation>Неизвестная должность «%1» (используйте %2).</translation>
        </message>
    </context>
    <context>
        <name>DativeOverride</name>
        <message>
            <source>Address block in the dative, typed by hand</source>
            <translation>Адресат в дательном падеже, введён вручную</translation>
        </message>
        <message>
            <source>Computed address block in the dative</source>
            <extracomment>Item data of a signatory's title cell: the titles per language, the general title, and the language whose title the cell shows and edits (None: the general title).</extracomment>
            <translation>Адресат в дательном падеже (вычислено)</translation>
        </message>
        <message>
            <source>Override</source>
            <translation>Изменить вручную</translation>
        </message>
        <message>
            <source>Type the address block by hand where the computed dative is wrong</source>
            <translation>Ввести адресата вручную, если дательный падеж вычислен неверно</translation>
        </message>
    </context>
    <context>
        <name>DocumentTabs</name>
        <message>
            <source>A letter could not be saved.</source>
            <translation>Не удалось сохранить письмо.</translation>
        </message>
        <message>
            <source>Could Not Save</source>
            <translation>Не удалось сохранить</translation>
        </message>
        <message>
            <source>Letter Editor</source>
            <translation>Редактор писем</translation>
        </message>
        <message>
            <source>Lists and open letters</source>
            <translation>Списки и открытые письма</translation>
        </message>
        <message>
            <source>New letter</source>
            <translation>Новое письмо</translation>
        </message>
        <message>
            <source>The letter editor is not available in this build.</source>
            <translation>Редактор писем недоступен в этой сборке.</translation>
        </message>
    </context>
    <context>
        <name>EditorCommands</name>
        <message>
            <source>Open a letter to format its text</source>
            <translation>Откройте письмо, чтобы форматировать его текст</translation>
        </message>
    </context>
    <context>
        <name>EmptyState</name>
        <message>
            <source>Load Demo Data</source>
            <translation>Загрузить демонстрационные данные</translation>
        </message>
        <message>
            <source>New Case…</source>
            <translation>Новое дело…</translation>
        </message>
        <message>
            <source>New Letter</source>
            <translation>Новое письмо</translation>
        </message>
        <message>
            <source>No letters yet</source>
            <translation>Писем пока нет</translation>
        </message>
        <message>
            <source>Record a case, then write a letter about it. Or load the demo cases and letters to see how it works.</source>
            <translation>Заведите дело, затем напишите по нему письмо. Или загрузите демонстрационные дела и письма, чтобы посмотреть, как всё работает.</translation>
        </message>
    </context>
    <context>
        <name>EncryptStore</name>
        <message>
            <source>Change Passphrase</source>
            <translation>Смена парольной фразы</translation>
        </message>
        <message>
            <source>Choose a passphrase. Without it your data cannot be opened:</source>
            <translation>Выберите парольную фразу. Без неё ваши данные невозможно будет открыть:</translation>
        </message>
        <message>
            <source>Current passphrase:</source>
            <translation>Текущая парольная фраза:</translation>
        </message>
        <message>
            <source>Encrypt Data</source>
            <translation>Шифрование данных</translation>
        </message>
        <message>
            <source>New passphrase:</source>
            <translation>Новая парольная фраза:</translation>
        </message>
        <message>
            <source>The passphrase has been changed.</source>
            <translation>Парольная фраза изменена.</translation>
        </message>
        <message>
            <source>The passphrase was not changed.</source>
            <translation>Парольная фраза не изменена.</translation>
        </message>
        <message>
            <source>The two passphrases differ; nothing was changed.</source>
            <translation>Парольные фразы не совпадают; ничего не изменено.</translation>
        </message>
        <message>
            <source>Type the new passphrase again:</source>
            <translation>Введите новую парольную фразу ещё раз:</translation>
        </message>
        <message>
            <source>Type the passphrase again:</source>
            <translation>Введите парольную фразу ещё раз:</translation>
        </message>
        <message>
            <source>Your data could not be encrypted.</source>
            <translation>Не удалось зашифровать ваши данные.</translation>
        </message>
        <message>
            <source>Your data is already encrypted.</source>
            <translation>Ваши данные уже зашифрованы.</translation>
        </message>
        <message>
            <source>Your data is not encrypted: use Tools, Encrypt Data first.</source>
            <translation>Ваши данные не зашифрованы: сначала выберите «Сервис» → «Зашифровать данные».</translation>
        </message>
        <message>
            <source>Your data is now encrypted.</source>
            <translation>Теперь ваши данные зашифрованы.</translation>
        </message>
    </context>
    <context>
        <name>ExchangeMenu</name>
        <message>
            <source>Review and E&amp;xchange</source>
            <extracomment>Modules (under iphr_desk.gui) with `add_actions(menu: ExchangeMenu) -&gt; None`, in menu order.</extracomment>
            <translation>Рецензирование и о&amp;бмен</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message numerus="yes">
            <source>%n file(s) written to %1.</source>
            <translation>
                <numerusform>В папку %1 записан %n файл.</numerusform>
                <numerusform>В папку %1 записано %n файла.</numerusform>
                <numerusform>В папку %1 записано %n файлов.</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Экспорт</translation>
        </message>
        <message>
            <source>Export cancelled</source>
            <translation>Экспорт отменён</translation>
        </message>
        <message numerus="yes">
            <source>Export cancelled. %n file(s) had been written before.</source>
            <translation>
                <numerusform>Экспорт отменён. До этого был записан %n файл.</numerusform>
                <numerusform>Экспорт отменён. До этого было записано %n файла.</numerusform>
                <numerusform>Экспорт отменён. До этого было записано %n файлов.</numerusform>
            </translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Ошибка экспорта</translation>
        </message>
        <message>
            <source>Export finished</source>
            <translation>Экспорт завершён</translation>
        </message>
        <message>
            <source>Exporting %1 of %2: %3</source>
            <translation>Экспорт %1 из %2: %3</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Экспорт…</translation>
        </message>
        <message>
            <source>Nothing was overwritten. Fix the problem above (for example, choose another folder or close the file in Word) and export again.</source>
            <translation>Ничего не перезаписано. Устраните указанную выше проблему (например, выберите другую папку или закройте файл в Word) и повторите экспорт.</translation>
        </message>
        <message>
            <source>Open the folder?</source>
            <translation>Открыть папку?</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>%1 is a file, not a folder. Choose a folder.</source>
            <translation>%1 — это файл, а не папка. Выберите папку.</translation>
        </message>
        <message numerus="yes">
            <source>%n letter(s) to export.</source>
            <translation>
                <numerusform>Будет экспортировано %n письмо.</numerusform>
                <numerusform>Будет экспортировано %n письма.</numerusform>
                <numerusform>Будет экспортировано %n писем.</numerusform>
            </translation>
        </message>
        <message>
            <source>Choose a folder to export to.</source>
            <translation>Выберите папку для экспорта.</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Выбрать…</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Экспорт</translation>
        </message>
        <message>
            <source>Export folder</source>
            <translation>Папка для экспорта</translation>
        </message>
        <message>
            <source>Export letter</source>
            <translation>Экспорт письма</translation>
        </message>
        <message>
            <source>Export letters</source>
            <translation>Экспорт писем</translation>
        </message>
        <message>
            <source>Export to folder</source>
            <translation>Экспорт в папку</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Папка</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Формат</translation>
        </message>
        <message>
            <source>Install LibreOffice to export PDF.</source>
            <translation>Установите LibreOffice, чтобы экспортировать в PDF.</translation>
        </message>
        <message>
            <source>No folder</source>
            <translation>Папка не выбрана</translation>
        </message>
        <message>
            <source>No such folder</source>
            <translation>Папка не найдена</translation>
        </message>
        <message>
            <source>Not a folder</source>
            <translation>Это не папка</translation>
        </message>
        <message>
            <source>One document with every recipient's letter</source>
            <translation>Один документ с письмами всем адресатам</translation>
        </message>
        <message>
            <source>One file per recipient</source>
            <translation>Отдельный файл для каждого адресата</translation>
        </message>
        <message>
            <source>PDF (through LibreOffice)</source>
            <translation>PDF (через LibreOffice)</translation>
        </message>
        <message>
            <source>Several recipients</source>
            <translation>Несколько адресатов</translation>
        </message>
        <message>
            <source>The folder %1 could not be created: %2. Choose another folder.</source>
            <translation>Не удалось создать папку %1: %2. Выберите другую папку.</translation>
        </message>
        <message>
            <source>The folder %1 does not exist. Create it?</source>
            <translation>Папки %1 не существует. Создать её?</translation>
        </message>
        <message>
            <source>Word document (.docx)</source>
            <translation>Документ Word (.docx)</translation>
        </message>
    </context>
    <context>
        <name>HeaderForm</name>
        <message>
            <source>&amp;Cc</source>
            <translation>&amp;Копии</translation>
        </message>
        <message>
            <source>&amp;Date</source>
            <translation>&amp;Дата</translation>
        </message>
        <message>
            <source>&amp;Gender</source>
            <translation>&amp;Пол</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Язык</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Имя</translation>
        </message>
        <message>
            <source>&amp;Office</source>
            <translation>П&amp;ост</translation>
        </message>
        <message>
            <source>&amp;Place</source>
            <translation>М&amp;есто</translation>
        </message>
        <message>
            <source>&amp;Register</source>
            <translation>&amp;Стиль</translation>
        </message>
        <message>
            <source>&amp;Subject</source>
            <translation>&amp;Тема</translation>
        </message>
        <message>
            <source>&amp;Title</source>
            <translation>Дол&amp;жность</translation>
        </message>
        <message>
            <source>&amp;Voice</source>
            <translation>От и&amp;мени</translation>
        </message>
        <message>
            <source>(new recipient)</source>
            <translation>(новый адресат)</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Добавить</translation>
        </message>
        <message>
            <source>Add a saved signatory…</source>
            <translation>Добавить сохранённого подписанта…</translation>
        </message>
        <message>
            <source>Add recipient</source>
            <translation>Добавить адресата</translation>
        </message>
        <message>
            <source>Addr&amp;ess</source>
            <translation>&amp;Адрес</translation>
        </message>
        <message>
            <source>Address block (dative)</source>
            <translation>Адресат (дательный падеж)</translation>
        </message>
        <message>
            <source>Address block to check</source>
            <translation>Проверьте блок адреса</translation>
        </message>
        <message>
            <source>Case references, separated by commas</source>
            <translation>Номера дел через запятую</translation>
        </message>
        <message>
            <source>Cc</source>
            <translation>Копии</translation>
        </message>
        <message>
            <source>Check the declension: %1</source>
            <translation>Проверьте склонение: %1</translation>
        </message>
        <message>
            <source>Closing</source>
            <translation>Заключительная формула</translation>
        </message>
        <message>
            <source>Copies and cases</source>
            <translation>Копии и дела</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Default: the surname found in the name</source>
            <translation>По умолчанию: фамилия, найденная в имени</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>Вниз</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Женский</translation>
        </message>
        <message>
            <source>Formal (protocol)</source>
            <translation>Официальный (протокол)</translation>
        </message>
        <message>
            <source>House style</source>
            <translation>Фирменный стиль</translation>
        </message>
        <message>
            <source>I (the signatory)</source>
            <translation>Я (подписант)</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Письмо</translation>
        </message>
        <message>
            <source>Letter&amp;head</source>
            <translation>&amp;Бланк</translation>
        </message>
        <message>
            <source>Letterhead</source>
            <translation>Бланк</translation>
        </message>
        <message>
            <source>Linked c&amp;ases</source>
            <translation>Свя&amp;занные дела</translation>
        </message>
        <message>
            <source>Linked cases</source>
            <translation>Связанные дела</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Мужской</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>One line per copy recipient</source>
            <translation>По одной строке на получателя копии</translation>
        </message>
        <message>
            <source>Or&amp;ganisation</source>
            <translation>Орга&amp;низация</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Организация</translation>
        </message>
        <message>
            <source>Pick a saved recipient…</source>
            <translation>Выберите сохранённого адресата…</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Место</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Адресат</translation>
        </message>
        <message>
            <source>Recipients</source>
            <translation>Адресаты</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>Стиль</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Salutation</source>
            <translation>Обращение</translation>
        </message>
        <message>
            <source>Saved recipients</source>
            <translation>Сохранённые адресаты</translation>
        </message>
        <message>
            <source>Saved signatories</source>
            <translation>Сохранённые подписанты</translation>
        </message>
        <message>
            <source>Signatories</source>
            <translation>Подписанты</translation>
        </message>
        <message>
            <source>Signatories (in signing order)</source>
            <translation>Подписанты (в порядке подписания)</translation>
        </message>
        <message>
            <source>Su&amp;rname</source>
            <translation>&amp;Фамилия</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Тема</translation>
        </message>
        <message>
            <source>Surname guessed from the name: check it</source>
            <translation>Фамилия угадана по имени: проверьте её</translation>
        </message>
        <message>
            <source>The letterhead has no version in %1: its default place and address are used.</source>
            <translation>У бланка нет версии на языке «%1»: использованы место и адрес по умолчанию.</translation>
        </message>
        <message>
            <source>The office as written in the address block</source>
            <translation>Должность, как она пишется в блоке адреса</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Должность</translation>
        </message>
        <message>
            <source>Unspecified</source>
            <translation>Не указан</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>Вверх</translation>
        </message>
        <message>
            <source>Voice</source>
            <translation>От имени</translation>
        </message>
        <message>
            <source>We (the organisation)</source>
            <translation>Мы (организация)</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Activist</source>
            <translation>Активист</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Одобрено</translation>
        </message>
        <message>
            <source>Blogger</source>
            <translation>Блогер</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Дела</translation>
        </message>
        <message>
            <source>Changes requested</source>
            <translation>Запрошены правки</translation>
        </message>
        <message>
            <source>Charged</source>
            <translation>Обвиняется</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Закрыто</translation>
        </message>
        <message>
            <source>Convicted</source>
            <translation>Осуждён</translation>
        </message>
        <message>
            <source>Detained</source>
            <translation>Задержан</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Черновик</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Английский</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Женский</translation>
        </message>
        <message>
            <source>French</source>
            <translation>Французский</translation>
        </message>
        <message>
            <source>German</source>
            <translation>Немецкий</translation>
        </message>
        <message>
            <source>Harassed</source>
            <translation>Преследуется</translation>
        </message>
        <message>
            <source>Human-rights defender</source>
            <translation>Правозащитник</translation>
        </message>
        <message>
            <source>In review</source>
            <translation>На рассмотрении</translation>
        </message>
        <message>
            <source>Journalist</source>
            <translation>Журналист</translation>
        </message>
        <message>
            <source>Lawyer</source>
            <translation>Адвокат</translation>
        </message>
        <message>
            <source>Letterheads</source>
            <translation>Бланки</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Письма</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Мужской</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Пропал без вести</translation>
        </message>
        <message>
            <source>Monitoring</source>
            <translation>Наблюдение</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Открыто</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Другое</translation>
        </message>
        <message>
            <source>Recipients</source>
            <translation>Адресаты</translation>
        </message>
        <message>
            <source>Relative</source>
            <translation>Родственник</translation>
        </message>
        <message>
            <source>Released</source>
            <translation>Освобождён</translation>
        </message>
        <message>
            <source>Russian</source>
            <translation>Русский</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Отправлено</translation>
        </message>
        <message>
            <source>Signatories</source>
            <translation>Подписанты</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Подписано</translation>
        </message>
        <message>
            <source>Trash</source>
            <translation>Корзина</translation>
        </message>
        <message>
            <source>Unspecified</source>
            <translation>Не указан</translation>
        </message>
    </context>
    <context>
        <name>LetterActions</name>
        <message>
            <source>Approve Your Own Letter?</source>
            <translation>Утвердить собственное письмо?</translation>
        </message>
        <message>
            <source>Could Not Change the Status</source>
            <extracomment>A letter's status changed: (letter id, new status). Its editor applies it; the lists read again. A letter was created or imported and should be shown in an editor. A letter is leaving (to the trash): close its editor first. Views to read again (a `Changes`), after every operation, failed or not. The status dialog while it is open (tests answer it; nothing else should hold it).</extracomment>
            <translation>Не удалось изменить статус</translation>
        </message>
        <message>
            <source>Could Not Create the Letter</source>
            <translation>Не удалось создать письмо</translation>
        </message>
        <message>
            <source>Could Not Delete</source>
            <translation>Не удалось удалить</translation>
        </message>
        <message>
            <source>Could Not Empty the Trash</source>
            <translation>Не удалось очистить корзину</translation>
        </message>
        <message>
            <source>Could Not Import the Letter</source>
            <translation>Не удалось импортировать письмо</translation>
        </message>
        <message>
            <source>Could Not Restore</source>
            <translation>Не удалось восстановить</translation>
        </message>
        <message numerus="yes">
            <source>Delete the %n letter(s) in the trash for good, with their revisions and comments? This cannot be undone.</source>
            <translation>
                <numerusform>Окончательно удалить %n письмо из корзины вместе с редакциями и комментариями? Это действие нельзя отменить.</numerusform>
                <numerusform>Окончательно удалить %n письма из корзины вместе с редакциями и комментариями? Это действие нельзя отменить.</numerusform>
                <numerusform>Окончательно удалить %n писем из корзины вместе с редакциями и комментариями? Это действие нельзя отменить.</numerusform>
            </translation>
        </message>
        <message>
            <source>Empty Trash</source>
            <translation>Очистка корзины</translation>
        </message>
        <message>
            <source>Import a Letter File</source>
            <translation>Импорт файла письма</translation>
        </message>
        <message>
            <source>Letter files (*.md *.markdown);;All files (*)</source>
            <translation>Файлы писем (*.md *.markdown);;Все файлы (*)</translation>
        </message>
        <message numerus="yes">
            <source>Move %n letter(s) to the trash?</source>
            <translation>
                <numerusform>Переместить %n письмо в корзину?</numerusform>
                <numerusform>Переместить %n письма в корзину?</numerusform>
                <numerusform>Переместить %n писем в корзину?</numerusform>
            </translation>
        </message>
        <message>
            <source>Move to Trash</source>
            <translation>Переместить в корзину</translation>
        </message>
        <message>
            <source>Sign Your Own Letter?</source>
            <translation>Подписать собственное письмо?</translation>
        </message>
        <message>
            <source>You wrote or submitted this letter. Approving it yourself is recorded in its history as a self-approval. Approve it anyway?</source>
            <translation>Вы написали или отправили на проверку это письмо. Если вы утвердите его сами, это будет записано в его историю как самоутверждение. Всё равно утвердить?</translation>
        </message>
        <message>
            <source>You wrote or submitted this letter. Marking it signed yourself is recorded in its history. Mark it signed anyway?</source>
            <translation>Вы написали или отправили на проверку это письмо. Если вы сами отметите его подписанным, это будет записано в его историю. Всё равно отметить?</translation>
        </message>
    </context>
    <context>
        <name>LetterEditor</name>
        <message>
            <source>Cases</source>
            <translation>Дела</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Реквизиты</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Экспорт…</translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>Не сохранено: %1</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Просмотр</translation>
        </message>
        <message>
            <source>Read-only</source>
            <translation>Только чтение</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>Вернуть в работу</translation>
        </message>
        <message>
            <source>Replace the letter with this revision? The current text stays in the revision list.</source>
            <translation>Заменить письмо этой редакцией? Текущий текст останется в списке редакций.</translation>
        </message>
        <message>
            <source>Restore revision</source>
            <translation>Восстановление редакции</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>Рассмотрение</translation>
        </message>
        <message>
            <source>Review status</source>
            <translation>Статус рассмотрения</translation>
        </message>
        <message>
            <source>Revisions</source>
            <translation>Редакции</translation>
        </message>
        <message>
            <source>Save revision</source>
            <translation>Сохранить редакцию</translation>
        </message>
        <message>
            <source>Save state</source>
            <translation>Состояние сохранения</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Сохранено</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Сохранение…</translation>
        </message>
        <message>
            <source>The letter could not be saved</source>
            <extracomment>The window's letter actions; an editor on its own (tests) makes its own, same code.</extracomment>
            <translation>Не удалось сохранить письмо</translation>
        </message>
        <message>
            <source>The revision could not be restored</source>
            <translation>Не удалось восстановить редакцию</translation>
        </message>
        <message>
            <source>The revision could not be saved</source>
            <translation>Не удалось сохранить редакцию</translation>
        </message>
        <message>
            <source>This letter is %1 and cannot be changed. Reopen it to edit (it goes back to draft).</source>
            <translation>Статус письма — «%1», его нельзя изменить. Верните его в работу, чтобы редактировать (оно снова станет черновиком).</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Есть несохранённые изменения</translation>
        </message>
        <message>
            <source>Untitled letter</source>
            <translation>Письмо без темы</translation>
        </message>
        <message>
            <source>Your last changes to this letter were not saved: %1
Fix the problem (for example, give the letter a signatory) and save again.</source>
            <translation>Последние изменения в этом письме не сохранены: %1
Устраните проблему (например, укажите подписанта письма) и сохраните снова.</translation>
        </message>
    </context>
    <context>
        <name>LetterLanguages</name>
        <message>
            <source>%1 has no title in %2: “%3” is used.</source>
            <translation>У подписанта %1 нет должности на языке %2: используется «%3».</translation>
        </message>
    </context>
    <context>
        <name>LetterTableModel</name>
        <message>
            <source>All countries</source>
            <translation>Все страны</translation>
        </message>
        <message>
            <source>All languages</source>
            <translation>Все языки</translation>
        </message>
        <message>
            <source>All offices</source>
            <translation>Все посты</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Все статусы</translation>
        </message>
        <message>
            <source>All themes</source>
            <translation>Все тематики</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>Страна</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <source>Match</source>
            <translation>Совпадение</translation>
        </message>
        <message>
            <source>Office</source>
            <translation>Пост</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Адресат</translation>
        </message>
        <message>
            <source>Review: %1 (of %2)</source>
            <extracomment>"newest" while the first rows show, "ranked" once the best matches replaced them (tests). How many letters match, once the worker has counted them (None meanwhile). The ids of the rows the user has selected (the list page sets it): they keep their place when the ranked rows replace the first ones.</extracomment>
            <translation>Рассмотрение: %1 (этапы: %2)</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Тема</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Тематика</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Изменено</translation>
        </message>
    </context>
    <context>
        <name>LetterheadTableModel</name>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Организация</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>Шаблон</translation>
        </message>
        <message>
            <source>Website</source>
            <translation>Сайт</translation>
        </message>
    </context>
    <context>
        <name>ListPage</name>
        <message numerus="yes">
            <source>%Ln row(s)</source>
            <extracomment>True when the user's own column widths were restored (window_layout.py): then left alone.</extracomment>
            <translation>
                <numerusform>%Ln строка</numerusform>
                <numerusform>%Ln строки</numerusform>
                <numerusform>%Ln строк</numerusform>
            </translation>
        </message>
        <message>
            <source>Number of rows</source>
            <extracomment>The widest a column is made to show its values whole (longer ones, such as names, are shortened). While searching: the width in characters a stretching column (Subject) keeps at least, and the least the snippets' column gets (`ListPage._show_search_column`). Emitted once after `watch_first_rows()`, when the table has been painted with rows.</extracomment>
            <translation>Число строк</translation>
        </message>
    </context>
    <context>
        <name>ListStack</name>
        <message>
            <source>Filter recipients by name…</source>
            <translation>Фильтр адресатов по имени…</translation>
        </message>
        <message>
            <source>Filter signatories by name…</source>
            <translation>Фильтр подписантов по имени…</translation>
        </message>
        <message>
            <source>Search cases (reference, title, people)…</source>
            <translation>Поиск дел (номер, название, люди)…</translation>
        </message>
        <message>
            <source>Search letters (subject, text, recipients)…</source>
            <translation>Поиск писем (тема, текст, адресаты)…</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;Delete Case…</source>
            <translation>&amp;Удалить дело…</translation>
        </message>
        <message>
            <source>Data: %1</source>
            <translation>Данные: %1</translation>
        </message>
        <message>
            <source>IPHR Desk</source>
            <extracomment>Emitted once, after the window's first paint: `app.py` opens the store then. Emitted after `attach()` has filled the lists. The one path of every letter and case action; made by `attach`, when the store is open.</extracomment>
            <translation>IPHR Desk</translation>
        </message>
        <message>
            <source>Letter %1</source>
            <translation>Письмо %1</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Письма</translation>
        </message>
        <message>
            <source>Main Toolbar</source>
            <translation>Основная панель инструментов</translation>
        </message>
        <message>
            <source>Move to &amp;Trash</source>
            <translation>Переместить в &amp;корзину</translation>
        </message>
        <message>
            <source>Opening your data…</source>
            <translation>Открытие ваших данных…</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Готово</translation>
        </message>
    </context>
    <context>
        <name>NameHint</name>
        <message>
            <source>The salutation appears once the recipient's name is typed.</source>
            <extracomment>A name the tables fill in like any other; only compared, never shown.</extracomment>
            <translation>Обращение появится, когда будет введено имя адресата.</translation>
        </message>
    </context>
    <context>
        <name>NavigationList</name>
        <message>
            <source>Cases</source>
            <translation>Дела</translation>
        </message>
        <message>
            <source>Letterheads</source>
            <translation>Бланки</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Письма</translation>
        </message>
        <message>
            <source>Recipients</source>
            <translation>Адресаты</translation>
        </message>
        <message>
            <source>Sections</source>
            <translation>Разделы</translation>
        </message>
        <message>
            <source>Signatories</source>
            <translation>Подписанты</translation>
        </message>
        <message>
            <source>Trash</source>
            <translation>Корзина</translation>
        </message>
    </context>
    <context>
        <name>OverridableLine</name>
        <message>
            <source>%1 override</source>
            <translation>%1 (вручную)</translation>
        </message>
        <message>
            <source>Computed %1</source>
            <translation>%1 (вычислено)</translation>
        </message>
        <message>
            <source>Override</source>
            <translation>Изменить вручную</translation>
        </message>
    </context>
    <context>
        <name>PackageActions</name>
        <message numerus="yes">
            <source>%n case(s) added</source>
            <translation>
                <numerusform>добавлено %n дело</numerusform>
                <numerusform>добавлено %n дела</numerusform>
                <numerusform>добавлено %n дел</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n letter(s) added</source>
            <translation>
                <numerusform>добавлено %n письмо</numerusform>
                <numerusform>добавлено %n письма</numerusform>
                <numerusform>добавлено %n писем</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n letter(s) written to %1. Give the passphrase separately.</source>
            <translation>
                <numerusform>%n письмо записано в %1. Передайте парольную фразу отдельно.</numerusform>
                <numerusform>%n письма записаны в %1. Передайте парольную фразу отдельно.</numerusform>
                <numerusform>%n писем записано в %1. Передайте парольную фразу отдельно.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n updated</source>
            <translation>
                <numerusform>обновлено %n</numerusform>
                <numerusform>обновлено %n</numerusform>
                <numerusform>обновлено %n</numerusform>
            </translation>
        </message>
        <message>
            <source>Could Not Export the Package</source>
            <translation>Не удалось экспортировать пакет</translation>
        </message>
        <message>
            <source>Could Not Import the Package</source>
            <translation>Не удалось импортировать пакет</translation>
        </message>
        <message>
            <source>Edited on both machines, merged and flagged for you to check in the revisions: letter(s) %1.</source>
            <translation>Изменены на обоих компьютерах, объединены и отмечены для проверки в версиях: письма %1.</translation>
        </message>
        <message>
            <source>Export &amp;Package…</source>
            <translation>Экспорт &amp;пакета…</translation>
        </message>
        <message>
            <source>Export Package</source>
            <translation>Экспорт пакета</translation>
        </message>
        <message>
            <source>I&amp;mport Package…</source>
            <translation>И&amp;мпорт пакета…</translation>
        </message>
        <message>
            <source>Import Package</source>
            <translation>Импорт пакета</translation>
        </message>
        <message>
            <source>IPHR Desk packages (*.iphrpkg)</source>
            <translation>Пакеты IPHR Desk (*.iphrpkg)</translation>
        </message>
        <message>
            <source>IPHR Desk packages (*.iphrpkg);;All files (*)</source>
            <translation>Пакеты IPHR Desk (*.iphrpkg);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Merge letters from an encrypted package made on another machine</source>
            <translation>Объединить письма из зашифрованного пакета, созданного на другом компьютере</translation>
        </message>
        <message numerus="yes">
            <source>Nothing new: the %n letter(s) of the package were already here.</source>
            <translation>
                <numerusform>Ничего нового: %n письмо из пакета уже было здесь.</numerusform>
                <numerusform>Ничего нового: %n письма из пакета уже были здесь.</numerusform>
                <numerusform>Ничего нового: %n писем из пакета уже были здесь.</numerusform>
            </translation>
        </message>
        <message>
            <source>Package Imported</source>
            <translation>Пакет импортирован</translation>
        </message>
        <message>
            <source>Write the selected letters with their history to an encrypted package for another machine</source>
            <translation>Записать выбранные письма с их историей в зашифрованный пакет для другого компьютера</translation>
        </message>
    </context>
    <context>
        <name>PassphraseDialog</name>
        <message>
            <source>&amp;Again:</source>
            <translation>&amp;Ещё раз:</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>Паро&amp;льная фраза:</translation>
        </message>
        <message>
            <source>Add the letters' &amp;cases, with their people and events</source>
            <translation>Добавить &amp;дела писем с их людьми и событиями</translation>
        </message>
        <message>
            <source>Open Package</source>
            <translation>Открыть пакет</translation>
        </message>
        <message>
            <source>Package Passphrase</source>
            <extracomment>How long the one-line result stays in the status bar (ms).</extracomment>
            <translation>Парольная фраза пакета</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Парольная фраза</translation>
        </message>
        <message>
            <source>The passphrase “%1” was encrypted with:</source>
            <translation>Парольная фраза, которой зашифрован «%1»:</translation>
        </message>
        <message>
            <source>The same passphrase again</source>
            <translation>Та же парольная фраза ещё раз</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>Парольные фразы не совпадают.</translation>
        </message>
        <message>
            <source>“%1” is encrypted with this passphrase. Give it to the recipient another way than the file itself (by phone, in person).</source>
            <translation>«%1» зашифрован этой парольной фразой. Передайте её получателю не вместе с файлом (по телефону, лично).</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>(your organisation's first saved signatory)</source>
            <translation>(первый сохранённый подписант вашей организации)</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>Папка данных</translation>
        </message>
        <message>
            <source>Data folder:</source>
            <translation>Папка данных:</translation>
        </message>
        <message>
            <source>Default &amp;letterhead:</source>
            <translation>&amp;Бланк по умолчанию:</translation>
        </message>
        <message>
            <source>Default &amp;place:</source>
            <translation>&amp;Место по умолчанию:</translation>
        </message>
        <message>
            <source>Default &amp;signatory:</source>
            <translation>&amp;Подписант по умолчанию:</translation>
        </message>
        <message>
            <source>Interface &amp;language:</source>
            <translation>&amp;Язык интерфейса:</translation>
        </message>
        <message>
            <source>Interface Language</source>
            <translation>Язык интерфейса</translation>
        </message>
        <message>
            <source>Open Folder</source>
            <translation>Открыть папку</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>Параметры</translation>
        </message>
        <message>
            <source>Shown in revisions and comments</source>
            <translation>Показывается в редакциях и комментариях</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>Язык системы</translation>
        </message>
        <message>
            <source>The new interface language will be used the next time you start IPHR Desk.</source>
            <translation>Новый язык интерфейса будет применён при следующем запуске IPHR Desk.</translation>
        </message>
        <message>
            <source>Who signs a new letter. Automatic: the first saved signatory of the default letterhead's organisation.</source>
            <translation>Кто подписывает новое письмо. Автоматически: первый сохранённый подписант организации бланка по умолчанию.</translation>
        </message>
        <message>
            <source>Your &amp;name:</source>
            <translation>&amp;Ваше имя:</translation>
        </message>
        <message>
            <source>Your &amp;role:</source>
            <translation>Ваша &amp;роль:</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <source>Preview of the exported letter</source>
            <extracomment>Stands for the salutation while it awaits the recipient's name; letters only, so no typography rule or HTML escaping touches it before it is swapped for the hint.</extracomment>
            <translation>Предварительный просмотр экспортируемого письма</translation>
        </message>
    </context>
    <context>
        <name>Profile</name>
        <message>
            <source>Choose or type your role</source>
            <translation>Выберите или введите свою роль</translation>
        </message>
        <message>
            <source>Director (signatory)</source>
            <translation>Директор (подписант)</translation>
        </message>
        <message>
            <source>Field officer</source>
            <translation>Полевой сотрудник</translation>
        </message>
        <message>
            <source>Partner organisation</source>
            <translation>Партнёрская организация</translation>
        </message>
        <message>
            <source>Programme officer</source>
            <translation>Менеджер программы</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>Рецензент</translation>
        </message>
        <message>
            <source>Unnamed user</source>
            <translation>Пользователь без имени</translation>
        </message>
    </context>
    <context>
        <name>ProfileQuestion</name>
        <message>
            <source>First name and surname</source>
            <translation>Имя и фамилия</translation>
        </message>
        <message>
            <source>Welcome to IPHR Desk</source>
            <extracomment>The name was stored (the caller may refresh what shows it).</extracomment>
            <translation>Добро пожаловать в IPHR Desk</translation>
        </message>
        <message>
            <source>Your &amp;name:</source>
            <translation>&amp;Ваше имя:</translation>
        </message>
        <message>
            <source>Your &amp;role:</source>
            <translation>Ваша &amp;роль:</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Ваше имя</translation>
        </message>
        <message>
            <source>Your name is recorded with every status change, comment and revision, so your colleagues know who approved or changed a letter; your role says in which capacity. You can change both later in Preferences.</source>
            <translation>Ваше имя записывается при каждой смене статуса, каждом комментарии и каждой редакции, чтобы коллеги знали, кто утвердил или изменил письмо; роль показывает, в каком качестве. И то и другое можно изменить позже в настройках.</translation>
        </message>
        <message>
            <source>Your role</source>
            <translation>Ваша роль</translation>
        </message>
    </context>
    <context>
        <name>RecipientOffer</name>
        <message>
            <source>%1 is not in the address book. Save this recipient for later letters?</source>
            <translation>%1 нет в адресной книге. Сохранить этого адресата для следующих писем?</translation>
        </message>
        <message>
            <source>Could not save the recipient</source>
            <translation>Не удалось сохранить адресата</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>Не сейчас</translation>
        </message>
        <message>
            <source>Save to address book</source>
            <translation>Сохранить в адресную книгу</translation>
        </message>
    </context>
    <context>
        <name>RecipientTableModel</name>
        <message>
            <source>Gender</source>
            <translation>Пол</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Office</source>
            <translation>Пост</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Организация</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Должность</translation>
        </message>
    </context>
    <context>
        <name>RecordDialog</name>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Адрес:</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Обзор…</translation>
        </message>
        <message>
            <source>&amp;Gender:</source>
            <translation>&amp;Пол:</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Язык:</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Имя:</translation>
        </message>
        <message>
            <source>&amp;Office:</source>
            <translation>П&amp;ост:</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>&amp;Должность:</translation>
        </message>
        <message>
            <source>&amp;Website:</source>
            <translation>&amp;Сайт:</translation>
        </message>
        <message>
            <source>Any</source>
            <translation>Любой</translation>
        </message>
        <message>
            <source>Choose a Word Letterhead</source>
            <translation>Выбор бланка Word</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Delete this entry? Letters keep their own copy of it.</source>
            <translation>Удалить эту запись? В письмах сохранится их собственная копия.</translation>
        </message>
        <message>
            <source>Edit Letterhead</source>
            <translation>Изменение бланка</translation>
        </message>
        <message>
            <source>Edit Recipient</source>
            <translation>Изменение адресата</translation>
        </message>
        <message>
            <source>Edit Signatory</source>
            <translation>Изменение подписанта</translation>
        </message>
        <message>
            <source>New Letterhead</source>
            <translation>Новый бланк</translation>
        </message>
        <message>
            <source>New Recipient</source>
            <translation>Новый адресат</translation>
        </message>
        <message>
            <source>New Signatory</source>
            <translation>Новый подписант</translation>
        </message>
        <message>
            <source>Or&amp;ganisation:</source>
            <translation>Орга&amp;низация:</translation>
        </message>
        <message>
            <source>Please fill in the name.</source>
            <translation>Укажите имя.</translation>
        </message>
        <message>
            <source>S&amp;urname:</source>
            <translation>&amp;Фамилия:</translation>
        </message>
        <message>
            <source>Signature &amp;image:</source>
            <translation>Изобра&amp;жение подписи:</translation>
        </message>
        <message>
            <source>This could not be deleted.</source>
            <translation>Не удалось удалить.</translation>
        </message>
        <message>
            <source>This could not be saved.</source>
            <translation>Не удалось сохранить.</translation>
        </message>
        <message>
            <source>Title &amp;by language:</source>
            <translation>Должность &amp;по языкам:</translation>
        </message>
        <message>
            <source>Word &amp;template:</source>
            <translation>&amp;Шаблон Word:</translation>
        </message>
        <message>
            <source>Word documents (*.docx)</source>
            <translation>Документы Word (*.docx)</translation>
        </message>
        <message>
            <source>Word template</source>
            <translation>Шаблон Word</translation>
        </message>
    </context>
    <context>
        <name>RecordPages</name>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Удалить</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Изменить…</translation>
        </message>
        <message>
            <source>&amp;New…</source>
            <translation>&amp;Создать…</translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <source>%1 (in the app)</source>
            <translation>%1 (в приложении)</translation>
        </message>
        <message>
            <source>%1 (in Word)</source>
            <translation>%1 (в Word)</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Одобрить</translation>
        </message>
        <message>
            <source>Mark sent</source>
            <translation>Отметить как отправленное</translation>
        </message>
        <message>
            <source>Mark signed…</source>
            <translation>Отметить подписанным…</translation>
        </message>
        <message>
            <source>On “%1”:</source>
            <translation>К тексту «%1»:</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>Вернуть в работу</translation>
        </message>
        <message>
            <source>Request changes…</source>
            <translation>Запросить изменения…</translation>
        </message>
        <message>
            <source>Submit for review</source>
            <translation>Отправить на рассмотрение</translation>
        </message>
    </context>
    <context>
        <name>ReviewActions</name>
        <message>
            <source>&amp;Import Reviewed Copy…</source>
            <translation>&amp;Импортировать проверенную копию…</translation>
        </message>
        <message>
            <source>A passphrase to encrypt the package (tell it to the reviewer another way):</source>
            <translation>Парольная фраза для шифрования пакета (сообщите её рецензенту другим способом):</translation>
        </message>
        <message>
            <source>Choose a Folder for the Documents to Review</source>
            <translation>Выберите папку для документов на проверку</translation>
        </message>
        <message>
            <source>Could Not Export for Review</source>
            <translation>Не удалось экспортировать на проверку</translation>
        </message>
        <message>
            <source>Could Not Import the Reviewed Copy</source>
            <translation>Не удалось импортировать проверенную копию</translation>
        </message>
        <message>
            <source>Could Not Read the Reviewed Copy</source>
            <translation>Не удалось прочитать проверенную копию</translation>
        </message>
        <message>
            <source>Could Not Write the Package</source>
            <translation>Не удалось записать пакет</translation>
        </message>
        <message>
            <source>Exchange packages (*%1)</source>
            <translation>Пакеты обмена (*%1)</translation>
        </message>
        <message>
            <source>Export the selected letter as a Word document (or a package) for its reviewer</source>
            <translation>Экспортировать выбранное письмо как документ Word (или пакет) для рецензента</translation>
        </message>
        <message>
            <source>Import a Reviewed Copy</source>
            <translation>Импорт проверенной копии</translation>
        </message>
        <message>
            <source>Import it as a new letter?</source>
            <translation>Импортировать её как новое письмо?</translation>
        </message>
        <message>
            <source>Import Reviewed Copy</source>
            <translation>Импорт проверенной копии</translation>
        </message>
        <message>
            <source>New letter</source>
            <translation>Новое письмо</translation>
        </message>
        <message>
            <source>Package Passphrase</source>
            <translation>Парольная фраза пакета</translation>
        </message>
        <message>
            <source>Reviewed copy imported: %1</source>
            <translation>Проверенная копия импортирована: %1</translation>
        </message>
        <message>
            <source>Select one letter to send for review.</source>
            <translation>Выберите одно письмо для отправки на проверку.</translation>
        </message>
        <message>
            <source>Send for &amp;Review…</source>
            <translation>Отправить на &amp;проверку…</translation>
        </message>
        <message>
            <source>Send for Review</source>
            <translation>Отправка на проверку</translation>
        </message>
        <message>
            <source>Sent for review</source>
            <translation>Отправлено на проверку</translation>
        </message>
        <message>
            <source>Sent for review: %1</source>
            <translation>Отправлено на проверку: %1</translation>
        </message>
        <message>
            <source>Take back a reviewed Word document: see its changes, then accept them</source>
            <translation>Принять обратно проверенный документ Word: просмотреть правки и затем принять их</translation>
        </message>
        <message>
            <source>Take it into the selected letter?</source>
            <translation>Принять её в выбранное письмо?</translation>
        </message>
        <message>
            <source>The letter is written to %1. Move it to “In review” now?</source>
            <translation>Письмо записано в %1. Перевести его в статус «На рассмотрении»?</translation>
        </message>
        <message>
            <source>The letter “%1” has the status “%2”, and this reviewed copy changes it. Reopen it as a draft to take the changes in?</source>
            <translation>Письмо «%1» имеет статус «%2», а эта проверенная копия его меняет. Вернуть письмо в черновики, чтобы принять правки?</translation>
        </message>
        <message>
            <source>The same passphrase again:</source>
            <translation>Та же парольная фраза ещё раз:</translation>
        </message>
        <message>
            <source>The two passphrases differ; nothing was written.</source>
            <translation>Парольные фразы не совпадают; ничего не записано.</translation>
        </message>
        <message>
            <source>Word documents (*.docx)</source>
            <translation>Документы Word (*.docx)</translation>
        </message>
        <message>
            <source>Word documents (*.docx);;All files (*)</source>
            <translation>Документы Word (*.docx);;Все файлы (*)</translation>
        </message>
        <message>
            <source>“%1” does not come from a letter of this store (it has no IPHR Desk identity, or it was exported elsewhere).</source>
            <translation>«%1» не относится ни к одному письму этой базы (у неё нет отметки IPHR Desk, или она экспортирована из другой базы).</translation>
        </message>
    </context>
    <context>
        <name>ReviewImportDialog</name>
        <message numerus="yes">
            <source>%n change(s) to the head or foot of the letter (kept as the recipient's overrides).</source>
            <translation>
                <numerusform>%n изменение в шапке или подписи письма (сохранено как ручное значение адресата).</numerusform>
                <numerusform>%n изменения в шапке или подписи письма (сохранены как ручные значения адресата).</numerusform>
                <numerusform>%n изменений в шапке или подписи письма (сохранены как ручные значения адресата).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n comment(s)</source>
            <translation>
                <numerusform>%n комментарий</numerusform>
                <numerusform>%n комментария</numerusform>
                <numerusform>%n комментариев</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n paragraph(s) changed both in the app and in the copy: both texts are kept and flagged.</source>
            <translation>
                <numerusform>%n абзац изменён и в приложении, и в копии: оба текста сохранены и отмечены.</numerusform>
                <numerusform>%n абзаца изменены и в приложении, и в копии: оба текста сохранены и отмечены.</numerusform>
                <numerusform>%n абзацев изменены и в приложении, и в копии: оба текста сохранены и отмечены.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n tracked change(s)</source>
            <translation>
                <numerusform>%n отслеживаемое изменение</numerusform>
                <numerusform>%n отслеживаемых изменения</numerusform>
                <numerusform>%n отслеживаемых изменений</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Accept</source>
            <translation>&amp;Принять</translation>
        </message>
        <message>
            <source>(done)</source>
            <translation>(решено)</translation>
        </message>
        <message>
            <source>A new letter made from the reviewed copy.</source>
            <translation>Новое письмо из проверенной копии.</translation>
        </message>
        <message>
            <source>Accept and A&amp;pprove</source>
            <translation>Принять и &amp;утвердить</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Адрес</translation>
        </message>
        <message>
            <source>After the import</source>
            <translation>После импорта</translation>
        </message>
        <message>
            <source>Against the Letter Now</source>
            <translation>По сравнению с текущим письмом</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>Автор</translation>
        </message>
        <message>
            <source>Body</source>
            <translation>Текст письма</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Изменение</translation>
        </message>
        <message>
            <source>Closing</source>
            <translation>Заключительная формула</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Комментарий</translation>
        </message>
        <message>
            <source>Comments (%1)</source>
            <translation>Комментарии (%1)</translation>
        </message>
        <message>
            <source>Comments in the copy</source>
            <translation>Комментарии в копии</translation>
        </message>
        <message>
            <source>Copies (cc)</source>
            <translation>Копии (cc)</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Удалено</translation>
        </message>
        <message>
            <source>Footnote</source>
            <translation>Сноска</translation>
        </message>
        <message>
            <source>Formatting</source>
            <translation>Форматирование</translation>
        </message>
        <message>
            <source>Head of the letter</source>
            <translation>Шапка письма</translation>
        </message>
        <message>
            <source>Import Reviewed Copy</source>
            <extracomment>What a conflict paragraph starts with in the merged text (core/exchange/merge.py's markers).</extracomment>
            <translation>Импорт проверенной копии</translation>
        </message>
        <message>
            <source>Inserted</source>
            <translation>Вставлено</translation>
        </message>
        <message>
            <source>Moved</source>
            <translation>Перемещено</translation>
        </message>
        <message>
            <source>Moved away</source>
            <translation>Перемещено отсюда</translation>
        </message>
        <message>
            <source>Moved here</source>
            <translation>Перемещено сюда</translation>
        </message>
        <message>
            <source>On the text</source>
            <translation>К тексту</translation>
        </message>
        <message>
            <source>Paragraph</source>
            <translation>Абзац</translation>
        </message>
        <message>
            <source>Please check: %1</source>
            <translation>Проверьте: %1</translation>
        </message>
        <message>
            <source>Reviewed by: %1</source>
            <translation>Проверил(а): %1</translation>
        </message>
        <message>
            <source>Reviewed copy: %1</source>
            <translation>Проверенная копия: %1</translation>
        </message>
        <message>
            <source>Reviewer's Changes</source>
            <translation>Правки рецензента</translation>
        </message>
        <message>
            <source>Salutation</source>
            <translation>Обращение</translation>
        </message>
        <message>
            <source>Signature</source>
            <translation>Подпись</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Текст</translation>
        </message>
        <message>
            <source>The copy asks for no change: store it and approve the letter</source>
            <translation>Копия не требует изменений: сохранить её и утвердить письмо</translation>
        </message>
        <message>
            <source>The letter now</source>
            <translation>Письмо сейчас</translation>
        </message>
        <message>
            <source>The letter will move to: &lt;b&gt;%1&lt;/b&gt;</source>
            <translation>Новый статус письма: &lt;b&gt;%1&lt;/b&gt;</translation>
        </message>
        <message>
            <source>This copy was imported before: there is nothing new to store.</source>
            <translation>Эта копия уже импортирована: сохранять нечего.</translation>
        </message>
        <message>
            <source>Tracked changes</source>
            <translation>Исправления</translation>
        </message>
        <message>
            <source>Tracked Changes (%1)</source>
            <translation>Исправления (%1)</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Где</translation>
        </message>
    </context>
    <context>
        <name>ReviewPanel</name>
        <message>
            <source>%1 (resolved)</source>
            <translation>%1 (решено)</translation>
        </message>
        <message>
            <source>%1 → %2</source>
            <translation>%1 → %2</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>Автор</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Кто</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Изменение</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Комментарий</translation>
        </message>
        <message>
            <source>Comment text</source>
            <translation>Текст комментария</translation>
        </message>
        <message>
            <source>Comments</source>
            <translation>Комментарии</translation>
        </message>
        <message>
            <source>History</source>
            <translation>История</translation>
        </message>
        <message>
            <source>Reply</source>
            <translation>Ответить</translation>
        </message>
        <message>
            <source>Resolve</source>
            <translation>Отметить как решённое</translation>
        </message>
        <message>
            <source>Review status</source>
            <translation>Статус рассмотрения</translation>
        </message>
        <message>
            <source>Status history</source>
            <translation>История статусов</translation>
        </message>
        <message>
            <source>Status: &lt;b&gt;%1&lt;/b&gt;</source>
            <translation>Статус: &lt;b&gt;%1&lt;/b&gt;</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <source>Write a comment or a reply…</source>
            <translation>Напишите комментарий или ответ…</translation>
        </message>
    </context>
    <context>
        <name>Revisions</name>
        <message>
            <source>Created</source>
            <translation>Создано</translation>
        </message>
        <message>
            <source>Demo data</source>
            <translation>Демонстрационные данные</translation>
        </message>
        <message>
            <source>Exported for review</source>
            <translation>Экспортировано на проверку</translation>
        </message>
        <message>
            <source>From an exchange package</source>
            <translation>Из пакета обмена</translation>
        </message>
        <message>
            <source>Imported from a letter file</source>
            <translation>Импортировано из файла письма</translation>
        </message>
        <message>
            <source>Merged</source>
            <translation>Объединено</translation>
        </message>
        <message>
            <source>Restored</source>
            <translation>Восстановлено</translation>
        </message>
        <message>
            <source>Restored an earlier version</source>
            <translation>Восстановлена прежняя версия</translation>
        </message>
        <message>
            <source>Restored the version of %1</source>
            <translation>Восстановлена версия от %1</translation>
        </message>
        <message>
            <source>Reviewed copy</source>
            <translation>Проверенная копия</translation>
        </message>
        <message>
            <source>Reviewed copy: %1</source>
            <translation>Проверенная копия: %1</translation>
        </message>
        <message>
            <source>Save point</source>
            <translation>Точка сохранения</translation>
        </message>
        <message>
            <source>Status: %1 → %2</source>
            <translation>Статус: %1 → %2</translation>
        </message>
    </context>
    <context>
        <name>RevisionsPanel</name>
        <message>
            <source>Compare Revisions</source>
            <translation>Сравнение редакций</translation>
        </message>
        <message>
            <source>Compare selected</source>
            <translation>Сравнить выбранные</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Восстановить</translation>
        </message>
        <message>
            <source>Revision %1</source>
            <translation>Редакция %1</translation>
        </message>
        <message>
            <source>Revisions</source>
            <extracomment>core/exchange/review_import.py: "reviewed copy FILE (REVIEWERS)".</extracomment>
            <translation>Редакции</translation>
        </message>
        <message>
            <source>Select two revisions to compare them, or one to compare it with the newest</source>
            <translation>Выберите две редакции, чтобы сравнить их, или одну, чтобы сравнить её с последней</translation>
        </message>
    </context>
    <context>
        <name>SearchField</name>
        <message>
            <source>Search</source>
            <translation>Поиск</translation>
        </message>
        <message>
            <source>Search letters and cases…</source>
            <translation>Поиск по письмам и делам…</translation>
        </message>
    </context>
    <context>
        <name>SendForReviewDialog</name>
        <message>
            <source>As a &amp;Word document, to review with tracked changes</source>
            <translation>Как документ &amp;Word для проверки с записью исправлений</translation>
        </message>
        <message>
            <source>As an encrypted &amp;exchange package, for a reviewer using IPHR Desk</source>
            <translation>Как зашифрованный &amp;пакет обмена для рецензента, работающего в IPHR Desk</translation>
        </message>
        <message>
            <source>How should “%1” travel to its reviewer?</source>
            <translation>В каком виде отправить «%1» рецензенту?</translation>
        </message>
        <message>
            <source>Include the open &amp;comments as Word comments</source>
            <translation>Включить открытые &amp;комментарии как примечания Word</translation>
        </message>
        <message>
            <source>Send for Review</source>
            <translation>Отправка на проверку</translation>
        </message>
        <message>
            <source>The document remembers which letter and which revision it was made from, so the reviewed copy can be taken back with “Import Reviewed Copy…”.</source>
            <translation>Документ помнит, из какого письма и какой редакции он сделан, поэтому проверенную копию можно будет принять через «Импортировать проверенную копию…».</translation>
        </message>
    </context>
    <context>
        <name>SignActions</name>
        <message>
            <source>&amp;Sign…</source>
            <translation>&amp;Подписать…</translation>
        </message>
        <message>
            <source>Cannot Sign</source>
            <translation>Подписать нельзя</translation>
        </message>
        <message>
            <source>Could Not Record the Signature</source>
            <translation>Не удалось сохранить запись о подписи</translation>
        </message>
        <message>
            <source>Could Not Sign</source>
            <translation>Не удалось подписать</translation>
        </message>
        <message>
            <source>Letter Signed</source>
            <translation>Письмо подписано</translation>
        </message>
        <message>
            <source>Sign</source>
            <translation>Подписать</translation>
        </message>
        <message>
            <source>Sign the selected approved letter with your certificate, as a PDF</source>
            <translation>Подписать выбранное утверждённое письмо вашим сертификатом, в формате PDF</translation>
        </message>
        <message>
            <source>Signed by %1 on %2 UTC. The letter is now signed; the PDF is %3.</source>
            <translation>Подписал(а) %1, %2 UTC. Письмо теперь подписано; PDF-файл: %3.</translation>
        </message>
        <message>
            <source>Signing… (making the PDF/A and signing it)</source>
            <translation>Подписание… (создание PDF/A и подпись)</translation>
        </message>
    </context>
    <context>
        <name>SignDialog</name>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Обзор…</translation>
        </message>
        <message>
            <source>&amp;Certificate:</source>
            <translation>&amp;Сертификат:</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>Паро&amp;льная фраза:</translation>
        </message>
        <message>
            <source>&amp;Signed by:</source>
            <translation>&amp;Подписал(а):</translation>
        </message>
        <message>
            <source>A .p12 or .pfx file</source>
            <translation>Файл .p12 или .pfx</translation>
        </message>
        <message>
            <source>Br&amp;owse…</source>
            <translation>Об&amp;зор…</translation>
        </message>
        <message>
            <source>Certificate file</source>
            <translation>Файл сертификата</translation>
        </message>
        <message>
            <source>Certificates (*.p12 *.pfx);;All files (*)</source>
            <translation>Сертификаты (*.p12 *.pfx);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Choose Your Certificate</source>
            <translation>Выберите сертификат</translation>
        </message>
        <message>
            <source>Passphrase of the certificate</source>
            <translation>Парольная фраза сертификата</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Документы PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Save the Signed PDF</source>
            <translation>Сохранить подписанный PDF</translation>
        </message>
        <message>
            <source>Sign</source>
            <translation>Подписать</translation>
        </message>
        <message>
            <source>Sign the Letter</source>
            <translation>Подписать письмо</translation>
        </message>
        <message>
            <source>Signed PDF</source>
            <translation>Подписанный PDF</translation>
        </message>
        <message>
            <source>Signed PDF &amp;file:</source>
            <translation>&amp;Файл подписанного PDF:</translation>
        </message>
        <message>
            <source>Who signs</source>
            <translation>Кто подписывает</translation>
        </message>
        <message>
            <source>“%1” will be made as a PDF/A, signed with your certificate (PAdES), and marked as signed.</source>
            <translation>Письмо «%1» будет сохранено в PDF/A, подписано вашим сертификатом (PAdES) и отмечено как подписанное.</translation>
        </message>
    </context>
    <context>
        <name>SignatoryTableModel</name>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Организация</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Должность</translation>
        </message>
    </context>
    <context>
        <name>SignatureImageField</name>
        <message>
            <source>A PNG or SVG of the handwritten signature. It is printed above the name only on letters that are signed or sent, never on a draft.</source>
            <translation>PNG или SVG собственноручной подписи. Она печатается над именем только в подписанных или отправленных письмах, никогда — в черновике.</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>&amp;Выбрать…</translation>
        </message>
        <message>
            <source>Choose a signature image</source>
            <translation>Выбрать изображение подписи</translation>
        </message>
        <message>
            <source>Choose a Signature Image</source>
            <translation>Выберите изображение подписи</translation>
        </message>
        <message>
            <source>Clea&amp;r</source>
            <translation>&amp;Убрать</translation>
        </message>
        <message>
            <source>Clear the signature image</source>
            <translation>Убрать изображение подписи</translation>
        </message>
        <message>
            <source>No signature image</source>
            <translation>Нет изображения подписи</translation>
        </message>
        <message>
            <source>Signature Image</source>
            <translation>Изображение подписи</translation>
        </message>
        <message>
            <source>Signature images (*.png *.svg)</source>
            <translation>Изображения подписи (*.png *.svg)</translation>
        </message>
    </context>
    <context>
        <name>SingleInstance</name>
        <message>
            <source>IPHR Desk is already open on this data folder (%1) but does not answer. Close it, or wait until it has finished, then try again.</source>
            <translation>IPHR Desk уже открыт с этой папкой данных (%1), но не отвечает. Закройте его или дождитесь завершения работы, затем попробуйте снова.</translation>
        </message>
        <message>
            <source>IPHR Desk is already open on this data folder: its window has been brought forward.</source>
            <translation>IPHR Desk уже открыт с этой папкой данных: его окно выведено на передний план.</translation>
        </message>
        <message>
            <source>owner unknown</source>
            <translation>владелец неизвестен</translation>
        </message>
        <message>
            <source>process %1 on %2</source>
            <translation>процесс %1 на %2</translation>
        </message>
    </context>
    <context>
        <name>StatusChangeDialog</name>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Причина:</translation>
        </message>
        <message>
            <source>&amp;Signed by:</source>
            <translation>&amp;Подписал(а):</translation>
        </message>
        <message>
            <source>Mark as Signed</source>
            <translation>Отметить как подписанное</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Причина</translation>
        </message>
        <message>
            <source>Request Changes</source>
            <translation>Запросить правки</translation>
        </message>
        <message>
            <source>Say what should change. The reason is added to the letter's comments and to its history.</source>
            <translation>Укажите, что нужно изменить. Причина будет добавлена в комментарии к письму и в его историю.</translation>
        </message>
        <message>
            <source>Signatory</source>
            <translation>Подписант</translation>
        </message>
        <message>
            <source>What should the writer change, and why?</source>
            <translation>Что автор должен изменить и почему?</translation>
        </message>
        <message>
            <source>Which signatory signed the letter? Their name is recorded in the letter's history.</source>
            <translation>Кто из подписантов подписал письмо? Его имя будет записано в историю письма.</translation>
        </message>
    </context>
    <context>
        <name>StatusMenu</name>
        <message>
            <source>Approve</source>
            <translation>Одобрить</translation>
        </message>
        <message>
            <source>Change &amp;Status</source>
            <translation>Изменить &amp;статус</translation>
        </message>
        <message>
            <source>Mark as Sent</source>
            <translation>Отметить как отправленное</translation>
        </message>
        <message>
            <source>Mark as Signed…</source>
            <translation>Отметить как подписанное…</translation>
        </message>
        <message>
            <source>Now: %1</source>
            <translation>Сейчас: %1</translation>
        </message>
        <message>
            <source>Reopen as Draft</source>
            <translation>Вернуть в черновики</translation>
        </message>
        <message>
            <source>Request Changes…</source>
            <translation>Запросить изменения…</translation>
        </message>
        <message>
            <source>Resubmit for Review</source>
            <translation>Повторно отправить на рассмотрение</translation>
        </message>
        <message>
            <source>Select one letter</source>
            <translation>Выберите одно письмо</translation>
        </message>
        <message>
            <source>Submit for Review</source>
            <translation>Отправить на рассмотрение</translation>
        </message>
    </context>
    <context>
        <name>StatusNote</name>
        <message>
            <source>As: %1</source>
            <translation>В качестве: %1</translation>
        </message>
        <message>
            <source>From the reviewed copy %1</source>
            <translation>Из проверенной копии %1</translation>
        </message>
        <message>
            <source>On the author's own letter (confirmed)</source>
            <translation>Собственное письмо автора (подтверждено)</translation>
        </message>
        <message>
            <source>Reason: %1</source>
            <translation>Причина: %1</translation>
        </message>
        <message>
            <source>Signed by: %1</source>
            <translation>Подписал(а): %1</translation>
        </message>
    </context>
    <context>
        <name>StoreOp</name>
        <message>
            <source>Something went wrong.</source>
            <translation>Что-то пошло не так.</translation>
        </message>
    </context>
    <context>
        <name>TitlesField</name>
        <message>
            <source>The general title</source>
            <translation>Общая должность</translation>
        </message>
        <message>
            <source>Title in %1</source>
            <translation>Должность: %1</translation>
        </message>
    </context>
    <context>
        <name>ToolsMenu</name>
        <message>
            <source>&lt;h3&gt;IPHR Desk %1&lt;/h3&gt;&lt;p&gt;Cases and advocacy letters on the organisation's letterhead, offline.&lt;/p&gt;&lt;p&gt;Your data stays on this computer: IPHR Desk never connects to the network.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;IPHR Desk %1&lt;/h3&gt;&lt;p&gt;Дела и правозащитные письма на бланке организации, без подключения к интернету.&lt;/p&gt;&lt;p&gt;Ваши данные остаются на этом компьютере: IPHR Desk никогда не подключается к сети.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About IPHR Desk</source>
            <translation>О программе IPHR Desk</translation>
        </message>
        <message>
            <source>About Qt</source>
            <translation>О Qt</translation>
        </message>
        <message>
            <source>Could Not Load the Demo Data</source>
            <translation>Не удалось загрузить демонстрационные данные</translation>
        </message>
        <message>
            <source>Demo cases and letters loaded</source>
            <translation>Демонстрационные дела и письма загружены</translation>
        </message>
        <message>
            <source>Demo Data</source>
            <translation>Демонстрационные данные</translation>
        </message>
        <message>
            <source>The demo data is not available in this build.</source>
            <translation>Демонстрационные данные недоступны в этой сборке.</translation>
        </message>
    </context>
    <context>
        <name>TrashPage</name>
        <message numerus="yes">
            <source>%n letter(s) restored</source>
            <translation>
                <numerusform>Восстановлено %n письмо</numerusform>
                <numerusform>Восстановлено %n письма</numerusform>
                <numerusform>Восстановлено %n писем</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Empty Trash…</source>
            <translation>&amp;Очистить корзину…</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>&amp;Восстановить</translation>
        </message>
        <message>
            <source>Search the trash…</source>
            <extracomment>A line for the status bar.</extracomment>
            <translation>Поиск в корзине…</translation>
        </message>
    </context>
</TS>
