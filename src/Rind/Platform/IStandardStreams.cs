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
}
