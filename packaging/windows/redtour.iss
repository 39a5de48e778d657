; Inno Setup script for redtour (红色寻访助手). Built by .github/workflows/windows-installer.yml:
;   pyinstaller packaging\redtour.spec  →  build\dist\redtour\
;   iscc /DAppVersion=0.2.0 packaging\windows\redtour.iss
;
; Per-user install by default (no administrator needed on union office PCs), optional all-users install.
; The program folder is read-only to the app: the working database, logs and settings live in
; %LOCALAPPDATA%\redtour and the registry (QSettings), and the uninstaller leaves them in place.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "红色寻访助手"
#define AppExe "redtour.exe"
#define Bundle "..\..\build\dist\redtour"

[Setup]
AppId={{6C1D3E52-4B7A-4F0E-9C58-5A1D0E2B7A41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=redtour developers
VersionInfoVersion={#AppVersion}
VersionInfoProductName=redtour
DefaultDirName={autopf}\redtour
DefaultGroupName={#AppName}
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile=..\..\resources\icons\redtour.ico
OutputDir=..\..\build\installer
OutputBaseFilename=redtour-{#AppVersion}-setup
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\CHANGELOG.md"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "百万职工红色寻访：场馆目录、路线规划、签到与统计"
Name: "{group}\卸载 {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put in {app}. User data in %LOCALAPPDATA%\redtour is deliberately kept.
Type: filesandordirs; Name: "{app}\_internal"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    MsgBox('程序已卸载。工作数据库、日志和设置仍保存在 ' + ExpandConstant('{localappdata}\redtour') +
           '，重新安装后可继续使用；如需彻底删除，请手动删除该文件夹（请先备份）。', mbInformation, MB_OK);
end;
