using System.Net.Sockets;

namespace Rind.Engine;

/// <summary>
/// An exec's stream after the engine switched the HTTP connection to a raw one (101 UPGRADED).
/// Keeps the socket, because only the socket can half-close, which is how the command learns its stdin ended.
/// </summary>
internal sealed class HijackedExecConnection(HttpClient client, HttpResponseMessage response, Stream stream, Socket socket)
    : IExecConnection
{
    public Stream Stream { get; } = stream;

    public void CloseInput()
    {
        try
        {
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // The connection is already gone: the command has ended, and its stdin with it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        response.Dispose();
        client.Dispose();
    }
}
