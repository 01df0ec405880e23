import Foundation
import Testing

/// `compare --pareto --chart FILE`: the SVG draws the same frontier the JSON report lists.
struct ParetoChartTests {
    @Test func theChartDrawsTheReportedFrontier() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let chart = folder.appendingPathComponent("pareto.svg").path
        let arguments = ["compare", "--tokens", "200M", "--traffic", "poisson", "--rate", "2/s", "--days", "1", "--pareto", "--as-of", "2026-12-01"]
        let result = try CLI.run(arguments + ["--format", "json", "--chart", chart])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let frontier = try #require(report["pareto"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(!frontier.isEmpty)
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        let drawn = svg.components(separatedBy: "class=\"frontier-option\" data-id=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
        #expect(drawn == frontier)
        #expect(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"))
        // In another currency the frontier and the options agree, and the chart still has its points.
        let euros = try CLI.run(arguments + ["--format", "json", "--chart", chart, "--currency", "EUR"])
        #expect(euros.status == 0, "\(euros.stderr)")
        let converted = try #require(try JSONSerialization.jsonObject(with: Data(euros.stdout.utf8)) as? [String: Any])
        let costs = Dictionary(uniqueKeysWithValues: try #require(converted["options"] as? [[String: Any]]).compactMap { option in
            (option["id"] as? String).map { ($0, option["monthly_cost"] as? String) }
        })
        for entry in try #require(converted["pareto"] as? [[String: Any]]) {
            let id = try #require(entry["id"] as? String)
            #expect(entry["monthly_cost"] as? String == costs[id] ?? nil, "\(id)")
        }
        let euroSVG = try String(contentsOfFile: chart, encoding: .utf8)
        #expect(euroSVG.components(separatedBy: "class=\"frontier-option\"").count - 1 == frontier.count)
        #expect(euroSVG.contains("monthly cost, EUR"))
        #expect(!svg.contains("class=\"target\""), "no target was given")
        // A p95 target is drawn across the plot where the axis puts it, and named.
        let targeted = try CLI.run(arguments + ["--format", "json", "--chart", chart, "--p95-latency", "10s"])
        #expect(targeted.status == 0, "\(targeted.stderr)")
        let targetSVG = try String(contentsOfFile: chart, encoding: .utf8)
        #expect(targetSVG.contains("class=\"target\""))
        #expect(targetSVG.contains("p95 target 10 s (--p95-latency)"))
        // The 10 s gridline and the target line share their height.
        let gridline = try #require(targetSVG.components(separatedBy: "\n").first { $0.contains("text-anchor=\"end\" stroke=\"none\" fill=\"#222222\">10 s<") })
        let targetLine = try #require(targetSVG.components(separatedBy: "\n").first { $0.contains("stroke-dasharray=\"6 4\"") })
        func attribute(_ name: String, _ line: String) -> Double? {
            line.components(separatedBy: " \(name)=\"").dropFirst().first.flatMap { $0.split(separator: "\"").first }.flatMap { Double(String($0)) }
        }
        let labelY = try #require(attribute("y", gridline)), lineY = try #require(attribute("y1", targetLine))
        #expect(abs(labelY - 4 - lineY) < 0.01, "10 s label at \(labelY), target line at \(lineY)")
        // Without --pareto there is no frontier to draw.
        let refused = try CLI.run(["compare", "--tokens", "200M", "--chart", chart])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--chart draws the --pareto frontier"))
    }
}
