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
/// A reader never sees half a report, and on any failure, or a SIGINT, SIGTERM or SIGHUP, no partial file is
/// left behind (SIGKILL cannot be caught: its temporary file, `.NAME.RANDOM.tmp`, is the only trace). The rules:
/// - a file this process read as input is never written (`--out` onto `--pricing p.json` is a usage error);
/// - a target that is not a regular file (`/dev/stdout`, `/dev/null`, a pipe) is written directly, never replaced;
/// - a symbolic link is followed: the file it points to is replaced and the link stays;
/// - an existing file keeps its permissions; a hard-linked one becomes a new file (the other names keep the old
///   content), as with any editor that saves by renaming.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `path`.
    /// - Throws: `InfracostError.invalidUsage` when `path` is one of the command's inputs; `.io` naming the path
    ///   when the folder is missing or unwritable, or the disk is full.
    public static func write(_ text: String, to path: String) throws(InfracostError) {
        if path.isEmpty { throw .invalidUsage(message: "\(Setting.out) needs a file name") }
        if let input = InputFiles.shared.matching(path) {
            throw .invalidUsage(message: "\(Setting.out) \(path) is \(input == path ? "" : "the same file as ")the input \(input); choose another file so the input is not overwritten")
        }
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG, (info.st_mode & S_IFMT) != S_IFLNK {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw .io(path: path, reason: "cannot write: it is a folder") }
            try writeDirectly(text, to: path)
            return
        }
        // A symbolic link: replace the file it names, so the link stays a link.
        var target = path
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
        }
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .io(path: path, reason: "cannot write: the folder \(folder) does not exist")
        }
        var existing = stat()
        let keepMode: mode_t? = stat(target, &existing) == 0 && (existing.st_mode & S_IFMT) == S_IFREG ? existing.st_mode & 0o7777 : nil
        let (descriptor, temporary) = try createTemporary(beside: url, for: path)
        TemporaryCleanup.begin(temporary)
        defer { TemporaryCleanup.end() }
        func fail(_ step: String) -> InfracostError {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            unlink(temporary)
            return .io(path: path, reason: "cannot write: \(reason)\(step)")
        }
        if let keepMode, fchmod(descriptor, keepMode) != 0 { throw fail(" (while keeping its permissions)") }
        if !writeAll(Array(text.utf8), to: descriptor) { throw fail("") }
        if fsync(descriptor) != 0 { throw fail(" (while flushing)") }
        if close(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .io(path: path, reason: "cannot write: \(reason)")
        }
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .io(path: path, reason: "cannot write: \(reason)")
        }
    }

    /// A new temporary file beside `url`, with an unpredictable name kept short enough for any file system
    /// (a 250-character target name still fits); retried on a collision.
    static func createTemporary(beside url: URL, for path: String) throws(InfracostError) -> (Int32, String) {
        let folder = url.deletingLastPathComponent()
        let stem = String(decoding: url.lastPathComponent.utf8.prefix(100), as: UTF8.self)
        for _ in 0..<16 {
            let name = ".\(stem).\(String(UInt64.random(in: 0...UInt64.max), radix: 36)).tmp"
            let temporary = folder.appendingPathComponent(name).path
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 { return (descriptor, temporary) }
            if errno != EEXIST { break }
        }
        throw .io(path: path, reason: "cannot write: \(String(cString: strerror(errno))) (in \(folder.path))")
    }

    /// Writes into a device or pipe as it is.
    static func writeDirectly(_ text: String, to path: String) throws(InfracostError) {
        let descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
        let ok = writeAll(Array(text.utf8), to: descriptor)
        let reason = String(cString: strerror(errno))
        close(descriptor)
        if !ok { throw .io(path: path, reason: "cannot write: \(reason)") }
    }

    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}

/// The files a command read, so that none of them is written over.
public final class InputFiles: @unchecked Sendable {
    public static let shared = InputFiles()
    private let lock = NSLock()
    private var paths: [String] = []

    /// Notes that `path` was read.
    public func record(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        if !paths.contains(path) { paths.append(path) }
    }

    /// The input that `path` names (the same path, or the same file through a link), if any.
    public func matching(_ path: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return paths.first { FileInput.sameFile($0, path) }
    }
}

/// Removes the temporary file being written when the process is interrupted or terminated.
enum TemporaryCleanup {
    /// The path of the temporary file being written, as a C string a signal handler may read.
    nonisolated(unsafe) static var pending: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var installed = false

    static func begin(_ path: String) {
        if !installed {
            installed = true
            for number in [SIGINT, SIGTERM, SIGHUP] {
                signal(number) { received in
                    if let path = TemporaryCleanup.pending { unlink(path) }
                    signal(received, SIG_DFL)
                    raise(received)
                }
            }
        }
        pending = strdup(path)
    }

    static func end() {
        let path = pending
        pending = nil
        free(path)
    }
}
