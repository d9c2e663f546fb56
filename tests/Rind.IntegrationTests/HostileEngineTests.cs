using System.Diagnostics;
using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>
/// rind against an engine that misbehaves on purpose: every case ends in time, in bounded memory,
/// with one line that says what the engine did.
/// </summary>
public sealed class HostileEngineTests
{
    /// <summary>The answer limit is 64 MiB; this leaves room for the runtime, and none for a second copy of a large answer.</summary>
    private const long MemoryCeilingKiB = 160 * 1024;

    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_endless_container_list_is_refused_at_64_MiB_in_bounded_memory()
    {
        var chunk = "100000\r\n" + new string('x', 0x100000) + "\r\n";
        using var engine = EngineWhoseListIs(answer =>
        {
            answer.Send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (long sent = 0; sent < FaultyEngine.MaxBytesPerResponse; sent += chunk.Length)
            {
                answer.Send(chunk);
            }
        });

        var (result, peakKiB) = await RindBinary.RunMeasuredAsync(["true"], engine.Environment, Bounded);

        Assert.Equal(125, result.ExitCode);
        Assert.Equal(
            $"rind: the engine at {engine.Host} sent an answer to GET /containers/json larger than 64 MiB, more than rind reads; it was not read\n",
            result.Stderr);
        Assert.InRange(peakKiB, 0, MemoryCeilingKiB);
    }

    [Fact]
    public async Task An_answer_announced_larger_than_the_limit_is_refused_before_it_is_read()
    {
        using var engine = EngineWhoseListIs(answer =>
        {
            answer.Send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1099511627776\r\n\r\n[");
            var filler = new byte[0x100000];
            for (long sent = 0; sent < FaultyEngine.MaxBytesPerResponse; sent += filler.Length)
            {
                answer.Send(filler);
            }
        });

        var (result, peakKiB) = await RindBinary.RunMeasuredAsync(["true"], engine.Environment, Bounded);

        Assert.Equal(125, result.ExitCode);
        Assert.Contains("sent an answer to GET /containers/json larger than 64 MiB", result.Stderr, StringComparison.Ordinal);
        Assert.InRange(peakKiB, 0, 64 * 1024);
    }

    [Fact]
    public async Task An_answer_that_ends_before_its_announced_length_is_blamed_with_what_was_missing()
    {
        using var engine = EngineWhoseListIs(answer =>
        {
            answer.Send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n[{\"Id\":");
        });

        var result = await RindBinary.RunAsync(["true"], environment: engine.Environment, timeout: Bounded);

        Assert.Equal(125, result.ExitCode);
        Assert.Equal(
            $"rind: the engine at {engine.Host} broke off the request (the connection ended inside the answer's body, with 993 of the 1000 bytes announced still to come)\n",
            result.Stderr);
    }

    [Fact]
    public async Task An_engine_that_never_answers_is_given_up_after_RIND_TIMEOUT()
    {
        using var engine = new FaultyEngine((_, answer) =>
        {
            answer.Stopping.WaitHandle.WaitOne();
            return false;
        });
        var clock = Stopwatch.StartNew();

        var result = await RindBinary.RunAsync(["true"], environment: With(engine, ("RIND_TIMEOUT", "1")), timeout: Bounded);

        Assert.Equal(125, result.ExitCode);
        Assert.Equal(
            $"rind: the engine at {engine.Host} did not answer GET /_ping within 1 s; it may be stuck or overloaded (RIND_TIMEOUT=SECONDS sets the limit)\n",
            result.Stderr);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_engine_that_answers_one_byte_a_second_is_given_up_after_RIND_TIMEOUT()
    {
        using var engine = EngineWhoseListIs(answer =>
        {
            foreach (var character in "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n[]")
            {
                answer.Send(character.ToString());
                answer.Stopping.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
            }
        });

        var result = await RindBinary.RunAsync(["true"], environment: With(engine, ("RIND_TIMEOUT", "2")), timeout: Bounded);

        Assert.Equal(125, result.ExitCode);
        Assert.Contains("did not answer GET /containers/json within 2 s", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engine_that_sends_interim_answers_without_end_is_given_up_after_RIND_TIMEOUT()
    {
        using var engine = new FaultyEngine((_, answer) =>
        {
            while (true)
            {
                answer.Send("HTTP/1.1 102 Processing\r\n\r\n");
                answer.Stopping.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(10));
            }
        });

        var result = await RindBinary.RunAsync(["true"], environment: With(engine, ("RIND_TIMEOUT", "1")), timeout: Bounded);

        Assert.Equal(125, result.ExitCode);
        Assert.Contains("did not answer GET /_ping within 1 s", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_may_run_longer_than_RIND_TIMEOUT()
    {
        using var engine = new FaultyEngine((request, answer) =>
        {
            if (!request.Endpoint.EndsWith("/start", StringComparison.Ordinal))
            {
                return answer.AsEngine(request, exitCode: 3);
            }

            answer.Upgrade();
            answer.Stopping.WaitHandle.WaitOne(TimeSpan.FromSeconds(2));
            answer.Send(FaultyEngineResponse.Frame(1, "after a while\n"));
            answer.EndOutput();
            return false;
        });

        var result = await RindBinary.RunAsync(["true"], environment: With(engine, ("RIND_TIMEOUT", "0.5")), timeout: Bounded);

        Assert.Equal("after a while\n", result.Stdout);
        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task Container_names_with_control_characters_cannot_act_on_the_terminal()
    {
        const string containers =
            """
            [{"Id":"aaaa1111","Names":["/web\u001b]0;pwned\u0007"],"State":"running","Labels":{"app.rind":""}},
             {"Id":"bbbb2222","Names":["/db\r\nrind: forged line\u001b[2J"],"State":"running","Labels":{"app.rind":""}}]
            """;
        using var engine = new FaultyEngine((request, answer) => answer.AsEngine(request, containers: containers));

        var result = await RindBinary.RunAsync(["true"], environment: engine.Environment, timeout: Bounded);

        Assert.Equal(125, result.ExitCode);
        Assert.DoesNotMatch(@"[\x00-\x09\x0b-\x1f\x7f\u0080-\u009f]", result.Stderr);
        Assert.Equal(3, result.Stderr.TrimEnd('\n').Split('\n').Length);
        Assert.Contains(@"web\x1b]0;pwned\x07", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(@"db\r\nrind: forged line\x1b[2J", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(-2)]
    [InlineData(4294967296)]
    public async Task An_exit_code_outside_0_to_255_is_not_taken_for_the_commands(long exitCode)
    {
        using var engine = new FaultyEngine((request, answer) => answer.AsEngine(request, FaultyEngineResponse.Frame(1, "out\n"), exitCode));

        var result = await RindBinary.RunAsync(["true"], environment: engine.Environment, timeout: Bounded);

        Assert.Equal(125, result.ExitCode);
        Assert.Equal("out\n", result.Stdout);
        Assert.Contains($"impossible exit code ({exitCode})", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Output_after_a_line_like_the_engines_notice_streams_in_bounded_memory()
    {
        // Podman's errors open with "Error: ", and pieces that did were held with the notice until the end.
        var line = "Error: " + new string('e', 63 * 1024) + "\n";
        const int lines = 1600;
        using var engine = new FaultyEngine((request, answer) =>
        {
            if (!request.Endpoint.EndsWith("/start", StringComparison.Ordinal))
            {
                return answer.AsEngine(request, exitCode: 0);
            }

            // A write of the command's own is a frame; paced, each arrives whole in a read of its own.
            answer.Upgrade();
            answer.Send(FaultyEngineResponse.Frame(1, "OCI runtime exec failed: looks like the engine's\n"));
            var frame = FaultyEngineResponse.Frame(2, line);
            for (var index = 0; index < lines; index++)
            {
                answer.Send(frame);
                answer.Stopping.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(1));
            }

            answer.EndOutput();
            return false;
        });

        var (result, peakKiB) = await RindBinary.RunMeasuredAsync(["true"], engine.Environment, Bounded);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("OCI runtime exec failed: looks like the engine's\n", result.Stdout);
        Assert.Equal(lines * line.Length, result.Stderr.Length);
        Assert.InRange(peakKiB, 0, 48 * 1024);
    }

    /// <summary>An engine sound in all but its answer to the list of containers.</summary>
    private static FaultyEngine EngineWhoseListIs(Action<FaultyEngineResponse> answerList) =>
        new((request, answer) =>
        {
            if (request.Endpoint != "/containers/json")
            {
                return answer.AsEngine(request);
            }

            answerList(answer);
            return false;
        });

    private static Dictionary<string, string?> With(FaultyEngine engine, params (string Name, string Value)[] settings)
    {
        var environment = new Dictionary<string, string?>(engine.Environment);
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        return environment;
    }
}
