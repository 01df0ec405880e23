import ArgumentParser
import Foundation
import InfracostKit

extension Infracost {
    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calibrate",
            abstract: "Turn your own serving benchmarks into a performance file that every command can use (--performance).",
            discussion: """
                Reads benchmark results: vLLM's `vllm bench serve --save-result` JSON (one object, or one per line \
                with --append-result), GuideLLM's benchmarks.json report (one run per benchmark of a sweep) and \
                NVIDIA AIPerf / GenAI-Perf profile exports (profile_export_aiperf.json). From each run it takes what \
                the file states: model, concurrency or request rate, mean token lengths, output throughput, time to \
                first token and inter-token latency; the hardware (--gpu, --gpus, --precision) it cannot know.

                The performance file (pricing-data/performance.schema.json) holds the measured points with their \
                provenance and the serving model's efficiencies fitted to them. With --performance FILE, compare and \
                throughput use a measured point for the configuration it measured (labelled measured), and every \
                command, simulate too, uses the fitted efficiencies for the other configurations on that GPU. \
                --report backtests the fit: the model's error on each point before and after fitting, and with the \
                point left out.

                Examples:
                  infracost calibrate bench.json --gpu H100 --precision fp8 --out h100.json
                  infracost calibrate benchmarks.json --gpu H100 --gpus 2 --report
                  infracost compare --tokens 2B --model llama-3.1-8b --performance h100.json
                """
        )

        @Argument(help: ArgumentHelp("Benchmark result files (vLLM, GuideLLM, AIPerf / GenAI-Perf JSON).", valueName: "file"))
        var files: [String]

        @Option(help: ArgumentHelp("The GPU the benchmarks ran on, e.g. H100, H200, A100, L40S, B200, MI300X.", valueName: "name"))
        var gpu: String

        @Option(help: ArgumentHelp("GPUs serving one replica (its tensor-parallel size), 1 to 8.", valueName: "count"))
        var gpus: Int = 1

        @Option(help: ArgumentHelp("Weight precision served: bf16, fp16, fp8, int4 or fp4. (default: fp8 where the GPU has FP8 tensor cores, else bf16)", valueName: "precision"))
        var precision: Precision?

        @Option(help: ArgumentHelp("The catalog model the benchmarks served, e.g. llama-3.1-8b. (default: the model each file names)", valueName: "id"))
        var model: String?

        @Option(help: ArgumentHelp("Write the performance file here (atomically; never onto an input). (default: stdout, unless --report)", valueName: "file"))
        var out: String?

        @Flag(help: "Print the backtest instead of the performance file: the model's error on each point before and after the fit, and left out of it.")
        var report = false

        @Option(help: "Format of --report: table or json.")
        var format: OutputFormat = .table

        @OptionGroup var pricing: PricingOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one benchmark result file") }
            if files.count > 1000 { throw ValidationError("at most 1,000 files, found \(files.count)") }
            if !Limits.replicaGPUs.contains(gpus) { throw ValidationError("--gpus must be \(Limits.replicaGPUs.lowerBound) to \(Limits.replicaGPUs.upperBound), found \(gpus)") }
            if out == "" { throw ValidationError("--out needs a file name") }
            if format == .csv || format == .markdown { throw ValidationError("--format \(format.rawValue): calibrate --report writes table or json") }
            if !report, format != .table { throw ValidationError("--format applies to --report; the performance file is always JSON") }
        }

        func run() throws {
            try Diagnostics.run { () throws(InfracostError) in
                let catalog = try pricing.catalog()
                let runs = try BenchmarkFile.runs(files: files)
                let calibration = try Calibration.make(
                    runs: runs, request: CalibrationRequest(gpu: gpu, gpus: gpus, precision: precision, model: model), catalog: catalog)
                Diagnostics.warn(calibration.warnings)
                let performance = JSONWriter.string(calibration.performanceFile)
                if let out, out != "-" {
                    try AtomicFile.write(performance, to: out)
                    Diagnostics.printError("wrote \(calibration.points.count) measured point\(calibration.points.count == 1 ? "" : "s") and the \(calibration.fit.gpu) fit to \(out)")
                }
                if report {
                    try Diagnostics.emit(CalibrationRenderer.render(calibration, format: format), to: nil)
                } else if out == nil || out == "-" {
                    try Diagnostics.emit(performance, to: nil)
                }
            }
        }
    }
}
