using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Rind.Backends;
using Rind.Kubernetes.Api;
using Rind.Platform;

namespace Rind.Tests.Kubernetes;

/// <summary>The exec's WebSocket protocol, the test acting as the server with hand-built messages.</summary>
public sealed class KubernetesExecProcessTests : IDisposable
{
    private const string NonZeroExit = """
        {"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: exit status 3",
         "reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"3"}]}}
        """;

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(10));
    private WebSocketPair? _pair;

    [Fact(Timeout = 10_000)]
    public async Task Stdout_and_stderr_arrive_apart_in_the_order_they_were_sent()
    {
        using var process = Open(ExecSubprotocol.V5);
        await _pair!.SendAsync(1, "out1"u8, _timeout.Token);
        await _pair.SendAsync(2, "err"u8, _timeout.Token);
        await _pair.SendAsync(1, "out2"u8, _timeout.Token);
        await _pair.CloseAsync(_timeout.Token);

        var chunks = await Task.Run(() => ReadAll(process), _timeout.Token);

        Assert.Equal([(StreamKind.Stdout, "out1"), (StreamKind.Stderr, "err"), (StreamKind.Stdout, "out2")], chunks);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_message_split_over_frames_keeps_the_channel_of_its_first_byte()
    {
        using var process = Open(ExecSubprotocol.V5);
        await _pair!.Server.SendAsync(new byte[] { 2, (byte)'a', (byte)'b' }, WebSocketMessageType.Binary, endOfMessage: false, _timeout.Token);
        await _pair.Server.SendAsync(new byte[] { 1, (byte)'c', (byte)'d' }, WebSocketMessageType.Binary, endOfMessage: true, _timeout.Token);
        await _pair.CloseAsync(_timeout.Token);

        var chunks = await Task.Run(() => ReadAll(process), _timeout.Token);

        Assert.Equal(StreamKind.Stderr, Assert.Single(chunks.Select(chunk => chunk.Kind).Distinct()));
        Assert.Equal("ab\u0001cd", string.Concat(chunks.Select(chunk => chunk.Text)));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_container_without_env_is_named_with_what_still_works_there_not_blamed_on_the_command()
    {
        const string noEnv = """
            {"status":"Failure","message":"Internal error occurred: error executing command in container: failed to exec in container: failed to start exec \"4f1c\": OCI runtime exec failed: exec failed: unable to start container process: exec: \"env\": executable file not found in $PATH: unknown","reason":"InternalError","code":500}
            """;
        using var process = Open(ExecSubprotocol.V5);
        await _pair!.SendAsync(3, Encoding.UTF8.GetBytes(noEnv), _timeout.Token);
        await _pair.CloseAsync(_timeout.Token);
        await Task.Run(() => ReadAll(process), _timeout.Token);

        var failure = Assert.Throws<RindException>(() => process.WaitForEnd(TimeSpan.FromSeconds(5)));

        Assert.Equal(
            "the container of pod web-0 has no env (a distroless image?), through which rind starts every command; " +
            "kubectl exec web-0 -- COMMAND still runs one there, without rind's variables, folder, pre-step and signals",
            failure.Message);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_command_that_is_not_found_is_still_the_commands_failure()
    {
        const string noCommand = """
            {"status":"Failure","message":"failed to start exec: exec: \"nosuch\": executable file not found in $PATH: unknown","reason":"InternalError","code":500}
            """;
        using var process = Open(ExecSubprotocol.V5);
        await _pair!.SendAsync(3, Encoding.UTF8.GetBytes(noCommand), _timeout.Token);
        await _pair.CloseAsync(_timeout.Token);
        await Task.Run(() => ReadAll(process), _timeout.Token);

        var ended = process.WaitForEnd(TimeSpan.FromSeconds(5));

        Assert.Contains("\"nosuch\"", ended.StartFailure, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_empty_message_on_the_output_channel_is_not_the_end_of_the_output()
    {
        using var process = Open(ExecSubprotocol.V4);
        await _pair!.SendAsync(1, [], _timeout.Token);
        await _pair.SendAsync(1, "after"u8, _timeout.Token);
        await _pair.CloseAsync(_timeout.Token);

        var chunks = await Task.Run(() => ReadAll(process), _timeout.Token);

        Assert.Equal([(StreamKind.Stdout, "after")], chunks);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_chunk_larger_than_the_readers_buffer_is_handed_out_in_pieces()
    {
        using var process = Open(ExecSubprotocol.V5);
        await _pair!.SendAsync(1, "0123456789"u8, _timeout.Token);
        await _pair.CloseAsync(_timeout.Token);

        var pieces = await Task.Run(() => ReadAll(process, bufferSize: 4), _timeout.Token);

        Assert.Equal(["0123", "4567", "89"], pieces.Select(piece => piece.Text));
    }

    [Fact(Timeout = 10_000)]
    public async Task Input_goes_on_channel_0()
    {
        using var process = Open(ExecSubprotocol.V5);

        process.WriteInput("hello\n"u8);

        Assert.Equal("\0hello\n"u8.ToArray(), await _pair!.ReceiveAsync(_timeout.Token));
    }

    [Fact(Timeout = 10_000)]
    public async Task Closing_the_input_on_v5_sends_the_close_message_for_channel_0()
    {
        using var process = Open(ExecSubprotocol.V5);

        process.CloseInput();

        Assert.True(process.CanCloseInput);
        Assert.Equal(new byte[] { 255, 0 }, await _pair!.ReceiveAsync(_timeout.Token));
    }

    [Fact(Timeout = 10_000)]
    public async Task Closing_the_input_on_v4_sends_nothing_as_the_protocol_has_no_such_message()
    {
        using var process = Open(ExecSubprotocol.V4);

        process.CloseInput();
        process.WriteInput("next"u8);

        Assert.False(process.CanCloseInput);
        Assert.Equal("\0next"u8.ToArray(), await _pair!.ReceiveAsync(_timeout.Token));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_resize_sends_the_width_and_height_as_json_on_channel_4()
    {
        using var process = Open(ExecSubprotocol.V5);

        process.Resize(new TerminalSize(Rows: 40, Columns: 120));

        var message = await _pair!.ReceiveAsync(_timeout.Token);
        Assert.Equal(4, message[0]);
        Assert.Equal("""{"Width":120,"Height":40}""", Encoding.UTF8.GetString(message.AsSpan(1)));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_success_status_ends_the_command_with_exit_code_0()
    {
        using var process = Open(ExecSubprotocol.V5);
        await _pair!.SendAsync(3, """{"metadata":{},"status":"Success"}"""u8, _timeout.Token);
        await _pair.CloseAsync(_timeout.Token);
        await Task.Run(() => ReadAll(process), _timeout.Token);

        var ended = process.WaitForEnd(TimeSpan.FromSeconds(5));

        Assert.False(ended.Running);
        Assert.Equal(0, ended.ExitCode);
        Assert.Null(ended.StartFailure);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_status_split_over_frames_is_read_whole()
    {
        using var process = Open(ExecSubprotocol.V4);
        var status = Encoding.UTF8.GetBytes(NonZeroExit);
        await _pair!.Server.SendAsync(new byte[] { 3 }.Concat(status[..20]).ToArray(), WebSocketMessageType.Binary, endOfMessage: false, _timeout.Token);
        await _pair.Server.SendAsync(status[20..], WebSocketMessageType.Binary, endOfMessage: true, _timeout.Token);
        await _pair.CloseAsync(_timeout.Token);
        await Task.Run(() => ReadAll(process), _timeout.Token);

        var ended = process.WaitForEnd(TimeSpan.FromSeconds(5));

        Assert.Equal(3, ended.ExitCode);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_end_is_known_once_the_status_came_even_before_the_server_closes()
    {
        using var process = Open(ExecSubprotocol.V5);
        await _pair!.SendAsync(3, Encoding.UTF8.GetBytes(NonZeroExit), _timeout.Token);
        var reading = Task.Run(() => process.Output.Read(new byte[16]), _timeout.Token);

        var ended = await Task.Run(() => process.WaitForEnd(TimeSpan.FromSeconds(5)), _timeout.Token);

        Assert.Equal(3, ended.ExitCode);
        await _pair.CloseAsync(_timeout.Token);
        Assert.True((await reading).IsEnd);
    }

    [Fact(Timeout = 10_000)]
    public async Task Without_a_status_or_a_close_the_command_still_runs_after_the_patience()
    {
        using var process = Open(ExecSubprotocol.V5);
        await _pair!.SendAsync(1, "x"u8, _timeout.Token);

        var state = await Task.Run(() => process.WaitForEnd(TimeSpan.FromMilliseconds(100)), _timeout.Token);

        Assert.True(state.Running);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_connection_that_breaks_off_before_the_status_leaves_the_exit_code_unknown_in_one_line()
    {
        using var process = Open(ExecSubprotocol.V5);
        _pair!.Server.Abort();
        _pair.Server.Dispose();
        var broken = await Task.Run(() => Assert.Throws<RindException>(() => ReadAll(process)), _timeout.Token);

        var failure = Assert.Throws<RindException>(() => process.WaitForEnd(TimeSpan.FromSeconds(5)));

        Assert.StartsWith("the connection to the cluster at https://cluster.test broke off while the command in pod web-0 ran: ", broken.Message, StringComparison.Ordinal);
        Assert.Contains("exit code is not known", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact(Timeout = 10_000)]
    public async Task Input_written_after_the_connection_closed_fails_as_an_io_error()
    {
        using var process = Open(ExecSubprotocol.V5);
        _pair!.Client.Abort();

        await Task.Run(() => Assert.Throws<IOException>(() => process.WriteInput("late"u8)), _timeout.Token);
    }

    public void Dispose()
    {
        _pair?.Dispose();
        _timeout.Dispose();
    }

    private KubernetesExecProcess Open(string protocol)
    {
        _pair = WebSocketPair.Open(protocol);
        return new KubernetesExecProcess(new WebSocketExecStreams(_pair.Client, protocol), ExecKeepAlive.For(TimeSpan.FromSeconds(30)), "the cluster at https://cluster.test", new PodExecRequest("shop", "web-0", null, ["env", "true"], Stdin: true, Tty: false), NullLogger.Instance);
    }

    private static List<(StreamKind Kind, string Text)> ReadAll(KubernetesExecProcess process, int bufferSize = 1024)
    {
        var chunks = new List<(StreamKind, string)>();
        var buffer = new byte[bufferSize];
        while (true)
        {
            var chunk = process.Output.Read(buffer);
            if (chunk.IsEnd)
            {
                return chunks;
            }

            chunks.Add((chunk.Kind, Encoding.UTF8.GetString(buffer, 0, chunk.Length)));
        }
    }
}
