#!/usr/bin/env bash
# Regenerates docs/images/: every BPMN diagram of processes/ (bpmn-js in headless Chromium) and screenshots of
# the running desk (packaged with Maven when target/ holds no jar). Needs Java 17, Maven, Node 20+ and Chromium
# (/usr/bin/chromium, or CHROMIUM_PATH).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
node render-diagrams.mjs
node screenshots.mjs
