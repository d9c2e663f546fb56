using Rind.Engine.Transport;

namespace Rind.Engine.Http;

/// <summary>
/// HTTP/1.1 to the engine over connections from a dialer. A call with a JSON answer reuses a connection an
/// earlier call left open; a call that asks for an upgrade gets a connection of its own, which it keeps.
/// Calls block until the answer is there; they may come from several threads at once.
/// </summary>
internal sealed class EngineHttpClient(IEngineDialer dialer, string host) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Stack<HttpConnection> _idle = new();

    /// <summary>Sends a request and reads its whole answer.</summary>
    /// <exception cref="EngineTransportException">No connection to the engine could be opened.</exception>
    /// <exception cref="IOException">The connection broke before the answer was complete.</exception>
    /// <exception cref="InvalidDataException">The answer is not HTTP/1.x.</exception>
    public HttpAnswer Send(string method, string target, ReadOnlyMemory<byte>? jsonBody)
    {
        while (true)
        {
            var idle = TakeIdle();
            var connection = idle ?? new HttpConnection(dialer.Dial());
            try
            {
                var head = connection.Send(method, target, host, jsonBody, upgrade: false);
                var body = connection.ReadBody(head);
                Release(connection);
                return new HttpAnswer(head, body);
            }
            catch (IOException) when (idle is not null && !connection.HasReceived)
            {
                // The engine had closed the idle connection: the request never reached it, so send it again.
                connection.Dispose();
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// Sends a request asking to switch the connection to a raw stream, on a connection of its own.
    /// The caller owns that connection from then on, whatever the answer.
    /// </summary>
    public (HttpResponseHead Head, HttpConnection Connection) SendUpgrade(string target, ReadOnlyMemory<byte> jsonBody)
    {
        var connection = new HttpConnection(dialer.Dial());
        try
        {
            var head = connection.Send("POST", target, host, jsonBody, upgrade: true);
            return (head, connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            while (_idle.TryPop(out var connection))
            {
                connection.Dispose();
            }
        }
    }

    private HttpConnection? TakeIdle()
    {
        lock (_lock)
        {
            return _idle.TryPop(out var connection) ? connection : null;
        }
    }

    private void Release(HttpConnection connection)
    {
        if (!connection.IsReusable)
        {
            connection.Dispose();
            return;
        }

        lock (_lock)
        {
            _idle.Push(connection);
        }
    }
}
