namespace Rind.Platform;

/// <summary>
/// rind's own stdin, stdout and stderr, as unbuffered byte streams.
/// </summary>
internal interface IStandardStreams
{
    Stream Input { get; }

    Stream Output { get; }

    Stream Error { get; }

    /// <summary>stderr for text: rind's messages and, with --verbose, its log.</summary>
    TextWriter ErrorWriter { get; }

    /// <summary>Whether <see cref="Input"/> is known to hold nothing (/dev/null, or input rind leaves unread), so that no command waits for it.</summary>
    bool HasNoInput { get; }
}
