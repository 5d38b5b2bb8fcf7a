# Build the one-folder Confidant app with PyInstaller on Windows, then check it.
# NOT VERIFIED: written alongside the Linux build (packaging/build.sh), which was run and
# checked; this script has not been run on Windows.
#
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1
#   $env:OUT = "C:\Temp\cf"; $env:PYTHON = "C:\path\python.exe"; .\packaging\build.ps1
#   $env:SKIP_CHECKS = "1"  -> build only
#
# PYTHON: the Python whose environment has Confidant installed (default .venv\Scripts\python.exe);
# PyInstaller is installed into it if missing. OUT: where build\ and dist\ go.
$ErrorActionPreference = "Stop"
$root = (Resolve-Path (Join-Path $PSScriptRoot "..")).Path
Set-Location $root
$python = if ($env:PYTHON) { $env:PYTHON } else { Join-Path $root ".venv\Scripts\python.exe" }
$out = if ($env:OUT) { $env:OUT } else { Join-Path $env:TEMP "confidant-pyinstaller" }

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "failed ($LASTEXITCODE): $Exe $($Arguments -join ' ')" }
}

Invoke-Checked $python @("-c", "import sys; sys.exit(sys.version_info < (3, 12))")
& $python -c "import importlib.metadata as m; m.distribution('confidant')" 2>$null
if ($LASTEXITCODE -ne 0) { throw "Confidant is not installed in $python; run: $python -m pip install -e ." }
& $python -c "import PyInstaller" 2>$null
if ($LASTEXITCODE -ne 0) { Invoke-Checked $python @("-m", "pip", "install", "--quiet", "pyinstaller>=6.10") }

$watch = [Diagnostics.Stopwatch]::StartNew()
Invoke-Checked $python @("-m", "PyInstaller", (Join-Path $root "packaging\confidant.spec"),
    "--noconfirm", "--clean", "--distpath", (Join-Path $out "dist"), "--workpath", (Join-Path $out "build"))
$app = Join-Path $out "dist\confidant"
$size = (Get-ChildItem $app -Recurse -File | Measure-Object Length -Sum).Sum / 1MB
"Built {0} in {1:N0} s; size {2:N0} MB" -f $app, $watch.Elapsed.TotalSeconds, $size

if ($env:SKIP_CHECKS) { exit 0 }

$exe = Join-Path $app "confidant.exe"
$tmp = Join-Path ([IO.Path]::GetTempPath()) ("confidant-check-" + [Guid]::NewGuid())
New-Item -ItemType Directory $tmp | Out-Null
try {
    $env:CONFIDANT_STATE_DIR = Join-Path $tmp "state"
    $env:QT_QPA_PLATFORM = "offscreen"
    "== --help";        Invoke-Checked $exe @("--help") | Out-Null
    "== init + verify"
    $env:CONFIDANT_PASSPHRASE = "Smoke-Test-Passphrase-42"
    Invoke-Checked $exe @("init", "--vault", (Join-Path $tmp "vault"), "--kdf-memory-mib", "8", "--kdf-passes", "1")
    Invoke-Checked $exe @("verify", "--vault", (Join-Path $tmp "vault"))
    "== demo --clients 30 --no-gui + clients list"
    $env:CONFIDANT_PASSPHRASE = "confidant-demo-vault"
    Invoke-Checked $exe @("demo", "--clients", "30", "--no-gui", "--vault", (Join-Path $tmp "demo"))
    Invoke-Checked $exe @("clients", "list", "--limit", "5", "--vault", (Join-Path $tmp "demo"))
    "== GUI smoke test (offscreen; opens and unlocks the demo vault, then closes)"
    Invoke-Checked $exe @("--smoke-test", "--vault", (Join-Path $tmp "demo"))
    "All checks passed."
} finally {
    Remove-Item -Recurse -Force $tmp -ErrorAction SilentlyContinue
}
