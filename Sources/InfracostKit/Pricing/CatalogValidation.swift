import Foundation

/// `prices validate`: pricing files checked against the format, each file's verdict in order, and every problem with
/// its file, line, offer and field. GPU names are checked against the bundled specifications and those of every
/// file given; the JSON Schema that sits beside the tables is recognized as a schema, not read as a pricing file.
public struct CatalogValidation: Equatable, Sendable {
    /// One file's verdict.
    public enum Verdict: Equatable, Sendable {
        /// A JSON Schema with this many definitions.
        case schema(definitions: Int)
        /// A valid pricing file holding these (e.g. "12 offers", "3 GPU specifications").
        case valid(contents: [String])
    }

    /// A file and its verdict.
    public struct FileVerdict: Equatable, Sendable {
        public var file: String
        public var verdict: Verdict
    }

    /// The verdicts of the files without problems, in the order they are reported: schemas as they are met, then
    /// valid pricing files in the order given.
    public var verdicts: [FileVerdict]
    /// Every problem found, in every file.
    public var problems: [DataProblem]

    /// Checks `files` (paths) in order; `strict` also requires a source and `verified_on` on every figure.
    /// - Throws: `InfracostError.io` when a file cannot be read (problems inside files are in `problems`).
    public static func run(files: [String], strict: Bool) throws(InfracostError) -> CatalogValidation {
        var result = CatalogValidation(verdicts: [], problems: [])
        var known = try CatalogLoader.bundled()
        var loaded: [(String, PriceCatalog)] = []
        for file in files {
            // A file too large or unreadable is reported by the loader below, with its own message.
            if let bytes = try? FileInput.read(file, maximumSize: CatalogLoader.maximumFileSize), let root = try? JSONValue.parse(bytes), root["$schema"] != nil {
                guard case .object(let definitions)? = root["$defs"] else {
                    result.problems.append(DataProblem(file: file, message: "a JSON Schema without $defs: not the pricing files' schema"))
                    continue
                }
                result.verdicts.append(FileVerdict(file: file, verdict: .schema(definitions: definitions.count)))
                continue
            }
            do throws(InfracostError) {
                let catalog = try CatalogLoader.load(contentsOf: file, requireProvenance: strict)
                known.merge(catalog)
                loaded.append((file, catalog))
            } catch {
                guard case .invalidData(let found) = error else { throw error }
                result.problems += found
            }
        }
        for (file, catalog) in loaded {
            let unknown = catalog.offers.filter { offer in offer.gpu.map { known.gpu(named: $0) == nil } ?? false }
            result.problems += unknown.map { offer in
                DataProblem(file: file, entry: offer.id, field: "gpu", message:
                    "'\(offer.gpu ?? "")' is not a known GPU (add it to a \"gpus\" section, or use one of: \(known.gpus.map(\.name).joined(separator: ", ")))")
            }
            if unknown.isEmpty { result.verdicts.append(FileVerdict(file: file, verdict: .valid(contents: contents(of: catalog)))) }
        }
        return result
    }

    /// What a valid file holds, e.g. ["12 offers", "3 GPU specifications"]; a file of other tables alone does not
    /// mention offers.
    static func contents(of catalog: PriceCatalog) -> [String] {
        func count(_ n: Int, _ thing: String) -> String { "\(n) \(thing)\(n == 1 ? "" : "s")" }
        let others = catalog.gpus.count + catalog.throughput.count + catalog.coldStarts.count + catalog.exchangeRates.count
            + catalog.platforms.count + catalog.models.count
        var parts = catalog.offers.isEmpty && others > 0 ? [] : ["\(catalog.offers.count) offers"]
        if !catalog.gpus.isEmpty { parts.append(count(catalog.gpus.count, "GPU specification")) }
        if !catalog.throughput.isEmpty { parts.append(count(catalog.throughput.count, "throughput figure")) }
        if !catalog.coldStarts.isEmpty { parts.append(count(catalog.coldStarts.count, "cold-start figure")) }
        if !catalog.exchangeRates.isEmpty { parts.append(count(catalog.exchangeRates.count, "exchange rate")) }
        if !catalog.platforms.isEmpty { parts.append(count(catalog.platforms.count, "serverless platform")) }
        if !catalog.models.isEmpty { parts.append(count(catalog.models.count, "model architecture")) }
        return parts
    }

    /// One line per file without problems: "FILE: valid (12 offers)" or "FILE: a JSON Schema (4 definitions), not a
    /// pricing file; valid JSON".
    public var report: String {
        verdicts.map { item in
            switch item.verdict {
            case .schema(let definitions): "\(item.file): a JSON Schema (\(definitions) definitions), not a pricing file; valid JSON\n"
            case .valid(let contents): "\(item.file): valid (\(contents.joined(separator: ", ")))\n"
            }
        }.joined()
    }
}
