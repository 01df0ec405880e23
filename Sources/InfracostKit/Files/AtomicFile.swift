import Foundation
#if canImport(Glibc)
import Glibc

/// POSIX write(2), named apart from the `write` methods in scope.
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin

private let systemWrite = Darwin.write
#endif

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
        // POSIX calls, so every failure (full disk, read-only file system) is reported with the system's words.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw .io(path: path, reason: "cannot write: \(String(cString: strerror(errno))) (in \(folder))")
        }
        func fail(_ step: String) -> InfracostError {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            unlink(temporary)
            return .io(path: path, reason: "cannot write: \(reason)\(step)")
        }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw fail("")
            }
            offset += written
        }
        if fsync(descriptor) != 0 { throw fail(" (while flushing)") }
        if close(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .io(path: path, reason: "cannot write: \(reason)")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .io(path: path, reason: "cannot write: \(reason)")
        }
    }
}
