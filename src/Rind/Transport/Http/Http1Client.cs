using Rind.Transport.Dialing;

namespace Rind.Transport.Http;

/// <summary>
/// HTTP/1.1 to a server (an engine, a cluster's API server) over connections from a dialer. A call with a JSON response reuses a connection an
/// earlier call left open; a call that asks for an upgrade gets a connection of its own, which it keeps.
/// Calls block until the response is there, or until their deadline passes; they may come from several threads at once.
/// </summary>
/// <param name="callTimeout">How long one call may take, from dialling to the end of its response.</param>
/// <param name="maxResponseLength">The most bytes of a response's body rind reads.</param>
internal sealed class Http1Client(IDialer dialer, string host, TimeSpan callTimeout, long maxResponseLength = Http1Client.DefaultMaxResponseLength)
    : IDisposable
{
    /// <summary>Well above the list of 50,000 containers, and far below what would strain memory.</summary>
    public const long DefaultMaxResponseLength = 64 * 1024 * 1024;

    private readonly Lock _lock = new();
    private readonly Stack<HttpConnection> _idle = new();

    /// <summary>Sends a request and reads its whole response.</summary>
    /// <exception cref="TransportException">No connection to the server could be opened.</exception>
    /// <exception cref="CallTimeoutException">The response was not complete within the call's deadline.</exception>
    /// <exception cref="IOException">The connection broke before the response was complete.</exception>
    /// <exception cref="InvalidDataException">The response is not HTTP/1.x.</exception>
    /// <exception cref="ResponseTooLargeException">The response's body is larger than rind reads.</exception>
    public HttpResponse Send(string method, string target, ReadOnlyMemory<byte>? jsonBody) =>
        Send(new HttpRequest(method, target) { JsonBody = jsonBody });

    /// <inheritdoc cref="Send(string, string, ReadOnlyMemory{byte}?)"/>
    public HttpResponse Send(HttpRequest request)
    {
        using var deadline = new RequestDeadline(callTimeout);
        while (true)
        {
            var idle = TakeIdle();
            var connection = idle ?? new HttpConnection(dialer.Dial(deadline));
            try
            {
                var answer = WithinDeadline(deadline, connection, () =>
                {
                    var head = connection.Send(request, host);
                    return new HttpResponse(head, connection.ReadBody(head, maxResponseLength));
                });
                Release(connection, deadline);
                return answer;
            }
            catch (IOException exception) when (exception is not CallTimeoutException && idle is not null && !connection.HasReceived)
            {
                // The server had closed the idle connection: the request never reached it, so send it again.
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
    /// Asks for an upgrade, and on any response but 101 reads the refusal whole, within a deadline of its own:
    /// the stream the connection switched to, or the response that refused it.
    /// </summary>
    /// <param name="request">The request, its <see cref="HttpRequest.Upgrade"/> set.</param>
    /// <param name="reuse">
    /// Whether a connection an earlier call left open may carry it, which spares a connection and its TLS; and
    /// whether one whose upgrade was refused is kept for the next call, rather than closed.
    /// </param>
    /// <exception cref="TransportException">No connection to the server could be opened.</exception>
    /// <exception cref="CallTimeoutException">The response's head, or a refusal's body, was not there within the call's deadline.</exception>
    /// <exception cref="IOException">The connection broke before the response was complete.</exception>
    /// <exception cref="InvalidDataException">The response is not HTTP/1.x.</exception>
    /// <exception cref="ResponseTooLargeException">A refusal's body is larger than rind reads.</exception>
    public UpgradeResponse Upgrade(HttpRequest request, bool reuse = false)
    {
        var (head, connection) = SendUpgrade(request, reuse);
        if (head.StatusCode == 101)
        {
            return new UpgradeResponse(head, connection.TakeUpgradedStream(), []);
        }

        try
        {
            var body = ReadBody(connection, head);
            if (reuse)
            {
                KeepForReuse(connection);
            }
            else
            {
                connection.Dispose();
            }

            return new UpgradeResponse(head, null, body);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends a request asking to switch the connection to a raw stream, and reads the head of the response
    /// within the call's deadline; what follows a switch has none. The caller owns that connection from then
    /// on, whatever the response.
    /// </summary>
    /// <param name="request">The request, its <see cref="HttpRequest.Upgrade"/> set.</param>
    /// <param name="reuseIdle">Whether a connection an earlier call left open may carry it, which spares a connection and its TLS.</param>
    public (HttpResponseHead Head, HttpConnection Connection) SendUpgrade(HttpRequest request, bool reuseIdle = false)
    {
        using var deadline = new RequestDeadline(callTimeout);
        while (true)
        {
            var idle = reuseIdle ? TakeIdle() : null;
            var connection = idle ?? new HttpConnection(dialer.Dial(deadline));
            try
            {
                var head = WithinDeadline(deadline, connection, () => connection.Send(request, host));

                // The deadline may have passed just as the head arrived, and aborted the connection all the same.
                return deadline.HasPassed ? throw new CallTimeoutException(deadline.Limit) : (head, connection);
            }
            catch (IOException exception) when (exception is not CallTimeoutException && idle is not null && !connection.HasReceived)
            {
                // The server had closed the idle connection: the request never reached it, so send it again.
                connection.Dispose();
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
    }

    /// <summary>Keeps a connection whose upgrade was refused, and its response read, for the next call; closes it when it cannot serve one.</summary>
    private void KeepForReuse(HttpConnection connection)
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

    /// <summary>Reads the body of a response to <see cref="SendUpgrade"/> that did not switch, within a deadline of its own.</summary>
    private byte[] ReadBody(HttpConnection connection, HttpResponseHead head)
    {
        using var deadline = new RequestDeadline(callTimeout);
        return WithinDeadline(deadline, connection, () => connection.ReadBody(head, maxResponseLength));
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

    /// <summary>
    /// Runs one exchange on the connection, which is aborted should the deadline pass first; what then
    /// fails in the exchange is told as the deadline.
    /// </summary>
    private static T WithinDeadline<T>(RequestDeadline deadline, HttpConnection connection, Func<T> exchange)
    {
        try
        {
            using (deadline.OnExpiry(connection.Connection.Abort))
            {
                return exchange();
            }
        }
        catch (Exception exception) when (deadline.HasPassed && exception is IOException or ObjectDisposedException)
        {
            throw new CallTimeoutException(deadline.Limit, exception);
        }
    }

    private HttpConnection? TakeIdle()
    {
        lock (_lock)
        {
            return _idle.TryPop(out var connection) ? connection : null;
        }
    }

    private void Release(HttpConnection connection, RequestDeadline deadline)
    {
        // A deadline that passed just as the response ended has aborted the connection all the same.
        if (!connection.IsReusable || deadline.HasPassed)
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
