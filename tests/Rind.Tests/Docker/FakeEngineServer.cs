using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Rind.Docker;

namespace Rind.Tests.Docker;

/// <summary>
/// A stand-in for the Docker engine, listening on a Unix socket in a temporary directory of its own.
/// It records every request as it arrived and answers each with the next of the raw HTTP answers it was given,
/// in order, over whichever connection the request came on. After a response with status 101 the connection
/// stops being HTTP and is handed to the test (<see cref="TakeUpgradedConnectionAsync"/>).
/// </summary>
internal sealed class FakeEngineServer : IAsyncDisposable
{
    private readonly DirectoryInfo _directory;
    private readonly Socket _listener;
    private readonly ConcurrentQueue<string> _answers;
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<FakeEngineConnection> _connections = [];
    private readonly List<Task> _servings = [];
    private readonly Channel<FakeEngineConnection> _upgraded = Channel.CreateUnbounded<FakeEngineConnection>();
    private readonly CancellationTokenSource _stopping;
    private readonly Task _accepting;

    private FakeEngineServer(IEnumerable<string> answers, CancellationToken cancellationToken)
    {
        _answers = new ConcurrentQueue<string>(answers);
        _directory = Directory.CreateTempSubdirectory("rind-engine-");
        SocketPath = Path.Combine(_directory.FullName, "docker.sock");
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen();
        _stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _accepting = AcceptAsync(_stopping.Token);
    }

    public string SocketPath { get; }

    public UnixEngineEndpoint Endpoint => new(SocketPath);

    /// <summary>How many connections clients have opened so far.</summary>
    public int ConnectionCount
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>Every request received so far, in the order they arrived.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <param name="answers">Whole HTTP/1.1 answers, status line to body, for the requests to come in order.</param>
    /// <param name="cancellationToken">Stops the server, as disposing it does.</param>
    public static FakeEngineServer Start(IEnumerable<string> answers, CancellationToken cancellationToken) =>
        new(answers, cancellationToken);

    /// <summary>The connection on which the server answered 101, for the test to speak raw bytes on.</summary>
    public async Task<FakeEngineConnection> TakeUpgradedConnectionAsync(CancellationToken cancellationToken) =>
        await _upgraded.Reader.ReadAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        lock (_lock)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }
        }

        await _accepting;
        _stopping.Dispose();
        _directory.Delete(recursive: true);
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptAsync(cancellationToken);
                var connection = new FakeEngineConnection(socket);
                lock (_lock)
                {
                    _connections.Add(connection);
                    _servings.Add(Task.Run(() => ServeAsync(connection, cancellationToken), CancellationToken.None));
                }
            }
        }
        catch (Exception exception) when (IsShutdown(exception))
        {
            // Disposed or timed out: nobody connects any more.
        }

        Task[] servings;
        lock (_lock)
        {
            servings = [.. _servings];
        }

        await Task.WhenAll(servings);
    }

    private async Task ServeAsync(FakeEngineConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                RecordedRequest? request;
                try
                {
                    request = await connection.ReadRequestAsync(cancellationToken);
                }
                catch (InvalidDataException exception)
                {
                    await connection.SendAsync(ErrorResponse(400, "Bad Request", exception.Message), cancellationToken);
                    connection.Dispose();
                    return;
                }

                if (request is null)
                {
                    return;
                }

                int number;
                lock (_lock)
                {
                    _requests.Add(request);
                    number = _requests.Count;
                }

                var answer = _answers.TryDequeue(out var next)
                    ? next
                    : ErrorResponse(500, "Internal Server Error", $"the fake engine has no answer for request {number} ({request})");
                await connection.SendAsync(answer, cancellationToken);

                if (answer.StartsWith("HTTP/1.1 101 ", StringComparison.Ordinal))
                {
                    _upgraded.Writer.TryWrite(connection);
                    return;
                }
            }
        }
        catch (Exception exception) when (IsShutdown(exception))
        {
            // The client hung up, or the server is being disposed.
        }
    }

    private static bool IsShutdown(Exception exception) =>
        exception is OperationCanceledException or ObjectDisposedException or SocketException or IOException;

    private static string ErrorResponse(int status, string reason, string message)
    {
        var body = $$"""{"message":"{{message.Replace("\"", "'", StringComparison.Ordinal)}}"}""";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");
    }
}
