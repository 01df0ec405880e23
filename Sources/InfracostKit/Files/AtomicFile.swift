import Foundation

/// Writes a file all at once: to a temporary file beside it, then renamed over the target.
///
/// A reader never sees half a report, and on any failure no partial file is left behind.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `path`.
    /// - Throws: `InfracostError.io` naming the path when the folder is missing or unwritable, or the disk is full.
    public static func write(_ text: String, to path: String) throws(InfracostError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .io(path: path, reason: "cannot write: the folder \(folder) does not exist")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .io(path: path, reason: "cannot write: it is a folder")
        }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw .io(path: path, reason: "cannot write: permission denied in \(folder)")
        }
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            do {
                try handle.write(contentsOf: Data(text.utf8))
                try handle.synchronize()
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            if rename(temporary, path) != 0 {
                let reason = String(cString: strerror(errno))
                throw InfracostError.io(path: path, reason: "cannot write: \(reason)")
            }
        } catch let error as InfracostError {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .io(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}
