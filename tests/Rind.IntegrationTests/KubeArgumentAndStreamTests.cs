using System.Security.Cryptography;
using Rind.IntegrationTests.Infrastructure;
using Rind.IntegrationTests.Infrastructure.Kubernetes;

namespace Rind.IntegrationTests;

/// <summary>
/// The command's argv and its streams through a pod's exec: every word as it was typed, stdout and
/// stderr apart and byte for byte, piped input to its end.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class KubeArgumentAndStreamTests : IAsyncLifetime
{
    private const string PrintEach = "for a; do printf '<%s>' \"$a\"; done";

    private static readonly string[] Words =
        ["a  b", "it's", "\"quoted\"", "$HOME", "$(id)", "", "*", "back\\slash", "tab\there", "new\nline", "héllo wörld ✓", "--kube", "-n"];

    private readonly KubeTestBed _bed = new();

    public static TheoryData<string, string?> Pods() => new()
    {
        { TestImages.Busybox, null },
        { TestImages.Dash, null },
        { TestImages.Dash, "source /venv/bin/activate" },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Pods))]
    public async Task Arguments_reach_the_command_in_the_pod_unchanged_with_or_without_a_pre_step(string image, string? preStep)
    {
        await _bed.StartClusterWithPodAsync(image, PreStep(preStep));

        var result = await _bed.Home.RunAsync(["sh", "-c", PrintEach, "sh", .. Words]);

        Assert.Equal((0, string.Concat(Words.Select(word => $"<{word}>")), ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact(Timeout = 120_000)]
    public async Task Options_after_the_command_and_after_a_double_dash_belong_to_the_command()
    {
        await _bed.StartClusterWithPodAsync();

        var afterCommand = await _bed.Home.RunAsync(["echo", "-n", "x", "--kube"]);
        var afterDashes = await _bed.Home.RunAsync(["--", "echo", "--version", "-c", "web"]);

        Assert.Equal((0, "x --kube"), (afterCommand.ExitCode, afterCommand.Stdout));
        Assert.Equal((0, "--version -c web\n"), (afterDashes.ExitCode, afterDashes.Stdout));
    }

    [Fact(Timeout = 120_000)]
    public async Task Stdout_and_stderr_stay_separate()
    {
        await _bed.StartClusterWithPodAsync();

        var result = await _bed.Home.RunAsync(["sh", "-c", "echo out1; echo err1 >&2; echo out2; echo err2 >&2"]);

        Assert.Equal((0, "out1\nout2\n", "err1\nerr2\n"), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact(Timeout = 120_000)]
    public async Task Output_without_a_final_newline_is_kept_exactly()
    {
        await _bed.StartClusterWithPodAsync();

        var result = await _bed.Home.RunAsync(["printf", "no newline\r\n\tend"]);

        Assert.Equal("no newline\r\n\tend"u8.ToArray(), result.StdoutBytes);
    }

    [Fact(Timeout = 120_000)]
    public async Task Every_byte_value_comes_out_of_stdout_and_of_stderr_unchanged()
    {
        await _bed.StartClusterWithPodAsync();
        var everyByte = string.Concat(Enumerable.Range(0, 256).Select(value => $"\\{Convert.ToString(value, 8).PadLeft(3, '0')}"));
        var stdout = Path.Combine(_bed.Home.Path, "stdout");
        var stderr = Path.Combine(_bed.Home.Path, "stderr");

        var result = await _bed.Home.RunInShellAsync(
            $"\"$RIND\" --kube sh -c \"printf '{everyByte}'; printf '{everyByte}' >&2\" > '{stdout}' 2> '{stderr}'");

        Assert.Equal(0, result.ExitCode);
        var expected = Enumerable.Range(0, 256).Select(value => (byte)value).ToArray();
        Assert.Equal(expected, await File.ReadAllBytesAsync(stdout));
        Assert.Equal(expected, await File.ReadAllBytesAsync(stderr));
    }

    [Fact(Timeout = 180_000)]
    public async Task Eight_megabytes_of_random_piped_bytes_come_back_unchanged_and_their_end_ends_the_command()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync();
        var input = new byte[8 * 1024 * 1024];
        new Random(12).NextBytes(input);

        var result = await _bed.Home.RunAsync(["cat"], stdin: input, timeout: TimeSpan.FromSeconds(120));

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.Equal(input.Length, result.StdoutBytes.Length);
        Assert.Equal(SHA256.HashData(input), SHA256.HashData(result.StdoutBytes));
        // Where WebSocket speaks only v4, the exec that ran is the SPDY one after it.
        Assert.True(cluster.Execs[^1].StdinEnded);
    }

    [Fact(Timeout = 120_000)]
    public async Task Piped_input_reaches_the_command_and_its_end_ends_a_command_that_reads_to_it()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync();

        var result = await _bed.Home.RunInShellAsync("printf 'one\\ntwo\\n' | \"$RIND\" --kube sh -c 'wc -l; echo after'");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["2", "after", ""], result.Stdout.Split('\n', StringSplitOptions.TrimEntries));
        // Where WebSocket speaks only v4, the exec that ran is the SPDY one after it; either way its input was ended.
        var exec = cluster.Execs[^1];
        Assert.Equal((true, true), (exec.Stdin, exec.StdinEnded));
    }

    [Fact(Timeout = 120_000)]
    public async Task The_end_of_a_redirected_file_ends_the_command()
    {
        await _bed.StartClusterWithPodAsync();
        var file = Path.Combine(_bed.Home.Path, "input.txt");
        await File.WriteAllTextAsync(file, "one\ntwo\nthree\n");

        var result = await _bed.Home.RunInShellAsync($"\"$RIND\" --kube wc -l < '{file}'");

        Assert.Equal((0, "3"), (result.ExitCode, result.Stdout.Trim()));
    }

    [Fact(Timeout = 120_000)]
    public async Task Rind_returns_when_the_command_ends_even_if_its_stdin_stays_open()
    {
        await _bed.StartClusterWithPodAsync();

        var result = await RindBinary.RunAsync(
            ["--kube", "echo", "done"], environment: _bed.Home.Environment(), timeout: TimeSpan.FromSeconds(30), holdStdinOpen: true);

        Assert.Equal((0, "done\n"), (result.ExitCode, result.Stdout));
    }

    [Fact(Timeout = 120_000)]
    public async Task Variables_and_the_working_folder_reach_the_command_in_the_pod()
    {
        await _bed.StartClusterWithPodAsync();

        var result = await _bed.Home.RunAsync(["-e", "GREETING=two words", "-w", "/venv/bin", "sh", "-c", "echo \"$GREETING\"; pwd"]);

        Assert.Equal((0, "two words\n/venv/bin\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    private static Dictionary<string, string>? PreStep(string? preStep) =>
        preStep is null ? null : new Dictionary<string, string> { ["app.rind"] = preStep };
}
