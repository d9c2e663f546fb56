using System.Net.Sockets;
using Rind.Docker;

namespace Rind.Tests.Docker;

/// <summary>
/// A Unix socket in a temporary folder where each accepted connection is served, on a thread of its
/// own, by a script that writes what it likes when it likes: for engines that are slow, silent or
/// never done. With no script, connections are left waiting in the backlog, never accepted.
/// </summary>
internal sealed class ScriptedSocketEngine : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rind-engine-");
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Socket> _accepted = [];

    /// <param name="serve">Serves one connection; the token ends when the engine is disposed.</param>
    /// <param name="backlog">How many connections may wait to be accepted.</param>
    public ScriptedSocketEngine(Action<Socket, CancellationToken>? serve, int backlog = 16)
    {
        SocketPath = Path.Combine(_directory.FullName, "docker.sock");
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(backlog);
        if (serve is not null)
        {
            new Thread(() => Accept(serve)) { IsBackground = true }.Start();
        }
    }

    public string SocketPath { get; }

    public UnixEngineEndpoint Endpoint => new(SocketPath);

    /// <summary>Reads what a request sent, up to the blank line that ends its head.</summary>
    public static void ReadRequestHead(Socket connection)
    {
        var seen = new List<byte>();
        var one = new byte[1];
        while (connection.Receive(one) == 1)
        {
            seen.Add(one[0]);
            if (seen.Count >= 4 && seen[^4..].SequenceEqual("\r\n\r\n"u8.ToArray()))
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Dispose();
        lock (_accepted)
        {
            _accepted.ForEach(socket => socket.Dispose());
        }

        _stopping.Dispose();
        _directory.Delete(recursive: true);
    }

    private void Accept(Action<Socket, CancellationToken> serve)
    {
        var token = _stopping.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var connection = _listener.Accept();
                lock (_accepted)
                {
                    _accepted.Add(connection);
                }

                new Thread(() => Serve(serve, connection, token)) { IsBackground = true }.Start();
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // The engine was disposed.
        }
    }

    private static void Serve(Action<Socket, CancellationToken> serve, Socket connection, CancellationToken token)
    {
        try
        {
            serve(connection, token);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away, or the engine was disposed.
        }
    }
}
