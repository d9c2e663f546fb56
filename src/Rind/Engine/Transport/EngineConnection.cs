namespace Rind.Engine.Transport;

/// <summary>
/// One open connection to the engine: a byte stream both ways, a way to end the sending half
/// alone, which is how a command learns that its stdin has ended while its output still arrives,
/// and a way to break it off from another thread, which ends a read or write that waits on it.
/// </summary>
internal sealed class EngineConnection(Stream stream, Action closeWrite, Action? abort = null)
{
    public Stream Stream { get; } = stream;

    public void CloseWrite() => closeWrite();

    public void Abort()
    {
        if (abort is null)
        {
            Stream.Dispose();
        }
        else
        {
            abort();
        }
    }
}
