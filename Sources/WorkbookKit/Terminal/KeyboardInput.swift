import Foundation

/// Single key presses from a terminal, without waiting for Return: the
/// terminal's line mode and echo are switched off while `watch` runs and the
/// saved settings are put back by ``restore()`` (also from the SIGINT handler).
public final class KeyboardInput: @unchecked Sendable {
    // `saved` is written once in `init`, before any other thread can see the
    // object, and only read afterwards.
    private var saved = termios()
    /// Whether standard input is a terminal now in key-at-a-time mode; when
    /// not, ``pressedKeys()`` returns nothing.
    public let isActive: Bool

    /// Switches standard input to key-at-a-time mode if it is a terminal.
    public init() {
        guard isatty(STDIN_FILENO) != 0, tcgetattr(STDIN_FILENO, &saved) == 0 else {
            isActive = false
            return
        }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)  // ISIG stays on: Ctrl-C still sends SIGINT
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        isActive = tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0
    }

    /// The keys pressed since the last call (never waits).
    public func pressedKeys() -> [Character] {
        guard isActive else { return [] }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(STDIN_FILENO, &buffer, buffer.count)
        guard count > 0 else { return [] }
        return String(decoding: buffer.prefix(count), as: UTF8.self).map { $0 }
    }

    /// Puts the terminal's settings back as they were.
    public func restore() {
        guard isActive else { return }
        var settings = saved
        tcsetattr(STDIN_FILENO, TCSANOW, &settings)
    }
}
