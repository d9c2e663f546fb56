using System.Diagnostics;
using System.Security.Cryptography;
using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
[Trait("Category", "Representative")]
public sealed class StreamTests : IAsyncLifetime
{
    private LabelledContainer? _container;

    public async Task InitializeAsync() => _container = await LabelledContainer.StartAsync();

    public async Task DisposeAsync() => await _container!.DisposeAsync();

    [Fact]
    public async Task Piped_input_reaches_the_command()
    {
        var result = await RindBinary.RunInShellAsync("echo hi | \"$RIND\" cat");

        Assert.Equal("hi\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task The_end_of_a_redirected_file_ends_the_command()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "one\ntwo\n");
        try
        {
            var result = await RindBinary.RunInShellAsync($"\"$RIND\" wc -l < '{file}'", TimeSpan.FromSeconds(30));

            Assert.Equal("2", result.Stdout.Trim());
            Assert.Equal(0, result.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Stdout_and_stderr_stay_separate()
    {
        var result = await RindBinary.RunAsync(["sh", "-c", "echo out1; echo err1 >&2; echo out2; echo err2 >&2"]);

        Assert.Equal("out1\nout2\n", result.Stdout);
        Assert.Equal("err1\nerr2\n", result.Stderr);
    }

    [Fact]
    public async Task Output_without_a_final_newline_is_kept_exactly()
    {
        var result = await RindBinary.RunAsync(["printf", "no newline\r\n\tend"]);

        Assert.Equal("no newline\r\n\tend"u8.ToArray(), result.StdoutBytes);
    }

    [Fact]
    public async Task A_hundred_megabytes_of_random_bytes_round_trip_unchanged_in_bounded_memory()
    {
        var input = new byte[100 * 1024 * 1024];
        new Random(2).NextBytes(input);
        long peakResidentBytes = 0;

        var result = await ProcessRunner.RunAsync(
            RindBinary.Path,
            ["cat"],
            stdin: input,
            timeout: TimeSpan.FromMinutes(3),
            whileRunning: process => _ = SamplePeakMemoryAsync(process, peak => peakResidentBytes = peak));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(input.Length, result.StdoutBytes.Length);
        Assert.Equal(SHA256.HashData(input), SHA256.HashData(result.StdoutBytes));
        Assert.InRange(peakResidentBytes, 1, 64L * 1024 * 1024);
    }

    [Fact]
    public async Task Control_bytes_arriving_one_at_a_time_reach_the_command_unchanged()
    {
        // Each byte in a write of its own, as a slow producer sends them. Podman watches such input for
        // detach keys even without a terminal (Ctrl-P Ctrl-Q by default), and sees a key only when it
        // arrives alone; the NUL, Ctrl-_, NUL are rind's own sequence for terminal sessions.
        var result = await RindBinary.RunInShellAsync(
            "for byte in a '\\020' '\\021' '\\000' '\\037' '\\000' b; do printf \"$byte\"; sleep 0.2; done | \"$RIND\" od -An -tx1",
            TimeSpan.FromSeconds(30));

        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["61", "10", "11", "00", "1f", "00", "62"], result.Stdout.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Rind_returns_when_the_command_ends_even_if_its_stdin_stays_open()
    {
        var result = await RindBinary.RunAsync(["sh", "-c", "echo done"], holdStdinOpen: true, timeout: TimeSpan.FromSeconds(20));

        Assert.Equal("done\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task A_reader_that_goes_away_ends_rind_quietly()
    {
        var result = await RindBinary.RunInShellAsync(
            "\"$RIND\" yes | head -1; echo \"rind=${PIPESTATUS[0]}\"", TimeSpan.FromSeconds(30));

        Assert.Equal("y\nrind=141\n", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Output_into_a_file_other_commands_write_too_lands_between_theirs()
    {
        var file = Path.GetTempFileName();
        try
        {
            await RindBinary.RunInShellAsync(
                $"{{ echo before; \"$RIND\" echo out; echo middle; \"$RIND\" sh -c 'echo err >&2'; echo after; }} > '{file}' 2>&1",
                TimeSpan.FromSeconds(30));

            Assert.Equal("before\nout\nmiddle\nerr\nafter\n", await File.ReadAllTextAsync(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Input_read_from_a_shared_file_is_not_read_again_by_the_next_command()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "once\n");
        try
        {
            var result = await RindBinary.RunInShellAsync($"{{ \"$RIND\" cat; cat; }} < '{file}'", TimeSpan.FromSeconds(30));

            Assert.Equal("once\n", result.Stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Polls the kernel's high-water mark of resident memory until the process ends.</summary>
    private static async Task SamplePeakMemoryAsync(Process process, Action<long> report)
    {
        var status = $"/proc/{process.Id}/status";
        while (!process.HasExited)
        {
            try
            {
                var line = (await File.ReadAllLinesAsync(status)).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null)
                {
                    report(long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024);
                }
            }
            catch (IOException)
            {
                return;
            }

            await Task.Delay(20);
        }
    }
}
