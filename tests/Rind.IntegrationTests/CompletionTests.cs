using System.Diagnostics;
using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>
/// <c>rind --complete WORD...</c>, the call behind every Tab of the completion scripts, against the
/// engine's labelled containers: what it prints is what the shell offers.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class CompletionTests : IAsyncLifetime
{
    /// <summary>Far from the default second: these tests prove what is completed, not how fast, on a machine that may be busy.</summary>
    private static readonly IReadOnlyDictionary<string, string?> Patient = new Dictionary<string, string?> { ["RIND_COMPLETION_TIMEOUT"] = "30" };

    private readonly DirectoryInfo _elsewhere = Directory.CreateTempSubdirectory("rind-it-completion-");
    private LabelledContainer? _django;

    public async Task InitializeAsync() => _django = await DjangoContainer.StartAsync();

    public async Task DisposeAsync()
    {
        await _django!.DisposeAsync();
        _elsewhere.Delete(recursive: true);
    }

    [Fact]
    public async Task Django_management_commands_complete_through_manage_py()
    {
        var result = await CompleteAsync("./manage.py", "mig");

        Assert.Equal(["migrate"], result);
    }

    [Theory]
    [InlineData("python")]
    [InlineData("python3")]
    public async Task Django_completes_when_manage_py_is_run_by_python(string python)
    {
        var result = await CompleteAsync(python, "manage.py", "makem");

        Assert.Equal(["makemessages", "makemigrations"], result);
    }

    [Fact]
    public async Task A_Django_commands_options_complete_with_an_equals_sign_for_their_value()
    {
        var result = await CompleteAsync("./manage.py", "migrate", "--data");

        Assert.Equal(["--database="], result);
    }

    [Theory]
    [InlineData("pip")]
    [InlineData("pip3")]
    public async Task Pip_commands_complete_through_pips_own_completion(string pip)
    {
        var result = await CompleteAsync(pip, "inst");

        Assert.Equal(["install"], result);
    }

    [Fact]
    public async Task Pip_completes_when_run_as_a_module_of_python()
    {
        var result = await CompleteAsync("python3", "-m", "pip", "uninst");

        Assert.Equal(["uninstall"], result);
    }

    [Fact]
    public async Task File_names_complete_from_the_folder_rind_would_run_in_inside_the_container()
    {
        var result = await CompleteAsync("cat", "m");

        Assert.Equal(["manage.py", "mysite/"], result);
    }

    [Fact]
    public async Task File_names_complete_inside_a_folder_of_the_container()
    {
        var result = await CompleteAsync("cat", "mysite/se");

        Assert.Equal(["mysite/settings.py"], result);
    }

    [Fact]
    public async Task The_command_completes_from_the_containers_PATH()
    {
        var result = await CompleteAsync("python3.");

        Assert.Single(result, name => name.StartsWith("python3.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_labelled_services_complete_after_the_service_option()
    {
        var result = await CompleteLinesAsync("-s", "");

        Assert.Equal(["web\tproject mysite"], result);
    }

    [Fact]
    public async Task The_labelled_containers_complete_after_the_container_option()
    {
        var result = await CompleteLinesAsync("--container=");

        Assert.Equal([$"--container={_django!.Name}\tservice web"], result);
    }

    [Fact]
    public async Task A_service_or_project_label_with_control_characters_never_reaches_the_terminal()
    {
        await using var hostile = await LabelledContainer.StartAsync(
            labels: new Dictionary<string, string>
            {
                ["com.docker.compose.project"] = "shop\u001b]0;owned\u0007",
                ["com.docker.compose.service"] = "worker\u001b[2J",
            });

        var result = await CompleteLinesAsync("-s", "");

        Assert.Equal(["web\tproject mysite"], result);
        var containers = await CompleteLinesAsync("-c", "");
        Assert.Contains($"{hostile.Name}\tservice worker[2J", containers);
        Assert.All(containers, line => Assert.False(line.Replace("\t", "", StringComparison.Ordinal).Any(char.IsControl), line));
    }

    [Fact]
    public async Task Rinds_options_complete_with_what_they_do()
    {
        var result = await CompleteLinesAsync("--ser");

        Assert.Equal(["--service\tRun in the labelled container of this compose service"], result);
    }

    [Fact]
    public async Task After_a_double_dash_the_next_word_is_the_command_even_when_it_looks_like_an_option()
    {
        var result = await CompleteAsync("--", "./manage.py", "sendt");

        Assert.Equal(["sendtestemail"], result);
    }

    [Fact]
    public async Task What_the_pre_step_prints_is_no_candidate_and_what_it_sets_counts()
    {
        await using var noisy = await LabelledContainer.StartAsync(TestImages.Django, preStep: "echo manage-noise; cd /srv/mysite/mysite");

        var result = await CompleteAsync("-c", noisy.Name, "cat", "se");

        Assert.Equal(["settings.py"], result);
    }

    [Fact]
    public async Task An_unknown_option_completes_nothing_rather_than_a_guess()
    {
        var result = await RindBinary.RunAsync(["--complete", "--bogus", "cat", "m"], environment: Patient, workingDirectory: _elsewhere.FullName);

        Assert.Equal(("", "", 0), (result.Stdout, result.Stderr, result.ExitCode));
    }

    [Fact]
    public async Task Without_an_engine_a_Tab_returns_at_once_with_nothing()
    {
        var environment = new Dictionary<string, string?>(Patient)
        {
            ["DOCKER_HOST"] = $"unix://{Path.Combine(_elsewhere.FullName, "no-engine.sock")}",
            ["DOCKER_CONTEXT"] = null,
        };
        var clock = Stopwatch.StartNew();

        var result = await RindBinary.RunAsync(["--complete", "./manage.py", "mig"], environment: environment, workingDirectory: _elsewhere.FullName);

        Assert.Equal(("", "", 0), (result.Stdout, result.Stderr, result.ExitCode));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_engine_that_never_answers_completes_nothing_once_the_deadline_passes()
    {
        using var engine = new FaultyEngine((_, answer) =>
        {
            answer.Stopping.WaitHandle.WaitOne();
            return false;
        });
        var environment = new Dictionary<string, string?>(engine.Environment) { ["RIND_COMPLETION_TIMEOUT"] = "0.5" };
        var clock = Stopwatch.StartNew();

        var result = await RindBinary.RunAsync(["--complete", "cat", "m"], environment: environment, workingDirectory: _elsewhere.FullName, timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(("", "", 0), (result.Stdout, result.Stderr, result.ExitCode));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Completing_a_command_leaves_nothing_running_in_the_container()
    {
        await CompleteAsync("./manage.py", "mig");

        Assert.DoesNotContain(await _django!.ProcessesAsync(), process => process.Contains("manage.py", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<string>> CompleteAsync(params string[] words) =>
        [.. (await CompleteLinesAsync(words)).Select(line => line.Split('\t')[0])];

    private async Task<IReadOnlyList<string>> CompleteLinesAsync(params string[] words)
    {
        var result = await RindBinary.RunAsync(["--complete", .. words], environment: Patient, workingDirectory: _elsewhere.FullName);
        Assert.Equal(("", 0), (result.Stderr, result.ExitCode));
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
