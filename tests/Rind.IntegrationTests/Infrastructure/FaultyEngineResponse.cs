using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// The connection a <see cref="FaultyEngine"/> script answers on, with the answers a sound engine
/// gives and the pieces to build unsound ones from.
/// </summary>
public sealed class FaultyEngineResponse(Socket connection, CancellationToken stopping)
{
    public const string ApiVersion = "1.41";

    private int _execs;

    public CancellationToken Stopping => stopping;

    public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    public void Send(ReadOnlySpan<byte> bytes)
    {
        stopping.ThrowIfCancellationRequested();
        connection.Send(bytes);
    }

    /// <summary>A whole answer with a JSON body of known length.</summary>
    public void Json(int status, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        Send(string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n"));
        Send(body);
    }

    public void Ping() =>
        Send($"HTTP/1.1 200 OK\r\nApi-Version: {ApiVersion}\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nOK");

    /// <summary>
    /// Answers as a sound engine whose one labelled container runs commands that write
    /// <paramref name="output"/> (multiplexed frames) and end with <paramref name="exitCode"/>.
    /// </summary>
    /// <param name="containers">The list of containers as JSON; one running labelled container "web" by default.</param>
    public bool AsEngine(FaultyEngineRequest request, byte[]? output = null, long exitCode = 0, string? containers = null)
    {
        switch (request.Method, request.Endpoint)
        {
            case ("GET" or "HEAD", "/_ping"):
                Ping();
                return true;
            case ("GET", "/containers/json"):
                Json(200, containers ?? """[{"Id":"c0ffee","Names":["/web"],"State":"running","Status":"Up","Labels":{"app.rind":""}}]""");
                return true;
            case ("POST", var path) when path.EndsWith("/exec", StringComparison.Ordinal):
                Json(201, string.Create(CultureInfo.InvariantCulture, $$"""{"Id":"e{{Interlocked.Increment(ref _execs)}}"}"""));
                return true;
            case ("POST", var path) when path.EndsWith("/start", StringComparison.Ordinal) && request.Body.Contains("\"Detach\":true", StringComparison.Ordinal):
                Json(200, "");
                return true;
            case ("POST", var path) when path.EndsWith("/start", StringComparison.Ordinal):
                Upgrade();
                Send(output ?? []);
                EndOutput();
                return false;
            case ("GET", var path) when path.EndsWith("/json", StringComparison.Ordinal):
                Json(200, string.Create(CultureInfo.InvariantCulture, $$"""{"Running":false,"ExitCode":{{exitCode}},"Pid":4242}"""));
                return true;
            case ("POST", var path) when path.EndsWith("/resize", StringComparison.Ordinal):
                Json(200, "");
                return true;
            default:
                Json(404, """{"message":"no such endpoint"}""");
                return true;
        }
    }

    /// <summary>The head of an answer that turns the connection into an exec's stream.</summary>
    public void Upgrade() =>
        Send("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n");

    /// <summary>Ends the exec's output, as the engine does when the command has ended.</summary>
    public void EndOutput() => connection.Shutdown(SocketShutdown.Send);

    /// <summary>One frame of multiplexed output: stream 1 is stdout, 2 stderr.</summary>
    public static byte[] Frame(byte stream, string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var frame = new byte[8 + payload.Length];
        frame[0] = stream;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }
}
