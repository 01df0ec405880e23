import Foundation

/// Reading input files with errors that name the path.
public enum FileInput {
    /// Reads a whole file, refusing one larger than `maximumSize` bytes.
    /// - Throws: `InfracostError.io` when the file is missing or unreadable, `.invalidData` when it is too large.
    public static func read(_ path: String, maximumSize: Int) throws(InfracostError) -> [UInt8] {
        InputFiles.shared.record(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .io(path: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw .io(path: path, reason: "is a folder, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .io(path: path, reason: "cannot be read (permission denied?)")
        }
        defer { try? handle.close() }
        let data: Data?
        do {
            data = try handle.read(upToCount: maximumSize + 1)
        } catch {
            throw .io(path: path, reason: "cannot be read: \(error.localizedDescription)")
        }
        let bytes = [UInt8](data ?? Data())
        if bytes.count > maximumSize {
            throw .invalidData(problems: [
                DataProblem(file: path, message: "the file is larger than \(maximumSize / 1024 / 1024) MiB; refusing to read it")
            ])
        }
        return bytes
    }

    /// Whether two paths name the same file: the same device and inode when both exist (so a symlink or a hard
    /// link to an input counts), else the same absolute path.
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        if stat(a, &first) == 0, stat(b, &second) == 0 {
            return first.st_dev == second.st_dev && first.st_ino == second.st_ino
        }
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String {
            (path.hasPrefix("/") ? path : cwd + "/" + path).replacingOccurrences(of: "/./", with: "/")
        }
        return URL(fileURLWithPath: absolute(a)).standardizedFileURL.path == URL(fileURLWithPath: absolute(b)).standardizedFileURL.path
    }
}
