using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Rind.Kubernetes;
using Rind.Kubernetes.Api;
using Rind.Tests.Fakes;

namespace Rind.Tests.Kubernetes;

/// <summary>The exec opened as kubectl opens it: WebSocket first, SPDY/3.1 when the server will not switch to it.</summary>
public sealed class KubernetesApiClientFallbackTests
{
    private const string OpenShiftRefusal = """{"kind":"Status","status":"Failure","message":"upgrade to websocket refused","reason":"Forbidden","code":403}""";
    private const string Success = """{"metadata":{},"status":"Success"}""";

    [Fact(Timeout = 10_000)]
    public async Task A_refused_websocket_upgrade_gives_way_to_spdy_and_the_exec_runs_there()
    {
        SpdyExecServer? session = null;
        await using var server = LoopbackApiServer.Start(request => request.Header("Upgrade") == "websocket"
            ? ApiResponse.Json(403, OpenShiftRefusal)
            : ApiResponse.Spdy(ExecStreamProtocol.V4, async stream =>
            {
                session = new SpdyExecServer(stream);
                await session.AcceptAsync(4);
                await session.ReadUntilFinAsync("stdin");
                await session.DataAsync("stdout", "out", fin: true);
                await session.DataAsync("stderr", "err", fin: true);
                await session.DataAsync("error", Success, fin: true);
            }));
        using var client = Client(server);

        using var process = (KubernetesExecProcess)await Task.Run(() =>
            client.OpenExec(new PodExecRequest("shop", "web-7d4f", "app", ["cat"], Stdin: true, Tty: false)));
        process.WriteInput("in"u8);
        process.CloseInput();
        var (stdout, stderr) = ReadOutput(process);
        var ended = process.WaitForEnd(TimeSpan.FromSeconds(5));

        Assert.Equal("SPDY/3.1 " + ExecStreamProtocol.V4, process.Protocol);
        Assert.Equal(["error", "stdin", "stdout", "stderr"], session!.Streams.Keys);
        Assert.Equal(("out", "err", 0L), (stdout, stderr, ended.ExitCode));
        var spdyRequest = server.Requests.Last();
        Assert.Equal("POST", spdyRequest.Method);
        Assert.Equal("v4.channel.k8s.io, v3.channel.k8s.io, v2.channel.k8s.io, channel.k8s.io", spdyRequest.Header("X-Stream-Protocol-Version"));
        Assert.Equal("in", string.Concat(session.DataReceived.Select(data => System.Text.Encoding.ASCII.GetString(data.Payload))));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_non_zero_exit_code_comes_from_the_error_streams_status()
    {
        const string exited = """{"status":"Failure","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"3"}]}}""";
        await using var server = LoopbackApiServer.Start(request => request.Header("Upgrade") == "websocket"
            ? ApiResponse.Json(403, OpenShiftRefusal)
            : ApiResponse.Spdy(ExecStreamProtocol.V4, async stream =>
            {
                var session = new SpdyExecServer(stream);
                await session.AcceptAsync(3);
                await session.DataAsync("stdout", "", fin: true);
                await session.DataAsync("stderr", "", fin: true);
                await session.DataAsync("error", exited, fin: true);
            }));
        using var client = Client(server);

        using var process = await Task.Run(() => client.OpenExec(new PodExecRequest("shop", "web-7d4f", null, ["false"], Stdin: false, Tty: false)));
        ReadOutput(process);

        Assert.Equal(3L, process.WaitForEnd(TimeSpan.FromSeconds(5)).ExitCode);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_websocket_that_speaks_only_v4_gives_way_to_spdy_when_the_input_must_end()
    {
        await using var server = LoopbackApiServer.Start(request => request.Header("Upgrade") == "websocket"
            ? ApiResponse.Upgrade(ExecSubprotocol.V4, socket => Task.Delay(TimeSpan.FromSeconds(5)))
            : ApiResponse.Spdy(ExecStreamProtocol.V4, async stream => await new SpdyExecServer(stream).AcceptAsync(4)));
        using var client = Client(server);

        using var process = await Task.Run(() => client.OpenExec(
            new PodExecRequest("shop", "web-7d4f", null, ["cat"], Stdin: true, Tty: false) { NeedsInputEnd = true }));

        Assert.True(process.CanCloseInput);
        Assert.Equal(["websocket", "SPDY/3.1"], server.Requests.Select(request => request.Header("Upgrade")));
    }

    [Fact(Timeout = 10_000)]
    public async Task An_exec_refused_differently_by_both_transports_names_both_refusals()
    {
        await using var server = LoopbackApiServer.Start(request => request.Header("Upgrade") == "websocket"
            ? ApiResponse.Json(403, OpenShiftRefusal)
            : ApiResponse.Json(400, """{"kind":"Status","status":"Failure","message":"Upgrade request required","code":400}"""));
        using var client = Client(server);

        var failure = await Task.Run(() => Assert.Throws<RindException>(() =>
            client.OpenExec(new PodExecRequest("shop", "web-7d4f", null, ["true"], Stdin: false, Tty: false))));

        Assert.EndsWith(
            "refused the exec in pod web-7d4f over WebSocket (HTTP 403: upgrade to websocket refused) and over SPDY/3.1 (HTTP 400: Upgrade request required)",
            failure.Message,
            StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_server_that_switches_to_spdy_without_a_protocol_rind_offered_is_refused_in_one_line()
    {
        await using var server = LoopbackApiServer.Start(request => request.Header("Upgrade") == "websocket"
            ? ApiResponse.Json(403, OpenShiftRefusal)
            : ApiResponse.Spdy("v9.channel.k8s.io", _ => Task.CompletedTask));
        using var client = Client(server);

        var failure = await Task.Run(() => Assert.Throws<RindException>(() =>
            client.OpenExec(new PodExecRequest("shop", "web-7d4f", null, ["true"], Stdin: false, Tty: false))));

        Assert.EndsWith("opened the exec in pod web-7d4f as no exec rind speaks: it agreed to none of the protocols offered (v4.channel.k8s.io, v3.channel.k8s.io, v2.channel.k8s.io, channel.k8s.io)", failure.Message, StringComparison.Ordinal);
    }

    private static (string Stdout, string Stderr) ReadOutput(Rind.Backends.IExecProcess process)
    {
        var stdout = new System.Text.StringBuilder();
        var stderr = new System.Text.StringBuilder();
        var buffer = new byte[1024];
        while (process.Output.Read(buffer) is { IsEnd: false } chunk)
        {
            (chunk.Kind == Rind.Backends.StreamKind.Stderr ? stderr : stdout).Append(System.Text.Encoding.UTF8.GetString(buffer, 0, chunk.Length));
        }

        return (stdout.ToString(), stderr.ToString());
    }

    private static KubernetesApiClient Client(LoopbackApiServer server)
    {
        var credentials = new Mock<IClusterCredentials>();
        credentials.Setup(source => source.Get()).Returns(new ClusterCredential("t0ken", null));
        return new(new ClusterConnection(new ClusterAccess(server.Address, "dev", "shop", credentials.Object), TimeSpan.FromSeconds(5), new FakeEnvironment()), NullLogger.Instance);
    }
}
