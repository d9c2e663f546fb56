using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Rind.Docker;
using Rind.Docker.Dialing;
using Rind.Docker.Models;

namespace Rind.Tests.Docker;

public sealed class DockerEngineClientDeadlineTests : IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMilliseconds(300);

    /// <summary>Far more than the deadline, far less than the tests' own timeout. Timers may fire a little early, so the lower bound is half the deadline.</summary>
    private static readonly TimeSpan GiveUpWithin = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(20));

    [Fact]
    public void An_engine_that_accepts_but_never_answers_is_given_up_after_the_deadline()
    {
        using var engine = new ScriptedSocketEngine((connection, token) => token.WaitHandle.WaitOne());
        var clock = Stopwatch.StartNew();

        var exception = Assert.Throws<RindException>(() => Client(engine));

        Assert.InRange(clock.Elapsed, CallTimeout / 2, GiveUpWithin);
        Assert.Equal(
            $"the engine at unix://{engine.SocketPath} did not answer GET /_ping within 0.3 s; it may be stuck or overloaded (RIND_TIMEOUT=SECONDS sets the limit)",
            exception.Message);
    }

    [Fact]
    public void An_engine_that_never_accepts_the_connection_is_given_up_after_the_deadline()
    {
        using var engine = new ScriptedSocketEngine(serve: null, backlog: 0);
        var waiting = FillBacklog(engine);
        var clock = Stopwatch.StartNew();

        var exception = Assert.Throws<RindException>(() => Client(engine));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, GiveUpWithin);
        Assert.Contains("did not answer GET /_ping within 0.3 s", exception.Message, StringComparison.Ordinal);
        waiting.ForEach(socket => socket.Dispose());
    }

    [Fact]
    public void An_engine_that_answers_a_byte_at_a_time_is_given_up_after_the_deadline()
    {
        using var engine = new ScriptedSocketEngine((connection, token) =>
        {
            ScriptedSocketEngine.ReadRequestHead(connection);
            foreach (var piece in "HTTP/1.1 200 OK\r\nApi-Version: 1.45\r\nContent-Length: 2\r\n\r\nOK"u8.ToArray())
            {
                connection.Send([piece]);
                token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(100));
            }
        });
        var clock = Stopwatch.StartNew();

        var exception = Assert.Throws<RindException>(() => Client(engine));

        Assert.InRange(clock.Elapsed, CallTimeout / 2, GiveUpWithin);
        Assert.Contains("did not answer GET /_ping", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_engine_that_sends_interim_answers_without_end_is_given_up_after_the_deadline()
    {
        using var engine = new ScriptedSocketEngine((connection, token) =>
        {
            ScriptedSocketEngine.ReadRequestHead(connection);
            while (!token.IsCancellationRequested)
            {
                connection.Send("HTTP/1.1 100 Continue\r\n\r\n"u8);
                token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(5));
            }
        });

        var exception = Assert.Throws<RindException>(() => Client(engine));

        Assert.Contains("did not answer GET /_ping", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_deadline_names_the_call_without_its_version_and_query()
    {
        using var engine = new ScriptedSocketEngine((connection, token) => token.WaitHandle.WaitOne());
        using var client = DockerEngineClient.Connect(engine.Endpoint, new SocketDialer(engine.Endpoint), new ApiVersion(1, 45), NullLogger.Instance, CallTimeout);

        var exception = Assert.Throws<RindException>(() => client.ListContainersWithLabel("app.rind"));

        Assert.Contains("did not answer GET /containers/json within", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exec_stream_has_no_deadline_once_the_engine_has_switched_to_it()
    {
        using var engine = new ScriptedSocketEngine((connection, token) =>
        {
            ScriptedSocketEngine.ReadRequestHead(connection);
            connection.Send("HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"u8);
            token.WaitHandle.WaitOne(CallTimeout * 3);
            connection.Send("late output"u8);
            connection.Shutdown(SocketShutdown.Send);
        });
        using var client = DockerEngineClient.Connect(engine.Endpoint, new SocketDialer(engine.Endpoint), new ApiVersion(1, 45), NullLogger.Instance, CallTimeout);

        using var exec = client.StartExec("e1", new ExecStartRequest());
        using var output = new MemoryStream();
        await exec.CopyToAsync(output, _timeout.Token);

        Assert.Equal("late output", Encoding.ASCII.GetString(output.ToArray()));
    }

    public void Dispose() => _timeout.Dispose();

    private static DockerEngineClient Client(ScriptedSocketEngine engine) =>
        DockerEngineClient.Connect(engine.Endpoint, new SocketDialer(engine.Endpoint), null, NullLogger.Instance, CallTimeout);

    /// <summary>Connections that take up every place in the listener's backlog, so that the next one has to wait.</summary>
    private static List<Socket> FillBacklog(ScriptedSocketEngine engine)
    {
        List<Socket> waiting = [];
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { Blocking = false };
            waiting.Add(socket);
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(engine.SocketPath));
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.WouldBlock)
            {
                return waiting;
            }
        }
    }
}
