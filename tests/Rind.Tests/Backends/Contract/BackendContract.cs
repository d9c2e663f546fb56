using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging.Abstractions;
using Rind.Backends;
using Rind.Cli;
using Rind.Execution;
using Rind.Platform;
using Rind.Tests.Fakes;

namespace Rind.Tests.Backends.Contract;

/// <summary>
/// What every backend shows when rind plans a command on its traits and runs it in the shared session: the
/// same cases, each backend over fakes of its own wire.
/// </summary>
public abstract class BackendContract : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeSignals _signals = new();
    private readonly CancellationTokenSource _timeout = new(Patience);
    private BackendTraits? _connected;

    /// <summary>What the backend's Connect must say it can do.</summary>
    internal abstract BackendTraits ExpectedTraits { get; }

    /// <summary>Where the cases run their command, as the backend's finder would give it.</summary>
    internal abstract Candidate Target { get; }

    /// <summary>The command on the far side of the backend's fakes.</summary>
    internal abstract IFakeCommand Command { get; }

    // Left out, being one backend's alone: detach keys and engine notices (ExecSessionTests, TerminalExecSessionTests, DockerBackendDetachKeysTests); users, privilege and v4-only piped input (KubernetesBackendTests).
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(255)]
    public async Task The_commands_exit_code_is_rinds(int exitCode)
    {
        var run = RunAsync(["sh", "-c", $"exit {exitCode}"], new FakeStandardStreams());

        await Command.ExitAsync(exitCode).WaitAsync(_timeout.Token);

        var outcome = await run;
        Assert.Equal(exitCode, outcome.ExitCode);
        Assert.Null(outcome.Message);
    }

    [Fact]
    public async Task Stdout_and_stderr_stay_apart_byte_for_byte()
    {
        var streams = new FakeStandardStreams();
        var large = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
        var run = RunAsync(["tool"], streams);

        await Command.WriteAsync(StreamKind.Stdout, "out 1\n"u8.ToArray()).WaitAsync(_timeout.Token);
        await Command.WriteAsync(StreamKind.Stderr, "err 1\n"u8.ToArray()).WaitAsync(_timeout.Token);
        await Command.WriteAsync(StreamKind.Stdout, [0, 255, 10, 13]).WaitAsync(_timeout.Token);
        await Command.WriteAsync(StreamKind.Stderr, "err 2"u8.ToArray()).WaitAsync(_timeout.Token);
        await Command.WriteAsync(StreamKind.Stdout, large).WaitAsync(_timeout.Token);
        await Command.ExitAsync(0).WaitAsync(_timeout.Token);

        Assert.Equal(0, (await run).ExitCode);
        Assert.Equal([.. "out 1\n"u8, 0, 255, 10, 13, .. large], streams.OutputBytes);
        Assert.Equal("err 1\nerr 2", streams.ErrorText);
    }

    [Fact]
    public async Task Rinds_stdin_reaches_the_command_and_its_end_is_passed_on()
    {
        var input = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 13)).ToArray();
        var run = RunAsync(["cat"], new FakeStandardStreams(input));

        await Command.InputEnded.WaitAsync(_timeout.Token);
        var received = Command.Input;
        await Command.ExitAsync(0).WaitAsync(_timeout.Token);

        Assert.Equal(0, (await run).ExitCode);
        Assert.Equal(input, received);
    }

    [Fact]
    public async Task A_command_without_input_has_its_input_ended_at_once()
    {
        var streams = new FakeStandardStreams("typed ahead\n"u8.ToArray());
        var run = RunAsync(["cat"], streams, hasInput: false);

        await Command.InputEnded.WaitAsync(_timeout.Token);
        var received = Command.Input;
        await Command.ExitAsync(0).WaitAsync(_timeout.Token);

        Assert.Equal(0, (await run).ExitCode);
        Assert.Empty(received);
    }

    [Fact]
    public async Task A_command_the_container_lacks_ends_with_127_and_one_line_naming_it()
    {
        var streams = new FakeStandardStreams();
        var run = RunAsync(["nope", "arg"], streams);

        await Command.LackAsync("nope").WaitAsync(_timeout.Token);

        var outcome = await run;
        Assert.Equal(127, outcome.ExitCode);
        Assert.Equal("rind: nope: command not found\n", streams.ErrorText + (outcome.Message is { } message ? $"rind: {message}\n" : ""));
        Assert.Empty(streams.OutputBytes);
    }

    [Theory]
    [InlineData(PosixSignal.SIGINT, "INT", 130)]
    [InlineData(PosixSignal.SIGTERM, "TERM", 143)]
    [InlineData(PosixSignal.SIGHUP, "HUP", 129)]
    public async Task A_signal_to_rind_reaches_the_commands_processes_and_rind_ends_as_the_command_dies_of_it(PosixSignal signal, string name, int exitCode)
    {
        var run = RunAsync(["sleep", "100"], new FakeStandardStreams());
        await Command.Started.WaitAsync(_timeout.Token);
        await WaitUntilAsync(() => _signals.Intercepting);

        _signals.Send(signal);
        await WaitUntilAsync(() => Command.Signals.Contains(name));
        await Command.ExitAsync(exitCode).WaitAsync(_timeout.Token);

        Assert.Equal(exitCode, (await run).ExitCode);
        Assert.Equal([name, "KILL"], Command.Signals);
        Assert.False(_signals.Intercepting);
    }

    [Fact]
    public async Task A_terminal_session_sizes_the_commands_terminal_to_the_local_size()
    {
        var terminal = new FakeTerminal(size: new TerminalSize(24, 80));
        var run = RunAsync(["bash"], new FakeStandardStreams(), terminal);

        await WaitUntilAsync(() => Command.TerminalSize == new TerminalSize(24, 80));
        await Command.ExitAsync(0).WaitAsync(_timeout.Token);

        Assert.Equal(0, (await run).ExitCode);
    }

    [Fact]
    public async Task A_terminal_session_resizes_the_commands_terminal_with_the_local_one()
    {
        var terminal = new FakeTerminal(size: new TerminalSize(24, 80));
        var run = RunAsync(["bash"], new FakeStandardStreams(), terminal);
        await WaitUntilAsync(() => Command.TerminalSize == new TerminalSize(24, 80) && terminal.IsRaw);

        terminal.Resize(new TerminalSize(50, 132));
        await WaitUntilAsync(() => Command.TerminalSize == new TerminalSize(50, 132));
        await Command.ExitAsync(0).WaitAsync(_timeout.Token);

        Assert.Equal(0, (await run).ExitCode);
    }

    [Fact]
    public async Task A_terminal_sessions_output_reaches_stdout_as_the_terminal_wrote_it_in_raw_mode()
    {
        var terminal = new FakeTerminal(size: new TerminalSize(24, 80));
        var streams = new FakeStandardStreams();
        byte[] written = [.. "\u001b[1mbold\u001b[0m\r\n"u8, 1, 0, 0, 0];
        var run = RunAsync(["bash"], streams, terminal);

        await Command.WriteAsync(StreamKind.Stdout, written).WaitAsync(_timeout.Token);
        await WaitUntilAsync(() => streams.OutputBytes.Length == written.Length);
        var rawMeanwhile = terminal.IsRaw;
        await Command.ExitAsync(0).WaitAsync(_timeout.Token);

        Assert.Equal(0, (await run).ExitCode);
        Assert.Equal(written, streams.OutputBytes);
        Assert.True(rawMeanwhile);
        Assert.Equal(["raw", "restored"], terminal.Events);
    }

    [Fact]
    public async Task A_broken_output_connection_is_a_one_line_error_that_names_the_backends_side()
    {
        var streams = new FakeStandardStreams();
        var run = RunAsync(["tail", "-f", "log"], streams);
        await Command.WriteAsync(StreamKind.Stdout, "partial\n"u8.ToArray()).WaitAsync(_timeout.Token);
        await WaitUntilAsync(() => streams.OutputText == "partial\n");

        await Command.BreakOffAsync().WaitAsync(_timeout.Token);

        var failure = await Assert.ThrowsAsync<RindException>(() => run);
        Assert.StartsWith($"the connection to {_connected!.Server}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("broke off", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.Equal("partial\n", streams.OutputText);
    }

    [Fact]
    public void Connecting_says_what_the_backend_can_do()
    {
        using var backend = CreateBackend();

        var traits = backend.Connect();

        Assert.Equal(ExpectedTraits, traits);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        _timeout.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A backend over the subclass's fakes, not yet connected.</summary>
    internal abstract IBackend CreateBackend();

    /// <summary>
    /// Runs <paramref name="command"/> as rind does, on a thread of its own while the case plays the command:
    /// the backend connected, the plan made on its traits, the session run, all within the case's time.
    /// </summary>
    /// <param name="terminal">rind's terminal, for a terminal session; none without.</param>
    /// <param name="hasInput">Whether rind's stdin holds input for the command; without, the command gets none, as from /dev/null.</param>
    private Task<ExecOutcome> RunAsync(string[] command, FakeStandardStreams streams, FakeTerminal? terminal = null, bool hasInput = true) =>
        Task.Run(() =>
        {
            using var backend = CreateBackend();
            var traits = backend.Connect();
            _connected = traits;
            var plan = ExecPlanner.Plan(
                new Invocation(InvocationAction.Run, Verbose: false, terminal is null ? TtyMode.Never : TtyMode.Always, command),
                Target,
                traits,
                new LocalConditions(Tty: terminal is not null, Term: "xterm-256color") { HasInput = hasInput });
            IStandardStreams commandStreams = hasInput ? streams : new StandardStreamsWithoutInput(streams);
            return new ExecSession(backend, traits, commandStreams, terminal ?? new FakeTerminal(isTerminal: false), _signals, NullLogger.Instance).Run(Target, plan);
        }).WaitAsync(_timeout.Token);

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(5, _timeout.Token);
        }
    }
}
