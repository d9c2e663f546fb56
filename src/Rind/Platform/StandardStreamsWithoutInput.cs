namespace Rind.Platform;

/// <summary>
/// rind's standard streams with stdin left unread: what reads it finds its end at once, as from /dev/null.
/// </summary>
internal sealed class StandardStreamsWithoutInput(IStandardStreams streams) : IStandardStreams
{
    public Stream Input => Stream.Null;

    public Stream Output => streams.Output;

    public Stream Error => streams.Error;

    public TextWriter ErrorWriter => streams.ErrorWriter;

    public bool HasNoInput => true;
}
