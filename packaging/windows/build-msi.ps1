# Builds the Windows x64 installer (kenpo-kiosk-<version>.msi) from the shaded jar.
# Needs: a JDK 17 (jlink, jpackage, jdeps, jar) and the WiX Toolset 3.14 on PATH (candle.exe, light.exe).
# Not run by the project's CI (no Windows there); see README.md beside this file.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-msi.ps1 target\kenpo-kiosk.jar target\package-windows 0.1.0 jp.kenpo.kiosk.cli.Main
param(
  [Parameter(Mandatory)] [string] $Jar,
  [Parameter(Mandatory)] [string] $Out,
  [Parameter(Mandatory)] [string] $Version,
  [Parameter(Mandatory)] [string] $MainClass
)
$ErrorActionPreference = 'Stop'
$Version = $Version -replace '-SNAPSHOT$', ''
$Name = 'kenpo-kiosk'
$Here = Split-Path -Parent $MyInvocation.MyCommand.Path
$Project = Split-Path -Parent (Split-Path -Parent $Here)
Remove-Item -Recurse -Force $Out -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$Out\input", "$Out\jar" | Out-Null

# 1. Only Windows x86_64's natives: unpack, delete the other platforms' folders, pack again.
Push-Location "$Out\jar"
jar xf (Resolve-Path $Jar)
Remove-Item -Recurse -Force nu\pattern\opencv\linux, nu\pattern\opencv\osx, nu\pattern\opencv\windows\x86_32
Get-ChildItem org\sqlite\native | Where-Object Name -ne 'Windows' | Remove-Item -Recurse -Force
Get-ChildItem org\sqlite\native\Windows | Where-Object Name -ne 'x86_64' | Remove-Item -Recurse -Force
Get-ChildItem org\bridj\lib | Where-Object Name -ne 'win64' | Remove-Item -Recurse -Force
Get-ChildItem com\github\sarxos\webcam\ds\buildin\lib | Where-Object Name -ne 'win64' | Remove-Item -Recurse -Force
jar --create --file "$Out\input\$Name.jar" --manifest META-INF\MANIFEST.MF -C . .
Pop-Location

# 2. The runtime: the modules jdeps finds, and those loaded by name (see packaging/build.sh).
$Modules = (jdeps --print-module-deps --ignore-missing-deps --multi-release 17 -q "$Out\input\$Name.jar").Trim()
$Modules = "$Modules,jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.zipfs"
jlink --add-modules $Modules --include-locales=en,ja --strip-debug --no-header-files --no-man-pages `
  --compress=2 --output "$Out\runtime"

# 3. The .msi. The upgrade code never changes: a newer version replaces the older one in place,
# and the configuration and data under C:\ProgramData\KenpoKiosk are not part of the package.
jpackage --type msi --name $Name --dest $Out --input "$Out\input" --main-jar "$Name.jar" `
  --main-class $MainClass --runtime-image "$Out\runtime" --app-version $Version --vendor 'Kenpo Kiosk' `
  --install-dir 'Kenpo Kiosk' --win-upgrade-uuid '6b3f6f0e-3c1a-4f0e-9a57-5d0f4b8e2a71' `
  --win-menu --win-menu-group 'Kenpo Kiosk' `
  --resource-dir "$Here\resources" `
  --java-options '-Dkiosk.config=C:\ProgramData\KenpoKiosk\kiosk.yaml' --java-options '-Dfile.encoding=UTF-8'
Get-ChildItem "$Out\*.msi" | ForEach-Object { '{0}  {1:N1} MB' -f $_.Name, ($_.Length / 1MB) }
