import Foundation

/// Renders `infracost calibrate --report`: the measured points, the model's error on each before and after the
/// fit and with the point left out of it, and the constants that moved.
public enum CalibrationRenderer {
    /// `calibration` as JSON or a table (other formats render the table).
    public static func render(_ calibration: Calibration, format: OutputFormat) -> String {
        format == .json ? JSONWriter.string(value(calibration)) : table(calibration)
    }

    static func percent(_ error: Double) -> String {
        let value = Int((error * 100).rounded())
        return value > 0 ? "+\(value)%" : "\(value)%"
    }

    static func number(_ value: Double, places: Int = 1) -> String {
        Numbers.formatted(Decimal(string: String(format: "%.\(places)f", value)) ?? 0, scale: places)
    }

    /// The file name of a run's location (`benchmarks.json benchmarks[2]`), without its folders, at most 22 characters.
    static func source(_ location: String) -> String {
        let name = location.split(separator: "/").last.map(String.init) ?? location
        let safe = TextSafety.visible(name)
        return safe.count <= 22 ? safe : String(safe.prefix(9)) + "..." + String(safe.suffix(10))
    }

    static func load(_ load: BenchmarkLoad) -> String {
        switch load {
        case .concurrency(let clients): "\(clients) client\(clients == 1 ? "" : "s")"
        case .requestsPerSecond(let rate): "\(Numbers.exactDouble(rate)) req/s"
        }
    }

    static func table(_ calibration: Calibration) -> String {
        let fit = calibration.fit
        let first = calibration.points[0]
        let models = Set(calibration.points.map(\.model)).sorted().joined(separator: ", ")
        var out = "infracost calibrate: \(calibration.points.count) run\(calibration.points.count == 1 ? "" : "s") of \(models) at \(first.precision.rawValue)"
            + " on \(first.gpus) x \(fit.gpu)\n\n"
        out += "Measured (means):\n"
        let measured = TextTable(headers: ["load", "in / out", "ITL ms", "tok/s/GPU", "TTFT ms", "from"], alignments: [.left, .right, .right, .right, .right, .left])
            .with(rows: calibration.points.map { point in
                [load(point.run.load), "\(point.inputTokens) / \(point.outputTokens)", number(point.run.itlMs.mean, places: 2),
                 number(point.outputTokensPerSecondPerGPU), number(point.run.ttftMs.mean), source(point.run.location)]
            })
        out += measured.render(indent: "  ") + "\n"
        out += "Model error, predicted / measured - 1: before -> after the fit (left out):\n"
        let errors = TextTable(headers: ["load", "ITL", "tok/s/GPU", "TTFT"], alignments: [.left, .right, .right, .right])
            .with(rows: fit.checks.map { check in
                func cell(_ key: KeyPath<ServingFit.Errors, Double>) -> String {
                    "\(percent(check.before[keyPath: key])) -> \(percent(check.after[keyPath: key]))" + (check.heldOut.map { " (\(percent($0[keyPath: key])))" } ?? "")
                }
                return [load(check.point.run.load), cell(\.itl), cell(\.throughput), cell(\.ttft)]
            })
        out += errors.render(indent: "  ") + "\n"
        out += "Median absolute error:\n"
        for (name, key) in [("inter-token latency", \ServingFit.Errors.itl), ("throughput", \.throughput), ("time to first token", \.ttft)] {
            let m = fit.median(key)
            out += "  \(name): \(percent(m.before).replacingOccurrences(of: "+", with: "")) before, \(percent(m.after).replacingOccurrences(of: "+", with: "")) after"
                + (m.heldOut.map { ", \(percent($0).replacingOccurrences(of: "+", with: "")) on points left out of the fit" } ?? " (one point: nothing to leave out)") + "\n"
        }
        out += "\nFitted efficiencies (\(fit.gpu); the rest keep the bundled fit):\n"
        for change in fit.changes {
            let after = PerformanceFile.text(change.after)
            out += "  \(change.name): \(Numbers.exactDouble(change.before))" + (after == PerformanceFile.text(change.before) ? " (unchanged)\n" : " -> \(after)\n")
        }
        if calibration.points.count < 3 {
            out += "\nFew points: the fit leans on the bundled constants (each is held near them); measure more loads to move it.\n"
        }
        return out
    }

    static func value(_ calibration: Calibration) -> JSONValue {
        let fit = calibration.fit
        func number(_ value: Double) -> JSONValue { .number(PerformanceFile.text(value)) }
        func errors(_ e: ServingFit.Errors) -> JSONValue { .fields(["itl": number(e.itl), "throughput": number(e.throughput), "ttft": number(e.ttft)]) }
        func median(_ key: KeyPath<ServingFit.Errors, Double>) -> JSONValue {
            let m = fit.median(key)
            return .fields(["before": number(m.before), "after": number(m.after), "held_out": m.heldOut.map(number)])
        }
        return .fields([
            "schema_version": .number("1"),
            "gpu": .string(fit.gpu),
            "points": .list(fit.checks.map { check in
                .fields([
                    "model": .string(check.point.model), "load": .string(check.point.run.load.description),
                    "input_tokens": .number(String(check.point.inputTokens)), "output_tokens": .number(String(check.point.outputTokens)),
                    "source": .string(check.point.run.location),
                    "error_before": errors(check.before), "error_after": errors(check.after), "error_held_out": check.heldOut.map(errors),
                ])
            }),
            "median_abs_error": .fields(["itl": median(\.itl), "throughput": median(\.throughput), "ttft": median(\.ttft)]),
            "efficiencies": .list(fit.changes.map { .fields(["name": .string($0.name), "before": number($0.before), "after": number($0.after)]) }),
            "unfitted_points": .number(String(calibration.unfitted)),
        ])
    }
}
