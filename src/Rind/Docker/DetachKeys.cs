namespace Rind.Docker;

/// <summary>
/// The key sequence the engine watches for on a command's input to detach from the command.
/// The engine holds back the sequence's first key until it sees the next one, so with its default,
/// Ctrl-P Ctrl-Q, Ctrl-P (history in shells) arrives late. rind's sequence starts with a key people
/// do not type to get something done at once (Ctrl-@, the NUL byte) and goes on with keys no one types after it.
/// </summary>
internal static class DetachKeys
{
    public const string RindDefault = "ctrl-@,ctrl-_,ctrl-@";

    /// <summary>
    /// The sequence for input that is not a terminal's. Docker watches only a terminal's input, but
    /// Podman watches any input, and an empty sequence means its default Ctrl-P Ctrl-Q to it. Podman
    /// sees a key only when it arrives alone in a read, so input cut short by a match would have to
    /// come one byte at a time as exactly these sixteen control keys.
    /// </summary>
    public const string WithoutTerminal =
        "ctrl-@,ctrl-_,ctrl-^,ctrl-],ctrl-@,ctrl-_,ctrl-^,ctrl-],ctrl-@,ctrl-_,ctrl-^,ctrl-],ctrl-@,ctrl-_,ctrl-^,ctrl-]";

    /// <param name="configured">detachKeys from the Docker CLI's config file, which the user chose.</param>
    public static string Choose(string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? RindDefault : configured.Trim();
}
