import Foundation

/// What `infracost calibrate` is asked: benchmark runs of one model on one GPU configuration.
public struct CalibrationRequest: Sendable {
    /// The GPU the runs were made on (`--gpu`), how many served one replica (`--gpus`) and the precision served.
    public var gpu: String
    public var gpus: Int
    /// nil: the best the GPU runs natively among bf16 and fp8.
    public var precision: Precision?
    /// The catalog model (`--model`); nil: the model each file names.
    public var model: String?

    /// The serving configuration the measured files ran: GPU name, GPUs per replica (at least 1), and the precision
    /// and model when the command line gives them (nil: read from the files or the defaults).
    public init(gpu: String, gpus: Int = 1, precision: Precision? = nil, model: String? = nil) {
        self.gpu = gpu
        self.gpus = gpus
        self.precision = precision
        self.model = model
    }
}

/// The result of `infracost calibrate`: the measured points, the fit and its backtest.
public struct Calibration: Equatable, Sendable {
    public var points: [MeasuredServingPoint]
    public var fit: ServingFit.Result
    /// Points the model cannot evaluate (the configuration does not fit memory): kept as measurements, left out
    /// of the fit.
    public var unfitted: Int
    /// Things the user should know (a file's model differs from --model).
    public var warnings: [Notice]

    /// The performance file for these points and this fit.
    public var performanceFile: JSONValue { PerformanceFile.json(points: points, fit: fit) }

    /// Turns `runs` into measured points on the requested hardware and fits the model to them.
    /// - Throws: `InfracostError.invalidUsage` for an unknown GPU or model, or a run whose model is neither
    ///   named by the file nor given by --model; `.invalidData` when the runs exceed what the GPUs can hold.
    public static func make(runs: [BenchmarkRun], request: CalibrationRequest, catalog: PriceCatalog) throws(InfracostError) -> Calibration {
        let (gpu, compute) = try ServingSetup.gpu(named: request.gpu, catalog: catalog)
        guard (1...8).contains(request.gpus) else { throw .invalidUsage(message: "\(Setting.gpus) \(request.gpus): a replica has 1 to 8 GPUs") }
        let precision = request.precision ?? compute.defaultPrecision
        if precision.peakTFLOPS(on: compute) == nil {
            throw .invalidUsage(message: "\(Setting.precision) \(precision.rawValue): \(gpu.name) has no \(precision.rawValue) tensor cores")
        }
        let given = try request.model.map { name throws(InfracostError) in try ServingSetup.architecture(model: name, paramsB: 0, activeParamsB: nil, catalog: catalog) }
        var warnings: [Notice] = []
        var points: [MeasuredServingPoint] = []
        for run in runs {
            let architecture: ModelArchitecture
            if let given {
                architecture = given
                if let stated = run.model, let named = catalog.model(named: stated), named.id != given.id {
                    warnings.append(Notice(.modelNameDiffers, "\(run.location) names the model \(TextSafety.excerpt(stated)) (\(named.id)); \(Setting.model) \(given.id) is used as asked", setting: .model))
                }
            } else if let stated = run.model, let named = catalog.model(named: stated) {
                architecture = named
            } else {
                let stated = run.model.map { "names the model '\(TextSafety.excerpt($0))', which is not a model architecture of the catalog" } ?? "names no model"
                throw .invalidUsage(message: "\(run.location) \(stated); give \(Setting.model) (known: \(catalog.models.map(\.id).joined(separator: ", ")))")
            }
            points.append(MeasuredServingPoint(model: architecture.id, gpu: gpu.name, gpus: request.gpus, precision: precision, run: run))
        }
        let fit = ServingFit.calibrate(points, gpu: gpu.name, catalog: catalog)
        let unfitted = points.count - fit.checks.count
        if unfitted == points.count {
            let first = points[0]
            let model = ServingModel(ServingConfiguration(architecture: catalog.model(named: first.model)!, gpu: gpu, compute: compute, gpus: request.gpus, precision: precision))
            let reason = model.memory(inputTokens: first.inputTokens, outputTokens: first.outputTokens).reason ?? "the model cannot evaluate it"
            throw .invalidData(problems: [DataProblem(file: first.run.location, message: "\(first.model) at \(precision.rawValue) on \(request.gpus) x \(gpu.name) cannot be modelled: \(reason); are \(Setting.gpus) and \(Setting.precision) right?")])
        }
        if unfitted > 0 {
            warnings.append(Notice(.unfittedRuns, "\(unfitted) of \(points.count) runs do not fit the model's memory on \(request.gpus) x \(gpu.name); kept as measurements, left out of the fit",
                                   setting: .gpus, figure: Decimal(unfitted)))
        }
        return Calibration(points: points, fit: fit, unfitted: unfitted, warnings: warnings)
    }
}
