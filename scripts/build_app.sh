#!/usr/bin/env bash
# Build the counter app with PyInstaller (installer.spec, one folder: dist/pos-loyalty/) and check the result by
# running its self-test offscreen. Usage: scripts/build_app.sh [--clean] [--no-self-test]
#   --clean         start from scratch: no build/installer, dist/pos-loyalty or PyInstaller cache
#   --no-self-test  only build
# Installs the pinned PyInstaller into .venv when it is missing (./dev setup first if there is no .venv).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PYINSTALLER_VERSION="6.22.3"  # built and self-tested with PySide6 6.11.3 on Python 3.11 (Debian 12)
VENV="$ROOT/.venv"
APP="$ROOT/dist/pos-loyalty/pos-loyalty"
LOG="$ROOT/build/pyinstaller.log"

clean=0
self_test=1
for arg in "$@"; do
    case "$arg" in
        --clean) clean=1 ;;
        --no-self-test) self_test=0 ;;
        -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build_app.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

log() { printf '[build] %s\n' "$*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

if [ ! -x "$VENV/bin/python" ]; then
    log "no .venv: ./dev setup"
    ./dev setup
fi
have="$("$VENV/bin/python" -c 'import PyInstaller; print(PyInstaller.__version__)' 2>/dev/null || true)"
if [ "$have" != "$PYINSTALLER_VERSION" ]; then
    log "installing pyinstaller==$PYINSTALLER_VERSION into .venv${have:+ (had $have)}"
    PIP_PROGRESS_BAR=off "$VENV/bin/python" -m pip --disable-pip-version-check install --quiet "pyinstaller==$PYINSTALLER_VERSION"
fi

pyinstaller_args=(--noconfirm --log-level WARN)
if [ "$clean" -eq 1 ]; then
    log "removing build/installer and dist/pos-loyalty"
    rm -rf build/installer dist/pos-loyalty
    pyinstaller_args+=(--clean)
fi
mkdir -p build

log "pyinstaller $PYINSTALLER_VERSION: installer.spec -> dist/pos-loyalty/ (log: build/pyinstaller.log)"
start="$(now)"
if ! "$VENV/bin/python" -m PyInstaller "${pyinstaller_args[@]}" installer.spec >"$LOG" 2>&1; then
    tail -n 40 "$LOG" >&2
    log "the build failed (full log: $LOG)"
    exit 1
fi
build_seconds="$(since "$start")"
size_mb="$(du -sm dist/pos-loyalty | cut -f1)"
files="$(find dist/pos-loyalty -type f | wc -l)"
log "built $APP in ${build_seconds} s: ${size_mb} MB, $files files"

if [ "$self_test" -eq 1 ]; then
    log "self-test: $APP gui --self-test (offscreen)"
    start="$(now)"
    if ! QT_QPA_PLATFORM=offscreen "$APP" gui --self-test; then
        log "the bundle's self-test FAILED"
        exit 1
    fi
    test_seconds="$(since "$start")"
    log "self-test passed in ${test_seconds} s"
fi

printf 'build_app: dist/pos-loyalty built in %s s, %s MB (%s files)%s\n' "$build_seconds" "$size_mb" "$files" \
    "${test_seconds:+, self-test ok in ${test_seconds} s}"
