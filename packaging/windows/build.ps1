# DeliveryDesk for Windows, on a Windows runner with Python 3.12+ and NSIS (choco install nsis):
#   powershell -File packaging\windows\build.ps1 [-Certificate cert.pfx -Password ...]
# Makes dist\deliverydesk\ (DeliveryDesk.exe, windowed; deliverydesk-cli.exe, console) and
# build\package\DeliveryDesk-<version>-setup.exe, a per-user installer; signs both when
# given a certificate.
param([string]$Certificate = "", [string]$Password = "")
$ErrorActionPreference = "Stop"
$root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $root

py -3 -m venv .venv-package
$python = ".venv-package\Scripts\python.exe"
& $python -m pip install --quiet . -r packaging\requirements.txt
$version = & $python -c "import deliverydesk; print(deliverydesk.__version__)"
$env:DELIVERYDESK_ICONS = "$root\build\package\icons"
& $python packaging\icons\render.py $env:DELIVERYDESK_ICONS
& $python -m PyInstaller --noconfirm --distpath dist --workpath build\package\work packaging\deliverydesk.spec

# Smoke test: the console program answers and passes its self-test.
& dist\deliverydesk\deliverydesk-cli.exe --version
& dist\deliverydesk\deliverydesk-cli.exe selftest
if ($LASTEXITCODE -ne 0) { throw "selftest failed" }

function Sign($file) {
    if ($Certificate -eq "") { return }
    # Authenticode, SHA-256, with a timestamp so the signature outlives the certificate.
    signtool sign /f $Certificate /p $Password /fd sha256 /tr http://timestamp.digicert.com /td sha256 $file
    signtool verify /pa $file
}
Sign dist\deliverydesk\DeliveryDesk.exe
Sign dist\deliverydesk\deliverydesk-cli.exe

$setup = "$root\build\package\DeliveryDesk-$version-setup.exe"
Push-Location packaging\windows
makensis /DVERSION=$version /DBUNDLE=$root\dist\deliverydesk /DICON=$env:DELIVERYDESK_ICONS\deliverydesk.ico /DOUT=$setup installer.nsi
Pop-Location
Sign $setup
# On Linux the same signature can be checked with: osslsigncode verify -in <setup.exe>
