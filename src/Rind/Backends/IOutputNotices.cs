namespace Rind.Backends;

/// <summary>
/// Texts a backend writes into a command's output in place of the command's own, and what they mean.
/// Each arrives in a write of its own, so it opens a chunk of output.
/// </summary>
internal interface IOutputNotices
{
    /// <summary>Whether a chunk of output may be a notice, to be held back until it is clear whose it is.</summary>
    bool MayOpenWith(StreamKind kind, ReadOnlySpan<byte> bytes);

    /// <summary>Whether a chunk that follows a held notice belongs to it.</summary>
    bool MayContinueWith(ReadOnlySpan<byte> bytes);

    /// <summary>What a held notice says happened, given what the backend said of the command's end.</summary>
    OutputNotice Classify(string? notice, ExecState ended);

    /// <summary>The backend's words in a notice or a refusal, as a message may quote them.</summary>
    string Words(string notice);
}
