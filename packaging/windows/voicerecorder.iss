; Inno Setup script: the per-user Windows installer for VoiceRecorder (no administrator rights).
; Build (from the repository root, after PyInstaller has made dist\voicerecorder\):
;   iscc /DAppVersion=0.1.0 packaging\windows\voicerecorder.iss
; Output: dist\VoiceRecorder-<version>-windows-x64-setup.exe
; The Simplified Chinese messages are the project's own, ChineseSimplified.isl next to this
; script (Inno Setup 6.4.1 does not ship them); packaging/windows/check-installer.sh proves
; this script under wine.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\voicerecorder.iss
#endif
#define AppName "VoiceRecorder"
#define AppExe "voicerecorder.exe"
#define Root "..\.."

[Setup]
AppId={{4E0F6C52-2B7A-4C1E-9E55-6A3B2F8D1C07}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} Setup
; Per user: installs into %LOCALAPPDATA%\Programs\VoiceRecorder and never asks for admin rights.
; {localappdata}\Programs is the folder {autopf} names in this per-user mode on Windows; wine 8
; cannot expand {autopf}, and packaging/windows/check-installer.sh installs under wine.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile={#Root}\resources\icons\voicerecorder.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir={#Root}\dist
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"

[CustomMessages]
english.KeepRecordings=Keep your recordings and sessions?%n%n%1%n%nChoose Yes to keep them (you can reinstall VoiceRecorder later and carry on). Choose No to delete them for good.
chinesesimplified.KeepRecordings=是否保留您的录音和录制会话？%n%n%1%n%n选择“是”保留（以后重新安装 VoiceRecorder 可以继续使用）。选择“否”将永久删除。
english.StartRecorder=Start VoiceRecorder
chinesesimplified.StartRecorder=启动 VoiceRecorder

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\voicerecorder\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:StartRecorder}"; Flags: nowait postinstall skipifsilent

[Code]
(* The recordings live in the user-data folder (platformdirs: %LOCALAPPDATA%\voicerecorder),
   not in {app}; the uninstaller asks before touching them and keeps them when silent.
   A brace comment would end at the first closing brace, so this one uses parentheses. *)
function RecordingsFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\voicerecorder');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(RecordingsFolder()) and not UninstallSilent() then
  begin
    if MsgBox(FmtMessage(CustomMessage('KeepRecordings'), [RecordingsFolder()]),
              mbConfirmation, MB_YESNO or MB_DEFBUTTON1) = IDNO then
      DelTree(RecordingsFolder(), True, True, True);
  end;
end;
