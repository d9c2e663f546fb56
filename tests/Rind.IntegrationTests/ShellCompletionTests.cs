using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>
/// Tab in the real bash (with bash-completion), zsh and fish of the distribution, in a terminal, with
/// the scripts <c>rind --completion</c> prints, against a labelled container with a Django project.
/// The terminal's folder holds nothing: what completes comes from the container.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ShellCompletionTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rind-it-tab-");
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("rind-it-tab-home-");
    private LabelledContainer? _django;

    public static TheoryData<string> Shells => [.. InteractiveShell.Names];

    public async Task InitializeAsync() => _django = await DjangoContainer.StartAsync();

    public async Task DisposeAsync()
    {
        await _django!.DisposeAsync();
        _folder.Delete(recursive: true);
        _home.Delete(recursive: true);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_Django_command_completes_from_manage_py_in_the_container(string shell)
    {
        await using var terminal = await StartAsync(shell);

        await terminal.SendTextAsync("rind ./manage.py mig");
        await terminal.SendKeysAsync("Tab");

        await terminal.WaitForScreenAsync("rind ./manage.py migrate", Wait);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task The_labelled_service_completes_after_the_service_option(string shell)
    {
        await using var terminal = await StartAsync(shell);

        await terminal.SendTextAsync("rind -s ");
        await terminal.SendKeysAsync("Tab");

        await terminal.WaitForScreenAsync("rind -s web", Wait);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_file_that_exists_only_in_the_container_completes(string shell)
    {
        await using var terminal = await StartAsync(shell);

        await terminal.SendTextAsync("rind cat ma");
        await terminal.SendKeysAsync("Tab");

        await terminal.WaitForScreenAsync("rind cat manage.py", Wait);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task An_alias_of_rind_completes_as_rind_would(string shell)
    {
        await using var terminal = await StartAsync(shell);
        await terminal.TypeLineAsync("alias dj='rind ./manage.py'");
        if (shell == "bash")
        {
            // bash completes an alias only once told to, as the script's header says.
            await terminal.TypeLineAsync("complete -F _rind_completion dj");
        }

        await terminal.SendTextAsync("dj mig");
        await terminal.SendKeysAsync("Tab");

        await terminal.WaitForScreenAsync("dj migrate", Wait);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task With_the_engine_stopped_a_Tab_returns_at_once_with_nothing(string shell)
    {
        var noEngine = new Dictionary<string, string> { ["DOCKER_HOST"] = $"unix://{Path.Combine(_folder.FullName, "stopped.sock")}" };
        await using var terminal = await StartAsync(shell, noEngine);

        await terminal.SendTextAsync("rind cat ma");
        await terminal.SendKeysAsync("Tab");
        await terminal.SendTextAsync("Z");

        // Typed after the Tab, Z shows once the Tab is done; within the deadline of a second, and then some for a busy machine.
        var screen = await terminal.WaitForScreenAsync("rind cat maZ", TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("rind:", screen, StringComparison.Ordinal);
    }

    private async Task<TmuxTerminal> StartAsync(string shell, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            // The default second is the users'; here the machine may be busy with other tests.
            ["RIND_COMPLETION_TIMEOUT"] = "15",
        };
        return await InteractiveShell.Of(shell).StartAsync(_folder.FullName, _home.FullName, variables);
    }
}
