namespace Rind.Execution;

/// <summary>
/// The key sequence the engine watches for on a terminal's input to detach from the command.
/// The engine holds back the sequence's first key until it sees the next one, so with its default,
/// Ctrl-P Ctrl-Q, Ctrl-P (history in shells) arrives late. rind's sequence starts with a key people
/// do not type to get something done at once (Ctrl-@, the NUL byte) and goes on with keys no one types after it.
/// </summary>
internal static class DetachKeys
{
    public const string RindDefault = "ctrl-@,ctrl-_,ctrl-@";

    /// <param name="configured">detachKeys from the Docker CLI's config file, which the user chose.</param>
    public static string Choose(string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? RindDefault : configured.Trim();
}
