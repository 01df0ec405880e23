import Foundation

/// Renders a `Comparison` as the versioned JSON report. Money is a string with two decimals.
///
/// Stable fields (never renamed): `schema_version`, `currency`, `workload`, `options[]` with `id`, `tier`,
/// `monthly_cost`, `gpus`; `cheapest` with `id`, `tier`, `monthly_cost`.
public enum ComparisonJSONReport {
    /// The report as a JSON value.
    public static func value(_ comparison: Comparison) -> JSONValue {
        let workload = comparison.workload
        var rank = 0
        let options: [JSONValue] = comparison.options.map { option in
            var rankValue: JSONValue?
            if option.total != nil {
                rank += 1
                rankValue = .number(String(rank))
            }
            return .fields([
                "rank": rankValue ?? .null,
                "id": .string(option.offer.id),
                "tier": .string(option.offer.tier.rawValue),
                "provider": .string(option.offer.provider),
                "subject": .string(option.offer.subject),
                "monthly_cost": option.total.map { .string(Money.plain($0)) } ?? .null,
                "cost_per_mtok": option.costPerMillionTokens(workload).map { .string(Money.plain($0, scale: 4)) },
                "status": .string(option.total == nil ? "no_price" : "priced"),
                "pricing_method": .string(option.method.rawValue),
                "unpriced_reason": option.unpricedReason.map(JSONValue.string),
                "cheapest": .bool(comparison.isCheapest(option)),
                "cheapest_in_tier": .bool(comparison.isCheapestInTier(option)),
                "gpus": option.gpus.map { .number(String($0)) },
                "gpu_seconds": option.gpuSeconds.map { .string(Money.plain($0, scale: 3)) },
                "throughput": option.throughput.map { throughput in
                    .fields([
                        "tokens_per_second": .string(Numbers.exact(throughput.tokensPerSecond)),
                        "method": .string(throughput.method.rawValue),
                        "estimate": .bool(throughput.isEstimate),
                        "precision": throughput.precision.map { .string($0.rawValue) },
                        "detail": .string(throughput.detail),
                    ])
                },
                "line_items": .list(option.lineItems.map { item in
                    .fields([
                        "label": .string(item.label),
                        // The quantity to a millionth of its unit (a GPU-second or token count divided by a throughput has
                        // ~38 digits); the amount is the exact product, rounded to the cent.
                        "quantity": .string(Numbers.exact(Money.rounded(item.quantity, scale: 6))),
                        "unit": .string(item.unit),
                        "unit_price": .string(Numbers.exact(item.unitPrice)),
                        "amount": .string(Money.plain(item.amount)),
                    ])
                }),
                "saving": comparison.saving(of: option).map { saving in
                    .fields([
                        "amount": .string(Money.plain(saving.amount)),
                        "percent": .string(Money.plain(saving.percent, scale: 1)),
                    ])
                },
                "notes": option.notes.isEmpty ? nil : .list(option.notes.map { JSONValue.string($0.text) }),
                "simulated_latency": option.simulatedLatency.map { latency in
                    func ms(_ seconds: Double?) -> JSONValue? { seconds.flatMap { $0.isFinite ? .string(String(format: "%.3f", $0 * 1000)) : nil } }
                    return .fields([
                        "p95_latency_s": latency.p95.isFinite ? .string(String(format: "%.3f", latency.p95)) : nil,
                        "p95_ttft_ms": ms(latency.p95TimeToFirstToken), "p95_itl_ms": ms(latency.p95InterTokenLatency),
                        "concurrency_per_replica": latency.concurrency.map { .number(String($0)) },
                        "binding_constraint": latency.bindingConstraint.map { .string($0) },
                        "meets_latency_targets": latency.meetsTargets.map { .bool($0) },
                    ])
                },
                "price_verified_on": option.offer.provenance.verifiedOn.map(JSONValue.day),
                "price_effective_from": option.offer.currentFrom.map(JSONValue.day),
                "deprecated_on": option.offer.deprecationDue ? option.offer.deprecatedOn.map(JSONValue.day) : nil,
                "retired_on": option.offer.retiredOn.map(JSONValue.day),
                "source": option.offer.provenance.source.map(JSONValue.string),
            ])
        }
        let cheapest: JSONValue = comparison.cheapest.map { option in
            .fields([
                "id": .string(option.offer.id),
                "tier": .string(option.offer.tier.rawValue),
                "monthly_cost": .string(Money.plain(option.total ?? 0)),
            ])
        } ?? .null
        func verdict(_ option: OptionCost?) -> JSONValue {
            option.map { option in
                .fields(["id": .string(option.offer.id), "tier": .string(option.offer.tier.rawValue), "monthly_cost": .string(Money.plain(option.total ?? 0))])
            } ?? .null
        }
        return .fields([
            "schema_version": .number(String(Comparison.schemaVersion)),
            "currency": .string(comparison.currency),
            "workload": .fields([
                "tokens": .string(Numbers.exact(workload.totalTokens)),
                "input_tokens": .string(Numbers.exact(workload.inputTokens)),
                "output_tokens": .string(Numbers.exact(workload.outputTokens)),
                "input_share": .string(Numbers.exact(workload.inputShare)),
                "model_params_b": .string(Numbers.exact(workload.modelParamsB)),
                "hours_per_month": .string(Numbers.exact(workload.hoursPerMonth)),
                "target_utilization": .string(Numbers.exact(workload.targetUtilization)),
                "cold_starts_per_day": .string(Numbers.exact(workload.coldStartsPerDay)),
                "keep_warm_replicas": .number(String(workload.keepWarmReplicas)),
                "mode": .string(workload.tokenPricing.mode.rawValue),
                "cached_share": .string(Numbers.exact(workload.tokenPricing.cachedShare)),
                "input_tokens_per_request": workload.tokenPricing.inputTokensPerRequest.map { .string(Numbers.exact($0)) },
                "spot_interruption": .string(Numbers.exact(workload.spotInterruption)),
            ]),
            "cheapest": cheapest,
            "cheapest_serving_model": verdict(comparison.cheapestServingModel),
            "cheapest_api_alternative": verdict(comparison.cheapestAPIAlternative),
            "cheapest_per_tier": .list(comparison.cheapestPerTier.map { entry in
                .fields([
                    "tier": .string(entry.tier.rawValue),
                    "id": .string(entry.option.offer.id),
                    "monthly_cost": .string(Money.plain(entry.option.total ?? 0)),
                ])
            }),
            "baseline": comparison.baselineID.map(JSONValue.string),
            "options": .list(options),
            "excluded": .list(comparison.excluded.map { exclusion in
                .fields(["id": .string(exclusion.id), "tier": .string(exclusion.tier.rawValue), "reason": .string(exclusion.reason)])
            }),
            "retired": .list(comparison.retired.map { offer in
                .fields(["id": .string(offer.id), "tier": .string(offer.tier.rawValue), "retired_on": offer.retiredOn.map(JSONValue.day) ?? .null])
            }),
            "assumptions": .list(comparison.assumptions.map { .fields(["name": .string($0.name), "value": .string($0.value)]) }),
            "oldest_price_verified_on": comparison.oldestPriceDate.map(JSONValue.day),
            "prices_as_of": comparison.pricesAsOf.map(JSONValue.day),
            "exchange_rate": comparison.exchangeRate.map { rate in
                .fields([
                    "currency": .string(rate.currency), "usd_per_unit": .string(Numbers.exact(rate.usdPerUnit)),
                    "verified_on": rate.provenance.verifiedOn.map(JSONValue.day), "source": rate.provenance.source.map(JSONValue.string),
                ])
            },
            "pareto": comparison.pareto.map { frontier in
                .list(frontier.map { option in
                    func ms(_ seconds: Double?) -> JSONValue { seconds.map { $0.isFinite ? .string(String(format: "%.3f", $0 * 1000)) : .null } ?? .null }
                    return .fields([
                        "id": .string(option.offer.id), "tier": .string(option.offer.tier.rawValue),
                        "monthly_cost": option.total.map { .string(Money.plain($0)) } ?? .null,
                        "p95_latency_s": option.simulatedLatency.map { .string(String(format: "%.3f", $0.p95)) } ?? .null,
                        "p95_ttft_ms": ms(option.simulatedLatency?.p95TimeToFirstToken),
                        "p95_itl_ms": ms(option.simulatedLatency?.p95InterTokenLatency),
                        "concurrency_per_replica": option.simulatedLatency?.concurrency.map { .number(String($0)) },
                        "binding_constraint": option.simulatedLatency?.bindingConstraint.map { .string($0) },
                        "meets_latency_targets": option.simulatedLatency?.meetsTargets.map { .bool($0) },
                    ])
                })
            },
            "warnings": .list(comparison.warnings.map { JSONValue.string($0.text) }),
        ])
    }

    /// The report as JSON text.
    public static func render(_ comparison: Comparison) -> String {
        JSONWriter.string(value(comparison))
    }
}
