; Inno Setup 6.3+ script: installs the one-folder bundle dist\iphr-desk\ built on Windows by `make package`
; (or `pyinstaller --noconfirm --clean packaging\iphr-desk.spec`).
; Build the installer:  iscc packaging\windows\iphr-desk.iss   ->  dist\iphr-desk-<version>-setup.exe
;
; The wizard asks "for me only" (no administrator rights; %LOCALAPPDATA%\Programs) or "for all users"
; (Program Files). The Start menu shortcut starts iphr-desk-gui.exe (no console window) and carries the
; AppUserModelID IPHR.Desk, so Windows groups the app's taskbar button with the shortcut and its icon; the app
; declares the same ID for itself at start (SetCurrentProcessExplicitAppUserModelID) for when it is started
; some other way.
; Uninstalling removes the program and the shortcuts; the letters, cases and backups in the data folder
; (%LOCALAPPDATA%\IPHR\iphr-desk) stay, because they are the user's.

#define AppName "IPHR Desk"
#define AppVersion "0.1.0"
#define AppUserModelID "IPHR.Desk"
#define GuiExe "iphr-desk-gui.exe"
#define CliExe "iphr-desk.exe"

[Setup]
; The AppId identifies the product across versions: never change it.
AppId={{A3028E87-847C-4D24-B12B-A77303F5D5BB}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=IPHR Desk developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user by default; the wizard offers an all-users install to those who can elevate.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=iphr-desk-{#AppVersion}-setup
; Drawn from the SVG by packaging\icons\make_icons.py during the PyInstaller build.
SetupIconFile=..\..\build\iphr-desk\icons\iphr-desk.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the libraries wholesale, so no file of an older version lingers next to the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\iphr-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; AppUserModelID: "{#AppUserModelID}"; Comment: "Cases and advocacy letters, offline"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; AppUserModelID: "{#AppUserModelID}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: filesandordirs; Name: "{app}\_internal"
