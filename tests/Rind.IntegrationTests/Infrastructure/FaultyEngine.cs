using System.Net.Sockets;
using System.Text;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// A stand-in for an engine that misbehaves on purpose, on a Unix socket in a temporary folder of its
/// own: each request is handed to a script, which writes whatever answer it likes, as slowly or
/// endlessly as it likes. Everything it sends stops by itself when rind goes away, when the engine
/// is disposed, or after <see cref="MaxBytesPerResponse"/>.
/// </summary>
public sealed class FaultyEngine : IDisposable
{
    /// <summary>The most an endless answer sends, so that a client that never stops reading still ends the test.</summary>
    public const long MaxBytesPerResponse = 2L * 1024 * 1024 * 1024;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rind-faulty-engine-");
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Socket> _connections = [];
    private readonly List<FaultyEngineRequest> _requests = [];
    private readonly Func<FaultyEngineRequest, FaultyEngineResponse, bool> _answer;

    /// <param name="answer">Answers one request; returns false to close the connection after it.</param>
    public FaultyEngine(Func<FaultyEngineRequest, FaultyEngineResponse, bool> answer)
    {
        _answer = answer;
        SocketPath = Path.Combine(_directory.FullName, "docker.sock");
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(16);
        new Thread(Accept) { IsBackground = true, Name = "faulty engine" }.Start();
    }

    public string SocketPath { get; }

    /// <summary>The address for DOCKER_HOST.</summary>
    public string Host => $"unix://{SocketPath}";

    /// <summary>The environment that points rind at this engine and nowhere else.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["DOCKER_HOST"] = Host,
        ["DOCKER_CONTEXT"] = null,
        ["DOCKER_TLS_VERIFY"] = null,
        ["DOCKER_TLS"] = null,
        ["DOCKER_CERT_PATH"] = null,
    };

    public IReadOnlyList<FaultyEngineRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Dispose();
        lock (_connections)
        {
            _connections.ForEach(connection => connection.Dispose());
        }

        _directory.Delete(recursive: true);
    }

    private void Accept()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var connection = _listener.Accept();
                lock (_connections)
                {
                    _connections.Add(connection);
                }

                new Thread(() => Serve(connection)) { IsBackground = true, Name = "faulty engine connection" }.Start();
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Disposed.
        }
    }

    private void Serve(Socket connection)
    {
        var answer = new FaultyEngineResponse(connection, _stopping.Token);
        try
        {
            using var reader = new NetworkStream(connection, ownsSocket: false);
            while (ReadRequest(reader) is { } request)
            {
                lock (_requests)
                {
                    _requests.Add(request);
                }

                if (!_answer(request, answer))
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // rind went away, which is what many of these answers are waiting for.
        }
        finally
        {
            connection.Dispose();
        }
    }

    private static FaultyEngineRequest? ReadRequest(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (stream.Read(one) == 0)
            {
                return null;
            }

            head.Append((char)one[0]);
        }

        var lines = head.ToString().Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var length = lines
            .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var body = new byte[length];
        stream.ReadExactly(body);
        return new FaultyEngineRequest(requestLine[0], requestLine[1], Encoding.UTF8.GetString(body));
    }
}
