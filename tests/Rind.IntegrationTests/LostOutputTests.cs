using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class LostOutputTests : IAsyncLifetime
{
    private LabelledContainer? _container;

    public async Task InitializeAsync() => _container = await LabelledContainer.StartAsync();

    public async Task DisposeAsync() => await _container!.DisposeAsync();

    [Fact]
    public async Task A_reader_that_goes_away_ends_the_command_in_the_container_and_rind_quietly_with_141()
    {
        var result = await RindBinary.RunInShellAsync(
            "\"$RIND\" sh -c 'yes' | head -2; echo \"rind=${PIPESTATUS[0]}\"", TimeSpan.FromSeconds(30));

        Assert.Equal("y\ny\nrind=141\n", result.Stdout);
        Assert.Equal("", result.Stderr);
        Assert.DoesNotContain(await ProcessesOnceSettledAsync("yes"), process => process.Contains("yes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stdout_that_cannot_be_written_is_one_line_naming_the_reason_exits_1_and_ends_the_command()
    {
        var result = await RindBinary.RunInShellAsync(
            "\"$RIND\" sh -c 'echo out; exec sleep 1237' > /dev/full", TimeSpan.FromSeconds(30));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("rind: cannot write to stdout: No space left on device\n", result.Stderr);
        Assert.DoesNotContain(await ProcessesOnceSettledAsync("sleep 1237"), process => process.Contains("sleep 1237", StringComparison.Ordinal));
    }

    /// <summary>The container's processes, once none shows <paramref name="gone"/> or a few seconds have passed.</summary>
    private async Task<IReadOnlyList<string>> ProcessesOnceSettledAsync(string gone)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var processes = await _container!.ProcessesAsync();
            if (!processes.Any(process => process.Contains(gone, StringComparison.Ordinal)) || DateTime.UtcNow >= deadline)
            {
                return processes;
            }

            await Task.Delay(200);
        }
    }
}
