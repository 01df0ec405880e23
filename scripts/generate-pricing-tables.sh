#!/usr/bin/env bash
# Regenerates Sources/InfracostKit/Pricing/PricingTables+Generated.swift from pricing-data/*.json.
set -euo pipefail
cd "$(dirname "$0")/.."
INFRACOST_RECORD_GENERATED=1 swift test --filter GeneratedPricingTablesTests
